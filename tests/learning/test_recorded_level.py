"""The level a learner is given is the one the engine settled on when it stopped the test."""

import random

import pytest
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.evaluation.domain import knowledge
from octet.learning import services
from octet.learning.domain.bank import competence_bank
from octet.learning.models import Assessment, KnowledgeElement
from octet.learning.selectors import competence_scores_around, engine_elements
from tests.learning.helpers import answer_current, finish_as, finish_test, start, taken_days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def _ask(assessment_id: int, challenge_id: str, seed: int = 7) -> None:
    """Make `challenge_id` the question on screen (the engine would choose another)."""
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge_id, current_served_at=timezone.now(), seed=seed
    )


def _engine_result(assessment_id: int):
    """The engine's consolidated state for a finished test, from what it was given."""
    assessment = Assessment.objects.get(pk=assessment_id)
    assert assessment.completed
    bank = competence_bank(current_release(), assessment.competence_id)
    return bank.test.assess(
        services._engine_records(assessment), services._prior_elements(assessment), assessment.seed
    )


def _recorded(user_id: int, competence_id: str) -> dict[str, str]:
    current = knowledge.current_knowledge(engine_elements(user_id, competence_id))
    return {skill_id: e.status for skill_id, e in current.items()}


def _assert_recorded_as_the_engine_settled(assessment_id: int) -> None:
    assessment = Assessment.objects.get(pk=assessment_id)
    state = _engine_result(assessment_id)
    recorded = _recorded(assessment.user_id, assessment.competence_id)
    engine = {e.skill_id: e.status for e in state.elements}
    assert recorded == engine
    _, after = competence_scores_around(
        assessment.user_id, assessment.competence_id, assessment.created_at
    )
    assert after.level == state.competences[assessment.competence_id].level


def test_one_slip_on_an_easy_question_does_not_settle_its_whole_tube(signed_in):
    """A strong learner who misses one easy question keeps the harder skills of its tube the
    engine judges mastered from everything else: the level shown is the one it stopped on."""
    assessment_id = start(signed_in, "2.3")
    _ask(assessment_id, "sharedCalendars2-poll-result")
    answer_current(signed_in, assessment_id, right=False)
    finish_test(signed_in, assessment_id, right=True)
    _assert_recorded_as_the_engine_settled(assessment_id)
    user_id = Assessment.objects.get(pk=assessment_id).user_id
    assert _recorded(user_id, "2.3")["@sharedCalendars2"] == "invalidated"  # its own answer


def test_a_slip_while_improving_keeps_what_was_answered_right_before(signed_in):
    """Improving asks again what the first test only inferred; failing it does not take away a
    harder skill of the same tube that the learner answered right in the first test."""
    first = start(signed_in, "2.3")
    _ask(first, "sharedCalendars5-free-busy")
    answer_current(signed_in, first, right=True)
    finish_as(signed_in, first, level=5)  # below the highest level: improving is possible
    user_id = Assessment.objects.get(pk=first).user_id
    direct = set(
        KnowledgeElement.objects.filter(
            assessment_id=first, source="direct", status="validated"
        ).values_list("skill_id", flat=True)
    )
    assert "@sharedCalendars5" in direct
    easier = next(
        s
        for s in current_release().skills_by_competence["2.3"]
        if s.tube_id == "sharedCalendars" and s.level < 5 and s.id not in direct
    )
    taken_days_ago(first, 5)

    improving = start(signed_in, "2.3", mode="improve")
    _ask(improving, current_release().challenges_by_skill[easier.id][0].id)
    answer_current(signed_in, improving, right=False)
    finish_as(signed_in, improving, level=5)

    recorded = _recorded(user_id, "2.3")
    assert recorded[easier.id] == "invalidated"
    assert all(recorded[skill_id] == "validated" for skill_id in direct)
    _assert_recorded_as_the_engine_settled(improving)


