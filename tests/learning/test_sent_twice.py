"""The learning forms sent twice (a double tap without JavaScript, or sent again once the
connection seemed lost) do what they did once, and say so."""

from datetime import timedelta

import pytest
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.learning.models import Assessment, ProblemReport, SavedTutorial
from tests.learning.helpers import answer_current, current_challenge, finish_test, start

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


def test_improve_sent_twice_opens_one_test(signed_in):
    assessment_id = start(signed_in, "1.1")
    finish_test(signed_in, assessment_id, right=False)
    long_ago = timezone.now() - timedelta(days=5)
    Assessment.objects.filter(pk=assessment_id).update(completed_at=long_ago, created_at=long_ago)
    first = signed_in.post("/competences/1.1/start", {"mode": "improve"})
    second = signed_in.post("/competences/1.1/start", {"mode": "improve"})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] != f"/assessments/{assessment_id}/"
    assert Assessment.objects.filter(state=Assessment.State.STARTED).count() == 1


def test_continue_sent_twice_goes_on_to_the_next_question(signed_in):
    assessment_id = start(signed_in)
    for _ in range(5):
        answer_current(signed_in, assessment_id)
    url = f"/assessments/{assessment_id}/continue"
    for _ in range(2):
        response = signed_in.post(url)
        assert response["Location"] == f"/assessments/{assessment_id}/"
    assert Assessment.objects.get(pk=assessment_id).checkpoint_seen == 5


def test_save_and_remove_sent_twice_say_what_was_done(signed_in, learner):
    tutorial = next(iter(current_release().tutorials.values()))
    url = f"/tutorials/{tutorial.id}/save"
    for _ in range(2):
        page = signed_in.post(url, {"next": "/tutorials/"}, follow=True).content.decode()
        assert "Tutorial saved in “My tutorials”." in page
    assert SavedTutorial.objects.filter(user=learner).count() == 1
    for _ in range(2):
        page = signed_in.post(
            url, {"next": "/tutorials/", "action": "remove"}, follow=True
        ).content.decode()
        assert "Tutorial removed from your list." in page
    assert not SavedTutorial.objects.exists()
