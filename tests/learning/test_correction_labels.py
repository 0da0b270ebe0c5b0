"""A correction names apart the fields of a question that share a label, as the question page
does for a screen reader: "Team (1): b · Team (2): c", not "Team: b · Team: c"."""

import html
import re

import pytest
from django.utils import timezone

from octet.learning.models import Assessment
from tests.learning.helpers import answer_current, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def said(page: str, heading: str) -> list[str]:
    """The text after each `heading` ("Your answer:") of the page's corrections."""
    found = re.findall(rf"<strong>{heading}</strong> <span[^>]*>(.*?)</span></p>", page, re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", text)) for text in found]
    return [re.sub(r"[ \n]+", " ", text).strip() for text in texts]  # no-break spaces kept


def corrections_after(client, locale: str, challenge_id: str, answer: dict) -> str:
    """The corrections after five answers, the first `answer` to `challenge_id`: at the
    checkpoint, or with the results when the test ended there."""
    client.post("/language", {"language": locale, "next": "/"})
    assessment_id = start(client, "1.3")
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge_id, current_served_at=timezone.now()
    )
    response = client.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge_id, "action": "validate", **answer},
    )
    assert response.status_code == 302
    while Assessment.objects.get(pk=assessment_id).answer_count < 5:
        answer_current(client, assessment_id, right=True)
    return client.get(f"/assessments/{assessment_id}/", follow=True).content.decode()


@pytest.mark.parametrize(
    ("locale", "given", "expected"),
    [
        ("en", "Your answer:", "Team (1): b · Team (2): c"),
        ("fr", "Votre réponse\xa0:", "Équipe (1)\xa0: b · Équipe (2)\xa0: c"),
    ],
)
def test_fields_of_the_same_label_are_numbered_in_the_learner_s_answer(
    signed_in, locale, given, expected
):
    page = corrections_after(
        signed_in, locale, "dataCharts2-above-20", {"field-first": "b", "field-second": "c"}
    )

    assert expected in said(page, given)


def test_labels_used_once_are_left_as_they_are(signed_in):
    page = corrections_after(
        signed_in, "en", "dataCharts2-read-values", {"field-a": "12", "field-c": "15"}
    )

    assert any(text.startswith("Team A: 12 · Team C: 15") for text in said(page, "Your answer:"))
    assert not any("(1)" in text for text in said(page, "Expected answer:"))
