"""Drive a competence test through HTTP as a learner would."""

from octet.content.domain.release import current_release
from octet.learning.demo import answer_data
from octet.learning.models import Assessment


def form_for(challenge, locale: str, right: bool = True) -> dict:
    """POST data answering `challenge` rightly (from its declared solution) or wrongly."""
    return answer_data(challenge, locale, right)


def current_challenge(assessment_id: int):
    assessment = Assessment.objects.get(pk=assessment_id)
    return current_release().challenges[assessment.current_challenge_id]


def answer_current(client, assessment_id: int, right: bool = True):
    challenge = current_challenge(assessment_id)
    assessment = Assessment.objects.get(pk=assessment_id)
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
