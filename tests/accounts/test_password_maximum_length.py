"""No form sets a password longer than the sign-in form accepts (it could never be used)."""

import re

import pytest
from django.core import mail

from octet.accounts.validators import MAXIMUM_PASSWORD_LENGTH

pytestmark = pytest.mark.django_db

VALIDATOR = "octet.accounts.validators.MaximumLengthValidator"
LONGEST = "Aa1" + "x" * (MAXIMUM_PASSWORD_LENGTH - 3)
TOO_LONG = LONGEST + "x"
MESSAGE = f"Your password is too long: it must have at most {MAXIMUM_PASSWORD_LENGTH} characters."
SIGN_UP = {
    "first_name": "Amina",
    "last_name": "Diallo",
    "email": "amina@example.org",
    "accept_terms": "on",
}


def test_every_password_form_checks_the_maximum_length(settings):
    names = [validator["NAME"] for validator in settings.AUTH_PASSWORD_VALIDATORS]
    assert VALIDATOR in names


def test_sign_up_refuses_a_password_the_sign_in_form_would_refuse(client):
    response = client.post("/account/sign-up", {**SIGN_UP, "password": TOO_LONG})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_the_longest_password_accepted_at_sign_up_signs_in(client):
    assert client.post("/account/sign-up", {**SIGN_UP, "password": LONGEST}).status_code == 302
    client.post("/account/sign-out")
    response = client.post("/account/sign-in", {"login": "amina@example.org", "password": LONGEST})
    assert response.status_code == 302


def test_password_change_refuses_a_password_too_long(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    response = client.post(
        "/account/password",
        {"old_password": password, "new_password1": TOO_LONG, "new_password2": TOO_LONG},
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(password)


def test_password_reset_refuses_a_password_too_long(client, learner, password):
    client.post("/account/password-reset", {"email": "lea@example.org"})
    link = re.search(r"https?://[^/\s]+(/account/password-reset/\S+)", mail.outbox[0].body)
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": TOO_LONG, "new_password2": TOO_LONG})
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(password)


def test_the_message_is_in_french_too(client):
    client.cookies["django_language"] = "fr"
    response = client.post("/account/sign-up", {**SIGN_UP, "password": TOO_LONG})
    assert (
        "Votre mot de passe est trop long\u00a0: il doit compter au plus 4096\u00a0caractères."
        in response.content.decode()
    )
