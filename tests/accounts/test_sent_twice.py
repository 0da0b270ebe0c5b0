"""A form sent twice (a double tap without JavaScript, or Back then send again): the second copy
lands on what the first one did, not on an error born of the first one's change."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from octet.accounts.selectors import throttle_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def sent_once(client, url: str) -> str:
    """The token of the form `url` shows, which its copies share."""
    page = client.get(url).content.decode()
    return re.search(r'name="sent_once" value="([^"]+)"', page).group(1)


def shown(client, response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"]).content.decode()


def test_a_password_change_sent_twice_says_it_was_changed(signed_in, learner, password):
    form = {
        "old_password": password,
        "new_password1": "Another-Pass3",
        "new_password2": "Another-Pass3",
        "sent_once": sent_once(signed_in, "/account/password"),
    }
    first = signed_in.post("/account/password", form)
    assert first["Location"] == "/account/"
    second = signed_in.post("/account/password", form)
    assert second["Location"] == "/account/"
    page = shown(signed_in, second)
    assert page.count("Your password has been changed.") >= 1
    assert "incorrect" not in page
    learner.refresh_from_db()
    assert learner.check_password("Another-Pass3")
    # the old password of the second copy was not counted as a failed sign-in
    assert throttle_for(learner.username) is None or throttle_for(learner.username).failures == 0


def test_another_password_change_is_judged_as_usual(signed_in, password):
    """A new copy of the form (a new token) with the old password is refused, as it must be."""
    form = {
        "old_password": password,
        "new_password1": "Another-Pass3",
        "new_password2": "Another-Pass3",
        "sent_once": sent_once(signed_in, "/account/password"),
    }
    signed_in.post("/account/password", form)
    again = {**form, "sent_once": sent_once(signed_in, "/account/password")}
    page = signed_in.post("/account/password", again).content.decode()
    assert "Your current password is incorrect." in page


def test_details_sent_twice_say_they_were_saved(signed_in, learner):
    form = {
        "first_name": "Léa",
        "last_name": "Martin-Dupont",
        "email": "lea@example.org",
        "password": "",
        "sent_once": sent_once(signed_in, "/account/details"),
    }
    shown(signed_in, signed_in.post("/account/details", form))
    page = shown(signed_in, signed_in.post("/account/details", form))
    assert "Your details have been saved." in page
    assert "Nothing to save" not in page
    learner.refresh_from_db()
    assert learner.last_name == "Martin-Dupont"


def test_a_new_e_mail_address_sent_twice_is_saved_once_without_asking_the_password_again(
    signed_in, learner, password
):
    form = {
        "first_name": "Léa",
        "last_name": "Martin",
        "email": "lea.m@example.org",
        "password": password,
        "sent_once": sent_once(signed_in, "/account/details"),
    }
    shown(signed_in, signed_in.post("/account/details", form))
    page = shown(signed_in, signed_in.post("/account/details", form))
    assert "Your details have been saved." in page
    learner.refresh_from_db()
    assert learner.email == "lea.m@example.org"


def test_details_unchanged_still_say_so(signed_in):
    form = {
        "first_name": "Léa",
        "last_name": "Martin",
        "email": "lea@example.org",
        "password": "",
        "sent_once": sent_once(signed_in, "/account/details"),
    }
    page = shown(signed_in, signed_in.post("/account/details", form))
    assert "Nothing to save: your details are unchanged." in page
    page = shown(signed_in, signed_in.post("/account/details", form))
    assert "Nothing to save: your details are unchanged." in page


def test_a_new_password_from_a_reset_link_sent_twice_says_it_was_changed(client, learner):
    client.post("/account/password-reset", {"email": "lea@example.org"})
    link = re.search(r"https?://[^/\s]+(/account/password-reset/\S+)", mail.outbox[0].body)
    page = client.get(link.group(1), follow=True)
    form_url = page.redirect_chain[-1][0]
    token = re.search(r'name="sent_once" value="([^"]+)"', page.content.decode()).group(1)
    form = {"new_password1": "Brand-New-Pass2", "new_password2": "Brand-New-Pass2"}
    form["sent_once"] = token
    first = client.post(form_url, form)
    assert first["Location"] == "/account/sign-in"
    second = client.post(form_url, form)
    assert second["Location"] == "/account/sign-in"
    page = client.get("/account/sign-in").content.decode()
    assert "Your password has been changed. You can sign in now." in page
    assert "has expired or has already been used" not in page
    learner.refresh_from_db()
    assert learner.check_password("Brand-New-Pass2")
    # A link used once still says so when opened again.
    again = client.get(link.group(1), follow=True).content.decode()
    assert "has expired or has already been used" in again


SIGN_UP = {
    "first_name": "Amina",
    "last_name": "Diallo",
    "email": "amina@example.org",
    "password": "Strong-Pass9",
    "accept_terms": "on",
}


def test_a_sign_up_sent_twice_before_its_reply_signs_in_to_the_account_it_made(client):
    """The second copy of the double tap leaves with the cookies the browser had before the
    first one's reply: no session of the new account."""
    client.get("/account/sign-up")
    second_copy = Client()
    second_copy.cookies.load({name: c.value for name, c in client.cookies.items()})
    assert client.post("/account/sign-up", SIGN_UP).status_code == 302
    response = second_copy.post("/account/sign-up", SIGN_UP)
    assert response.status_code == 302 and response["Location"] == "/profile/"
    page = second_copy.get("/profile/").content.decode()
    assert "Welcome to Octet, Amina! Your account is ready." in page
    assert get_user_model().objects.count() == 1
    assert throttle_for("amina@example.org") is None  # the check counted as a sign-in that worked


