"""A button named after what it acts on is read as one phrase: "Save: Reading a chart", in
French "Enregistrer : Lire un graphique" (no-break space), never "Save : Reading a chart"."""

import pytest

from tests.browser.conftest import _page
from tests.browser.test_learning_journey import TEXT, sign_in
from tests.browser.test_tutorials_in_place import at_a_checkpoint

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "en": {"save": "Save: ", "useful": "Useful: ", "report": "Report a problem: Question 1"},
    "fr": {
        "save": "Enregistrer\xa0: ",
        "useful": "Utile\xa0: ",
        "report": "Signaler un problème\xa0: Question 1",
    },
}


def names_of(page, role: str) -> list[str]:
    """The accessible names the browser gives the page's elements of a role (its own roles:
    Playwright's snapshot names a <details> after its <summary>, not the summary itself)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    return [
        node.get("name", {}).get("value", "")
        for node in tree["nodes"]
        if node.get("role", {}).get("value") == role and not node.get("ignored")
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_tutorial_s_buttons_and_a_report_are_named_in_one_phrase(
    browser, live_server, client, learner, password, language
):
    page = next(_page(browser, live_server, locale="fr-FR" if language == "fr" else "en-GB"))
    learner.language = language
    learner.save()
    assessment_id = at_a_checkpoint(client, learner)
    sign_in(page, learner, password, TEXT[language])
    page.goto(page.base + f"/assessments/{assessment_id}/checkpoint")
    words = WORDS[language]

    item = page.locator(".tutorial").first
    title = item.locator("a").first.inner_text().strip()
    for button in ("save", "useful"):
        name = words[button] + title
        assert item.get_by_role("button", name=name, exact=True).count() == 1, name
    assert words["report"] in names_of(page, "DisclosureTriangle")  # a correction's <summary>
    page.context.close()


@pytest.mark.parametrize(("language", "word"), [("en", "Language"), ("fr", "Langue")])
def test_the_language_switch_is_named_once_by_its_group(browser, live_server, language, word):
    page = next(_page(browser, live_server, locale="fr-FR" if language == "fr" else "en-GB"))
    page.goto(page.base + "/")
    header = page.get_by_role("banner")

    switch = header.get_by_role("group", name=word, exact=True)
    assert switch.get_by_role("button", name="Français").count() == 1
    assert header.aria_snapshot().count(word) == 1  # the group's name, not a text read before it
    page.context.close()
