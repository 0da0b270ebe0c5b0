"""Without JavaScript a simulator cannot run (but the robot's, told in words): the learner sets
its question aside, which counts neither way, and another question comes."""

import pytest
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.learning.models import Answer, Assessment
from tests.learning.helpers import answer_current, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def a_question(competence_id: str, predicate):
    return next(
        c
        for c in current_release().challenges.values()
        if c.competence_id == competence_id and c.validated and not c.timer and predicate(c)
    )


def a_simulator(competence_id: str = "3.3"):
    return a_question(
        competence_id, lambda c: c.embed is not None and not any(f.judge for f in c.fields)
    )


def serve(assessment_id: int, challenge) -> None:
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge.id, current_served_at=timezone.now()
    )


def set_aside(client, assessment_id: int, challenge):
    return client.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge.id, "action": "set-aside"},
    )


def test_the_question_page_offers_to_set_a_simulator_aside_without_javascript(signed_in):
    assessment_id = start(signed_in, "3.3")
    simulator = a_simulator()
    serve(assessment_id, simulator)

    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    noscript = page[
        page.index("<noscript><div") : page.index("</noscript>", page.index("<noscript><div"))
    ]
    assert 'name="action" value="set-aside"' in noscript
    assert "Set this question aside" in noscript


def test_a_simulator_set_aside_counts_neither_way_and_is_never_asked_again(signed_in):
    assessment_id = start(signed_in, "3.3")
    simulator = a_simulator()
    serve(assessment_id, simulator)

    response = set_aside(signed_in, assessment_id, simulator)

    assert response.status_code == 302
    assessment = Assessment.objects.get(pk=assessment_id)
    assert assessment.current_challenge_id not in ("", simulator.id)
    assert assessment.set_aside == [simulator.id]
    assert assessment.answer_count == 0
    assert not Answer.objects.exists()
    page = signed_in.get(response["Location"]).content.decode()
    assert "The question with the simulator has been set aside: it does not count." in page
    assert "Question 1" in page
    while not Assessment.objects.get(pk=assessment_id).completed:
        answer_current(signed_in, assessment_id, right=True)
        signed_in.post(f"/assessments/{assessment_id}/continue")
    assert not Answer.objects.filter(challenge_id=simulator.id).exists()


def test_sent_twice_a_set_aside_is_not_refused_as_another_question(signed_in):
    assessment_id = start(signed_in, "3.3")
    simulator = a_simulator()
    serve(assessment_id, simulator)
    set_aside(signed_in, assessment_id, simulator)
    after_first = Assessment.objects.get(pk=assessment_id).current_challenge_id

    response = set_aside(signed_in, assessment_id, simulator)

    page = signed_in.get(response["Location"]).content.decode()
    assert "not the one being asked now" not in page
    assert "has been set aside" in page
    assessment = Assessment.objects.get(pk=assessment_id)
    assert (assessment.current_challenge_id, assessment.set_aside) == (after_first, [simulator.id])


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(lambda c: c.embed is None, id="no simulator"),
        pytest.param(lambda c: any(f.judge for f in c.fields), id="the robot, told in words"),
    ],
)
def test_a_question_the_page_can_show_without_javascript_is_not_set_aside(signed_in, kind):
    question = a_question("3.4", kind)
    assessment_id = start(signed_in, "3.4")
    serve(assessment_id, question)

    set_aside(signed_in, assessment_id, question)

    assessment = Assessment.objects.get(pk=assessment_id)
    assert (assessment.current_challenge_id, assessment.set_aside) == (question.id, [])
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert "You have not given an answer." in page


def test_the_data_export_lists_the_questions_set_aside(signed_in):
    assessment_id = start(signed_in, "3.3")
    simulator = a_simulator()
    serve(assessment_id, simulator)
    set_aside(signed_in, assessment_id, simulator)

    export = signed_in.get("/account/export").json()

    (test,) = export["learning"]["assessments"]
    assert test["questions_set_aside"] == [simulator.id]