def test_a_sign_up_with_the_address_of_an_older_account_is_refused_as_before(client, learner):
    """Even with that account's password: it is no sign-up sent twice, and says so."""
    learner.date_joined -= timedelta(minutes=3)
    learner.save()
    response = client.post(
        "/account/sign-up", {**SIGN_UP, "email": "lea@example.org", "password": "Secret-Pass1"}
    )
    assert response.status_code == 400
    assert "An account already uses this e-mail address." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_sign_up_with_a_new_account_s_address_but_another_password_is_refused(client, learner):
    response = client.post(
        "/account/sign-up", {**SIGN_UP, "email": "lea@example.org", "password": "Other-Pass22"}
    )
    assert response.status_code == 400
    assert "An account already uses this e-mail address." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_password_change_sent_twice_before_its_reply_says_it_was_changed(
    signed_in, learner, password
):
    """The second copy leaves with the session the first one renews: it arrives signed out."""
    url = "/account/password"
    page = signed_in.get(url).content.decode()
    form = {
        "old_password": password,
        "new_password1": "Another-Pass3",
        "new_password2": "Another-Pass3",
        "sent_once": re.search(r'name="sent_once" value="([^"]+)"', page).group(1),
        "account": re.search(r'name="account" value="([^"]+)"', page).group(1),
    }
    second_copy = Client()
    second_copy.cookies.load({name: c.value for name, c in signed_in.cookies.items()})
    assert signed_in.post(url, form)["Location"] == "/account/"
    response = second_copy.post(url, form, follow=True)
    page = response.content.decode()
    assert "Your password has been changed. Sign in again with the new one." in page
    assert "nothing was done" not in page
    assert throttle_for(learner.username) is None

    # A copy sent signed out that changed nothing says so, as any form does.
    stale = {**form, "new_password1": "Third-Pass44", "new_password2": "Third-Pass44"}
    page = Client().post(url, stale, follow=True).content.decode()
    assert "You had been signed out, so nothing was done." in page
    # A forged or old account field says nothing either.
    page = Client().post(url, {**form, "account": "1:forged"}, follow=True).content.decode()
    assert "You had been signed out, so nothing was done." in page


def test_a_reset_link_asked_twice_sends_one_e_mail(client, learner):
    form = {"email": "lea@example.org", "sent_once": sent_once(client, "/account/password-reset")}
    for _ in range(2):
        response = client.post("/account/password-reset", form)
        assert response["Location"] == "/account/password-reset/sent"
    assert len(mail.outbox) == 1
    # Asked again from a new copy of the page (a lost message): another one goes.
    form["sent_once"] = sent_once(client, "/account/password-reset")
    client.post("/account/password-reset", form)
    assert len(mail.outbox) == 2