def test_a_test_that_lowers_the_level_says_so_on_its_results(signed_in):
    """Improving asks again what the first test only inferred: a learner who has forgotten it
    goes down, and the results say by how much instead of congratulating them."""
    first = start(signed_in, "2.3")
    finish_as(signed_in, first, level=4)
    taken_days_ago(first, 5)
    user_id = Assessment.objects.get(pk=first).user_id
    before = competence_scores_around(user_id, "2.3", timezone.now())[1]

    inferred = [
        skill_id
        for skill_id, source in KnowledgeElement.objects.filter(
            assessment_id=first, status="validated"
        ).values_list("skill_id", "source")
        if source != "direct"
    ]
    easiest = min(inferred, key=lambda s: current_release().skills[s].level)

    improving = start(signed_in, "2.3", mode="improve")
    _ask(improving, current_release().challenges_by_skill[easiest][0].id)
    finish_test(signed_in, improving, right=False)
    after = competence_scores_around(user_id, "2.3", timezone.now())[1]
    assert after.level < before.level
    page = signed_in.get(f"/assessments/{improving}/results").content.decode()
    assert (
        f"Your level went down from {before.level} to {after.level}: the questions you missed"
        in page
    )
    assert f"{before.pix - after.pix} pix lost in this test." in page
    assert "Good work" not in page and "gained" not in page


def _tests_seeded(monkeypatch, seed: int) -> None:
    """The tests started from now on get seeds drawn from `seed`, not at random."""
    draw = random.Random(seed)
    monkeypatch.setattr(services.secrets, "randbits", draw.getrandbits)


# 36, 54 and 63 are seeds with which an improving test with every answer wrong used to pass a
# skill failed in the first test and not asked again, on the engine's guess: 24 pix became 26.
@pytest.mark.parametrize("seed", [36, 54, 63, 1])
def test_a_test_that_gains_nothing_does_not_say_good_work(signed_in, monkeypatch, seed):
    """Improving with every answer wrong keeps the level (what was shown before stays known, or
    only a few pix go): the results say the level has not changed and point to the corrections,
    not "Good work"."""
    _tests_seeded(monkeypatch, seed)
    first = start(signed_in, "2.1")
    finish_as(signed_in, first, level=3)
    taken_days_ago(first, 5)
    user_id = Assessment.objects.get(pk=first).user_id
    before = competence_scores_around(user_id, "2.1", timezone.now())[1]
    assert before.level > 0

    failed_before = {
        skill for skill, status in _recorded(user_id, "2.1").items() if status == "invalidated"
    }
    improving = start(signed_in, "2.1", mode="improve")
    finish_test(signed_in, improving, right=False)
    after = competence_scores_around(user_id, "2.1", timezone.now())[1]
    assert after.level == before.level and after.pix <= before.pix  # a skill asked again may go
    still_failed = {
        skill for skill, status in _recorded(user_id, "2.1").items() if status == "invalidated"
    }
    assert failed_before <= still_failed  # a failure not asked again is not passed on a guess
    page = signed_in.get(f"/assessments/{improving}/results").content.decode()
    assert "Good work" not in page and "gained" not in page
    assert "Your level has not changed this time." in page


@pytest.mark.parametrize("competence", ["1.1", "2.1", "3.1", "5.2"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_improving_from_level_3_to_5_shows_level_5(signed_in, monkeypatch, competence, seed):
    """An old failure the improving test does not ask again is passed when the test showed its
    level (the estimate), not kept as a failure: otherwise 5 of 32 such learners got level 4."""
    _tests_seeded(monkeypatch, seed)
    first = start(signed_in, competence)
    finish_as(signed_in, first, level=3)
    taken_days_ago(first, 5)
    improving = start(signed_in, competence, mode="improve")
    finish_as(signed_in, improving, level=5)
    user_id = Assessment.objects.get(pk=first).user_id
    assert competence_scores_around(user_id, competence, timezone.now())[1].level == 5
