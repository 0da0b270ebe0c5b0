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
