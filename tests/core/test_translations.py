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
