import gzip
from pathlib import Path

import pytest

from tests.learning.helpers import start

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
