"""The learning forms sent twice (a double tap without JavaScript, or sent again once the
connection seemed lost) do what they did once, and say so."""

import pytest

from octet.learning.models import ProblemReport
from tests.learning.helpers import current_challenge, start

pytestmark = pytest.mark.django_db

INLINE = {"HTTP_X_OCTET_INLINE": "1"}


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def test_a_report_sent_twice_is_stored_once_and_both_copies_say_it_was_sent(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    report = {"challenge_id": challenge.id, "category": "instruction", "comment": "Unclear"}
    url = f"/assessments/{assessment_id}/report"
    for _ in range(2):
        page = signed_in.post(url, report, follow=True).content.decode()
        assert "your report has been sent" in page
    sent = signed_in.post(url, report, **INLINE)  # sent again by the script, after no reply
    assert sent.status_code == 200
    assert ProblemReport.objects.count() == 1
    # Another report on the same question is another one.
    signed_in.post(url, {**report, "comment": "Unclear, and a typo"}, follow=True)
    signed_in.post(url, {**report, "category": "other"}, follow=True)
    assert ProblemReport.objects.count() == 3


def test_the_same_report_sent_long_after_is_stored_again(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    report = {"challenge_id": challenge.id, "category": "other", "comment": "Typo"}
    url = f"/assessments/{assessment_id}/report"
    signed_in.post(url, report)
    first = ProblemReport.objects.get()
    ProblemReport.objects.filter(pk=first.pk).update(created_at=first.created_at.replace(year=2020))
    signed_in.post(url, report)
    assert ProblemReport.objects.count() == 2
