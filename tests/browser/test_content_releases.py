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


def test_a_file_and_a_simulator_removed_since_the_question_was_shown_say_so(
    page, releases, learner, password
):
    """The question's page was shown before a release that removed its file and its simulator:
    the file's link opens a page that says so and leads back to the test, and the frame says
    so too, instead of a download that fails and a frame the browser refuses to show."""
    from octet.content.domain.release import current_release
    from tests.browser.test_learning_journey import open_question
    from tests.learning.test_content_releases import without_material

    notes = current_release().challenges["searchOperators2-notes"]
    assessment = open_question(page, learner, password, notes)
    link = page.get_by_role("link", name="notes-en.txt")
    link.wait_for()
    without_material(releases)
    link.click()
    page.get_by_role("heading", name="File not found").wait_for()
    page.get_by_role("link", name="Back to the test").click()
    page.wait_for_url(page.base + f"/assessments/{assessment.pk}/")

    total = current_release().challenges.get("searchOperators2-total")
    assert total is not None and total.embed is None  # in the new release, without its frame
    page.set_content(  # the frame of the question page shown before, as it was
        f'<iframe src="{page.base}/simulators/searchOperators2-total/en" '
        'sandbox="allow-scripts allow-forms" data-simulator></iframe>'
    )
    frame = page.frame_locator("iframe")
    frame.get_by_role("heading", name="Simulator not found").wait_for()
    assert frame.get_by_text("Load the page again to see the question as it is now.").is_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_pages_of_a_file_a_picture_and_a_simulator_removed_fit_a_phone_and_are_accessible(
    browser, live_server, releases, language
):
    from tests.browser.conftest import _page, assert_accessible, assert_fits_phone_width
    from tests.learning.test_content_releases import without_material

    without_material(releases)
    page = next(_page(browser, live_server, locale=f"{language}-GB"))
    headings = {
        "en": ("File not found", "Picture not found", "Simulator not found"),
        "fr": ("Fichier introuvable", "Image introuvable", "Simulateur introuvable"),
    }[language]
    for address, heading in zip(
        (
            f"/files/notes-{language}.txt",
            "/illustrations/results.svg",
            f"/simulators/searchOperators2-total/{language}",
        ),
        headings,
        strict=True,
    ):
        response = page.goto(page.base + address)
        assert response.status == 404
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.locator("html").get_attribute("lang") == language
        assert_fits_phone_width(page)
        assert_accessible(page)
