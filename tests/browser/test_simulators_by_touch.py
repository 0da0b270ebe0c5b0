"""The simulators used with a finger on a small phone (320 px), as a pupil does."""

import time

import pytest

from octet.content.domain.release import current_release
from tests.browser.test_learning_journey import TEXT, open_question

pytestmark = pytest.mark.django_db(transaction=True)

SMALL_PHONE = {"width": 320, "height": 640}


def long_press(page, locator, seconds=0.8):
    """A finger held on the element, then lifted (there is no mouse to hover with)."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    time.sleep(seconds)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_a_link_held_in_the_browser_shows_where_it_leads_without_opening_it(
    french_page, learner, password
):
    page = french_page
    challenge = current_release().challenges["phishingSigns4-browser-links"]
    page.set_viewport_size(SMALL_PHONE)
    open_question(page, learner, password, challenge, TEXT["fr"])
    frame_element = page.locator("iframe[data-simulator]")
    frame_element.scroll_into_view_if_needed()  # Chromium does not run a frame out of view
    frame = page.frame_locator("iframe[data-simulator]")
    forum = "https://forum-entraide.example/sujet/banque-azur"
    frame.locator("#url").wait_for()
    assert frame.locator("#url").input_value() == forum

    fake = frame.get_by_role("link", name="Espace client Banque Azur")
    long_press(page, fake)
    status = frame.locator("#status")
    assert status.inner_text() == "Lien vers : https://banque-azur.fr.connexion-client.net/login"
    time.sleep(0.3)  # a click after the finger is lifted would open the page now
    assert frame.locator("#url").input_value() == forum
    assert page.locator("#field-visited").input_value() == ""

    # A short tap still opens a link, and the page's answer is the page opened.
    frame.get_by_role("link", name="Mon compte Banque Azur").tap()
    assert frame.locator("#url").input_value() == "https://client.banque-azur.fr/connexion"
    page.wait_for_function(
        "document.querySelector('#field-visited').value === "
        "'https://client.banque-azur.fr/connexion'"
    )


def test_a_formula_is_copied_down_a_range_selected_by_touch(french_page, learner, password):
    """A phone has no Shift key: the "Select a range" button makes the next tap end the range,
    so a pupil can copy a formula down D3:D5 with a finger, as the challenge asks."""
    page = french_page
    challenge = current_release().challenges["spreadsheetBasics4-fill-amounts"]
    page.set_viewport_size(SMALL_PHONE)
    open_question(page, learner, password, challenge, TEXT["fr"])
    page.locator("iframe[data-simulator]").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe[data-simulator]")
    help_text = frame.locator("#foot").inner_text()
    assert "Sélectionner une plage" in help_text and not help_text.startswith("Cliquez")

    def write(cell, formula):
        frame.locator(f"#c-{cell}").tap()
        frame.locator("#fx").tap()
        page.keyboard.type(formula)
        page.keyboard.press("Enter")

    write("D2", "=B2*C2")
    frame.locator("#c-D2").tap()
    frame.get_by_role("button", name="Copier").tap()
    frame.locator("#c-D3").tap()
    ranger = frame.get_by_role("button", name="Sélectionner une plage")
    box = ranger.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    ranger.tap()
    assert ranger.get_attribute("aria-pressed") == "true"
    assert "D3" in frame.locator("#msg").inner_text()
    frame.locator("#c-D5").tap()
    assert frame.locator("#ref").inner_text() == "D3:D5"
    assert ranger.get_attribute("aria-pressed") == "false"
    frame.get_by_role("button", name="Coller").tap()
    assert [frame.locator(f"#c-D{row}").inner_text() for row in (3, 4, 5)] == ["100", "27", "30"]
    # Once the range is used, a tap selects one cell again.
    write("D6", "=SOMME(D2:D5)")
    assert frame.locator("#ref").inner_text() == "D7"
    page.wait_for_function("document.querySelector('#field-total').value === '187'")
    assert page.locator("#field-d5").input_value() == "=B5*C5"
