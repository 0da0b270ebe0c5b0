"""Drive a competence test through HTTP as a learner would."""

from datetime import timedelta

from django.utils import timezone

from octet.content.domain.release import current_release
from octet.learning.demo import answer_data
from octet.learning.models import Answer, Assessment, KnowledgeElement


def form_for(challenge, locale: str, right: bool = True) -> dict:
    """POST data answering `challenge` rightly (from its declared solution) or wrongly."""
    return answer_data(challenge, locale, right)


def current_challenge(assessment_id: int):
    assessment = Assessment.objects.get(pk=assessment_id)
    return current_release().challenges[assessment.current_challenge_id]


def answer_current(client, assessment_id: int, right: bool = True):
    challenge = current_challenge(assessment_id)
    assessment = Assessment.objects.get(pk=assessment_id)
    if challenge.timer and assessment.current_served_at is None:
        client.get(f"/assessments/{assessment_id}/")  # its page starts its clock
    return client.post(
        f"/assessments/{assessment_id}/answer", form_for(challenge, assessment.locale, right)
    )


def start(client, competence_id: str = "1.1", mode: str = "") -> int:
    response = client.post(f"/competences/{competence_id}/start", {"mode": mode} if mode else {})
    assert response.status_code == 302, response
    return int(response["Location"].rstrip("/").split("/")[-1])


def finish_test(client, assessment_id: int, right: bool = True, limit: int = 60) -> int:
    """Answer until the test ends, seeing every checkpoint; returns the number of answers."""
    for count in range(1, limit + 1):
        answer_current(client, assessment_id, right)
        assessment = Assessment.objects.get(pk=assessment_id)
        if assessment.completed:
            return count
        if assessment.answer_count % 5 == 0:
            client.post(f"/assessments/{assessment_id}/continue")
    raise AssertionError("the test did not finish")


def taken_days_ago(assessment_id: int, days: int) -> None:
    """Move a finished test, and every knowledge element, `days` back in time (improve after
    4 days, reset after 7)."""
    past = timezone.now() - timedelta(days=days)
    Assessment.objects.filter(pk=assessment_id).update(created_at=past, completed_at=past)
    KnowledgeElement.objects.update(created_at=past)


def finish_as(client, assessment_id: int, level: int) -> None:
    """Answer until the test ends as a learner who masters every skill up to `level`."""
    while not Assessment.objects.get(pk=assessment_id).completed:
        right = current_challenge(assessment_id).level <= level
        answer_current(client, assessment_id, right=right)
        client.post(f"/assessments/{assessment_id}/continue")


def answer_this(client, assessment_id: int, challenge, locale: str, right: bool) -> str:
    """Serves `challenge` as the current question, answers it; returns its anchor."""
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge.id, current_served_at=timezone.now()
    )
    response = client.post(
        f"/assessments/{assessment_id}/answer", form_for(challenge, locale, right)
    )
    assert response.status_code == 302, response
    return f"answer-{Answer.objects.get(challenge_id=challenge.id).pk}"


def question_of_1_3(predicate):
    """A question of competence 1.3, which has questions of every kind, in both languages."""
    return next(
        c
        for c in current_release().challenges.values()
        if (
            c.competence_id == "1.3"
            and c.validated
            and {"en", "fr"} <= set(c.locales)
            and not c.timer
            and predicate(c)
        )
    )


def checkpoint_with_every_kind_of_material(client, language: str):
    """A checkpoint of a question about a picture, one about a file, one in a simulator, and
    two with nothing but their text."""
    client.post("/language", {"language": language, "next": "/"})
    assessment_id = start(client, "1.3")
    pictured = question_of_1_3(lambda c: c.illustration is not None)
    attached = question_of_1_3(lambda c: c.attachments and c.embed is None)
    simulated = question_of_1_3(lambda c: c.embed is not None and not c.attachments)
    plain = question_of_1_3(lambda c: not (c.embed or c.attachments or c.illustration))
    other = question_of_1_3(
        lambda c: not (c.embed or c.attachments or c.illustration) and c != plain
    )
    # Right and wrong in turn: three wrong answers in a row would end a test this short.
    anchors = {
        kind: answer_this(client, assessment_id, challenge, language, right)
        for kind, challenge, right in [
            ("plain", plain, True),
            ("pictured", pictured, False),
            ("attached", attached, True),
            ("simulated", simulated, False),
            ("plain2", other, True),
        ]
    }
    assert Assessment.objects.get(pk=assessment_id).answer_count == 5
    page = client.get(f"/assessments/{assessment_id}/checkpoint").content.decode()
    return assessment_id, page, anchors, (pictured, attached, simulated)
