"""The files simulator's tree as plain data, for a page that shows it as text (no script).

The same scenario as `content/simulators/files.html`, read by the same rules: an item with
`children` is a folder unless its `type` says otherwise, a folder lists its folders first then
its files, by name ignoring case and accents, sizes are shown in units of 1000 (`48 KB`,
`2.3 MB`; `48 Ko`, `2,3 Mo` in French), dates `DD/MM/YYYY` in French, and a file's type comes
from its `kind` or its extension in the simulator's own words. Keep the two in step: a change
to one is a change to the other and to `tests/learning/test_files_text.py`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from octet.learning.domain import scenario
from octet.learning.domain.scenario import text as _text

# The explorer writes its dates as the social network does: DD/MM/YYYY in French.
shown_date = scenario.shown_date

_EXTENSION = re.compile(r"\.([^.]+)$")

# The simulator's `T[locale].kinds`, `kind`, `file` and `folder` words.
KINDS = {
    "fr": {
        "pdf": "Document PDF", "odt": "Texte OpenDocument", "docx": "Document Word",
        "doc": "Document Word", "txt": "Fichier texte", "jpg": "Image JPEG",
        "jpeg": "Image JPEG", "png": "Image PNG", "gif": "Image GIF", "svg": "Image SVG",
        "mp3": "Audio MP3", "mp4": "Vidéo MP4", "zip": "Archive ZIP",
        "ods": "Classeur OpenDocument", "xlsx": "Classeur Excel", "csv": "Fichier CSV",
        "odp": "Présentation OpenDocument", "pptx": "Présentation PowerPoint",
        "html": "Page web", "exe": "Application",
    },
    "en": {
        "pdf": "PDF document", "odt": "OpenDocument text", "docx": "Word document",
        "doc": "Word document", "txt": "Text file", "jpg": "JPEG image", "jpeg": "JPEG image",
        "png": "PNG image", "gif": "GIF image", "svg": "SVG image", "mp3": "MP3 audio",
        "mp4": "MP4 video", "zip": "ZIP archive", "ods": "OpenDocument spreadsheet",
        "xlsx": "Excel spreadsheet", "csv": "CSV file", "odp": "OpenDocument presentation",
        "pptx": "PowerPoint presentation", "html": "Web page", "exe": "Application",
    },
}  # fmt: skip
_OTHER_KIND = {"fr": "Fichier {e}", "en": "{e} file"}
_A_FILE = {"fr": "Fichier", "en": "File"}
_A_FOLDER = {"fr": "Dossier", "en": "Folder"}
_UNITS = {"fr": ("octets", "Ko", "Mo", "Go"), "en": ("bytes", "KB", "MB", "GB")}


@dataclass(frozen=True)
class Item:
    name: str
    folder: bool
    size: int  # bytes; 0 for a folder
    modified: str  # as the scenario writes it
    author: str
    kind: str  # "" unless the scenario names it
    count: int  # a folder's items; 0 for a file


@dataclass(frozen=True)
class Folder:
    path: tuple[str, ...]  # from the root, without the root's name; () for the root
    items: list[Item]  # as the simulator lists them at first: folders, then files, by name


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    ).lower()


def _is_folder(raw) -> bool:
    kind = raw.get("type")
    return kind == "folder" if kind else isinstance(raw.get("children"), (list, tuple))


def _size(raw) -> int:
    try:
        size = float(raw.get("size") or 0)
    except (TypeError, ValueError):
        return 0
    return int(size) if size == size and abs(size) != float("inf") else 0


def _items(raws) -> list[Item]:
    items = [
        Item(
            name=_text(r.get("name")),
            folder=_is_folder(r),
            size=0 if _is_folder(r) else _size(r),
            modified=_text(r.get("modified")),
            author=_text(r.get("author")),
            kind=_text(r.get("kind")),
            count=len(r.get("children") or ()) if _is_folder(r) else 0,
        )
        for r in raws
        if hasattr(r, "get")
    ]
    return sorted(items, key=lambda i: (not i.folder, _fold(i.name)))


def folders(scenario) -> list[Folder]:
    """Every folder of the tree, the root first, each followed by its sub-folders in the order
    they are listed (depth first)."""
    out: list[Folder] = []

    def walk(path: tuple[str, ...], raws) -> None:
        raws = [r for r in raws or () if hasattr(r, "get")]
        items = _items(raws)
        out.append(Folder(path, items))
        by_name = {_text(r.get("name")): r for r in raws}
        for item in items:
            if item.folder:
                walk((*path, item.name), by_name[item.name].get("children"))

    walk((), scenario.get("tree"))
    return out


def bin_items(scenario) -> list[Item]:
    return _items(scenario.get("bin") or ())


def shown_size(size: int, locale: str) -> str:
    """As the simulator's Size column shows it: `48 KB`, `2.3 MB`, `120 bytes`."""
    units = _UNITS.get(locale, _UNITS["en"])
    value, unit = float(size), 0
    while value >= 1000 and unit < 3:
        value /= 1000
        unit += 1
    if unit == 0:
        text = str(size)
    elif value < 10:  # JavaScript's toFixed(1): the nearest, a tie to the larger
        text = str(Decimal(value).quantize(Decimal("0.1"), ROUND_HALF_UP))
    else:
        text = str(int(value + 0.5))  # JavaScript's Math.round, for sizes
    return f"{text.replace('.', ',') if locale == 'fr' else text} {units[unit]}"


def kind_of(item: Item, locale: str) -> str:
    """The Type column: the scenario's `kind`, else the extension's word, else "File"."""
    if item.folder:
        return _A_FOLDER.get(locale, _A_FOLDER["en"])
    if item.kind:
        return item.kind
    found = _EXTENSION.search(item.name)
    if not found:
        return _A_FILE.get(locale, _A_FILE["en"])
    extension = found[1].lower()
    words = KINDS.get(locale, KINDS["en"])
    other = _OTHER_KIND.get(locale, _OTHER_KIND["en"])
    return words.get(extension) or other.replace("{e}", extension.upper())
