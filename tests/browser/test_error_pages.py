"""Octet's own error pages, as a visitor meets them on a phone: readable and accessible."""

import pytest

from tests.browser.conftest import assert_accessible, assert_fits_phone_width

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
    page.locator("main a[href$='/account/sign-in']").first.click()
    page.wait_for_url("**/account/sign-in")
