"""The intrinsic size of an illustration, read from its file: the page reserves the picture's
place before it arrives, so a slow download does not move the choices under a finger."""

from __future__ import annotations

import re
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)
NUMBER = r"\s*([0-9]+(?:\.[0-9]+)?)\s*"
LENGTH = re.compile(NUMBER + r"(?:px)?\s*$")
VIEW_BOX = re.compile(r"^\s*-?[0-9.]+[\s,]+-?[0-9.]+[\s,]+" + NUMBER + r"[\s,]+" + NUMBER + "$")


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in CSS pixels, or None when the file does not say it plainly."""
    with path.open("rb") as file:
        head = file.read(4096)  # the PNG header, or the SVG's root element
    if path.suffix == ".png":
        return _png_size(head)
    return _svg_size(head)


def _png_size(head: bytes) -> tuple[int, int] | None:
    # the IHDR chunk always comes first: length (4), type (4), width (4), height (4)
    if not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(head[16:20]), int.from_bytes(head[20:24])
    return (width, height) if width and height else None


def _svg_size(head: bytes) -> tuple[int, int] | None:
    root = SVG_ROOT.search(head)
    if root is None:
        return None
    attributes = {
        name.decode().lower(): value.decode(errors="replace")
        for name, value in re.findall(rb'([\w:-]+)\s*=\s*["\']([^"\']*)["\']', root.group())
    }
    width, height = (LENGTH.match(attributes.get(k, "")) for k in ("width", "height"))
    if width and height:
        size = round(float(width.group(1))), round(float(height.group(1)))
    else:
        box = VIEW_BOX.match(attributes.get("viewbox", ""))
        if box is None:
            return None
        size = round(float(box.group(1))), round(float(box.group(2)))
    return size if all(size) else None
