"""What a learner with a keyboard or a screen reader meets: where the focus goes when a page
comes back with a message, what is announced, and how the pages are laid out in headings.

Driven with the keyboard only (Tab, Enter), with and without JavaScript."""

import pytest

from octet.content.domain.release import current_release
from octet.learning.models import Answer, Assessment
from tests.browser.conftest import _page
from tests.browser.test_learning_journey import (
    TEXT,
    force,
    open_question,
    plain_question,
    sign_in,
    start_test,
    submit,
)
from tests.learning.helpers import finish_test, taken_days_ago
from tests.learning.helpers import start as start_by_http

pytestmark = pytest.mark.django_db(transaction=True)

FOCUSED = "document.activeElement.id"


def press_and_wait(page, key="Enter"):
    """Press a key that sends a plain form (a whole page comes back)."""
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state()


def focus_lands_on(page, element_id: str) -> None:
    """Wait until `element_id` has the focus: the browser applies `autofocus` at its next
    rendering update, which may come after the load event on a busy machine."""
    page.wait_for_function(
        "id => document.activeElement && document.activeElement.id === id", arg=element_id
    )


def tab_to(page, selector, limit=40):
    """Tab until the element matching `selector` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_form_sent_back_with_errors_puts_the_focus_on_them(browser, live_server, javascript):
    """The errors are read first, and the next Tab is the first field, not the site's menu."""
    page = next(_page(browser, live_server, javascript=javascript))
    page.goto(page.base + "/account/sign-up")
    tab_to(page, "#id_first_name")
    page.keyboard.type("Kim")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page)
    focus_lands_on(page, "form-errors")
    assert page.locator("#form-errors").get_attribute("role") == "alert"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "id_first_name"
    page.context.close()


def test_without_javascript_an_empty_answer_puts_the_focus_on_the_warning(
    no_js_page, learner, password
):
    page = no_js_page
    open_question(page, learner, password, plain_question("1.1"))
    tab_to(page, "#challenge-form button[value=validate]")
    press_and_wait(page)
    focus_lands_on(page, "empty-warning")
    page.keyboard.press("Tab")  # straight to the answer's choices
    assert page.evaluate("document.activeElement.name") == "answer"


def test_without_javascript_an_empty_answer_comes_back_at_the_questions_address(
    no_js_page, learner, password
):
    """Post/redirect/get: a reload shows the question again instead of asking to resend."""
    page = no_js_page
    assessment = open_question(page, learner, password, plain_question("1.1"))
    question = page.base + f"/assessments/{assessment.pk}/"
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    tab_to(page, "#challenge-form button[value=validate]")
    press_and_wait(page)
    focus_lands_on(page, "empty-warning")
    assert page.url == question
    page.reload()
    page.wait_for_load_state()
    assert posts == [page.base + f"/assessments/{assessment.pk}/answer"]
    assert page.url == question
    assert page.locator("#empty-warning").count() == 0
    assert page.locator("#challenge-form").count() == 1


def test_the_timer_is_silent_but_warns_once_before_the_end_and_says_when_time_is_up(
    page, learner, password
):
    """The countdown changes every second: a screen reader must not read it (role timer, not
    live), but the learner must hear that the end is near, and that the time is up."""
    timed = next(
        c
        for c in current_release().challenges.values()
        if c.timer and c.timer > 20 and c.validated and not c.embed and c.competence_id == "1.1"
    )
    page.clock.install()
    open_question(page, learner, password, timed)
    page.wait_for_load_state()
    timer = page.locator(".timer")
    assert timer.get_attribute("role") == "timer" and timer.get_attribute("aria-live") is None
    news = page.locator("[data-timer-news]")
    assert news.get_attribute("role") == "status"
    left = int(timer.get_attribute("data-remaining"))
    page.clock.run_for((left - 11) * 1000)
    assert news.inner_text() == ""  # nothing said while there is time
    page.clock.run_for(1000)
    assert news.inner_text() == "Only 10 seconds left."
    page.clock.run_for(5000)
    assert news.inner_text() == "Only 10 seconds left."  # said once, not every second
    page.clock.run_for(5000)
    assert news.inner_text() == (
        "Time is up: you may still answer, but an answer sent now will not count as right."
    )
    assert timer.locator("[data-countdown]").inner_text() == "0 s left"


