"""The pages a learner meets when a later release changed the content under their profile, and
the reset page of a test in progress: readable on a phone and accessible, in both languages."""

import pytest

from tests.browser.conftest import _page, assert_accessible, assert_fits_phone_width
from tests.browser.test_learning_journey import TEXT, sign_in
from tests.learning.helpers import answer_current, finish_as, finish_test, start, taken_days_ago

pytestmark = pytest.mark.django_db(transaction=True)

HEADINGS = {
    "en": {"closed": "This test is closed", "lesson": "Lesson not found"},
    "fr": {"closed": "Ce test est fermé", "lesson": "Leçon introuvable"},
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_what_a_later_release_removed_is_said_on_pages_that_fit_a_phone(
    browser, live_server, client, releases, learner, password, language
):
    learner.language = language
    learner.save()
    client.force_login(learner)
    finish_test(client, start(client, "1.1"))  # a level kept, and an earlier test done
    ongoing = start(client, "1.2")
    answer_current(client, ongoing)
    releases.use(releases.later(remove_competence="1.2"))
    page = next(_page(browser, live_server, locale=f"{language}-GB"))
    sign_in(page, learner, password, TEXT[language])

    for address, heading in (
        (f"/assessments/{ongoing}/", HEADINGS[language]["closed"]),
        ("/lessons/lesson-fileTools", HEADINGS[language]["lesson"]),
    ):
        page.goto(page.base + address)
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert_fits_phone_width(page)
        assert_accessible(page)
    page.goto(page.base + "/profile/")
    assert page.locator("html").get_attribute("lang") == language
    assert_fits_phone_width(page)
    assert_accessible(page)


def test_the_reset_page_of_a_test_in_progress_fits_a_phone_and_is_accessible(
    browser, live_server, client, learner, password
):
    client.force_login(learner)
    first = start(client, "1.1")
    finish_as(client, first, level=3)  # below the highest level, so that it can be improved
    taken_days_ago(first, 8)
    start(client, "1.1", mode="improve")  # in progress
    page = next(_page(browser, live_server))
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + "/competences/1.1/reset")
    assert page.get_by_role("button", name="Reset").count() == 0
    assert_fits_phone_width(page)
    assert_accessible(page)
