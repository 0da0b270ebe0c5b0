"""Keep the translation catalogues complete.

The English catalogue translates every message to itself (the source strings are English), so
that `en` is explicit and complete. In French, the space before : ; ? ! » and after « becomes a
no-break space, so a narrow screen never starts a line with the mark alone. With `--check`, exit
non-zero listing every message that has no translation in any catalogue, or such a space in
French. `make messages` runs this after extracting the strings.
"""

import argparse
import sys
from pathlib import Path

import polib

from octet.core.domain.typography import french_catalogue_spacing

LOCALE_DIR = Path(__file__).resolve().parent.parent / "octet" / "locale"


def fill_english(path: Path) -> None:
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()


def _translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def fill_french_spacing(path: Path) -> None:
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {
                k: french_catalogue_spacing(v) for k, v in entry.msgstr_plural.items()
            }
        else:
            entry.msgstr = french_catalogue_spacing(entry.msgstr)
    po.save()


def breakable_marks(path: Path) -> list[str]:
    po = polib.pofile(str(path))
    return [
        entry.msgid
        for entry in po
        if any(french_catalogue_spacing(text) != text for text in _translations(entry))
    ]


def missing(path: Path) -> list[str]:
    po = polib.pofile(str(path))
    return [entry.msgid for entry in po if not entry.translated()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report untranslated messages")
    args = parser.parse_args()
    french = LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"
    if not args.check:
        fill_english(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po")
        fill_french_spacing(french)
    problems = 0
    for msgid in breakable_marks(french):
        problems += 1
        print(f"{french.relative_to(LOCALE_DIR.parent.parent)}: breakable space: {msgid!r}")
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")):
        for msgid in missing(po_path):
            problems += 1
            print(f"{po_path.relative_to(LOCALE_DIR.parent.parent)}: untranslated: {msgid!r}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