def _luminance(rgb):
    channels = [int(c) / 255 for c in rgb.strip("rgba()").split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_focus_ring_stands_out_on_the_header_as_on_the_page(page):
    """WCAG 1.4.11: a focus indicator needs 3:1 against what is around it."""
    page.goto(page.base + "/account/sign-in")
    background = "s => getComputedStyle(document.querySelector(s)).backgroundColor"
    header = page.evaluate(background, ".site-header")
    paper = page.evaluate(background, "main .card")
    rings = {}
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            "(() => { const e = document.activeElement, s = getComputedStyle(e);"
            " return [e.closest('.site-header, .skip-link') ? 'header' : 'page',"
            " e.textContent.trim(), s.outlineStyle, s.outlineColor]; })()"
        )
        place, name, style, color = ring
        assert style != "none", f"{name} shows no focus ring"
        rings[name] = contrast(color, header if place == "header" else paper)
    assert min(rings.values()) >= 3, rings
    assert {"Skip to main content", "Sign in", "Français"} <= set(rings)


def test_with_text_at_200_percent_on_a_phone_nothing_scrolls_sideways(
    browser, live_server, client, learner, password
):
    """A 360 px phone zoomed to 200 % lays pages out in 180 CSS px; in French, whose words are
    longer. The skip link stays out of sight until it has the focus, however it wraps."""
    learner.language = "fr"
    learner.save()
    client.force_login(learner)
    finished = start_by_http(client, "1.2")
    finish_test(client, finished)
    context = browser.new_context(
        viewport={"width": 180, "height": 370},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
    )
    context.javascript = True  # for the helpers that wait differently without it
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base = live_server.url

    def fits(where):
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 180, f"{where}: {width}px wide in 180"

    sign_in(page, learner, password, TEXT["fr"])
    page.wait_for_url("**/profile/")
    fits("profile")
    skip = page.locator(".skip-link")
    assert skip.bounding_box()["y"] + skip.bounding_box()["height"] <= 0
    page.keyboard.press("Tab")
    assert skip.bounding_box()["y"] >= 0  # shown once it has the focus
    start_test(page, "1.1")
    fits("question")
    while page.locator("#challenge-form").count():  # to the checkpoint, or the end if sooner
        submit(page, TEXT["fr"]["skip"])
    fits("corrections")
    page.goto(page.base + f"/assessments/{finished}/results")
    fits("results")
    context.close()


def test_in_high_contrast_mode_the_dots_still_tell_where_the_learner_is(page, learner, password):
    """Forced colours override backgrounds: done, current and coming questions stay apart."""
    page.emulate_media(forced_colors="active")
    open_question(page, learner, password, plain_question("1.1"))
    submit(page, TEXT["en"]["skip"])  # question 2: one done, one current, three to come
    look = page.evaluate(
        "[...document.querySelectorAll('.batch__dot')]"
        ".map(dot => getComputedStyle(dot).backgroundColor)"
    )
    done, current, coming = look[0], look[1], look[2]
    assert len({done, current, coming}) == 3, look
    assert look[2:] == [coming] * 3


