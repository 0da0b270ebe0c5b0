"""What a learner with a keyboard or a screen reader meets: where the focus goes when a page
comes back with a message, what is announced, and how the pages are laid out in headings.

Driven with the keyboard only (Tab, Enter), with and without JavaScript."""

import pytest

from tests.browser.conftest import _page
from tests.browser.test_learning_journey import open_question, plain_question

pytestmark = pytest.mark.django_db(transaction=True)

FOCUSED = "document.activeElement.id"


def press_and_wait(page, key="Enter"):
    """Press a key that sends a plain form (a whole page comes back)."""
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state()


def tab_to(page, selector, limit=40):
    """Tab until the element matching `selector` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_form_sent_back_with_errors_puts_the_focus_on_them(browser, live_server, javascript):
    """The errors are read first, and the next Tab is the first field, not the site's menu."""
    page = next(_page(browser, live_server, javascript=javascript))
    page.goto(page.base + "/account/sign-up")
    tab_to(page, "#id_first_name")
    page.keyboard.type("Kim")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page)
    assert page.evaluate(FOCUSED) == "form-errors"
    assert page.locator("#form-errors").get_attribute("role") == "alert"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "id_first_name"
    page.context.close()


def test_without_javascript_an_empty_answer_puts_the_focus_on_the_warning(
    no_js_page, learner, password
):
    page = no_js_page
    open_question(page, learner, password, plain_question("1.1"))
    tab_to(page, "#challenge-form button[value=validate]")
    press_and_wait(page)
    assert page.evaluate(FOCUSED) == "empty-warning"
    page.keyboard.press("Tab")  # straight to the answer's choices
    assert page.evaluate("document.activeElement.name") == "answer"
