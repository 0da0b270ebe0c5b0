"""Save and Useful by a tutorial, on the checkpoint: in place with JavaScript, plainly without."""

import pytest

from octet.learning import selectors, services
from octet.learning.models import Assessment, SavedTutorial, TutorialFeedback
from tests.browser.conftest import assert_accessible, assert_fits_phone_width
from tests.browser.test_learning_journey import TEXT, sign_in
from tests.learning.helpers import answer_current
from tests.learning.helpers import start as start_by_http

pytestmark = pytest.mark.django_db(transaction=True)


def at_a_checkpoint(client, learner) -> int:
    """A test of 4.1 at its first checkpoint, one answer of five wrong (tutorials to offer)."""
    client.force_login(learner)
    assessment_id = start_by_http(client, "4.1")
    for count in range(5):
        answer_current(client, assessment_id, right=count != 4)
    assert selectors.stage(Assessment.objects.get(pk=assessment_id)) == selectors.CHECKPOINT
    return assessment_id


def focused(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def test_save_and_useful_act_in_place_and_keep_the_reader_where_they_are(
    page, client, learner, password
):
    assessment_id = at_a_checkpoint(client, learner)
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + f"/assessments/{assessment_id}/checkpoint")
    page.wait_for_load_state()
    page.evaluate("window.notReloaded = true")
    item = page.locator(".tutorial").last
    item.scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")

    item.get_by_role("button", name="Save").click()
    item.get_by_role("status").filter(has_text="Tutorial saved in “My tutorials”.").wait_for()
    assert page.evaluate("window.notReloaded")  # no page load: the corrections stay in view
    assert page.evaluate("window.scrollY") == scrolled
    assert focused(page).startswith("Saved")  # the pressed button, now pressed for good
    assert item.get_by_role("button", name="Saved").get_attribute("aria-pressed") == "true"
    assert SavedTutorial.objects.filter(user=learner).count() == 1

    page.keyboard.press("Enter")  # pressed again from the keyboard: removed
    item.get_by_role("status").filter(has_text="Tutorial removed from your list.").wait_for()
    assert focused(page).startswith("Save")
    assert not SavedTutorial.objects.filter(user=learner).exists()

    item.get_by_role("button", name="Useful").click()
    item.get_by_role("status").filter(has_text="Thank you for your feedback.").wait_for()
    assert focused(page) == "Marked useful"
    assert TutorialFeedback.objects.filter(user=learner, useful=True).count() == 1
    assert page.evaluate("window.notReloaded")
    assert_accessible(page)
    assert_fits_phone_width(page)

    # The plain form still comes back to this tutorial, from a copy of the actions shown now.
    back = item.locator("input[name=next]").first.get_attribute("value")
    assert back.startswith(f"/assessments/{assessment_id}/checkpoint#answer-")


def test_without_javascript_save_comes_back_to_the_same_correction(
    no_js_page, client, learner, password
):
    page = no_js_page
    assessment_id = at_a_checkpoint(client, learner)
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + f"/assessments/{assessment_id}/checkpoint")
    item = page.locator(".tutorial").last
    item.get_by_role("button", name="Save").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The tutorial pressed says what happened, with the focus, so a screen reader says it too,
    # and it is in view: the reader is back at the same correction.
    notice = page.locator(".tutorial").last.get_by_role("status")
    page.wait_for_function("document.activeElement.hasAttribute('data-tutorial-notice')")
    assert notice.inner_text() == "Tutorial saved in “My tutorials”."
    assert notice.evaluate("e => e === document.activeElement")
    assert notice.evaluate("e => e.getBoundingClientRect().top >= 0")
    assert notice.evaluate("e => e.getBoundingClientRect().bottom <= innerHeight")
    assert page.locator(".messages").count() == 0  # not at the top of the page, out of view
    assert SavedTutorial.objects.filter(user=learner).count() == 1
    page.keyboard.press("Shift+Tab")  # Useful, then the button pressed, now saved
    page.keyboard.press("Shift+Tab")
    assert focused(page).startswith("Saved")
    page.reload()
    assert page.locator("[data-tutorial-notice]").count() == 0  # said once


