"""Without JavaScript, switching the language on an account form keeps what was typed in it
(but passwords): the switch sends the page's form, kept for the page loaded again."""

import html
import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def switch_of(page: str, language: str) -> str:
    return re.search(
        rf'<button type="submit" name="language" value="{language}"[^>]*>', page
    ).group(0)


@pytest.mark.parametrize(
    "url", ["/account/sign-up", "/account/sign-in?next=/profile/", "/account/password-reset"]
)
def test_on_an_account_form_the_language_switch_sends_that_form(client, url):
    page = text(client.get(url))
    assert 'id="page-form"' in page
    button = switch_of(page, "fr")
    back = quote(url, safe="/")
    assert f'form="page-form" formaction="/language?back={back}" formnovalidate' in button


def test_the_sign_up_form_comes_back_in_french_with_what_was_typed_but_the_password(client):
    typed = {
        "first_name": "Amina",
        "last_name": "Diallo",
        "email": "amina@example.org",
        "password": "Strong-Pass9",
        "accept_terms": "on",
        "language": "fr",
    }
    response = client.post("/language?back=/account/sign-up", typed)
    assert response.status_code == 302 and response["Location"] == "/account/sign-up"
    assert response.cookies["django_language"].value == "fr"
    page = text(client.get("/account/sign-up"))
    assert '<html lang="fr">' in page
    assert 'value="Amina"' in page and 'value="Diallo"' in page
    assert 'value="amina@example.org"' in page
    assert "Strong-Pass9" not in page
    assert re.search(r'name="accept_terms"[^>]*checked', page)
    assert "<li>" not in page[page.index('id="page-form"') : page.index("</form>")]  # no errors
    # given back once
    assert 'value="Amina"' not in text(client.get("/account/sign-up"))


def test_the_sign_in_form_keeps_the_login_and_where_it_leads(client):
    sent = {"login": "lea.martin", "password": "Secret", "next": "/profile/", "language": "fr"}
    response = client.post("/language?back=/account/sign-in%3Fnext%3D/profile/", sent)
    assert response["Location"] == "/account/sign-in?next=/profile/"
    page = text(client.get(response["Location"]))
    assert 'value="lea.martin"' in page and "Secret" not in page
    assert 'name="next" value="/profile/"' in page


def test_my_details_keep_what_was_typed_and_an_unticked_box(client, learner, password):
    learner.extra_time = True
    learner.save()
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    page = text(client.get("/account/details"))
    assert 'form="page-form"' in switch_of(page, "fr")
    sent = {"first_name": "Léa", "last_name": "Martin-Dupont", "email": "lea@example.org"}
    client.post("/language?back=/account/details", {**sent, "password": "x", "language": "fr"})
    page = text(client.get("/account/details"))
    assert '<html lang="fr">' in page
    assert 'value="Martin-Dupont"' in page
    assert not re.search(r'name="extra_time"[^>]*checked', page)
    learner.refresh_from_db()
    assert learner.last_name == "Martin" and learner.language == "fr"


def test_what_was_typed_is_kept_only_for_a_page_of_octet(client):
    response = client.post(
        "/language?back=https://evil.example/account/sign-up",
        {"first_name": "Amina", "language": "fr", "next": "/account/sign-up"},
    )
    assert response["Location"] == "/account/sign-up"
    assert "octet_typed_form" not in client.session
    assert 'value="Amina"' not in text(client.get("/account/sign-up"))


def test_pages_without_a_form_being_filled_keep_their_own_switch(client):
    assert 'form="page-form"' not in text(client.get("/"))


def token_of(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _signed_in_again_elsewhere(password: str):
    """A client signed in, then out and in again "in another tab": the token of the details
    page it had open (returned) is stale."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in = {"login": "lea.martin", "password": password}

    def sign_in_now():
        token = token_of(text(client.get("/account/sign-in")))
        client.post("/account/sign-in", {**sign_in, "csrfmiddlewaretoken": token})

    sign_in_now()
    stale = token_of(text(client.get("/account/details")))
    client.post("/account/sign-out", {"csrfmiddlewaretoken": stale})
    sign_in_now()
    return client, stale


def test_an_expired_switch_on_an_account_form_offers_what_was_typed_back(learner, password):
    """Signed out and in again in another tab: the switch's token is stale. Nothing is done, but
    what was typed (never a password) goes back to the page with a new token."""
    client, stale = _signed_in_again_elsewhere(password)

    sent = {"first_name": "Léa", "last_name": "Martin-Dupont", "email": "new@example.org"}
    expired = client.post(
        "/language?back=/account/details",
        {**sent, "password": "Secret-Typed9", "language": "fr", "csrfmiddlewaretoken": stale},
        HTTP_REFERER="http://testserver/account/details",
    )
    page = text(expired)
    assert expired.status_code == 403
    assert "What you entered is not lost" in page
    assert 'action="/language?back=/account/details"' in page
    assert 'name="last_name" value="Martin-Dupont"' in page
    assert "Secret-Typed9" not in page and 'name="language"' not in page.split("<main")[1]

    kept = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.split("<main")[1])
    )
    kept["csrfmiddlewaretoken"] = token_of(page.split("<main")[1])
    back = client.post("/language?back=/account/details", kept)
    assert back.status_code == 302 and back["Location"] == "/account/details"
    page = text(client.get("/account/details"))
    assert 'value="Martin-Dupont"' in page and 'value="new@example.org"' in page
    learner.refresh_from_db()
    assert learner.last_name == "Martin" and learner.language == "en"  # nothing done, no switch


def test_my_details_sent_with_an_expired_token_are_offered_back_to_the_page(learner, password):
    """Not "fill in the form again": what was typed (never the password) comes back on it."""
    client, stale = _signed_in_again_elsewhere(password)

    sent = {"first_name": "Léa", "last_name": "Martin-Dupont", "email": "new@example.org"}
    expired = client.post(
        "/account/details",
        {**sent, "password": "Secret-Typed9", "csrfmiddlewaretoken": stale},
        HTTP_REFERER="http://testserver/account/details",
    )
    page = text(expired).split("<main")[1]
    assert expired.status_code == 403
    assert (
        "What you entered is not lost, but for the password: go back to the page with it, "
        "type the password again, then send it."
    ) in page
    assert 'action="/language?back=/account/details"' in page
    assert "Secret-Typed9" not in page

    kept = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    back = client.post("/language?back=/account/details", kept)
    assert back["Location"] == "/account/details"
    page = text(client.get("/account/details"))
    assert 'value="Martin-Dupont"' in page and 'value="new@example.org"' in page
    learner.refresh_from_db()
    assert learner.last_name == "Martin"
