"""What a correction gives back of its question besides its text: the picture it was about,
the file it asked to open, a word on the simulator it was answered in. At 360 px, in each
language, with the checkpoint reached by the page's script or as a whole page."""

import re

import pytest

from octet.learning.models import Assessment
from tests.browser.conftest import PHONE, _page, assert_accessible, assert_fits_phone_width
from tests.browser.test_keyboard_and_screen_reader import tab_to
from tests.browser.test_learning_journey import TEXT, fill, force, sign_in, start_test, submit
from tests.learning.helpers import question_of_1_3

pytestmark = pytest.mark.django_db(transaction=True)

SIZE = {"en": r"\(.+, [\d.]+\xa0(bytes|KB)\)$", "fr": r"\(.+, [\d,]+\xa0(octets|Ko)\)$"}
SIMULATION = {
    "en": "This question used an interactive simulation, which is not shown again here.",
    "fr": "Cette question utilisait une simulation interactive, qui n'est pas affichée à "
    "nouveau ici.",
}


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_correction_shows_the_chart_and_offers_the_file_its_question_was_about(
    browser, live_server, learner, password, language, javascript
):
    t = TEXT[language]
    page = next(
        _page(
            browser,
            live_server,
            javascript=javascript,
            locale="fr-FR" if language == "fr" else "en-GB",
        )
    )
    learner.language = language
    learner.save()
    sign_in(page, learner, password, t)
    start_test(page, "1.3")
    assessment = Assessment.objects.get(user=learner)
    plain = question_of_1_3(lambda c: c.type == "qcu" and not (c.attachments or c.illustration))
    pictured = question_of_1_3(lambda c: c.illustration is not None)
    attached = question_of_1_3(lambda c: c.attachments and c.embed is None)
    simulated = question_of_1_3(lambda c: c.embed is not None and not c.attachments)
    other = question_of_1_3(
        lambda c: c.type == "qcu" and not (c.attachments or c.illustration) and c != plain
    )
    for challenge, right in [
        (plain, True),
        (pictured, False),
        (attached, True),
        (simulated, None),
        (other, True),  # answered in the page: the checkpoint comes by the script, if any
    ]:
        force(assessment.pk, challenge)
        page.goto(page.base + f"/assessments/{assessment.pk}/")
        if right is None:
            submit(page, t["skip"])
            continue
        fill(page, challenge, language, right)
        submit(page, t["validate"])
    page.wait_for_url(f"**/assessments/{assessment.pk}/checkpoint")
    assert page.get_by_role("heading", name=t["last"], level=1).is_visible()

    corrections = page.locator(".correction")
    assert corrections.count() == 5
    picture = corrections.nth(1).get_by_role("img")
    assert picture.get_attribute("loading") == "lazy"
    picture.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    box = picture.bounding_box()
    assert box["x"] > 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["height"] > 100  # drawn, not a broken-image icon
    read = corrections.nth(1).aria_snapshot()
    assert pictured.illustration.alt[language].split(";")[0] in read.replace("\xa0", " ")

    link = corrections.nth(2).get_by_role("link", name=attached.attachments[0][language])
    assert re.search(SIZE[language], link.inner_text())  # (Excel spreadsheet, 5 KB)
    if javascript:  # the keyboard reaches it
        link.evaluate("a => a.scrollIntoView()")
        page.locator(".correction").nth(2).locator("h2").click()  # the reading point there
        tab_to(page, f'.correction a[href$="{attached.attachments[0][language]}"]')
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == attached.attachments[0][language]
    assert corrections.nth(3).get_by_text(SIMULATION[language]).is_visible()
    assert page.locator("iframe").count() == 0
    assert page.get_by_text(SIMULATION[language]).count() == 1
    assert page.locator(".correction img").count() == 1

    assert_fits_phone_width(page)
    if javascript:  # axe runs in the page
        assert_accessible(page)
    page.context.close()
