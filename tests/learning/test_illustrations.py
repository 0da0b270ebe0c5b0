"""A picture's place is kept on the page before the picture arrives on a slow connection."""

import shutil
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from django.utils import timezone

from octet.content.domain import release as release_module
from octet.content.domain.release import current_release
from octet.learning.models import Assessment
from tests.learning.helpers import checkpoint_with_every_kind_of_material, question_of_1_3, start

CONTENT = Path(release_module.__file__).resolve().parents[3] / "content"


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def declared_size(svg: Path) -> tuple[str, str]:
    root = ET.parse(svg).getroot()
    return root.get("width"), root.get("height")


def png(width: int, height: int) -> bytes:
    """A real (blank, grey) PNG of that size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def question_page(client, challenge) -> str:
    assessment_id = start(client, "1.3")
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge.id, current_served_at=timezone.now()
    )
    return client.get(f"/assessments/{assessment_id}/").content.decode()


@pytest.mark.django_db
def test_a_question_and_its_correction_give_the_svg_its_own_width_and_height(signed_in):
    pictured = question_of_1_3(lambda c: c.illustration is not None)
    assert pictured.illustration.file.endswith(".svg")
    width, height = declared_size(CONTENT / "illustrations" / pictured.illustration.file)
    size = f'width="{width}" height="{height}"'
    page = question_page(signed_in, pictured)
    assert f'<img src="/illustrations/{pictured.illustration.file}"' in page
    assert page.count(size) == 1

    _, checkpoint, anchors, _ = checkpoint_with_every_kind_of_material(signed_in, "en")
    correction = checkpoint[checkpoint.index(f'id="{anchors["pictured"]}"') :]
    correction = correction[: correction.index("</figure>")]
    assert f'decoding="async" {size}>' in correction


@pytest.fixture
def bank_with_a_png(tmp_path, monkeypatch):
    """The bank, with its first chart replaced by a 640 x 400 PNG."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "illustrations" / "1.3-screenshot.png").write_bytes(png(640, 400))
    yaml = content / "competences" / "1.3.yaml"
    text = yaml.read_text(encoding="utf-8")
    old = "file: 1.3-bar-chart.svg"
    yaml.write_text(text.replace(old, "file: 1.3-screenshot.png", 1), encoding="utf-8")
    monkeypatch.setenv("OCTET_CONTENT_DIR", str(content))
    current_release.cache_clear()
    yield
    current_release.cache_clear()


@pytest.mark.django_db
def test_a_question_gives_the_png_its_own_width_and_height(bank_with_a_png, signed_in):
    [pictured] = [
        c
        for c in current_release().challenges.values()
        if c.illustration and c.illustration.file.endswith(".png")
    ]
    page = question_page(signed_in, pictured)
    assert (
        '<img src="/illustrations/1.3-screenshot.png" alt="'
        f'{pictured.illustration.alt["en"]}" width="640" height="400">'
    ) in page.replace("&#x27;", "'")
    served = signed_in.get("/illustrations/1.3-screenshot.png")
    assert served["Content-Type"] == "image/png"
