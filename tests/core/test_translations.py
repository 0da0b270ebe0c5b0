import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]


def test_french_and_english_catalogues_are_complete_and_french_marks_do_not_break():
    result = subprocess.run(
        [sys.executable, "scripts/i18n_sync.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_compiled_catalogues_match_their_sources():
    for language in ("fr", "en"):
        po = polib.pofile(str(ROOT / "octet/locale" / language / "LC_MESSAGES/django.po"))
        mo = polib.mofile(str(ROOT / "octet/locale" / language / "LC_MESSAGES/django.mo"))
        compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in mo}
        source = {
            entry.msgid: entry.msgstr or entry.msgstr_plural for entry in po if entry.translated()
        }
        stale = {k for k in source if compiled.get(k) != source[k]}
        assert not stale, f"run `make messages`: {language} .mo is stale for {sorted(stale)[:5]}"


def test_a_french_number_stays_on_the_line_of_its_unit():
    from octet.core.domain.typography import NO_BREAK_SPACE as NB
    from octet.core.domain.typography import french_catalogue_spacing

    assert french_catalogue_spacing("dans %(days)s jours ?") == f"dans %(days)s{NB}jours{NB}?"
    assert french_catalogue_spacing("%(lost)d pix perdus") == f"%(lost)d{NB}pix perdus"
    # Only before a word: a placeholder before a number or a mark keeps its plain space.
    assert french_catalogue_spacing("%(a)s 3, %(b)s (x)") == "%(a)s 3, %(b)s (x)"
    french = polib.pofile(str(ROOT / "octet/locale/fr/LC_MESSAGES/django.po"))
    entry = french.find("You can reset in %(days)s day.")
    assert entry.msgstr_plural[1] == f"Vous pourrez remettre à zéro dans %(days)s{NB}jours."
