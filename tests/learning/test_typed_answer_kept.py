"""Without JavaScript, what a learner is typing in a question survives the language switch and a
form whose security token expired (signing in again in another tab): it comes back on the
question, and nothing is recorded meanwhile."""

import html
import re

import pytest
from django.test import Client

from octet.learning.models import Answer
from tests.learning.helpers import current_challenge, start

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def token_of(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def sign_in(client, password) -> None:
    token = token_of(text(client.get("/account/sign-in")))
    response = client.post(
        "/account/sign-in",
        {"login": "lea.martin", "password": password, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def _typed(challenge) -> dict:
    """Half an answer to `challenge` (its first field, or a choice), and a report begun."""
    if challenge.fields:
        return {f"field-{challenge.fields[0].key}": "half typed"}
    if challenge.type in ("qcu", "qcm"):
        return {"answer": "2"}
    return {"answer": "half typed"}


def _is_back(page: str, challenge) -> bool:
    if challenge.type in ("qcu", "qcm"):
        return 'value="2" checked' in page
    return 'value="half typed"' in page


def test_on_a_question_the_language_switch_sends_the_question_s_form(signed_in):
    assessment_id = start(signed_in)
    page = text(signed_in.get(f"/assessments/{assessment_id}/"))
    switch = page[page.index('class="language-switch"') : page.index("</header>")]
    back = f"/assessments/{assessment_id}/back"
    for language in ("fr", "en"):
        button = re.search(
            rf'<button type="submit" name="language" value="{language}"[^>]*>', switch
        )
        assert f'form="challenge-form" formaction="{back}" formnovalidate' in button.group(0)
    # elsewhere the switch sends its own form
    assert 'form="challenge-form"' not in text(signed_in.get("/profile/"))


def test_the_language_switch_brings_back_what_was_being_typed_in_the_other_language(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    sent = {
        "challenge_id": challenge.id,
        "language": "fr",
        "category": "",
        "comment": "Pas clair",
        **_typed(challenge),
    }
    response = signed_in.post(f"/assessments/{assessment_id}/back", sent)
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/{assessment_id}/"
    assert response.cookies["django_language"].value == "fr"
    page = text(signed_in.get(response["Location"]))
    assert '<html lang="fr">' in page
    assert _is_back(page, challenge)
    assert "Pas clair</textarea>" in page  # a report begun comes back too
    assert not Answer.objects.exists()
    # shown once, as a report's is
    assert not _is_back(text(signed_in.get(response["Location"])), challenge)


def test_a_get_of_the_keeping_address_goes_to_the_question(signed_in):
    assessment_id = start(signed_in)
    response = signed_in.get(f"/assessments/{assessment_id}/back")
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/{assessment_id}/"


def test_another_learner_s_question_cannot_be_kept(signed_in, django_user_model, password):
    assessment_id = start(signed_in)
    other = Client()
    django_user_model.objects.create_user("sam", "sam@example.org", password)
    other.post("/account/sign-in", {"login": "sam", "password": password})
    response = other.post(f"/assessments/{assessment_id}/back", {"language": "fr"})
    assert response.status_code == 404


def test_an_answer_sent_with_an_expired_token_is_offered_back_to_the_question(learner, password):
    """The learner signed out and in again in another tab: the question's token is stale."""
    learner.language = "fr"
    learner.save()
    client = Client(enforce_csrf_checks=True)
    sign_in(client, password)
    token = token_of(text(client.get("/profile/")))
    assessment_id = int(
        client.post("/competences/1.1/start", {"csrfmiddlewaretoken": token})["Location"].split(
            "/"
        )[-2]
    )
    challenge = current_challenge(assessment_id)
    stale = token_of(text(client.get(f"/assessments/{assessment_id}/")))
    client.post("/account/sign-out", {"csrfmiddlewaretoken": stale})
    sign_in(client, password)  # in another tab: the token is renewed

    sent = {"challenge_id": challenge.id, "action": "validate", **_typed(challenge)}
    expired = client.post(
        f"/assessments/{assessment_id}/answer",
        {**sent, "csrfmiddlewaretoken": stale},
        HTTP_REFERER=f"http://testserver/assessments/{assessment_id}/",
    )
    page = text(expired)
    assert expired.status_code == 403
    assert '<html lang="fr">' in page and "<h1>Cette page a expiré</h1>" in page
    assert "Ce que vous aviez saisi n'est pas perdu" in page
    form = page[page.index(f'action="/assessments/{assessment_id}/back"') :]
    form = form[: form.index("</form>")]
    assert f'name="challenge_id" value="{challenge.id}"' in form
    assert stale not in form and 'name="action"' not in form
    assert not Answer.objects.exists()

    kept = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    back = client.post(f"/assessments/{assessment_id}/back", kept)
    assert back.status_code == 302
    question = text(client.get(back["Location"]))
    assert _is_back(question, challenge)
    assert not Answer.objects.exists()


def test_a_report_sent_with_an_expired_token_is_offered_back_too(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    client = Client(enforce_csrf_checks=True)
    client.cookies = signed_in.cookies
    expired = client.post(
        f"/assessments/{assessment_id}/report",
        {
            "challenge_id": challenge.id,
            "category": "other",
            "comment": "Typo",
            "csrfmiddlewaretoken": "x" * 64,
        },
    )
    page = text(expired)
    assert expired.status_code == 403
    assert f'action="/assessments/{assessment_id}/back"' in page
    assert 'name="comment" value="Typo"' in page


def test_other_forms_sent_with_an_expired_token_only_lead_back_to_their_page(signed_in):
    """A password change carries nothing to keep but passwords (an account form that does,
    such as My details, is offered back: tests/accounts/test_language_switch_keeps_typing.py)."""
    client = Client(enforce_csrf_checks=True)
    client.cookies = signed_in.cookies
    expired = client.post(
        "/account/password",
        {
            "old_password": "Secret-Pass1",
            "new_password1": "N3w-pass-word",
            "csrfmiddlewaretoken": "x" * 64,
        },
        HTTP_REFERER="http://testserver/account/password",
    )
    page = text(expired)
    assert expired.status_code == 403
    assert 'href="http://testserver/account/password"' in page
    assert 'type="hidden"' not in page.split("<main")[1].split("</main>")[0].replace(
        'type="hidden" name="csrfmiddlewaretoken"', ""
    )
    assert "Secret-Pass1" not in page and "N3w-pass-word" not in page


def test_a_report_from_a_correction_sent_with_an_expired_token_leads_back_to_its_page(signed_in):
    """Not offered to the question: the correction it was written in is another page."""
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    client = Client(enforce_csrf_checks=True)
    client.cookies = signed_in.cookies
    checkpoint = f"http://testserver/assessments/{assessment_id}/checkpoint"
    expired = client.post(
        f"/assessments/{assessment_id}/report",
        {
            "challenge_id": challenge.id,
            "category": "other",
            "comment": "Typo",
            "next": f"/assessments/{assessment_id}/checkpoint#answer-1",
            "csrfmiddlewaretoken": "x" * 64,
        },
        HTTP_REFERER=checkpoint,
    )
    page = text(expired)
    assert expired.status_code == 403
    assert f'action="/assessments/{assessment_id}/back"' not in page
    assert f'href="{checkpoint}"' in page
