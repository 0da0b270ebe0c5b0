"""A whole competence test in Chromium at phone width, in each language, with and without JS."""

import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.learning.demo import answer_data
from octet.learning.models import (
    Answer,
    Assessment,
    KnowledgeElement,
    ProblemReport,
    SavedTutorial,
)
from octet.learning.services import needs_a_script
from tests.browser.conftest import _page, assert_accessible, assert_fits_phone_width
from tests.learning.helpers import finish_test
from tests.learning.helpers import start as start_by_http

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = '#challenge-form input[name="challenge_id"]'  # the question the form answers
TYPES = ("qcu", "qcm", "qroc", "qrocm-ind", "qrocm-dep", "numeric")
TEXT = {
    "en": {
        "start": "Start",
        "validate": "Validate",
        "skip": "Skip",
        "report": "Report a problem",
        "send": "Send the report",
        "sent": "your report has been sent",
        "continue": "Continue the test",
        "save": "Save",
        "saved": "Tutorial saved",
        "finished": "Test finished!",
        "resume": "Resume",
        "last": "Your last answers",
        "duplicate": "This answer had already been recorded.",
        "sign_in": "Sign in",
        "login": "E-mail address or username",
        "password": "Password",
    },
    "fr": {
        "start": "Commencer",
        "validate": "Valider",
        "skip": "Passer",
        "report": "Signaler un problème",
        "send": "Envoyer le signalement",
        "sent": "votre signalement a été transmis",
        "continue": "Continuer le test",
        "save": "Enregistrer",
        "saved": "Tuto enregistré",
        "finished": "Test terminé !",
        "resume": "Reprendre",
        "last": "Vos dernières réponses",
        "duplicate": "Cette réponse avait déjà été enregistrée.",
        "sign_in": "Se connecter",
        "login": "Adresse e-mail ou identifiant",
        "password": "Mot de passe",
    },
}


def competence_with_every_type():
    """A competence whose bank has every type, an attachment, and tutorials."""
    release = current_release()
    for competence_id in release.competences:
        challenges = [
            c
            for c in release.challenges.values()
            if c.competence_id == competence_id and c.validated
        ]
        types = {c.type for c in challenges}
        if set(TYPES) <= types and any(c.attachments for c in challenges):
            return competence_id, challenges
    raise AssertionError("no competence has every challenge type and an attachment")


def pick(challenges, used, **wanted):
    for c in challenges:
        if c.id in used or c.timer:
            continue
        if all(
            (bool(getattr(c, k)) == v if isinstance(v, bool) else getattr(c, k) == v)
            for k, v in wanted.items()
        ):
            used.add(c.id)
            return c
    raise AssertionError(f"no challenge with {wanted}")


def force(assessment_id, challenge):
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge.id, current_served_at=None
    )


def fill(page, challenge, locale, right=True):
    data = answer_data(challenge, locale, right)
    if challenge.type == "qcu":
        page.locator(f'input[name="answer"][value="{data["answer"]}"]').check()
    elif challenge.type == "qcm":
        for value in data["answer"]:
            page.locator(f'input[name="answer"][value="{value}"]').check()
    elif challenge.type in ("qroc", "numeric"):
        page.locator("#answer-input").fill(data["answer"])
    else:
        for key, value in data.items():
            if key.startswith("field-"):
                page.locator(f"#{key}").fill(value)


MOVES = ("/answer", "/start", "/continue")  # the POSTs that move a test on


def moves_the_test(response):
    return response.request.method == "POST" and response.url.endswith(MOVES)


def press(page, button, double=False):
    """Press a button that moves the test on; return once the server answered and it shows.

    With JavaScript the page sends those forms with fetch and shows the next page in place, so
    there is no navigation to wait for: the page is ready when no form is still sending.
    """
    page.wait_for_load_state()  # the page's script runs (before it does, forms go plainly)
    with page.expect_response(moves_the_test):
        button.dblclick() if double else button.click()
    if page.context.javascript:
        page.wait_for_function("() => !document.querySelector('form[data-sending]')")
    else:
        page.wait_for_load_state()