def _token(client, url: str) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_sign_up_sent_again_once_its_reply_signed_in_leads_where_the_first_copy_did():
    """Tapped again while the profile loads: the first copy's reply had signed in, which renewed
    the security token the form still carries. Not the expired-form page's "nothing was sent"."""
    client = Client(enforce_csrf_checks=True)
    form = {**SIGN_UP, "csrfmiddlewaretoken": _token(client, "/account/sign-up")}
    assert client.post("/account/sign-up", form)["Location"] == "/profile/"
    second = client.post("/account/sign-up", form)
    assert second.status_code == 302 and second["Location"] == "/profile/"
    assert get_user_model().objects.count() == 1


def test_a_sign_in_sent_again_once_its_reply_signed_in_leads_where_the_first_copy_did(
    learner, password
):
    client = Client(enforce_csrf_checks=True)
    form = {
        "login": "lea@example.org",
        "password": password,
        "next": "/tutorials/",
        "csrfmiddlewaretoken": _token(client, "/account/sign-in?next=/tutorials/"),
    }
    assert client.post("/account/sign-in", form)["Location"] == "/tutorials/"
    second = client.post("/account/sign-in", form)
    assert second.status_code == 302 and second["Location"] == "/tutorials/"
    assert throttle_for(learner.username) is None or throttle_for(learner.username).failures == 0


def test_a_stale_sign_in_form_for_another_account_still_says_it_expired(learner, password):
    """Signed in meanwhile as someone else (another tab): that form did nothing, and says so."""
    from octet.accounts import services

    services.sign_up(
        first_name="Noé",
        last_name="Petit",
        email="noe@example.org",
        password=password,
        language="en",
    )
    client = Client(enforce_csrf_checks=True)
    stale = _token(client, "/account/sign-in")
    form = {"login": "lea@example.org", "password": password}
    client.post("/account/sign-in", {**form, "csrfmiddlewaretoken": stale})
    response = client.post(
        "/account/sign-in", {**form, "login": "noe@example.org", "csrfmiddlewaretoken": stale}
    )
    assert response.status_code == 403
    assert "This page has expired" in response.content.decode()


DELETED = {
    "en": "Your account and your personal data have been deleted.",
    "fr": "Votre compte et vos données personnelles ont été supprimés.",
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("before_the_reply", [True, False])
def test_a_deletion_sent_twice_lands_where_the_first_did_with_its_message(
    signed_in, learner, password, language, before_the_reply
):
    """A double tap (the second copy leaving with the session the first one ends), or Back and
    send again once signed out: both land on the home page, saying the account was deleted."""
    learner.language = language
    learner.save(update_fields=["language"])
    signed_in.post("/language", {"language": language, "next": "/"})
    page = signed_in.get("/account/delete").content.decode()
    form = {
        "password": password,
        "account": re.search(r'name="account" value="([^"]+)"', page).group(1),
    }
    second_copy = Client()
    if before_the_reply:
        second_copy.cookies.load({name: c.value for name, c in signed_in.cookies.items()})
    else:
        second_copy = signed_in  # Back then send again, from the browser now signed out
    first = signed_in.post("/account/delete", form, follow=True)
    assert first.redirect_chain == [("/", 302)]
    assert DELETED[language] in first.content.decode()

    second = second_copy.post(
        "/account/delete", form, follow=True, headers={"accept-language": language}
    )
    assert second.redirect_chain == [("/", 302)]
    assert DELETED[language] in second.content.decode()
    assert not get_user_model().objects.filter(username="lea.martin").exists()


def test_a_deletion_sent_signed_out_for_an_account_still_there_deletes_nothing(
    signed_in, learner, password
):
    page = signed_in.get("/account/delete").content.decode()
    form = {
        "password": password,
        "account": re.search(r'name="account" value="([^"]+)"', page).group(1),
    }
    for fields in (form, {**form, "account": "1:forged"}):
        response = Client().post("/account/delete", fields, follow=True)
        assert response.redirect_chain[-1][0].startswith("/account/sign-in")
        assert "You had been signed out, so nothing was done." in response.content.decode()
    assert get_user_model().objects.filter(pk=learner.pk).exists()
