"""A tutorial removed by a new release while its page is open: Save or Useful, sent by the
page's script, end on the page reloaded with a message, not on an error."""

import pytest

from octet.learning.models import SavedTutorial, TutorialFeedback
from tests.browser.test_learning_journey import TEXT, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_useful_by_a_tutorial_removed_since_the_page_was_shown_says_so(
    page, client, releases, learner, password
):
    client.force_login(learner)
    client.post("/tutorials/tuto-fileFormats1-more/save", {"next": "/tutorials/"})
    client.post("/tutorials/tuto-fileTools1-en/save", {"next": "/tutorials/"})
    sign_in(page, learner, password, TEXT["en"])
    page.goto(page.base + "/tutorials/")
    item = page.locator(".tutorial").filter(has_text="Search tips")
    item.wait_for()
    # A new release is deployed while the page is open: this tutorial is gone from it.
    renamed = ("competences/1.2.yaml", "id: tuto-fileFormats1-more", "id: tuto-fileFormats1-web")
    releases.use(releases.later(edits=[renamed]))

    item.get_by_role("button", name="Useful").click()
    page.get_by_text("so your opinion of it was not recorded").wait_for()
    assert page.url.endswith("/tutorials/#saved-title")
    assert page.get_by_text("1 tutorial you saved has since been removed").is_visible()
    assert page.locator(".tutorial").filter(has_text="Search tips").count() == 0
    assert page.locator(".tutorial").filter(has_text="Open the Images tab").count() == 1
    assert not TutorialFeedback.objects.exists()
    assert SavedTutorial.objects.count() == 2  # kept, should it come back