def submit(page, name, double=False):
    press(page, page.get_by_role("button", name=name, exact=True), double)


def start_test(page, competence_id):
    press(page, page.locator(f'form[action="/competences/{competence_id}/start"] button').first)


def sign_in(page, learner, password, t):
    page.goto(page.base + "/account/sign-in")
    language = "fr" if t is TEXT["fr"] else "en"
    page.locator(f'.language-switch button[value="{language}"]').click()  # chosen before sign-in
    page.get_by_label(t["login"]).fill(learner.username)
    page.get_by_label(t["password"], exact=True).fill(password)
    page.get_by_role("button", name=t["sign_in"]).click()


def open_question(page, learner, password, challenge, t=None):
    """Sign in, start the test of the challenge's competence, and show that challenge in it."""
    sign_in(page, learner, password, t or TEXT["en"])
    start_test(page, challenge.competence_id)
    assessment = Assessment.objects.get(user=learner)
    force(assessment.pk, challenge)
    page.goto(page.base + f"/assessments/{assessment.pk}/")
    return assessment


def run_competence_test(page, learner, password, language, javascript=True):
    t = TEXT[language]
    learner.language = language
    learner.save()
    competence_id, challenges = competence_with_every_type()
    sign_in(page, learner, password, t)
    assert_accessible(page) if javascript else None
    start_test(page, competence_id)
    assessment = Assessment.objects.get(user=learner)
    used = set()

    # Batch 1: one of each kind of input, one with a file to download, and a skip.
    for challenge_type in ("qcu", "qcm", "qroc", "qrocm-ind"):
        challenge = pick(challenges, used, type=challenge_type)
        force(assessment.pk, challenge)
        page.goto(page.base + f"/assessments/{assessment.pk}/")
        if javascript and challenge_type == "qcu":
            assert_accessible(page)
            assert_fits_phone_width(page)
        fill(page, challenge, language, right=True)
        submit(page, t["validate"])
    with_file = pick(challenges, used, attachments=True)
    force(assessment.pk, with_file)
    page.goto(page.base + f"/assessments/{assessment.pk}/")
    link = page.locator(".challenge__attachments a").first
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename in with_file.attachments[0].values()
    submit(page, t["skip"])

    # Checkpoint after five answers: corrections, tutorials to save.
    page.wait_for_url(f"**/assessments/{assessment.pk}/checkpoint")
    assert page.get_by_role("heading", name=t["last"]).is_visible()
    if javascript:
        assert_accessible(page)
    page.locator(".tutorial__actions button").filter(has_text=t["save"]).first.click()
    page.get_by_text(t["saved"]).wait_for()  # with JavaScript, in place: no page load to wait for
    assert SavedTutorial.objects.filter(user=learner).count() == 1
    press(page, page.get_by_role("button", name=t["continue"]))

    # The remaining types, a problem report, and a double submission.
    for challenge_type in ("qrocm-dep", "numeric"):
        challenge = pick(challenges, used, type=challenge_type)
        force(assessment.pk, challenge)
        page.goto(page.base + f"/assessments/{assessment.pk}/")
        fill(page, challenge, language, right=False)
        submit(page, t["validate"])
    current = current_release().challenges[
        Assessment.objects.get(pk=assessment.pk).current_challenge_id
    ]
    fill(page, current, language, right=True)  # an answer begun, then a problem seen
    # what the question's form holds, but its token (new with each page) and the report
    typed = (
        "(() => { const d = new FormData(document.getElementById('challenge-form'));"
        " ['csrfmiddlewaretoken', 'category', 'comment'].forEach(k => d.delete(k));"
        " return new URLSearchParams(d) + ''; })()"
    )
    begun = page.evaluate(typed)
    page.get_by_text(t["report"]).click()
    page.locator("#report-category").select_option("instruction")
    page.locator("#report-comment").fill("Test report")
    page.get_by_role("button", name=t["send"]).click()
    page.get_by_text(t["sent"]).wait_for()
    assert ProblemReport.objects.filter(user=learner).count() == 1
    # the answer being typed is still there: the report went by itself (JavaScript), or the
    # page came back with it (without)
    assert page.evaluate(typed) == begun

    # Two tabs on the same question: the second answer is recognised, never recorded twice.
    current = Assessment.objects.get(pk=assessment.pk).current_challenge_id
    challenge = current_release().challenges[current]
    other_tab = page.context.new_page()
    other_tab.set_default_timeout(10_000)
    other_tab.goto(page.base + f"/assessments/{assessment.pk}/")
    fill(page, challenge, language, right=True)
    fill(other_tab, challenge, language, right=True)
    submit(page, t["validate"])
    submit(other_tab, t["validate"])
    assert other_tab.get_by_text(t["duplicate"]).is_visible()
    assert other_tab.locator(QUESTION).get_attribute("value") != current
    other_tab.close()
    assert Answer.objects.filter(assessment=assessment, challenge_id=current).count() == 1

    # Then the engine leads to the end; the learner answers rightly.
    double_clicked = False
    for _ in range(40):
        state = Assessment.objects.get(pk=assessment.pk)
        if state.completed:
            break
        page.goto(page.base + f"/assessments/{assessment.pk}/")
        if "/checkpoint" in page.url:
            press(page, page.get_by_role("button", name=t["continue"]))
            continue
        challenge = current_release().challenges[state.current_challenge_id]
        fill(page, challenge, language, right=True)
        if javascript and state.answer_count == 8:
            # An impatient double click: the page sends it once; one answer, nothing skipped.
            submit(page, t["validate"], double=True)
            after = Assessment.objects.get(pk=assessment.pk)
            assert after.answer_count == 9
            assert Answer.objects.filter(assessment=assessment).count() == 9
            double_clicked = True
            continue
        submit(page, t["validate"])
    assert double_clicked or not javascript
    page.goto(page.base + f"/assessments/{assessment.pk}/results")
    assert page.get_by_role("heading", name=t["finished"]).is_visible()
    if javascript:
        assert_accessible(page)
        assert_fits_phone_width(page)
    return assessment


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_whole_competence_test(page, learner, password, language):
    run_competence_test(page, learner, password, language)


