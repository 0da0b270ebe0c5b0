"""The attachments generator: deterministic bytes, metadata where a challenge looks for it."""

import importlib.util
import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "attachments"

pytest.importorskip("PIL")
pytest.importorskip("openpyxl")
pytest.importorskip("reportlab")


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_attachments", ROOT / "scripts" / "make_attachments.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_attachments", module)
    spec.loader.exec_module(module)
    return module


make_attachments = _script()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("first")
    written, problems = make_attachments.generate(FIXTURE, out)
    assert problems == []
    assert written == 6
    return out


def test_two_runs_give_the_same_bytes(generated, tmp_path):
    written, problems = make_attachments.generate(FIXTURE, tmp_path)
    assert (written, problems) == (6, [])
    names = sorted(p.name for p in generated.iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    for name in names:
        assert (generated / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_photo_carries_its_exif(generated):
    from PIL import Image
    from PIL.ExifTags import GPS, IFD, Base

    image = Image.open(generated / "beach-photo.jpg")
    assert image.size == (160, 120)
    exif = image.getexif()
    assert (exif[Base.Make], exif[Base.Model]) == ("Canon", "EOS 80D")
    # Pillow reads EXIF text as latin-1; the bytes are UTF-8, as exiftool and phones read them
    assert exif[Base.Artist].encode("latin-1").decode("utf-8") == "Léa Martin"
    assert exif[0x9C9D].decode("utf-16-le").rstrip("\0") == "Léa Martin"
    assert exif.get_ifd(IFD.Exif)[Base.DateTimeOriginal] == "2021:03:12 14:05:33"
    gps = exif.get_ifd(IFD.GPSInfo)
    assert (gps[GPS.GPSLatitudeRef], gps[GPS.GPSLongitudeRef]) == ("S", "E")
    degrees, minutes, seconds = (float(x) for x in gps[GPS.GPSLatitude])
    assert degrees + minutes / 60 + seconds / 3600 == pytest.approx(33.8568, abs=1e-4)
    assert not Image.open(generated / "plain.jpg").getexif().get_ifd(IFD.GPSInfo)


def test_csv_and_text_are_utf8_as_written(generated):
    # a CSV starts with the byte order mark that makes Excel read it as UTF-8
    assert (generated / "budget-2024.csv").read_bytes().startswith(b"\xef\xbb\xbfMois;")
    assert (generated / "budget-2024.csv").read_text(encoding="utf-8-sig") == (
        "Mois;Montant\nFévrier;120,50\nMars;80\n"
    )
    assert (generated / "notes-en.txt").read_text(encoding="utf-8") == (
        "Meeting at 10:00 — bring the “draft”.\n"
    )


def test_spreadsheet_keeps_formulas_and_fixed_dates(generated):
    from openpyxl import load_workbook

    data = (generated / "sales.xlsx").read_bytes()
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Sales", "Notes"]
    assert workbook["Sales"]["D2"].value == "=B2*C2"
    assert workbook["Sales"]["B2"].value == 1.5
    assert workbook.properties.modified.year == 2024
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }


def test_pdf_metadata_and_unicode_text(generated):
    data = (generated / "report-fr.pdf").read_bytes()
    assert b"/Title (Rapport annuel)" in data
    assert b"/Author (L\\351a Martin)" in data
    assert b"/CreationDate (D:20230504100000+00'00')" in data
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 2
    if Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists():
        assert b"DejaVuSans" in data  # accents rendered with an embedded TTF font


def test_check_mode_finds_missing_changed_and_stray_files(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    files = content / "attachments" / "files"
    assert make_attachments.main(["--content", str(content)]) == 0
    assert make_attachments.check(content) == []
    (files / "notes-en.txt").write_text("edited by hand\n")
    (files / "plain.jpg").unlink()
    (files / "stray.txt").write_text("?")
    problems = make_attachments.check(content)
    assert any(
        p.endswith("notes-en.txt: differs from its spec (run make attachments)") for p in problems
    )
    assert any(p.endswith("plain.jpg: missing (run make attachments)") for p in problems)
    assert any(p.endswith("stray.txt: no spec declares this file") for p in problems)
    assert make_attachments.main(["--content", str(content), "--check"]) == 1


def test_spec_problems_stop_generation(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    spec = content / "attachments" / "all.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8") + "- file: x.pdf\n  kind: pdf\n", encoding="utf-8"
    )
    written, problems = make_attachments.generate(content, tmp_path / "out")
    assert written == 0
    assert any("attachment x.pdf: title must be text" in p for p in problems)
