"""A test on a poor connection, with JavaScript: what the learner typed is never lost, the page
says what happened, and nothing is recorded that the learner did not see or send."""

import pytest

from octet.learning import services
from octet.learning.demo import answer_data
from octet.learning.models import Answer, Assessment, ProblemReport
from tests.browser.test_learning_journey import (
    QUESTION,
    TEXT,
    fill,
    open_question,
    plain_question,
    sign_in,
    start_test,
    submit,
)

pytestmark = pytest.mark.django_db(transaction=True)

LOST = "No reply from Octet: the connection seems lost."
TYPED = "new URLSearchParams(new FormData(document.getElementById('challenge-form'))) + ''"


def test_offline_the_answer_stays_the_page_says_so_and_it_can_be_sent_again(
    page, learner, password
):
    t = TEXT["en"]
    challenge = plain_question("1.1")
    assessment = open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    fill(page, challenge, "en")
    begun = page.evaluate(TYPED)
    page.context.set_offline(True)  # the train enters a tunnel
    page.get_by_role("button", name=t["validate"], exact=True).click()
    note = page.get_by_role("alert").filter(has_text=LOST)
    note.wait_for()
    # Still the question, as the learner filled it, and not the browser's error page.
    assert page.url == f"{page.base}/assessments/{assessment.pk}/"
    assert page.evaluate(TYPED) == begun
    assert page.get_by_role("button", name=t["validate"], exact=True).is_enabled()
    assert not Answer.objects.exists()

    page.context.set_offline(False)
    submit(page, t["validate"])
    answer = Answer.objects.get(assessment=assessment)
    assert (answer.challenge_id, answer.outcome) == (challenge.id, "ok")
    assert page.title().startswith("Question 2")


def test_offline_a_problem_report_stays_too(page, learner, password):
    t = TEXT["en"]
    challenge = plain_question("1.1")
    open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    page.get_by_text(t["report"]).click()
    page.locator("#report-category").select_option("instruction")
    page.locator("#report-comment").fill("The second choice is cut")
    page.context.set_offline(True)
    page.get_by_role("button", name=t["send"]).click()
    page.locator("[data-report]").get_by_role("alert").filter(has_text=LOST).wait_for()
    assert page.locator("#report-comment").input_value() == "The second choice is cut"
    page.context.set_offline(False)
    page.get_by_role("button", name=t["send"]).click()
    page.get_by_text(t["sent"]).wait_for()
    assert ProblemReport.objects.get().comment == "The second choice is cut"


def test_an_answer_whose_response_is_lost_is_sent_again_and_counted_once(page, learner, password):
    """The server records the answer, but its response never arrives; the learner sends again."""
    t = TEXT["en"]
    challenge = plain_question("1.1")
    assessment = open_question(page, learner, password, challenge)
    calls = []

    def lose_the_first_response(route):
        calls.append(route.request.method)
        if len(calls) == 1:
            route.fetch()  # the server gets the answer and records it...
            route.abort("connectionreset")  # ...and the page never hears back
        else:
            route.continue_()

    page.route("**/answer", lose_the_first_response)
    page.wait_for_load_state()
    fill(page, challenge, "en")
    page.get_by_role("button", name=t["validate"], exact=True).click()
    page.get_by_role("alert").filter(has_text=LOST).wait_for()
    assert Answer.objects.filter(assessment=assessment).count() == 1
    submit(page, t["validate"])  # pressed again: recognised, not counted twice
    assert calls == ["POST", "POST"]
    assert page.get_by_text(t["duplicate"]).is_visible()
    after = Assessment.objects.get(pk=assessment.pk)
    assert Answer.objects.filter(assessment=assessment).count() == 1
    assert after.answer_count == 1
    assert page.locator(QUESTION).get_attribute("value") == after.current_challenge_id