def test_a_whole_competence_test_without_javascript(no_js_page, learner, password):
    run_competence_test(no_js_page, learner, password, "fr", javascript=False)


def test_resume_after_closing_the_page(browser, live_server, learner, password):
    from tests.browser.conftest import _context

    t = TEXT["en"]
    context = _context(browser)
    page = context.new_page()
    page.base = live_server.url
    sign_in(page, learner, password, t)
    start_test(page, "1.1")
    question = page.locator(QUESTION).get_attribute("value")
    context.close()

    context = _context(browser)  # another device, or the browser reopened
    page = context.new_page()
    page.base = live_server.url
    sign_in(page, learner, password, t)
    page.get_by_role("link", name=t["resume"]).first.click()
    assert page.locator(QUESTION).get_attribute("value") == question
    assert_accessible(page)
    context.close()


def test_a_simulator_fills_the_answer_and_the_server_judges_it(page, learner, password):
    """The settings simulator reports by postMessage; the page fills the fields; Octet judges."""
    t = TEXT["en"]
    challenge = current_release().challenges["troubleshootingBasics2-back-online"]
    assessment = open_question(page, learner, password, challenge)
    simulator = page.frame_locator("iframe[data-simulator]")
    simulator.get_by_role("switch", name="Airplane mode").wait_for()
    assert_accessible(page)
    # Driven from the keyboard, as a learner without a mouse would: this never depends on
    # where things are while the frame grows to fit what the simulator draws.
    simulator.get_by_role("switch", name="Airplane mode").press("Enter")
    simulator.get_by_role("button", name="Wi-Fi").press("Enter")
    simulator.get_by_role("switch", name="Wi-Fi").press("Enter")
    simulator.get_by_role("button", name="Connect – Diallo-Home").press("Enter")
    simulator.get_by_label("Password for network Diallo-Home").fill("sunshine-2024")
    simulator.get_by_label("Password for network Diallo-Home").press("Enter")
    page.wait_for_function("document.getElementById('field-network').value === 'Diallo-Home'")
    assert page.locator("#field-airplane").input_value() == "no"
    submit(page, t["validate"])
    answer = Answer.objects.get(assessment=assessment, challenge_id=challenge.id)
    assert answer.outcome == "ok"
    assert answer.value == {"airplane": "no", "network": "Diallo-Home"}