def test_on_my_tutorials_save_and_useful_act_in_place_too(page, client, learner, password):
    """A tutorial removed stays listed, now to be saved back, and the page is not reloaded."""
    at_a_checkpoint(client, learner)
    saved = selectors.recommended_tutorial_ids(learner, "en")[0]
    services.save_tutorial(learner, saved)
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + "/tutorials/")
    page.wait_for_load_state()
    page.evaluate("window.notReloaded = true")
    item = page.locator("section[aria-labelledby=saved-title] .tutorial").first

    item.get_by_role("button", name="Saved").click()
    item.get_by_role("status").filter(has_text="Tutorial removed from your list.").wait_for()
    assert focused(page).startswith("Save")
    assert not SavedTutorial.objects.filter(user=learner).exists()
    item.get_by_role("button", name="Save").click()
    item.get_by_role("status").filter(has_text="Tutorial saved in “My tutorials”.").wait_for()
    assert SavedTutorial.objects.filter(user=learner).count() == 1

    item.get_by_role("button", name="Useful").click()
    item.get_by_role("status").filter(has_text="Thank you for your feedback.").wait_for()
    assert focused(page) == "Marked useful"
    assert TutorialFeedback.objects.filter(user=learner, useful=True).count() == 1
    assert page.evaluate("window.notReloaded")
    assert_accessible(page)


def test_without_javascript_my_tutorials_saves_by_a_page_load(
    no_js_page, client, learner, password
):
    page = no_js_page
    at_a_checkpoint(client, learner)
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + "/tutorials/")
    item = page.locator("section[aria-labelledby=recommended-title] .tutorial").first
    item.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.url.endswith("/tutorials/")
    saved = page.locator("section[aria-labelledby=saved-title] .tutorial").first
    page.wait_for_function("document.activeElement.hasAttribute('data-tutorial-notice')")
    assert saved.get_by_role("status").inner_text() == "Tutorial saved in “My tutorials”."
    assert SavedTutorial.objects.filter(user=learner).count() == 1


def test_on_my_tutorials_a_recommended_one_saved_in_place_joins_the_saved_ones(
    page, client, learner, password
):
    """As a page load would show it: not "You have not saved any tutorials yet" above it."""
    at_a_checkpoint(client, learner)
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + "/tutorials/")
    page.wait_for_load_state()
    page.evaluate("window.notReloaded = true")
    saved = page.locator("section[aria-labelledby=saved-title]")
    assert saved.get_by_text("You have not saved any tutorials yet.").is_visible()
    item = page.locator("section[aria-labelledby=recommended-title] .tutorial").first
    title = item.locator("a").first.inner_text()

    item.get_by_role("button", name="Save").click()
    item.get_by_role("status").filter(has_text="Tutorial saved in “My tutorials”.").wait_for()
    assert focused(page).startswith("Saved")  # the pressed button, where it was
    assert saved.get_by_text("You have not saved any tutorials yet.").count() == 0
    assert saved.locator(".tutorial a").first.inner_text() == title
    listed = saved.locator(".tutorial").first
    assert listed.get_by_role("button", name="Saved").get_attribute("aria-pressed") == "true"
    assert listed.get_by_role("status").count() == 0  # the message stays by the pressed button

    listed.get_by_role("button", name="Saved").click()  # removed from there: both copies say so
    listed.get_by_role("status").filter(has_text="Tutorial removed from your list.").wait_for()
    assert item.get_by_role("button", name="Save").get_attribute("aria-pressed") is None
    assert not SavedTutorial.objects.filter(user=learner).exists()
    assert page.evaluate("window.notReloaded")
    assert_accessible(page)
    assert_fits_phone_width(page)
