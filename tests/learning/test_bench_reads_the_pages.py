"""`make bench-answer` finds on Octet's pages what a browser would: a template change that
hides the question from it would make every benchmark answer an error, so it is tested here."""

import importlib.util
from pathlib import Path

import pytest

from octet.learning.models import Assessment
from tests.learning.helpers import start

pytestmark = pytest.mark.django_db

PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_answer.py"
spec = importlib.util.spec_from_file_location("bench_answer", PATH)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
INLINE = {"HTTP_X_OCTET_INLINE": "1"}


def test_the_benchmark_reads_the_question_its_locale_and_the_token(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    assessment_id = start(client)
    current = Assessment.objects.get(pk=assessment_id)
    for page in (
        client.get(f"/assessments/{assessment_id}/").content,  # a page load
        client.post("/competences/1.1/start", **INLINE).content,  # the script's reply
    ):
        assert bench.CHALLENGE_RE.search(page).group(1).decode() == current.current_challenge_id
        assert bench.LOCALE_RE.search(page).group(1).decode() == current.locale
        assert bench.CSRF_RE.search(page)
    assert bench.PATH_RE.match(f"/assessments/{assessment_id}/")
    assert bench.PATH_RE.match(f"/assessments/{assessment_id}/checkpoint").group(2)