def test_a_program_built_in_the_robot_simulator_is_run_again_by_the_server(page, learner, password):
    """The robot reports the program, not "success": the server runs it on the board."""
    t = TEXT["en"]
    challenge = current_release().challenges["algorithmSteps2-robot-corridor"]
    assessment = open_question(page, learner, password, challenge)
    page.emulate_media(reduced_motion="reduce")
    simulator = page.frame_locator("iframe[data-simulator]")
    simulator.get_by_role("button", name="▶ Run").wait_for()
    assert_accessible(page)  # the field and its help too
    simulator.get_by_label("times").fill("7")
    for block in ("+ Repeat", "+ Move forward", "+ End of repeat"):
        simulator.get_by_role("button", name=block).press("Enter")
    simulator.get_by_role("button", name="▶ Run").press("Enter")
    simulator.get_by_text("Well done: the robot reached its goal!").wait_for()
    page.wait_for_function(
        "document.getElementById('field-program').value === 'repeat 7 (forward)'"
    )
    assert page.get_by_label("Program:").input_value() == "repeat 7 (forward)"
    submit(page, t["validate"])
    answer = Answer.objects.get(assessment=assessment, challenge_id=challenge.id)
    assert (answer.outcome, answer.value) == ("ok", {"program": "repeat 7 (forward)"})


def test_what_is_judged_is_the_robot_program_on_screen_even_when_its_run_is_refused(
    page, learner, password
):
    """A right program run, then changed beyond the block limit: the run is refused, and the
    field holds the program on screen, not the right one run before."""
    t = TEXT["en"]
    challenge = current_release().challenges["algorithmSteps2-robot-corridor"]
    assessment = open_question(page, learner, password, challenge)
    page.emulate_media(reduced_motion="reduce")
    simulator = page.frame_locator("iframe[data-simulator]")
    simulator.get_by_role("button", name="▶ Run").wait_for()
    field = page.get_by_label("Program:")

    def field_shows(program):
        page.wait_for_function(
            "expected => document.getElementById('field-program').value === expected", arg=program
        )

    simulator.get_by_label("times").fill("7")
    simulator.get_by_role("button", name="+ Repeat").press("Enter")
    field_shows("repeat 7 ()")  # written as it is built, before any run
    for block in ("+ Move forward", "+ End of repeat"):
        simulator.get_by_role("button", name=block).press("Enter")
    simulator.get_by_role("button", name="▶ Run").press("Enter")
    simulator.get_by_text("Well done: the robot reached its goal!").wait_for()
    field_shows("repeat 7 (forward)")
    for _ in range(2):
        simulator.get_by_role("button", name="+ Move forward").press("Enter")
    simulator.get_by_role("button", name="▶ Run").press("Enter")
    simulator.get_by_text("Too many blocks: 3 at most.").wait_for()
    field_shows("repeat 7 (forward), forward, forward")
    submit(page, t["validate"])
    answer = Answer.objects.get(assessment=assessment, challenge_id=challenge.id)
    assert (answer.outcome, answer.value) == (
        "ko",
        {"program": "repeat 7 (forward), forward, forward"},
    )
    assert field.count() == 0  # the correction follows


