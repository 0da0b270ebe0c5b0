"""The staff preview runs the question page's script without its test around it."""

import pytest

from octet.content.domain.release import current_release
from tests.browser.conftest import sign_in_as_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_in_a_previewed_question_raises_no_script_error(page, django_user_model):
    sign_in_as_staff(page, django_user_model)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    challenge = next(
        c for c in current_release().challenges.values() if c.type == "qroc" and not c.embed
    )
    page.goto(f"{page.base}/preview/{challenge.id}?locale=en")
    page.locator("#challenge-form input[type=text]").first.fill("an answer")
    page.locator("#challenge-form input[type=text]").first.press("End")
    assert errors == []


def test_a_tapped_link_in_the_browser_simulator_opens_even_after_going_back(
    page, django_user_model
):
    """The frame is as tall as what the simulator draws, its border on top: a frame two pixels
    too short scrolled inside after "Back", and the status bar that grows on a tap then moved
    the page under the finger, so the second link tapped did not open (3.4, which links)."""
    sign_in_as_staff(page, django_user_model)
    page.goto(f"{page.base}/preview/webPageCode1-which-links?locale=en")
    frame = page.frame_locator("iframe[data-simulator]")
    inner = next(f for f in page.frames if f is not page.main_frame)

    def tap(name):
        link = frame.get_by_role("link", name=name, exact=True)
        target = link.or_(frame.get_by_role("button", name=name, exact=True))
        target.scroll_into_view_if_needed()
        page.wait_for_timeout(300)  # the frame has settled to its height
        target.tap()

    def shown(title):
        frame.locator("#page h1", has_text=title).wait_for()

    shown("Bellerive Bike Day")
    tap("access map")
    shown("Access map")
    tap("Back")
    shown("Bellerive Bike Day")
    page.wait_for_timeout(300)
    # the whole simulator fits its frame: nothing scrolls inside it
    assert inner.evaluate("document.documentElement.scrollHeight <= innerHeight")
    tap("See the day's programme")
    shown("The day's programme")