def test_a_reply_that_never_comes_is_given_up_and_the_answer_stays(page, learner, password):
    t = TEXT["en"]
    challenge = plain_question("1.1")
    page.clock.install()
    open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    stuck = []
    page.route("**/answer", lambda route: stuck.append(route))  # it leaves, nothing comes back
    fill(page, challenge, "en")
    begun = page.evaluate(TYPED)
    page.get_by_role("button", name=t["validate"], exact=True).click()
    page.wait_for_function("() => document.querySelector('form[data-sending]')")
    page.clock.run_for(31_000)
    page.get_by_role("alert").filter(has_text=LOST).wait_for()
    assert page.evaluate(TYPED) == begun
    assert page.get_by_role("button", name=t["validate"], exact=True).is_enabled()
    assert stuck and not Answer.objects.exists()


def test_a_reload_keeps_what_the_learner_typed(page, learner, password):
    t = TEXT["en"]
    challenge = plain_question("1.1", "qroc")
    assessment = open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    page.locator("#answer-input").fill("half an answer")
    page.reload()  # the page seemed stuck
    assert page.locator("#answer-input").input_value() == "half an answer"
    page.locator("#answer-input").fill(answer_data(challenge, "en", True)["answer"])
    submit(page, t["validate"])
    assert Answer.objects.get(assessment=assessment).outcome == "ok"
    # The next question starts blank, and so does the one after a reload.
    page.reload()
    assert "half an answer" not in page.evaluate(TYPED)


def test_the_second_tap_of_a_double_tap_does_not_act_on_the_next_question(page, learner, password):
    """On a quick connection the next question can be shown between the two taps."""
    t = TEXT["en"]
    challenge = plain_question("1.1")
    assessment = open_question(page, learner, password, challenge)
    page.wait_for_load_state()
    fill(page, challenge, "en")

    def middle(name):
        button = page.get_by_role("button", name=name, exact=True)
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    page.mouse.click(*middle(t["validate"]))  # the first tap
    page.wait_for_function("() => document.title.startsWith('Question 2')")
    second = page.locator(QUESTION).get_attribute("value")
    page.mouse.move(*middle(t["skip"]))  # the second tap, on the new page: a double click's
    page.mouse.down(click_count=2)
    page.mouse.up(click_count=2)
    page.wait_for_timeout(300)
    assert not Answer.objects.filter(assessment=assessment, challenge_id=second).exists()
    assert page.locator(QUESTION).get_attribute("value") == second
    page.mouse.click(*middle(t["skip"]))  # a tap of its own counts
    page.wait_for_function("() => document.title.startsWith('Question 3')")
    assert Answer.objects.get(assessment=assessment, challenge_id=second).outcome == "skipped"


def test_a_message_in_the_next_page_gets_the_focus(page, learner, password):
    """The message "not recorded" is read first, before the heading of the next question."""
    t = TEXT["en"]
    challenge = plain_question("1.1")
    assessment = open_question(page, learner, password, challenge)
    services.answer_challenge(  # answered meanwhile on another device
        user=learner,
        assessment_id=assessment.pk,
        challenge_id=challenge.id,
        data=answer_data(challenge, "en", right=True),
        skip=False,
    )
    fill(page, challenge, "en", right=False)
    submit(page, t["validate"])
    focused = page.evaluate("document.activeElement.textContent")
    assert "this answer was not recorded" in focused
    assert page.evaluate("document.activeElement.className") == "messages"


def test_offline_a_button_alone_says_to_try_again_without_speaking_of_an_answer(
    page, learner, password
):
    """Starting a test from the profile: nothing was typed, so nothing is said to be kept."""
    sign_in(page, learner, password, TEXT["en"])
    page.wait_for_url("**/profile/")
    page.wait_for_load_state()
    page.context.set_offline(True)
    page.locator('form[action="/competences/1.1/start"] button').click()
    note = page.get_by_role("alert").filter(has_text=LOST)
    note.wait_for()
    assert note.inner_text() == (
        "No reply from Octet: the connection seems lost. Try again once you are back online."
    )
    assert not Assessment.objects.exists()
    page.context.set_offline(False)
    start_test(page, "1.1")
    assert page.title().startswith("Question 1")
    assert Assessment.objects.count() == 1