def test_without_javascript_the_robot_board_is_told_and_the_program_typed(
    no_js_page, learner, password
):
    page, t = no_js_page, TEXT["fr"]
    learner.language = "fr"
    learner.save()
    challenge = current_release().challenges["algorithmSteps4-robot-stairs"]
    assessment = open_question(page, learner, password, challenge, t)
    # The simulator's frame, empty without scripts, is not shown above the board in words.
    assert page.locator("iframe[data-simulator]").is_hidden()
    board = page.locator(".robot-board")
    assert board.is_visible()
    assert board.get_by_role("listitem").all_inner_texts() == [
        "Ligne 2\u00a0: colonne 6, drapeau en colonne 6.",
        "Ligne 3\u00a0: colonnes 5\u00a0à 6.",
        "Ligne 4\u00a0: colonnes 4\u00a0à 5.",
        "Ligne 5\u00a0: colonnes 3\u00a0à 4.",
        "Ligne 6\u00a0: colonnes 2\u00a0à 3.",
    ]
    assert "tourné vers la droite" in board.inner_text()
    field = page.get_by_label("Programme")
    assert "répéter 3 (avancer, gauche)" in page.locator("#field-program-help").inner_text()
    field.fill("Répéter 4 fois [avancer ; tourner à gauche ; avancer ; tourner à droite]")
    submit(page, t["validate"])
    answer = Answer.objects.get(assessment=assessment, challenge_id=challenge.id)
    assert answer.outcome == "ok"


def test_without_javascript_another_simulator_may_be_set_aside_by_the_keyboard(
    no_js_page, learner, password
):
    """No empty frame, and no skip that would count as wrong: the page says the simulator
    needs JavaScript and offers to set the question aside; another question comes, the one
    set aside counts neither way, and the message says so first."""
    page = no_js_page
    challenge = next(
        c
        for c in current_release().challenges.values()
        if c.validated and needs_a_script(c) and not c.timer
    )
    assessment = open_question(page, learner, password, challenge)
    assert page.locator("iframe[data-simulator]").is_hidden()
    said = page.locator(".challenge__simulator .alert")  # in <noscript>: no text selector
    assert said.is_visible()
    assert said.locator("p").inner_text() == (
        "This simulator needs JavaScript, which your browser does not run. You can set this "
        "question aside: it will not count, and another one will come."
    )
    assert_fits_phone_width(page)
    for _ in range(20):  # by the keyboard, as the next control after the instruction
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "set-aside":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assessment.refresh_from_db()
    assert assessment.current_challenge_id != challenge.id
    assert assessment.set_aside == [challenge.id]
    assert not Answer.objects.filter(assessment=assessment).exists()
    page.wait_for_function("document.activeElement.className === 'messages'")
    assert page.evaluate("document.activeElement.innerText").startswith(
        "The question with the simulator has been set aside"
    )
    assert page.input_value("input[name=challenge_id]") == assessment.current_challenge_id


def test_with_javascript_the_simulators_frame_is_shown_and_no_message(page, learner, password):
    challenge = current_release().challenges["algorithmSteps4-robot-stairs"]
    open_question(page, learner, password, challenge)
    assert page.locator("iframe[data-simulator]").is_visible()
    assert page.locator(".robot-board").count() == 0  # <noscript> is not parsed into the page


def plain_question(competence_id, kind="qcu"):
    """An untimed question of the competence and type, without a simulator or a file."""
    return next(
        c
        for c in current_release().challenges.values()
        if c.competence_id == competence_id
        and c.validated
        and c.type == kind
        and not (c.timer or c.embed or c.attachments)
    )


