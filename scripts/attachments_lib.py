"""Turn attachment specs into files, byte for byte the same on every run.

Dev-only (Pillow, openpyxl, reportlab): the platform serves the committed files. Every source of
variation is pinned: zip entry times, workbook and PDF dates, no random ids (reportlab
invariant mode), EXIF written explicitly.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

FIXED_DATE = datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
XP_AUTHOR = 0x9C9D


# --- photo ---------------------------------------------------------------------------------


def _sky(draw, width: int, height: int, horizon: int, top=(110, 170, 235), low=(190, 220, 250)):
    for y in range(horizon):
        t = y / max(1, horizon - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, low, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)


def _scene(draw, scene: str, w: int, h: int) -> None:
    """A recognisable scene from plain shapes; sizes follow the picture so any format works."""
    if scene == "beach":
        _sky(draw, w, h, h // 2)
        draw.ellipse([w * 0.72, h * 0.08, w * 0.86, h * 0.08 + w * 0.14], fill=(255, 214, 70))
        draw.rectangle([0, h // 2, w, h * 0.7], fill=(30, 110, 170))
        for i in range(6):
            y = h * 0.52 + i * h * 0.03
            draw.line(
                [(w * 0.05 + i * 20, y), (w * 0.25 + i * 20, y)], fill=(200, 230, 250), width=2
            )
        draw.rectangle([0, h * 0.7, w, h], fill=(235, 210, 150))
        draw.polygon(
            [(w * 0.2, h * 0.9), (w * 0.3, h * 0.78), (w * 0.4, h * 0.9)], fill=(220, 60, 60)
        )
    elif scene == "city":
        _sky(draw, w, h, h, top=(140, 170, 200), low=(220, 225, 235))
        x, i = 0.0, 0
        while x < w:
            bw = w * (0.08 + 0.05 * (i % 3))
            bh = h * (0.35 + 0.12 * ((i * 7) % 5))
            shade = 70 + (i * 37) % 80
            draw.rectangle([x, h - bh, x + bw - 3, h], fill=(shade, shade, shade + 15))
            for wy in range(int(h - bh + 10), h - 10, 18):
                for wx in range(int(x + 6), int(x + bw - 10), 14):
                    draw.rectangle([wx, wy, wx + 6, wy + 9], fill=(250, 230, 140))
            x += bw
            i += 1
    elif scene == "mountain":
        _sky(draw, w, h, h * 2 // 3)
        draw.rectangle([0, h * 2 // 3, w, h], fill=(80, 140, 70))
        for cx, top, half in ((0.3, 0.2, 0.3), (0.65, 0.3, 0.28), (0.9, 0.4, 0.2)):
            peak = (w * cx, h * top)
            base_y = h * 2 / 3
            draw.polygon(
                [(w * (cx - half), base_y), peak, (w * (cx + half), base_y)], fill=(110, 110, 125)
            )
            cap = 0.25
            draw.polygon(
                [
                    peak,
                    (peak[0] - w * half * cap, top * h + (base_y - top * h) * cap),
                    (peak[0] + w * half * cap, top * h + (base_y - top * h) * cap),
                ],
                fill=(245, 245, 250),
            )
    elif scene == "office":
        draw.rectangle([0, 0, w, h], fill=(225, 220, 205))
        draw.rectangle(
            [w * 0.65, h * 0.1, w * 0.92, h * 0.45],
            fill=(150, 200, 235),
            outline=(90, 90, 90),
            width=4,
        )
        draw.rectangle([0, h * 0.65, w, h * 0.72], fill=(140, 100, 60))
        draw.rectangle([w * 0.25, h * 0.3, w * 0.55, h * 0.58], fill=(30, 30, 35))
        draw.rectangle([w * 0.27, h * 0.33, w * 0.53, h * 0.55], fill=(70, 130, 200))
        draw.rectangle([w * 0.38, h * 0.58, w * 0.42, h * 0.65], fill=(30, 30, 35))
        draw.ellipse([w * 0.7, h * 0.56, w * 0.78, h * 0.65], fill=(240, 240, 240))
    elif scene == "garden":
        _sky(draw, w, h, h // 2)
        draw.rectangle([0, h // 2, w, h], fill=(90, 170, 80))
        draw.rectangle([w * 0.12, h * 0.3, w * 0.16, h * 0.6], fill=(110, 75, 40))
        draw.ellipse([w * 0.04, h * 0.1, w * 0.24, h * 0.38], fill=(50, 120, 50))
        for i in range(12):
            fx = w * (0.3 + 0.055 * i)
            fy = h * (0.7 + 0.08 * math.sin(i))
            draw.line([(fx, fy), (fx, fy + h * 0.08)], fill=(40, 110, 40), width=2)
            colour = ((230, 70, 90), (250, 200, 60), (160, 90, 210))[i % 3]
            draw.ellipse([fx - 7, fy - 7, fx + 7, fy + 7], fill=colour)
    else:  # plain
        _sky(draw, w, h, h, top=(200, 200, 205), low=(240, 240, 245))


def _degrees(value: float) -> tuple[float, float, float]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = round(((value - d) * 60 - m) * 60, 2)
    return (float(d), float(m), s)


def make_photo(spec: dict[str, Any]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    from PIL.ExifTags import GPS, IFD, Base

    width, height = spec["width"], spec["height"]
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    _scene(draw, spec.get("scene", "plain"), width, height)
    caption = spec.get("caption") or ""
    if caption:
        size = max(12, height // 20)
        font_path = FONT_DIR / "DejaVuSans.ttf"
        font = (
            ImageFont.truetype(str(font_path), size)
            if font_path.exists()
            else ImageFont.load_default()
        )
        band = size * 2
        draw.rectangle([0, height - band, width, height], fill=(0, 0, 0))
        draw.text((size // 2, height - band + size // 2), caption, fill=(255, 255, 255), font=font)
    exif = Image.Exif()
    meta = spec.get("exif") or {}
    for key, tag in (("make", Base.Make), ("model", Base.Model), ("artist", Base.Artist)):
        if meta.get(key):
            value = str(meta[key])
            # EXIF "ASCII" fields hold UTF-8 in practice (exiftool, phones); Pillow would write "?"
            exif[tag] = value if value.isascii() else value.encode("utf-8")
    if meta.get("artist"):
        # Windows shows the author from XPAuthor, UTF-16
        exif[XP_AUTHOR] = str(meta["artist"]).encode("utf-16-le") + b"\0\0"
    if meta.get("datetime"):
        exif[Base.DateTime] = meta["datetime"]
        exif_ifd = exif.get_ifd(IFD.Exif)
        exif_ifd[Base.DateTimeOriginal] = meta["datetime"]
        exif_ifd[Base.DateTimeDigitized] = meta["datetime"]
    if meta.get("gps"):
        latitude, longitude = meta["gps"]
        gps = exif.get_ifd(IFD.GPSInfo)
        gps[GPS.GPSVersionID] = b"\x02\x03\x00\x00"
        gps[GPS.GPSLatitudeRef] = "N" if latitude >= 0 else "S"
        gps[GPS.GPSLatitude] = _degrees(latitude)
        gps[GPS.GPSLongitudeRef] = "E" if longitude >= 0 else "W"
        gps[GPS.GPSLongitude] = _degrees(longitude)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif.tobytes(), optimize=False)
    return buffer.getvalue()


# --- text kinds ----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def make_csv(spec: dict[str, Any]) -> bytes:
    """UTF-8 with a byte order mark: without it, Excel opened by a double click reads the file
    in the computer's legacy code page and shows "CrÃ©er" for "Créer"; LibreOffice, Numbers
    and text editors ignore the mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=spec.get("delimiter", ","), lineterminator="\n")
    for row in spec["rows"]:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


