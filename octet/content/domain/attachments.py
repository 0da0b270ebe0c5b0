"""Attachment specs (content/attachments/<index>.yaml): read and validate, no file generation.

The generator (scripts/make_attachments.py, dev-only: Pillow, openpyxl, reportlab) and the
content check both use this, so a spec mistake is reported the same way everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from octet.content.domain.problems import Problem
from octet.content.domain.yamlfile import MarkedDict, MarkedList, YamlError, line_of, load_yaml

KINDS = ("photo", "csv", "text", "spreadsheet", "pdf")
SCENES = ("beach", "city", "mountain", "office", "garden", "plain")
EXTENSIONS = {
    "photo": (".jpg", ".jpeg"),
    "csv": (".csv",),
    "spreadsheet": (".xlsx",),
    "pdf": (".pdf",),
}
# lower-case words joined by "-" (a leading competence index like "1.1-" is allowed), then an
# extension
FILE_NAME = re.compile(r"^[a-z0-9]+([.-][a-z0-9]+)*\.[a-z0-9]+$")
EXIF_DATETIME = re.compile(r"^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$")
KEYS = {
    "common": {"file", "kind"},
    "photo": {"width", "height", "scene", "caption", "exif"},
    "csv": {"delimiter", "rows"},
    "text": {"text"},
    "spreadsheet": {"sheets"},
    "pdf": {"title", "author", "subject", "created", "pages"},
}


@dataclass(frozen=True)
class AttachmentSpec:
    file: str
    kind: str
    data: Any  # the spec mapping as read (plain dict / list / scalars)
    path: str
    line: int


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _rows_ok(rows: Any) -> bool:
    return isinstance(rows, list) and all(
        isinstance(row, list) and all(not isinstance(c, (dict, list)) for c in row) for row in rows
    )


def _check(spec: MarkedDict, kind: str, problem) -> None:
    def need(key: str, types: tuple, message: str) -> Any:
        value = spec.get(key)
        if value is None or isinstance(value, bool) or not isinstance(value, types):
            problem(line_of(spec, key), message)
            return None
        return value

    if kind == "photo":
        for key in ("width", "height"):
            size = need(key, (int,), f"{key} must be a whole number of pixels")
            if size is not None and not 16 <= size <= 4000:
                problem(line_of(spec, key), f"{key} must be between 16 and 4000")
        scene = spec.get("scene", "plain")
        if scene not in SCENES:
            problem(line_of(spec, "scene"), f"scene must be one of {', '.join(SCENES)}")
        exif = spec.get("exif", {})
        if not isinstance(exif, dict):
            problem(line_of(spec, "exif"), "exif must be a mapping")
            return
        unknown = set(exif) - {"datetime", "make", "model", "artist", "gps"}
        if unknown:
            problem(line_of(spec, "exif"), f"unknown exif keys: {', '.join(sorted(unknown))}")
        stamp = exif.get("datetime")
        if stamp is not None and not (isinstance(stamp, str) and EXIF_DATETIME.match(stamp)):
            problem(line_of(exif, "datetime"), 'exif datetime is "YYYY:MM:DD HH:MM:SS"')
        gps = exif.get("gps")
        if gps is not None and not (
            isinstance(gps, list)
            and len(gps) == 2
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in gps)
            and -90 <= gps[0] <= 90
            and -180 <= gps[1] <= 180
        ):
            problem(line_of(exif, "gps"), "exif gps is [latitude, longitude] in degrees")
    elif kind == "csv":
        if not _rows_ok(spec.get("rows")):
            problem(line_of(spec, "rows"), "rows must be a list of lists of values")
        delimiter = spec.get("delimiter", ",")
        if not (isinstance(delimiter, str) and len(delimiter) == 1):
            problem(line_of(spec, "delimiter"), "delimiter must be one character")
    elif kind == "text":
        need("text", (str,), "text must be a string")
    elif kind == "spreadsheet":
        sheets = need("sheets", (list,), "sheets must be a list")
        for sheet in sheets or ():
            if not (isinstance(sheet, dict) and isinstance(sheet.get("name"), str)):
                problem(line_of(sheet, default=line_of(spec, "sheets")), "each sheet has a name")
            elif not _rows_ok(sheet.get("rows")):
                problem(line_of(sheet, "rows"), "sheet rows must be a list of lists of values")
    elif kind == "pdf":
        for key in ("title", "author"):
            need(key, (str,), f"{key} must be text")
        created = spec.get("created")
        try:
            datetime.fromisoformat(str(created))
        except ValueError:
            problem(line_of(spec, "created"), 'created is "YYYY-MM-DDTHH:MM:SS"')
        pages = spec.get("pages")
        if not (
            isinstance(pages, list)
            and pages
            and all(isinstance(p, list) and all(isinstance(x, str) for x in p) for p in pages)
        ):
            problem(line_of(spec, "pages"), "pages must be a non-empty list of lists of paragraphs")


def read_specs(content_dir: Path, display=str) -> tuple[list[AttachmentSpec], list[Problem]]:
    """Every spec under content_dir/attachments/*.yaml, and the problems found in them."""
    specs: list[AttachmentSpec] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    directory = Path(content_dir) / "attachments"
    for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else ():
        shown = display(path)
        try:
            data = load_yaml(path.read_bytes())
        except YamlError as error:
            problems.append(Problem(shown, error.line, error.message))
            continue
        if data is None:
            continue
        if not isinstance(data, MarkedList):
            problems.append(Problem(shown, 1, "an attachment spec file is a list of files"))
            continue
        for index, spec in enumerate(data):
            line = line_of(data, index)
            if not isinstance(spec, MarkedDict):
                problems.append(Problem(shown, line, "each attachment is a mapping"))
                continue

            def problem(
                at: int, message: str, name: str = str(spec.get("file")), shown: str = shown
            ) -> None:
                problems.append(Problem(shown, at, f"attachment {name}: {message}"))

            name, kind = spec.get("file"), spec.get("kind")
            if not isinstance(name, str) or not FILE_NAME.match(name):
                problem(line, "file must be a lower-case kebab-case name with an extension")
                continue
            if name in seen:
                problem(line, f"file name already used in {seen[name]}")
                continue
            seen[name] = f"{shown}:{line}"
            if kind not in KINDS:
                problem(line_of(spec, "kind", line), f"kind must be one of {', '.join(KINDS)}")
                continue
            for key in spec:
                if key not in KEYS["common"] | KEYS[kind]:
                    problem(line_of(spec, key), f"unknown key {key!r} for a {kind}")
            if kind in EXTENSIONS and not name.endswith(EXTENSIONS[kind]):
                problem(line, f"a {kind} file ends with {' or '.join(EXTENSIONS[kind])}")
            before = len(problems)
            _check(spec, kind, problem)
            if len(problems) == before:
                specs.append(AttachmentSpec(name, kind, _plain(spec), shown, line))
    return specs, problems
