"""A person's first steps on Octet, in a phone-sized Chromium, in English and French."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.browser.conftest import assert_accessible, assert_fits_phone_width

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = {
    "en": {
        "create": "Create an account",
        "first": "First name",
        "last": "Last name",
        "email": "E-mail address",
        "password": "Password",
        "terms": "I accept the terms of use",
        "submit": "Create my account",
        "welcome": "Welcome to Octet, Amina! Your account is ready.",
        "account": "My account",
        "profile": "My profile",
        "sign_in": "Sign in",
        "login": "E-mail address or username",
        "wrong": "The password is incorrect.",
        "duplicate": "An account already uses this e-mail address.",
        "sign_out": "Sign out",
        "delete": "Delete my account",
        "confirm": "Your password, to confirm",
        "delete_for_good": "Delete my account for good",
        "deleted": "Your account and your personal data have been deleted.",
        "forgot": "Forgot your password?",
        "send_link": "Send me the link",
        "check_mail": "Check your e-mail",
        "new1": "New password",
        "new2": "New password confirmation",
        "save": "Save my new password",
        "changed": "Your password has been changed. You can sign in now.",
    },
    "fr": {
        "create": "Créer un compte",
        "first": "Prénom",
        "last": "Nom",
        "email": "Adresse e-mail",
        "password": "Mot de passe",
        "terms": "J'accepte les conditions d'utilisation",
        "submit": "Créer mon compte",
        "welcome": "Bienvenue sur Octet, Amina ! Votre compte est prêt.",
        "account": "Mon compte",
        "profile": "Mon profil",
        "sign_in": "Se connecter",
        "login": "Adresse e-mail ou identifiant",
        "wrong": "Le mot de passe est incorrect.",
        "duplicate": "Un compte utilise déjà cette adresse e-mail.",
        "sign_out": "Se déconnecter",
        "delete": "Supprimer mon compte",
        "confirm": "Votre mot de passe, pour confirmer",
        "delete_for_good": "Supprimer définitivement mon compte",
        "deleted": "Votre compte et vos données personnelles ont été supprimés.",
        "forgot": "Mot de passe oublié ?",
        "send_link": "M'envoyer le lien",
        "check_mail": "Consultez vos e-mails",
        "new1": "Nouveau mot de passe",
        "new2": "Confirmation du nouveau mot de passe",
        "save": "Enregistrer mon nouveau mot de passe",
        "changed": "Votre mot de passe a été modifié. Vous pouvez vous connecter.",
    },
}


def choose_language(page, language):
    page.goto(page.base + "/")
    label = {"en": "English", "fr": "Français"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


def sign_up(page, t, email="amina@example.org", password="Strong-Pass9"):
    page.goto(page.base + "/")
    page.get_by_role("link", name=t["create"]).first.click()
    page.get_by_label(t["first"]).fill("Amina")
    page.get_by_label(t["last"], exact=True).fill("Diallo")
    page.get_by_label(t["email"]).fill(email)
    page.get_by_label(t["password"], exact=True).fill(password)
    page.get_by_label(t["terms"]).check()
    page.get_by_role("button", name=t["submit"]).click()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sign_up_sign_out_sign_in_at_phone_width(page, language):
    t = TEXT[language]
    choose_language(page, language)
    assert_accessible(page)
    assert_fits_phone_width(page)

    page.goto(page.base + "/account/sign-up")
    assert_accessible(page)
    sign_up(page, t)
    assert page.get_by_text(t["welcome"]).is_visible()
    assert page.get_by_role("heading", name=t["profile"]).is_visible()
    page.get_by_role("link", name=t["account"]).click()
    assert page.get_by_role("heading", name=t["account"]).is_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)
    assert get_user_model().objects.get().language == language

    page.get_by_role("button", name=t["sign_out"]).click()
    page.get_by_role("link", name=t["sign_in"]).first.click()
    page.get_by_label(t["login"]).fill("amina.diallo")
    page.get_by_label(t["password"], exact=True).fill("Wrong-Pass1")
    page.get_by_role("button", name=t["sign_in"]).click()
    assert page.get_by_text(t["wrong"]).is_visible()
    assert page.get_by_label(t["login"]).input_value() == "amina.diallo"
    assert page.get_by_label(t["password"], exact=True).input_value() == ""
    assert_accessible(page)
    page.get_by_label(t["password"], exact=True).fill("Strong-Pass9")
    page.get_by_role("button", name=t["sign_in"]).click()
    assert page.get_by_role("heading", name=t["profile"]).is_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_terms_checkbox_sits_beside_its_label_at_phone_width(page, language):
    choose_language(page, language)
    page.goto(page.base + "/account/sign-up")
    page.get_by_role("button", name=TEXT[language]["submit"]).click()  # its error below both
    box = page.get_by_label(TEXT[language]["terms"]).bounding_box()
    label = page.locator("label[for=id_accept_terms]").bounding_box()
    error = page.locator("#id_accept_terms_errors").bounding_box()
    assert label["x"] > box["x"] + box["width"]  # on its right, not on the next line
    assert label["y"] < box["y"] + box["height"]
    assert error["y"] >= label["y"] + label["height"]
    assert_fits_phone_width(page)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sign_up_errors_are_shown_next_to_the_fields(page, language):
    t = TEXT[language]
    choose_language(page, language)
    sign_up(page, t)
    page.get_by_role("button", name=t["sign_out"]).click()
    sign_up(page, t, password="weak")
    field_errors = page.locator("#id_email_errors")
    assert t["duplicate"] in field_errors.inner_text()
    assert page.locator("#id_password_errors").is_visible()
    assert page.get_by_label(t["first"]).input_value() == "Amina"
    assert page.get_by_label(t["email"]).get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    assert_fits_phone_width(page)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_password_reset_by_e_mail_link(page, language, learner):
    t = TEXT[language]
    choose_language(page, language)
    page.goto(page.base + "/account/sign-in")
    page.get_by_role("link", name=t["forgot"]).click()
    assert_accessible(page)
    page.get_by_label(t["email"]).fill("lea@example.org")
    page.get_by_role("button", name=t["send_link"]).click()
    assert page.get_by_role("heading", name=t["check_mail"]).is_visible()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/account/password-reset/\S+", mail.outbox[0].body).group(0)

    page.goto(link)
    assert_accessible(page)
    page.get_by_label(t["new1"], exact=True).fill("Brand-New-Pass2")
    page.get_by_label(t["new2"]).fill("Brand-New-Pass2")
    page.get_by_role("button", name=t["save"]).click()
    assert page.get_by_text(t["changed"]).is_visible()
    page.get_by_label(t["login"]).fill("lea@example.org")
    page.get_by_label(t["password"], exact=True).fill("Brand-New-Pass2")
    page.get_by_role("button", name=t["sign_in"]).click()
    assert page.get_by_role("heading", name=t["profile"]).is_visible()

    page.goto(link)  # a used link is refused with a clear message
    page.get_by_role("alert").wait_for()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_account_deletion(page, language):
    t = TEXT[language]
    choose_language(page, language)
    sign_up(page, t)
    page.get_by_role("link", name=t["account"]).click()
    page.get_by_role("link", name=t["delete"]).click()
    assert_accessible(page)
    page.get_by_label(t["confirm"]).fill("Strong-Pass9")
    page.get_by_role("button", name=t["delete_for_good"]).click()
    assert page.get_by_text(t["deleted"]).is_visible()
    assert not get_user_model().objects.exists()


def test_the_language_chosen_before_sign_in_stays_after_it(french_page):
    page = french_page
    page.goto(page.base + "/")
    assert page.locator("html").get_attribute("lang") == "fr"  # the browser asks for French
    page.get_by_role("button", name="English").click()
    assert page.get_by_role("link", name="Create an account").first.is_visible()
    page.goto(page.base + "/account/sign-up")
    assert page.get_by_label("First name").is_visible()
