"""Read-only simulator questions with JavaScript off, on a 320 px phone: the wiki, the files, a
social profile, a device's settings or a browser's pages are read as text (headings, tables with
their headers, a wiki's changes marked in words, a page's links leading to the page they open),
nothing scrolls sideways, and the answer read from it is accepted."""

import pytest

from octet.content.domain.release import current_release
from octet.learning.models import Answer
from tests.browser.test_learning_journey import TEXT, open_question, submit

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 640}


@pytest.fixture
def narrow_no_js_page(browser, live_server):
    context = browser.new_context(
        viewport=NARROW, is_mobile=True, has_touch=True, java_script_enabled=False
    )
    context.javascript = False
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base = live_server.url
    yield page
    context.close()


def _read_as_text(page, learner, password, challenge_id: str, locale: str, css: str):
    """The question opened without JavaScript in `locale`: its frame hidden, its text version
    (`css`) shown instead of the offer to set it aside, nothing scrolling sideways."""
    learner.language = locale
    learner.save()
    challenge = current_release().challenges[challenge_id]
    assessment = open_question(page, learner, password, challenge, TEXT[locale])
    assert page.locator("iframe[data-simulator]").is_hidden()
    text = page.locator(css)
    assert text.is_visible()
    assert page.locator("button[value=set-aside]").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    return assessment, text, TEXT[locale]


def _accepted(page, t, assessment, challenge_id: str) -> None:
    submit(page, t["validate"])
    answer = Answer.objects.get(assessment=assessment, challenge_id=challenge_id)
    assert answer.outcome == "ok"


def test_a_wiki_question_is_read_as_text_at_320_px_and_answered(
    narrow_no_js_page, learner, password
):
    page = narrow_no_js_page
    challenge_id = "wikiHistory6-find-vandalism"
    assessment, wiki, t = _read_as_text(page, learner, password, challenge_id, "fr", ".wiki-text")
    # Every revision's changes opened, by the keyboard, as a learner reading them all would.
    summaries = wiki.locator("summary")
    assert summaries.count() == 4
    for i in range(summaries.count()):
        summaries.nth(i).focus()
        page.keyboard.press("Enter")
    assert wiki.locator("details[open]").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]

    snapshot = wiki.aria_snapshot()
    for line in (
        '- heading "Phare de Bellerive" [level=2]',
        '- heading "Article (version actuelle)" [level=3]',
        '- heading "Description" [level=4]',
        '- heading "Historique" [level=3]',
        '- columnheader "Date"',
        '- columnheader "Auteur"',
        '- cell "14/02/2024 22:31"',
        '- cell "82.64.10.7 (anonyme)"',
        '- heading "Ce que chaque version a modifié" [level=3]',
    ):
        assert line in snapshot, snapshot
    # The vandal's change, said in words and not only by colour or sign.
    change = wiki.locator("details", has_text="Version du 14/02/2024 22:31")
    assert change.locator("del").text_content().replace("\u00a0", " ") == (
        "Ligne supprimée : La tour mesure 42 mètres de haut. Sa lumière porte à 40 km."
    )
    assert change.locator("ins").text_content().replace("\u00a0", " ") == (
        "Ligne ajoutée : La tour mesure 420 mètres de haut. Sa lumière porte à 40 km."
    )

    page.get_by_label("Date de la modification").fill("14/02/2024")
    page.get_by_label("Hauteur juste avant").fill("42")
    _accepted(page, t, assessment, challenge_id)