def test_with_javascript_an_answer_and_the_next_question_take_one_round_trip(
    page, learner, password
):
    t = TEXT["en"]
    sign_in(page, learner, password, t)
    page.wait_for_url("**/profile/")
    page.wait_for_load_state()  # the profile's script runs (before it does, forms go plainly)
    sent = []  # pages and fetches the browser asks for (not stylesheets, scripts or images)

    def record(request):
        if request.resource_type in ("document", "fetch") and request.frame == page.main_frame:
            sent.append((request.method, request.url))

    page.on("request", record)
    start_test(page, "1.1")
    assessment = Assessment.objects.get(user=learner)
    assert sent == [("POST", f"{page.base}/competences/1.1/start")]
    assert page.url == f"{page.base}/assessments/{assessment.pk}/"
    assert page.title().startswith("Question 1")
    challenge = plain_question("1.1")
    force(assessment.pk, challenge)
    page.goto(page.base + f"/assessments/{assessment.pk}/")
    sent.clear()
    fill(page, challenge, "en")
    submit(page, t["validate"])
    assert sent == [("POST", f"{page.base}/assessments/{assessment.pk}/answer")]
    after = Assessment.objects.get(pk=assessment.pk)
    assert after.answer_count == 1
    assert page.locator(QUESTION).get_attribute("value") == after.current_challenge_id
    assert page.url == f"{page.base}/assessments/{assessment.pk}/"
    assert page.title().startswith("Question 2")
    # The focus goes to the new heading, which a screen reader announces as for a new page.
    assert page.evaluate("document.activeElement.textContent") == "Question 2"
    assert_accessible(page)
    page.reload()  # the address is the question's: a reload shows it again and sends nothing
    assert page.locator(QUESTION).get_attribute("value") == after.current_challenge_id
    assert Answer.objects.filter(assessment=assessment).count() == 1
    page.go_back()  # Back leaves the test for the profile, as after a page load
    page.wait_for_url(f"{page.base}/profile/")
    page.get_by_role("link", name=t["resume"]).first.wait_for()  # the profile, loaded again


def test_the_language_switch_stays_on_a_question_reached_without_a_page_load(
    page, learner, password
):
    """The script swaps only <main>: the header, first loaded with the profile, stays."""
    sign_in(page, learner, password, TEXT["en"])
    start_test(page, "1.1")
    assessment = Assessment.objects.get(user=learner)
    with page.expect_navigation():
        page.locator('.language-switch button[value="fr"]').click()
    assert page.url == f"{page.base}/assessments/{assessment.pk}/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(QUESTION).get_attribute("value") == assessment.current_challenge_id


@pytest.mark.parametrize("javascript", [False, True])
def test_the_language_switch_keeps_the_answer_being_typed(
    browser, live_server, learner, password, javascript
):
    """The header's switch sends the question's form, which comes back filled in French."""
    page = next(_page(browser, live_server, javascript=javascript))
    challenge = plain_question("1.1", "qroc")
    assessment = open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    page.locator("#answer-input").fill("half typed")
    page.locator("details.report summary").click()
    page.locator("#report-comment").fill("Pas clair")
    with page.expect_navigation():
        page.locator('.language-switch button[value="fr"]').click()
    assert page.url == f"{page.base}/assessments/{assessment.pk}/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("#answer-input").input_value() == "half typed"
    assert page.locator("#report-comment").input_value() == "Pas clair"
    assert not Answer.objects.exists()
    page.get_by_role("button", name=TEXT["fr"]["validate"], exact=True).click()
    page.wait_for_function(
        "() => !document.querySelector('#answer-input')"
        " || document.querySelector('#answer-input').value === ''"
    )
    assert Answer.objects.get().value == "half typed"
    page.context.close()


def test_reset_asks_for_confirmation_on_an_accessible_page(page, client, learner, password):
    client.force_login(learner)
    finish_test(client, start_by_http(client, "1.1"), right=True)
    KnowledgeElement.objects.update(created_at=timezone.now() - timedelta(days=8))
    sign_in(page, learner, password, TEXT["en"])
    page.wait_for_url("**/profile/")
    page.locator('a[href="/competences/1.1/reset"]').click()
    page.get_by_role("heading", name="Reset 1.1").wait_for()
    assert_fits_phone_width(page)
    assert_accessible(page)
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url("**/profile/")
    assert not Assessment.objects.filter(state="reset").exists()
    page.locator('a[href="/competences/1.1/reset"]').click()
    page.get_by_role("button", name="Reset this competence").click()
    page.get_by_text("The competence has been reset.").wait_for()
    assert Assessment.objects.filter(competence_id="1.1", state="reset").exists()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_timed_question_counts_down_only_with_javascript(
    browser, live_server, learner, password, javascript
):
    page = next(_page(browser, live_server, javascript=javascript))
    timed = next(
        c
        for c in current_release().challenges.values()
        if c.timer and c.validated and not c.embed and c.competence_id == "1.1"
    )
    open_question(page, learner, password, timed)
    timer = page.locator(".timer")
    if javascript:
        countdown = timer.locator("[data-countdown]")
        countdown.wait_for()  # shown by the script, and counting
        first = countdown.inner_text()
        page.wait_for_function(
            "t => document.querySelector('[data-countdown]').textContent !== t", arg=first
        )
    else:
        text = timer.inner_text()
        assert "s left when this page was shown." in text
        assert not timer.locator("[data-countdown]").is_visible()
    page.context.close()