@pytest.mark.parametrize(
    ("language", "values"),
    [
        ("en", "Team A: 10 points; team B: 30 points; team C: 15 points; team D: 25 points."),
        (
            "fr",
            "Équipe A : 10 points ; équipe B : 30 points ; "
            "équipe C : 15 points ; équipe D : 25 points.",
        ),
    ],
)
def test_a_chart_asked_about_is_read_out_with_its_values(page, learner, password, language, values):
    """The bar chart of "read the points of teams A and C": its image's accessible name holds
    every bar's value, so a screen reader user (or anyone with images off) can answer."""
    learner.language = language
    learner.save()
    challenge = current_release().challenges["dataCharts2-read-values"]
    open_question(page, learner, password, challenge, TEXT[language])
    chart = page.locator("main figure").get_by_role("img")
    assert chart.count() == 1
    read = page.locator("main figure").aria_snapshot().replace("\xa0", " ")  # French « : »
    assert values in read
    page.route("**/illustrations/**", lambda route: route.abort())  # images off
    page.reload()
    assert values in page.locator("main figure").aria_snapshot().replace("\xa0", " ")


@pytest.mark.parametrize(("language", "out_of"), [("en", "out of"), ("fr", "sur")])
def test_the_total_score_shows_a_slash_but_is_read_pix_out_of_the_maximum(
    browser, live_server, learner, password, language, out_of
):
    """ "0 pix / 768" on screen; a screen reader says "0 pix out of 768", not "slash" (nor
    « barre oblique »), and so does the page without its stylesheet."""
    page = next(_page(browser, live_server, locale="fr-FR" if language == "fr" else "en-GB"))
    sign_in(page, learner, password, TEXT[language])
    page.wait_for_url("**/profile/")
    total = page.locator(".total-score")
    read = total.aria_snapshot().splitlines()
    assert read == ["- paragraph:", '  - strong: "0"', f"  - text: pix {out_of} 768"]
    slash = total.locator(".out-of").evaluate("e => getComputedStyle(e, '::before').content")
    assert slash == '"/"'
    hidden = total.locator(".visually-hidden").bounding_box()
    assert hidden["width"] <= 1 and hidden["height"] <= 1  # "out of" is not seen
    page.evaluate("document.querySelectorAll('link[rel=stylesheet]').forEach(l => l.remove())")
    assert total.inner_text() == f"0 pix {out_of} 768"
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_message_of_what_a_form_did_is_read_first_on_the_page_it_leads_to(
    browser, live_server, client, learner, password, javascript
):
    """Reset confirmed by the keyboard: the profile it leads to starts with its message, which
    has the focus, so a screen reader says the reset happened, and the next Tab goes on from
    there."""
    client.force_login(learner)
    finished = start_by_http(client, "1.1")
    finish_test(client, finished)
    taken_days_ago(finished, 8)
    page = next(_page(browser, live_server, javascript=javascript))
    sign_in(page, learner, password, TEXT["en"])
    page.wait_for_url("**/profile/")
    page.goto(page.base + "/competences/1.1/reset")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page)

    page.wait_for_function("document.activeElement.className === 'messages'")
    assert page.evaluate("document.activeElement.innerText").startswith(
        "The competence has been reset."
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_enter_in_a_field_sends_the_form_not_the_language_switch(
    browser, live_server, learner, password, javascript
):
    """The header's language buttons send the page's form too (what is typed is kept): Enter
    in a field must still sign in, or validate the answer, in the language of the page."""
    page = next(_page(browser, live_server, javascript=javascript))
    page.goto(page.base + "/account/sign-in")
    page.get_by_label("E-mail address or username").focus()
    page.keyboard.type(learner.username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    press_and_wait(page)
    page.wait_for_url("**/profile/")
    assert page.locator("html").get_attribute("lang") == "en"

    question = plain_question("1.1", kind="qroc")
    start_test(page, "1.1")
    assessment = Assessment.objects.get(user=learner)
    force(assessment.pk, question)
    page.goto(page.base + f"/assessments/{assessment.pk}/")
    page.locator("#answer-input").focus()
    page.keyboard.type("my answer")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "id => document.querySelector('input[name=challenge_id]')?.value !== id", arg=question.id
    )
    assert page.locator("html").get_attribute("lang") == "en"
    assert Answer.objects.get(assessment=assessment, challenge_id=question.id).value == "my answer"
    page.context.close()
