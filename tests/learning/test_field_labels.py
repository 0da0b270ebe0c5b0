"""Fields of one question that share a label ("Team:", "Team:") each have a name of their own,
so that a screen reader tells them apart: "Team: 1 of 2", "Team: 2 of 2"."""

import html
import re

import pytest
from django.utils import timezone

from octet.learning.domain.presentation import places_among_same_labels
from octet.learning.models import Assessment
from tests.learning.helpers import start

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def field_names(client, assessment_id: int, challenge_id: str, locale: str) -> list[str]:
    """The accessible name of each answer field of `challenge_id`, served in `locale`."""
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge_id, current_served_at=timezone.now(), locale=locale
    )
    page = client.get(f"/assessments/{assessment_id}/").content.decode()
    labels = re.findall(r'<label for="field-[^"]+"[^>]*>(.*?)</label>', page, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", label)).split()) for label in labels]


@pytest.mark.parametrize(
    ("locale", "names"),
    [
        ("en", ["Team: 1 of 2", "Team: 2 of 2"]),
        ("fr", ["Équipe : 1 sur 2", "Équipe : 2 sur 2"]),
    ],
)
def test_fields_of_the_same_label_are_told_apart_in_the_question_s_language(
    signed_in, locale, names
):
    assessment_id = start(signed_in, "1.3")

    assert field_names(signed_in, assessment_id, "dataCharts2-above-20", locale) == names


def test_fields_of_their_own_labels_keep_them(signed_in):
    assessment_id = start(signed_in, "1.3")

    names = field_names(signed_in, assessment_id, "dataCharts2-read-values", "en")

    assert names == ["Team A:", "Team C:"]


def test_the_places_count_each_repeated_label_on_its_own():
    labels = ["Letter:", "Number:", "Letter:", "Year:", "Letter:"]

    assert places_among_same_labels(labels) == [(1, 3), None, (2, 3), None, (3, 3)]
