import re
from datetime import timedelta

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/account/password-reset/\S+)", message.body).group(1)


def test_reset_link_lets_the_person_choose_a_new_password(client, learner):
    response = client.post("/account/password-reset", {"email": "LEA@example.org"})
    assert response["Location"] == "/account/password-reset/sent"
    assert len(mail.outbox) == 1
    assert "24 hours" in mail.outbox[0].body
    page = client.get(reset_link(mail.outbox[0]), follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Brand-New-Pass2", "new_password2": "Brand-New-Pass2"}
    )
    assert response.status_code == 302
    assert (
        client.post(
            "/account/sign-in", {"login": "lea.martin", "password": "Brand-New-Pass2"}
        ).status_code
        == 302
    )


def test_unknown_address_is_told_clearly(client, learner):
    response = client.post("/account/password-reset", {"email": "nobody@example.org"})
    assert response.status_code == 200
    assert "No account uses this e-mail address." in response.content.decode()
    assert mail.outbox == []


def test_an_invalid_address_is_refused_in_octets_words_in_french(client):
    client.cookies["django_language"] = "fr"
    response = client.post("/account/password-reset", {"email": "lea.example.org"})
    page = response.content.decode()
    assert "Saisissez une adresse e-mail valide." in page
    assert "courriel" not in page
    assert mail.outbox == []


def test_expired_link_says_so(client, learner, settings):
    client.post("/account/password-reset", {"email": "lea@example.org"})
    link = reset_link(mail.outbox[0])
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is now older than the limit
    page = client.get(link, follow=True).content.decode()
    assert "This link has expired or has already been used." in page


def test_reset_email_is_written_in_the_account_language_not_the_page_one(client, learner):
    assert learner.language == "en"
    client.cookies["django_language"] = "fr"
    response = client.post("/account/password-reset", {"email": "lea@example.org"}, follow=True)
    assert "Consultez vos e-mails" in response.content.decode()  # the page stays in French
    assert mail.outbox[0].subject == "Octet: choose a new password"
    assert "Hello Léa," in mail.outbox[0].body
    assert "open this link within 24 hours" in mail.outbox[0].body


def test_a_french_account_gets_its_reset_email_in_french_from_an_english_page(client, learner):
    learner.language = "fr"
    learner.save()
    client.cookies["django_language"] = "en"
    client.post("/account/password-reset", {"email": "lea@example.org"})
    assert mail.outbox[0].subject == "Octet\u00a0: choisissez un nouveau mot de passe"
    assert "24 heures" in mail.outbox[0].body


def test_link_is_valid_for_24_hours(settings):
    assert timedelta(hours=24).total_seconds() == settings.PASSWORD_RESET_TIMEOUT


def test_change_password_checks_the_old_one_and_the_rules(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    response = client.post(
        "/account/password",
        {"old_password": "Wrong-Pass1", "new_password1": "weak", "new_password2": "weak"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your current password is incorrect." in page
    response = client.post(
        "/account/password",
        {
            "old_password": password,
            "new_password1": "Another-Pass3",
            "new_password2": "Another-Pass3",
        },
    )
    assert response["Location"] == "/account/"
    learner.refresh_from_db()
    assert learner.check_password("Another-Pass3")


def test_a_wrong_current_password_is_named_as_its_field_is_in_french(client, learner, password):
    learner.language = "fr"
    learner.save()
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    page = client.post(
        "/account/password",
        {
            "old_password": "Wrong-Pass1",
            "new_password1": "New-Pass44",
            "new_password2": "New-Pass44",
        },
    ).content.decode()
    assert "Mot de passe actuel" in page
    assert "Votre mot de passe actuel est incorrect. Saisissez-le à nouveau." in page
    assert "ancien" not in page


def test_the_current_password_typed_to_change_it_is_throttled_like_a_sign_in(
    client, learner, password
):
    """A session left open on a shared computer is no way to guess the password by changing it."""
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    wrong = {
        "old_password": "Wrong-Pass1",
        "new_password1": "New-Pass44",
        "new_password2": "New-Pass44",
    }
    for _ in range(2):
        page = client.post("/account/password", wrong).content.decode()
        assert "Your current password is incorrect." in page
    page = client.post("/account/password", wrong).content.decode()
    assert "Too many failed attempts. Wait" in page
    # Even the right password must wait now, here as at sign-in.
    page = client.post("/account/password", {**wrong, "old_password": password}).content.decode()
    assert "Too many failed attempts. Wait" in page
    learner.refresh_from_db()
    assert learner.check_password(password)


def test_a_fourth_reset_link_within_the_hour_is_refused_clearly(client, learner, monkeypatch):
    from django.utils import timezone

    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    ask = {"email": "lea@example.org"}
    for _ in range(3):  # a lost message, a late one: asking again works
        assert client.post("/account/password-reset", ask).status_code == 302
    response = client.post("/account/password-reset", ask)
    assert response.status_code == 200
    assert "Several reset links have been sent to this address in the last hour." in (
        response.content.decode()
    )
    assert len(mail.outbox) == 3
    # an hour after the first, one more may go
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=1))
    assert client.post("/account/password-reset", ask).status_code == 302
    assert len(mail.outbox) == 4
    assert learner.password_reset_emails.count() == 1  # older ones are not kept


def test_a_new_password_from_a_reset_link_unlocks_the_account(client, learner, settings):
    # The lock-out message says "try again then, or reset your password": the reset must work.
    from octet.accounts.models import SignInThrottle

    for _ in range(settings.OCTET_SIGN_IN_SLOW_AFTER):
        client.post("/account/sign-in", {"login": "lea.martin", "password": "Wrong-Pass1"})
    SignInThrottle.objects.filter(identifier="lea.martin").update(
        failures=settings.OCTET_SIGN_IN_LOCK_AFTER
    )
    locked = client.post("/account/sign-in", {"login": "lea@example.org", "password": "x"})
    assert "or reset your password" in locked.content.decode()
    client.post("/account/password-reset", {"email": "lea@example.org"})
    page = client.get(reset_link(mail.outbox[0]), follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Brand-New-Pass2", "new_password2": "Brand-New-Pass2"},
    )
    response = client.post(
        "/account/sign-in", {"login": "lea.martin", "password": "Brand-New-Pass2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/profile/"


SIGN_UP_HELP = "At least 8 characters, with an upper-case letter, a lower-case letter and a digit."


def test_a_new_password_is_described_as_on_the_sign_up_form_wherever_it_is_chosen(
    client, learner, password
):
    """One sentence, the sign-up's, not Django's list of every validator ("At most 4096
    characters."); the password in use is the "current" one, not the "old" one."""
    assert SIGN_UP_HELP in client.get("/account/sign-up").content.decode()
    client.post("/account/password-reset", {"email": "lea@example.org"})
    reset = client.get(reset_link(mail.outbox[0]), follow=True).content.decode()
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    change = client.get("/account/password").content.decode()
    for page in (reset, change):
        assert SIGN_UP_HELP in page
        assert "4096" not in page and "commonly used" not in page
    assert "Current password" in change and "Old password" not in change
    learner.language = "fr"
    learner.save(update_fields=["language"])
    change = client.get("/account/password").content.decode()
    assert "Mot de passe actuel" in change
    assert "Au moins 8 caractères, dont une majuscule, une minuscule et un chiffre." in change
