"""A screen reader reads the page's title first: after a form is refused, the title says so,
in the page's language, and a page whose form went through does not."""

import html
import re

import pytest

from tests.learning.helpers import current_challenge, start

pytestmark = pytest.mark.django_db


def title_of(response) -> str:
    page = html.unescape(response.content.decode())
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Error: Create an account · Octet"), ("fr", "Erreur\u00a0: Créer un compte · Octet")],
)
def test_a_sign_up_refused_says_error_in_the_title(client, language, expected):
    client.cookies["django_language"] = language
    assert "rror" not in title_of(client.get("/account/sign-up"))

    response = client.post("/account/sign-up", {"first_name": "Daniel"})

    assert response.status_code == 400
    assert title_of(response) == expected


def test_a_wrong_password_at_sign_in_says_error_in_the_title(client, learner):
    response = client.post("/account/sign-in", {"login": "lea.martin", "password": "wrong"})

    assert title_of(response) == "Error: Sign in · Octet"


def empty_answer(assessment_id: int) -> dict:
    return {"challenge_id": current_challenge(assessment_id).id, "action": "validate"}


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


QUESTION = "Question 1 · Completing a search and information intelligence · Octet"


def test_without_javascript_an_empty_answer_says_error_in_the_question_s_title(signed_in):
    assessment_id = start(signed_in)
    assert title_of(signed_in.get(f"/assessments/{assessment_id}/")) == QUESTION

    signed_in.post(f"/assessments/{assessment_id}/answer", empty_answer(assessment_id))

    page = signed_in.get(f"/assessments/{assessment_id}/")
    assert title_of(page) == f"Error: {QUESTION}"
    assert title_of(signed_in.get(f"/assessments/{assessment_id}/")) == QUESTION  # said once


def test_with_javascript_an_empty_answer_says_error_in_the_title_it_sends(signed_in):
    assessment_id = start(signed_in)

    response = signed_in.post(
        f"/assessments/{assessment_id}/answer", empty_answer(assessment_id), HTTP_X_OCTET_INLINE="1"
    )

    assert title_of(response) == f"Error: {QUESTION}"


def test_a_report_without_its_category_says_error_in_the_title(signed_in):
    assessment_id = start(signed_in)

    signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": current_challenge(assessment_id).id, "comment": "the picture is cut"},
    )

    assert title_of(signed_in.get(f"/assessments/{assessment_id}/")) == f"Error: {QUESTION}"