def test_a_files_question_is_read_as_text_at_320_px_and_answered(
    narrow_no_js_page, learner, password
):
    page = narrow_no_js_page
    challenge_id = "fileMetadata4-explorer-properties"
    assessment, tree, t = _read_as_text(page, learner, password, challenge_id, "en", ".files-text")

    snapshot = tree.aria_snapshot()
    for line in (
        '- heading "Documents" [level=2]',
        '- heading "Documents / Holidays" [level=2]',
        '- columnheader "Name"',
        '- columnheader "Size"',
        '- cell "IMG_2051.jpg"',
        '- cell "4.1 MB (4120000 bytes)"',
        '- cell "Paul Girard"',
        '- heading "Bin" [level=2]',
    ):
        assert line in snapshot, snapshot

    page.get_by_label("Largest photo").fill("IMG_2051.jpg")
    page.get_by_label("Author of programme.odt").fill("Paul Girard")
    _accepted(page, t, assessment, challenge_id)


def test_a_social_profile_is_read_as_text_at_320_px_and_answered(
    narrow_no_js_page, learner, password
):
    page = narrow_no_js_page
    challenge_id = "digitalFootprint2-view-as-public"
    assessment, profile, t = _read_as_text(
        page, learner, password, challenge_id, "fr", ".social-text"
    )

    snapshot = profile.aria_snapshot()
    for line in (
        'heading "Voir en tant que : Moi" [level=2]',  # quoted in YAML for its colon
        'heading "Voir en tant que : Un ami" [level=2]',  # quoted in YAML for its colon
        'heading "Voir en tant que : Le public" [level=2]',  # quoted in YAML for its colon
        '- heading "Nina Leroy" [level=3]',
        '- heading "Publications" [level=4]',
        '- heading "Amis (3)" [level=4]',
        '- heading "Amis (…)" [level=4]',
        "- definition: Rennes",
    ):
        assert line in snapshot, snapshot
    public = page.locator(".social-text__view", has_text="Voir en tant que : Le public")
    assert public.locator(".social-text__posts > li").count() == 2

    page.get_by_label("Ville visible").fill("Rennes")
    page.get_by_label("Nombre de publications visibles").fill("2")
    _accepted(page, t, assessment, challenge_id)


def test_a_settings_question_is_read_as_text_at_320_px_and_answered(
    narrow_no_js_page, learner, password
):
    page = narrow_no_js_page
    challenge_id = "screenTimeBalance3-read-settings"
    assessment, device, t = _read_as_text(
        page, learner, password, challenge_id, "fr", ".settings-text"
    )

    snapshot = device.aria_snapshot()
    for line in (
        '- heading "Paramètres du téléphone · Téléphone d\'Enzo" [level=2]',
        '- heading "Temps d’écran" [level=3]',
        '- heading "Aujourd’hui" [level=4]',
        "- term: Vidéo+",
        "- definition: 1 h 35 min · sans limite",
    ):
        assert line in snapshot, snapshot

    page.get_by_label("Application la plus utilisée").fill("Vidéo+")
    page.get_by_label("Total (minutes)").fill("240")
    _accepted(page, t, assessment, challenge_id)


def test_a_browser_question_is_read_as_text_at_320_px_and_answered(
    narrow_no_js_page, learner, password
):
    page = narrow_no_js_page
    challenge_id = "errorMessages3-find-moved-page"
    assessment, pages, t = _read_as_text(
        page, learner, password, challenge_id, "en", ".browser-text"
    )

    # The links lead from the error page to the home page, then to the hours, as in the browser.
    pages.get_by_role("link", name="Back to the home page").click()
    assert page.locator("#browser-page-2 h2").is_visible()
    page.locator("#browser-page-2").get_by_role(
        "link", name="Practical info: opening hours and closures"
    ).click()
    hours = page.locator("#browser-page-4")
    assert hours.is_visible()
    snapshot = hours.aria_snapshot()
    for line in (
        '- heading "Opening hours - Lime Tree Library" [level=2]',
        "- definition: https://www.lime-tree-library.org/info/hours",
        '- heading "Opening hours and closures" [level=3]',
    ):
        assert line in snapshot, snapshot
    assert "Reopening on Tuesday 19 August 2025" in hours.inner_text()

    page.get_by_label("Reopening date").fill("19 August 2025")
    _accepted(page, t, assessment, challenge_id)
