"""A learner who writes a number in words where a number is expected is judged on that number,
through the real form of a real question of the bank."""

import pytest
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.learning.models import Answer, Assessment
from tests.learning.helpers import start

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def _answer(client, language: str, challenge_id: str, typed: str) -> str:
    """The outcome recorded for `typed`, sent as the answer to `challenge_id` in `language`."""
    challenge = current_release().challenges[challenge_id]
    client.post("/language", {"language": language, "next": "/"})
    assessment_id = start(client, challenge.competence_id)
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge_id, current_served_at=timezone.now()
    )
    response = client.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge_id, "action": "validate", "answer": typed},
    )
    assert response.status_code == 302, response
    return Answer.objects.get(assessment_id=assessment_id, challenge_id=challenge_id).outcome


@pytest.mark.parametrize(
    "language, challenge_id, typed, outcome",
    [
        # numeric, "Nombre de photos :" 4000
        ("fr", "storageBackup3-photos-count", "quatre mille photos", "ok"),
        ("en", "storageBackup3-photos-count", "four thousand", "ok"),
        ("fr", "storageBackup3-photos-count", "quatre mille cent", "ko"),
        ("fr", "storageBackup3-photos-count", "quatre mille environ", "ko"),
        # qroc, what a program prints: 105
        ("fr", "programTracing5-discount", "cent cinq", "ok"),
        ("en", "programTracing5-discount", "one hundred and five", "ok"),
        ("en", "programTracing5-discount", "one hundred and fifteen", "ko"),
        # qroc, a value read in a spreadsheet: 12 900
        ("fr", "spreadsheetBasics2-read-value", "douze mille neuf cents", "ok"),
        ("en", "spreadsheetBasics2-read-value", "twelve thousand nine hundred", "ok"),
        ("fr", "spreadsheetBasics2-read-value", "douze mille neuf", "ko"),
    ],
)
def test_a_number_in_words_is_judged_on_its_number(
    signed_in, language, challenge_id, typed, outcome
):
    assert _answer(signed_in, language, challenge_id, typed) == outcome
