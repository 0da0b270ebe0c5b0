import gzip
from pathlib import Path

import pytest

from tests.learning.helpers import checkpoint_with_every_kind_of_material, start

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "octet"


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def test_challenge_page_with_its_css_and_js_stays_under_30_kb_compressed(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    assessment_id = start(client)
    html = client.get(f"/assessments/{assessment_id}/").content
    css = (STATIC / "core/static/octet/site.css").read_bytes()
    js = (STATIC / "learning/static/learning/journey.js").read_bytes()
    total = compressed(html) + compressed(css) + compressed(js)
    assert b'href="/static/octet/site.css"' in html
    assert b'src="/static/learning/journey.js"' in html
    assert total < 30 * 1024, f"{total} bytes"


def test_a_checkpoint_showing_a_picture_a_file_and_a_simulator_stays_light(
    client, learner, password
):
    """The corrections name the files and simulators again and show the pictures, lazily, from
    their own addresses (cached): the page itself stays a few kilobytes."""
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    _, page, _, _ = checkpoint_with_every_kind_of_material(client, "fr")
    assert 'loading="lazy"' in page and "<iframe" not in page
    assert "<svg" not in page  # the picture is not inlined in the page
    css = (STATIC / "core/static/octet/site.css").read_bytes()
    js = (STATIC / "learning/static/learning/journey.js").read_bytes()
    html = compressed(page.encode())
    assert html < 6 * 1024, f"{html} bytes"
    assert html + compressed(css) + compressed(js) < 30 * 1024
