"""Every account page works as plain HTML forms, with JavaScript switched off."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_whole_account_journey_without_javascript(no_js_page):
    page = no_js_page
    page.goto(page.base + "/")
    page.get_by_role("button", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("button", name="English").click()

    page.goto(page.base + "/account/sign-up")
    page.get_by_label("First name").fill("Kofi")
    page.get_by_label("Last name", exact=True).fill("Mensah")
    page.get_by_label("E-mail address").fill("kofi@example.org")
    page.get_by_label("Password", exact=True).fill("Strong-Pass9")
    page.get_by_role("button", name="Create my account").click()
    assert page.get_by_text("You must accept the terms of use").is_visible()
    page.get_by_label("Password", exact=True).fill("Strong-Pass9")
    page.get_by_label("I accept the terms of use").check()
    page.get_by_role("button", name="Create my account").click()
    assert page.get_by_role("heading", name="My profile").is_visible()

    page.get_by_role("button", name="Sign out").click()
    page.goto(page.base + "/account/sign-in")
    page.get_by_label("E-mail address or username").fill("kofi@example.org")
    page.get_by_label("Password", exact=True).fill("Strong-Pass9")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="My profile").is_visible()

    page.get_by_role("link", name="My account").click()
    page.get_by_role("link", name="Delete my account").click()
    page.get_by_label("Your password, to confirm").fill("Strong-Pass9")
    page.get_by_role("button", name="Delete my account for good").click()
    assert page.get_by_text("Your account and your personal data have been deleted.").is_visible()
    assert not get_user_model().objects.exists()


def test_switching_the_language_keeps_what_is_typed_in_the_sign_up_form(no_js_page):
    page = no_js_page
    page.goto(page.base + "/account/sign-up")
    page.get_by_label("First name").fill("Kofi")
    page.get_by_label("Last name", exact=True).fill("Mensah")
    page.get_by_label("E-mail address").fill("kofi@example.org")
    page.get_by_label("Password", exact=True).fill("Strong-Pass9")
    page.get_by_role("button", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.url == page.base + "/account/sign-up"
    assert page.get_by_label("Prénom").input_value() == "Kofi"
    assert page.get_by_label("Nom", exact=True).input_value() == "Mensah"
    assert page.get_by_label("Adresse e-mail").input_value() == "kofi@example.org"
    assert page.get_by_label("Mot de passe", exact=True).input_value() == ""  # never kept
    assert not page.locator(".field--error").count()
    page.get_by_label("Mot de passe", exact=True).fill("Strong-Pass9")
    page.get_by_label("J'accepte les conditions d'utilisation").check()
    page.get_by_role("button", name="Créer mon compte").click()
    assert page.get_by_role("heading", name="Mon profil").is_visible()
    assert get_user_model().objects.get().first_name == "Kofi"