def test_the_countdown_counts_the_time_a_phone_kept_the_page_in_the_background(
    page, learner, password
):
    """A page in the background (another app, the screen locked) has its timers paused: once
    shown again, the countdown says the time really left, as the server counts it."""
    timed = next(
        c
        for c in current_release().challenges.values()
        if c.timer and c.timer > 40 and c.validated and not c.embed and c.competence_id == "1.1"
    )
    page.clock.install()
    open_question(page, learner, password, timed)
    page.wait_for_load_state()
    countdown = page.locator(".timer [data-countdown]")
    left = int(page.locator(".timer").get_attribute("data-remaining"))
    page.clock.fast_forward(30_000)  # 30 s go by; the paused timer fires once when woken up
    assert countdown.inner_text() == f"{left - 30} s left"
    page.clock.fast_forward((left - 30) * 1000)
    assert countdown.inner_text() == "0 s left"
    assert page.locator("[data-timer-news]").inner_text() == (
        "Time is up: you may still answer, but an answer sent now will not count as right."
    )


def test_the_countdown_counts_from_when_the_page_was_asked_for_not_from_when_it_arrived(
    page, learner, password
):
    """On a slow connection the question arrives seconds after the server started its clock:
    the countdown must not show those seconds as time left."""
    timed = next(
        c
        for c in current_release().challenges.values()
        if c.timer and c.timer > 40 and c.validated and not c.embed and c.competence_id == "1.1"
    )

    def slow_reply(route):
        if route.request.method != "GET":
            return route.continue_()
        reply = route.fetch()  # the server renders the page now, and its clock runs
        time.sleep(4)  # the reply takes 4 s to arrive
        route.fulfill(response=reply)

    page.route(re.compile(r".*/assessments/\d+/$"), slow_reply)
    open_question(page, learner, password, timed)
    remaining = int(page.locator(".timer").get_attribute("data-remaining"))
    shown = int(page.locator(".timer [data-countdown]").inner_text().split()[0])
    assert remaining - 9 <= shown <= remaining - 4, (remaining, shown)


def test_an_answer_after_the_session_ended_leads_to_a_whole_sign_in_page_then_back(
    page, learner, password
):
    """The script does not show the sign-in form inside a page whose header says signed in."""
    t = TEXT["en"]
    challenge = plain_question("1.1")
    assessment = open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    session = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    page.context.clear_cookies(name="sessionid")  # the session ends (timed out, signed out)
    assert session
    fill(page, challenge, "en")
    with page.expect_navigation(url="**/account/sign-in**"):
        page.get_by_role("button", name=t["validate"], exact=True).click()
    page.get_by_role("link", name=t["sign_in"]).first.wait_for()  # the header of a visitor
    assert not Answer.objects.exists()
    page.get_by_label(t["login"]).fill(learner.username)
    page.get_by_label(t["password"], exact=True).fill(password)
    page.locator("main").get_by_role("button", name=t["sign_in"]).click()
    page.wait_for_url(f"{page.base}/assessments/{assessment.pk}/")
    assert page.locator(QUESTION).get_attribute("value") == challenge.id
    chosen = answer_data(challenge, "en", True)["answer"]  # the answer given is there again
    assert page.locator(f'input[name="answer"][value="{chosen}"]').is_checked()