# Formats whose standard delimits lines with CRLF (iCalendar, RFC 5545 section 3.1).
CRLF_EXTENSIONS = (".ics",)


def make_text(spec: dict[str, Any]) -> bytes:
    text = spec["text"]
    if str(spec.get("file", "")).lower().endswith(CRLF_EXTENSIONS):
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode("utf-8")


# --- spreadsheet ---------------------------------------------------------------------------


def _pin_zip(data: bytes, replace: dict[str, tuple[re.Pattern, bytes]]) -> bytes:
    """Rewrite a zip with fixed entry dates, optionally patching some entries."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename in replace:
                pattern, value = replace[item.filename]
                content = pattern.sub(value, content)
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return buffer.getvalue()


def make_spreadsheet(spec: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_spec in spec["sheets"]:
        sheet = workbook.create_sheet(title=str(sheet_spec["name"])[:31])
        for row in sheet_spec.get("rows") or []:
            # openpyxl keeps a string starting with "=" as a formula, as the spec wants
            sheet.append(list(row))
        for cell in sheet[1] if sheet.max_row >= 1 and sheet_spec.get("rows") else ():
            cell.font = Font(bold=True)
    workbook.properties.creator = "Octet"
    workbook.properties.created = FIXED_DATE
    workbook.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    workbook.save(buffer)  # stamps "modified" with the current time: pinned below
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    modified = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    return _pin_zip(
        buffer.getvalue(), {"docProps/core.xml": (modified, rb"\g<1>" + stamp + rb"\g<2>")}
    )


# --- pdf -----------------------------------------------------------------------------------


def _fonts() -> tuple[str, str, bool]:
    """(regular, bold, unicode): DejaVu if Debian ships it, else Helvetica in latin-1."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        if "OctetSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("OctetSans", str(regular)))
            pdfmetrics.registerFont(TTFont("OctetSans-Bold", str(bold)))
        return "OctetSans", "OctetSans-Bold", True
    return "Helvetica", "Helvetica-Bold", False


def _escape(text: str, unicode: bool) -> str:
    if not unicode:
        text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_pdf(spec: dict[str, Any]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    regular, bold, unicode = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=15, spaceAfter=8)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=17, leading=22, spaceAfter=12)
    created = datetime.fromisoformat(str(spec["created"]))
    stamp = created.strftime("D:%Y%m%d%H%M%S+00'00'")

    def pin_date(canvas, _doc) -> None:
        canvas.setDateFormatter(lambda *_: stamp)

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=spec.get("title", ""),
        author=spec.get("author", ""),
        subject=spec.get("subject", ""),
        creator="Octet",
        invariant=1,
    )
    story: list[Any] = []
    for number, page in enumerate(spec["pages"]):
        if number:
            story.append(PageBreak())
        for paragraph in page:
            if paragraph.startswith("# "):
                story.append(Paragraph(_escape(paragraph[2:], unicode), heading))
            else:
                story.append(Paragraph(_escape(paragraph, unicode).replace("\n", "<br/>"), body))
        story.append(Spacer(1, 4))
    document.build(story, onFirstPage=pin_date, onLaterPages=pin_date)
    return buffer.getvalue()


MAKERS = {
    "photo": make_photo,
    "csv": make_csv,
    "text": make_text,
    "spreadsheet": make_spreadsheet,
    "pdf": make_pdf,
}


def make(spec_kind: str, spec: dict[str, Any]) -> bytes:
    return MAKERS[spec_kind](spec)
