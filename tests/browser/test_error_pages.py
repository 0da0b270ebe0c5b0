"""Octet's own error pages, as a visitor meets them on a phone: readable and accessible."""

import pytest

from tests.browser.conftest import _page, assert_accessible, assert_fits_phone_width

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_unknown_address_gives_a_page_in_the_visitors_language(french_page):
    page = french_page
    response = page.goto(page.base + "/no-such-page")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Page introuvable"
    assert_fits_phone_width(page)
    assert_accessible(page)


def test_a_form_left_too_long_gives_the_expired_page_with_a_way_back(page):
    page.goto(page.base + "/account/sign-in")
    page.context.clear_cookies()  # as when the session's token changed in another tab
    page.locator("input[name=login]").fill("someone")
    page.locator("input[name=password]").fill("whatever")
    with page.expect_navigation() as navigation:
        page.locator("main form button[type=submit]").click()
    assert navigation.value.status == 403
    assert_fits_phone_width(page)
    assert_accessible(page)
    # What was typed goes back to the page, never the password.
    page.get_by_role("button", name="Back to the page, with what I entered").click()
    page.wait_for_url("**/account/sign-in")
    assert page.locator("input[name=login]").input_value() == "someone"
    assert page.locator("input[name=password]").input_value() == ""


@pytest.mark.parametrize(
    ("javascript", "locale", "button", "signed_out"),
    [
        (
            True,
            "fr-FR",
            "Se déconnecter et se connecter avec un autre compte",
            "Déconnexion réussie",
        ),
        (False, "en-GB", "Sign out and sign in with another account", "You are signed out"),
    ],
)
def test_a_learner_refused_a_page_signs_out_from_it_and_comes_back_as_staff(
    browser, live_server, django_user_model, javascript, locale, button, signed_out
):
    language = locale[:2]  # a signed-in person's saved language wins over the browser's
    django_user_model.objects.create_user(
        "kim", "kim@example.org", "Learner-Pass1", language=language
    )
    django_user_model.objects.create_user(
        "staff", "staff@example.org", "Staff-Pass1", is_staff=True, language=language
    )
    page = next(_page(browser, live_server, javascript=javascript, locale=locale))
    page.goto(page.base + "/account/sign-in")
    page.locator("input[name=login]").fill("kim")
    page.locator("input[name=password]").fill("Learner-Pass1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/profile/")

    response = page.goto(page.base + "/preview/")  # staff only
    assert response.status == 403
    sign_out = page.locator("main").get_by_role("button", name=button)
    assert sign_out.is_visible()
    assert_fits_phone_width(page)
    if javascript:  # axe-core runs as a script
        assert_accessible(page)
    with page.expect_navigation():
        sign_out.click()
    page.wait_for_url("**/account/sign-in?next=/preview/")
    assert signed_out in page.locator("main").inner_text()
    page.locator("input[name=login]").fill("staff")
    page.locator("input[name=password]").fill("Staff-Pass1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/preview/")
    page.context.close()
