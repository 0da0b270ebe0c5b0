"""Wide content of the bank (tables, long addresses and paths) never widens the page at 360 px."""

import re

import pytest

from octet.content.domain.release import current_release
from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_fits_phone_width,
    page_width,
    sign_in_as_staff,
)
from tests.browser.test_learning_journey import TEXT, open_question, submit

pytestmark = pytest.mark.django_db(transaction=True)

LONG_WORD = re.compile(r"\S{28,}")  # an address, a path, a formula: no place to break a line


def wide(challenge, locale) -> bool:
    texts = [challenge.instruction.get(locale, "")]
    texts += [str(p) for p in (challenge.proposals or {}).get(locale, ())]
    return any("|---" in t or LONG_WORD.search(t) for t in texts)


def test_every_question_with_a_table_or_a_long_word_fits_a_phone(page, django_user_model):
    """Through the staff preview, which shows a question as the test does, and its solution."""
    sign_in_as_staff(page, django_user_model)
    checked, too_wide = 0, []
    for challenge in current_release().challenges.values():
        for locale in challenge.locales:
            if challenge.embed or not wide(challenge, locale):
                continue
            page.goto(f"{page.base}/preview/{challenge.id}?locale={locale}")
            checked += 1
            if page_width(page) > PHONE["width"]:
                too_wide.append(f"{challenge.id} {locale}: {page_width(page)}px")
    assert checked >= 20
    assert too_wide == []


def test_a_table_scrolls_in_its_own_box_and_long_answers_wrap(page, learner, password):
    t = TEXT["en"]
    table = next(
        c
        for c in current_release().challenges.values()
        if c.validated
        and "en" in c.locales
        and not c.embed
        and c.type.startswith("qroc")
        and "|---" in c.instruction["en"]
    )
    open_question(page, learner, password, table)
    assert page.locator(".challenge__instruction .table-scroll[tabindex='0'] table").count() >= 1
    assert_fits_phone_width(page)
    assert_accessible(page)
    # A long answer without spaces, shown back in the corrections.
    path = "Documents/Administratif/Factures/2024/electricite-mars-et-avril-2024-definitif.pdf"
    page.locator("#challenge-form input[type=text]").first.fill(path)
    submit(page, t["validate"])
    # Skip to the corrections: the checkpoint after five answers, or the results if sooner.
    while page.locator("#challenge-form").count():
        submit(page, t["skip"])
    assert path in page.locator("main").inner_text()
    assert_fits_phone_width(page)


def _edges(box):
    """How dark the left and right edges of a box are (0 white, 255 black), text hidden."""
    from io import BytesIO

    from PIL import Image

    box.evaluate("el => { el.style.color = 'transparent'; }")  # only the box's own painting
    image = Image.open(BytesIO(box.screenshot())).convert("L")
    width, height = image.size

    def darkness(x0, x1):
        pixels = [image.getpixel((x, y)) for x in range(x0, x1) for y in range(height)]
        return 255 - sum(pixels) / len(pixels)

    strip = max(2, width // 40)
    return darkness(0, strip), darkness(width - strip, width)


def test_a_table_wider_than_the_phone_shows_a_shadow_where_there_is_more_to_see(
    french_page, learner, password
):
    """A phone hides the scrollbar: a cut column must not look like the end of the table."""
    page = french_page
    page.set_viewport_size({"width": 320, "height": 640})
    challenge = current_release().challenges["wikiHistory5-same-day"]
    open_question(page, learner, password, challenge, TEXT["fr"])
    box = page.locator(".challenge .table-scroll").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    left, right = _edges(box)
    assert right > left + 10, (left, right)  # more to see on the right only
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    left, right = _edges(box)
    assert left > right + 10, (left, right)  # scrolled to the end: more on the left only
    page.set_viewport_size({"width": 1000, "height": 640})
    box.evaluate("el => { el.scrollLeft = 0; }")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth")
    left, right = _edges(box)
    assert max(left, right) < 5, (left, right)  # a table that fits has no shadow
