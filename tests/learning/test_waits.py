"""How long a learner has to wait before improving or resetting a competence, as the pages
say it: in days, or in hours when less than a day is left."""

from datetime import timedelta

import pytest
from django.utils import timezone

from octet.learning.domain.presentation import WaitShown, wait_shown
from octet.learning.models import Assessment, KnowledgeElement
from tests.learning.helpers import answer_current, finish_test, start


@pytest.mark.parametrize(
    ("wait", "shown"),
    [
        (timedelta(0), None),
        (timedelta(seconds=-5), None),
        (timedelta(seconds=1), WaitShown(1, "hours")),
        (timedelta(minutes=59), WaitShown(1, "hours")),
        (timedelta(hours=1), WaitShown(1, "hours")),
        (timedelta(hours=2, minutes=1), WaitShown(3, "hours")),
        (timedelta(hours=23, minutes=59), WaitShown(24, "hours")),
        (timedelta(days=1), WaitShown(1, "days")),
        (timedelta(days=1, hours=1), WaitShown(2, "days")),  # never sooner than said
        (timedelta(days=6, hours=23), WaitShown(7, "days")),
        (timedelta(days=7), WaitShown(7, "days")),
    ],
)
def test_a_wait_is_shown_in_days_rounded_up_or_in_hours_under_a_day(wait, shown):
    assert wait_shown(wait) == shown


def test_only_hours_are_shown_in_hours():
    assert WaitShown(3, "hours").in_hours and not WaitShown(3, "days").in_hours


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def _last_activity(ago: timedelta) -> None:
    when = timezone.now() - ago
    Assessment.objects.update(created_at=when, completed_at=when)
    KnowledgeElement.objects.update(created_at=when)


@pytest.mark.django_db
def test_improving_says_hours_when_less_than_a_day_is_left(signed_in, learner):
    finish_test(signed_in, start(signed_in), right=False)
    _last_activity(timedelta(days=3, hours=21, minutes=20))  # improving waits 4 days
    assert "You can improve in 3 hours." in signed_in.get("/profile/").content.decode()
    sent = signed_in.post("/competences/1.1/start", {"mode": "improve"}, follow=True)
    assert "You can improve this competence in 3 hours." in sent.content.decode()
    _last_activity(timedelta(days=2, hours=23))
    assert "You can improve in 2 days." in signed_in.get("/profile/").content.decode()
    learner.language = "fr"
    learner.save(update_fields=["language"])
    _last_activity(timedelta(days=3, hours=21, minutes=20))
    page = signed_in.get("/profile/").content.decode()
    assert "Vous pourrez retenter dans 3\u00a0heures." in page


@pytest.mark.django_db
def test_the_profile_and_the_reset_page_say_hours_when_less_than_a_day_is_left(signed_in, learner):
    finish_test(signed_in, start(signed_in), right=True)
    _last_activity(timedelta(days=6, hours=23, minutes=30))  # resetting waits 7 days
    page = signed_in.get("/profile/").content.decode()
    assert "You can reset in 1 hour." in page and "in 1 day" not in page
    reset = signed_in.get("/competences/1.1/reset").content.decode()
    assert "You can reset this competence in 1 hour." in reset
    sent = signed_in.post("/competences/1.1/reset", follow=True).content.decode()
    assert "You can reset this competence in 1 hour." in sent
    assert not Assessment.objects.filter(state="reset").exists()
    _last_activity(timedelta(days=5, hours=23))
    assert "You can reset in 2 days." in signed_in.get("/profile/").content.decode()

    learner.language = "fr"
    learner.save(update_fields=["language"])
    _last_activity(timedelta(days=6, hours=23, minutes=30))
    page = signed_in.get("/profile/").content.decode()
    assert "Vous pourrez remettre à zéro dans 1\u00a0heure." in page
    reset = signed_in.get("/competences/1.1/reset").content.decode()
    assert "Vous pourrez remettre cette compétence à zéro dans 1\u00a0heure." in reset


@pytest.mark.django_db
def test_the_reset_page_of_a_test_in_progress_offers_to_finish_it_not_a_reset(signed_in, learner):
    """The profile offers Resume, not Reset, while a test is in progress; its reset page, opened
    by its address, says why and leads to the test, even long after the last answer."""
    ongoing = start(signed_in)
    answer_current(signed_in, ongoing)
    _last_activity(timedelta(days=30))
    profile = signed_in.get("/profile/").content.decode()
    assert f'href="/assessments/{ongoing}/"' in profile
    assert 'href="/competences/1.1/reset"' not in profile
    page = signed_in.get("/competences/1.1/reset").content.decode()
    assert "You have a test of this competence in progress." in page
    assert "only once that test is finished, and 7 days after your last answer." in page
    assert f'href="/assessments/{ongoing}/">Resume the test</a>' in page
    assert "Reset this competence</button>" not in page and "in 7 days" not in page
    # A form sent anyway (a page kept open) resets nothing and deletes no test.
    sent = signed_in.post("/competences/1.1/reset", follow=True).content.decode()
    assert "the competence can be reset only once that test is finished." in sent
    assert Assessment.objects.get().state == Assessment.State.STARTED
    assert KnowledgeElement.objects.exclude(status="reset").exists()
    assert not KnowledgeElement.objects.filter(status="reset").exists()

    learner.language = "fr"
    learner.save(update_fields=["language"])
    page = signed_in.get("/competences/1.1/reset").content.decode()
    assert "Vous avez un test en cours dans cette compétence." in page
    assert ">Reprendre le test</a>" in page
