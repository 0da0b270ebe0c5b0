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


def test_a_simulator_taller_than_2000_px_fits_its_frame_on_a_phone(page, django_user_model):
    """At 360 px the social network's profile with all its settings is about 2,030 px tall
    (2.4, lock down a profile, in French): a frame stopped at 2,000 px scrolled inside it."""
    sign_in_as_staff(page, django_user_model)
    page.goto(f"{page.base}/preview/socialPrivacySettings4-lock-down?locale=fr")
    frame = page.locator("iframe[data-simulator]")
    inner = next(f for f in page.frames if f is not page.main_frame)
    inner.wait_for_load_state()
    page.wait_for_timeout(500)  # the simulator's own late height has been sent
    inner.evaluate("parent.postMessage({octet: 'height', value: 2600}, '*')")
    page.wait_for_function(
        "() => document.querySelector('iframe[data-simulator]').clientHeight === 2600"
    )
    inner.evaluate("parent.postMessage({octet: 'height', value: 1}, '*')")
    page.wait_for_function(
        "() => document.querySelector('iframe[data-simulator]').clientHeight === 200"
    )
    page.reload()
    inner = next(f for f in page.frames if f is not page.main_frame)
    inner.wait_for_load_state()
    page.wait_for_timeout(500)  # the simulator has sent its height
    frame.scroll_into_view_if_needed()
    drawn = inner.evaluate("document.documentElement.scrollHeight")
    assert drawn > 2000
    assert drawn <= frame.evaluate("f => f.clientHeight")
