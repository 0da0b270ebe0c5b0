import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.evaluation.domain.types import ENGINE_VERSION
from octet.learning.domain.presentation import FIELD_PREFIX
from octet.learning.models import Answer, Assessment, KnowledgeElement, ProblemReport
from octet.learning.selectors import competence_scores_around
from tests.learning.helpers import (
    answer_current,
    current_challenge,
    finish_test,
    form_for,
    start,
    taken_days_ago,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def test_profile_shows_the_16_competences_by_area(signed_in):
    page = signed_in.get("/profile/").content.decode()
    release = current_release()
    assert len(release.competences) == 16
    for competence in release.competences.values():
        assert competence.name["en"] in page.replace("&#x27;", "'")
    assert page.count('class="competence card"') == 16
    assert page.count(">Start<") == 16


def _read_aloud(html: str) -> str:
    """The words of `html` a screen reader says: none of an aria-hidden element's."""
    html = re.sub(r'<(\w+)[^>]*aria-hidden="true"[^>]*>.*?</\1>', "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


@pytest.mark.parametrize(("language", "out_of"), [("en", "out of"), ("fr", "sur")])
def test_the_total_score_is_read_as_pix_out_of_the_maximum_not_as_a_slash(
    signed_in, language, out_of
):
    signed_in.post("/language", {"language": language, "next": "/"})
    page = signed_in.get("/profile/").content.decode()
    total = re.search(r'<p class="total-score">.*?</p>', page).group()
    assert _read_aloud(total) == f"0 pix {out_of} 768"
    assert "/" not in re.sub(r"<[^>]+>", "", total)  # the slash is drawn by the stylesheet


def test_starting_serves_a_first_question_and_resume_keeps_it(signed_in):
    assessment_id = start(signed_in)
    first = Assessment.objects.get(pk=assessment_id).current_challenge_id
    assert first
    page = signed_in.get(f"/assessments/{assessment_id}/")
    assert page.status_code == 200
    assert "Question 1" in page.content.decode()
    # Leaving and coming back (or another device) gives the same question.
    assert start(signed_in) == assessment_id
    assert Assessment.objects.get(pk=assessment_id).current_challenge_id == first
    assert "Resume" in signed_in.get("/profile/").content.decode()


def test_a_right_answer_is_recorded_with_what_judged_it(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    signed_in.get(f"/assessments/{assessment_id}/")
    response = answer_current(signed_in, assessment_id, right=True)
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert answer.outcome == "ok"
    assert answer.challenge_id == challenge.id
    assert answer.release == current_release().version
    assert answer.engine_version == ENGINE_VERSION
    assert answer.difficulty == challenge.difficulty
    assert answer.discrimination == challenge.discrimination
    assert KnowledgeElement.objects.filter(
        answer=answer, source="direct", status="validated"
    ).exists()


def test_the_same_answer_sent_twice_is_recorded_once(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    data = form_for(challenge, "en")
    signed_in.post(f"/assessments/{assessment_id}/answer", data)
    second = signed_in.post(f"/assessments/{assessment_id}/answer", data, follow=True)
    assert Answer.objects.filter(challenge_id=challenge.id).count() == 1
    assert Assessment.objects.get(pk=assessment_id).answer_count == 1
    assert "This answer had already been recorded." in second.content.decode()


def test_another_answer_to_a_question_already_answered_elsewhere_is_refused(signed_in):
    """Two tabs on one question, two different answers: the first counts, the second is told."""
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    wrong, right = form_for(challenge, "en", right=False), form_for(challenge, "en", right=True)
    assert wrong != right
    signed_in.post(f"/assessments/{assessment_id}/answer", wrong)
    second = signed_in.post(f"/assessments/{assessment_id}/answer", right, follow=True)
    page = second.content.decode()
    assert "This question had already been answered, on another device or in another tab" in page
    assert "This answer had already been recorded." not in page
    [answer] = Answer.objects.filter(challenge_id=challenge.id)
    assert answer.outcome != "ok"
    assert Assessment.objects.get(pk=assessment_id).answer_count == 1
    # A skip sent twice is the same answer twice.
    skip = {"challenge_id": current_challenge(assessment_id).id, "action": "skip"}
    signed_in.post(f"/assessments/{assessment_id}/answer", skip)
    again = signed_in.post(f"/assessments/{assessment_id}/answer", skip, follow=True)
    assert "This answer had already been recorded." in again.content.decode()


def test_an_answer_from_the_phone_after_the_school_computer_answered_says_so_in_french(
    signed_in, password
):
    """A pupil begins on her phone, goes on at school, and her phone later sends its answer."""
    signed_in.post("/language", {"language": "fr"})
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    school = Client()
    school.post("/account/sign-in", {"login": "lea.martin", "password": password})
    school.post(f"/assessments/{assessment_id}/answer", form_for(challenge, "fr", right=True))
    late = form_for(challenge, "fr", right=False)
    page = signed_in.post(f"/assessments/{assessment_id}/answer", late, follow=True)
    text = page.content.decode()
    assert "Cette question avait déjà reçu une réponse, sur un autre appareil ou" in text
    [answer] = Answer.objects.filter(challenge_id=challenge.id)
    assert answer.outcome == "ok"


def test_an_answer_to_another_question_is_refused(signed_in):
    assessment_id = start(signed_in)
    current = current_challenge(assessment_id)
    other = next(c for c in current_release().challenges.values() if c.id != current.id)
    response = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {**form_for(other, "en"), "challenge_id": other.id},
        follow=True,
    )
    assert "is not the one being asked now" in response.content.decode()
    assert not Answer.objects.exists()


def test_an_empty_answer_asks_to_answer_or_skip(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    posted = signed_in.post(
        f"/assessments/{assessment_id}/answer", {"challenge_id": challenge.id, "action": "validate"}
    )
    # Post/redirect/get: the question's own address, which a reload does not post again.
    assert posted.status_code == 302
    assert posted["Location"] == f"/assessments/{assessment_id}/"
    response = signed_in.get(posted["Location"])
    assert response.status_code == 200
    assert "You have not given an answer" in response.content.decode()
    assert 'id="empty-warning" tabindex="-1" autofocus' in response.content.decode()
    # The language switch comes back to the question, not to the address the answer went to.
    assert f'name="next" value="/assessments/{assessment_id}/"' in response.content.decode()
    assert not Answer.objects.exists()
    signed_in.post(
        f"/assessments/{assessment_id}/answer", {"challenge_id": challenge.id, "action": "skip"}
    )
    assert Answer.objects.get().outcome == "skipped"


def test_without_javascript_an_empty_answer_keeps_what_else_was_entered_and_warns_once(
    signed_in,
):
    assessment_id = start(signed_in)
    challenge = _make_current(assessment_id, "qrocm-ind")
    key = challenge.fields[0].key
    first, second = (FIELD_PREFIX + f.key for f in challenge.fields[:2])
    posted = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {
            "challenge_id": challenge.id,
            "action": "validate",
            first: "  ",
            second: "",
            "category": "",
            "comment": "The second box is too narrow",
        },
    )
    assert posted.status_code == 302
    page = signed_in.get(posted["Location"]).content.decode()
    assert "You have not given an answer" in page
    assert f'value="  " data-answer-key="{key}"' in page
    assert ">The second box is too narrow</textarea>" in page
    assert '<details class="report" data-report open>' in page
    assert not Answer.objects.exists()
    # Shown once: a reload, or coming back later, is the plain question again.
    again = signed_in.get(posted["Location"]).content.decode()
    assert "You have not given an answer" not in again
    assert "The second box is too narrow" not in again


INLINE = {"HTTP_X_OCTET_INLINE": "1"}  # what the challenge page's script sends


def test_the_page_script_gets_the_next_question_in_the_answers_own_response(signed_in):
    assessment_id = start(signed_in)
    first = current_challenge(assessment_id)
    data = form_for(first, "en")
    response = signed_in.post(f"/assessments/{assessment_id}/answer", data, **INLINE)
    assert response.status_code == 200
    assert response["X-Octet-Url"] == f"/assessments/{assessment_id}/"
    assert "no-store" in response["Cache-Control"]
    second = current_challenge(assessment_id)
    page = response.content.decode()
    assert second.id != first.id
    assert f'name="challenge_id" value="{second.id}"' in page
    assert "Question 2" in page
    # Only the title and <main>: the script keeps the header and footer already on screen.
    assert "<title>Question 2 · Completing a search and information" in page
    assert '<main id="main"' in page
    assert "site-header" not in page and "site-footer" not in page
    assert "site-header" in signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert Answer.objects.get().challenge_id == first.id
    # The same answer again (a retry after a lost response): recognised, the question stays.
    again = signed_in.post(f"/assessments/{assessment_id}/answer", data, **INLINE)
    assert again.status_code == 200
    assert "This answer had already been recorded." in again.content.decode()
    assert f'name="challenge_id" value="{second.id}"' in again.content.decode()
    assert Answer.objects.count() == 1
    # An empty answer: the same question and the warning, at the question's address.
    empty = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": second.id, "action": "validate"},
        **INLINE,
    )
    assert empty.status_code == 400
    assert empty["X-Octet-Url"] == f"/assessments/{assessment_id}/"
    assert "You have not given an answer" in empty.content.decode()


def test_with_the_script_every_step_of_a_test_comes_in_the_reply_to_its_post(signed_in):
    """Start, answers, checkpoint, continue and results: each page in the reply to its POST."""
    response = signed_in.post("/competences/1.1/start", **INLINE)
    assessment_id = Assessment.objects.get().pk
    assert response.status_code == 200
    assert response["X-Octet-Url"] == f"/assessments/{assessment_id}/"
    assert "Question 1" in response.content.decode()
    for _ in range(4):
        answer_current(signed_in, assessment_id)
    challenge = current_challenge(assessment_id)
    response = signed_in.post(
        f"/assessments/{assessment_id}/answer", form_for(challenge, "en"), **INLINE
    )
    assert response.status_code == 200
    assert response["X-Octet-Url"] == f"/assessments/{assessment_id}/checkpoint"
    page = response.content.decode()
    assert page.count('class="card correction correction--') == 5
    # The forms of the page come back to the page's own address, not to the answer's.
    # (a tutorial's Save and Useful come back to the correction they are in)
    assert f'name="next" value="/assessments/{assessment_id}/checkpoint#answer-' in page
    assert f'value="/assessments/{assessment_id}/answer"' not in page
    response = signed_in.post(f"/assessments/{assessment_id}/continue", **INLINE)
    assert response["X-Octet-Url"] == f"/assessments/{assessment_id}/"
    assert "Question 6" in response.content.decode()
    for _ in range(60):
        challenge = current_challenge(assessment_id)
        response = signed_in.post(
            f"/assessments/{assessment_id}/answer", form_for(challenge, "en"), **INLINE
        )
        if response["X-Octet-Url"].endswith("/checkpoint"):
            signed_in.post(f"/assessments/{assessment_id}/continue")
        if Assessment.objects.get(pk=assessment_id).completed:
            break
    assert response.status_code == 200
    assert response["X-Octet-Url"] == f"/assessments/{assessment_id}/results"
    assert "Test finished!" in response.content.decode()
    # Without the script, the same steps redirect to those addresses (post/redirect/get).
    response = signed_in.post("/competences/1.2/start")
    assert response.status_code == 302
    assert response["Location"].startswith("/assessments/")


def test_a_checkpoint_comes_after_five_answers(signed_in):
    assessment_id = start(signed_in)
    for right in (True, True, False, True, True):
        answer_current(signed_in, assessment_id, right=right)
    response = signed_in.get(f"/assessments/{assessment_id}/")
    assert response["Location"] == f"/assessments/{assessment_id}/checkpoint"
    page = signed_in.get(response["Location"]).content.decode()
    assert page.count('class="card correction correction--') == 5
    assert page.count('class="card correction correction--ko"') == 1
    assert "4 right answers out of 5." in page
    assert "Expected answer:" in page or "One right answer:" in page
    assert "For better results next time" in page
    signed_in.post(f"/assessments/{assessment_id}/continue")
    assert signed_in.get(f"/assessments/{assessment_id}/").status_code == 200


def test_a_strong_learner_finishes_quickly_with_a_level(signed_in):
    assessment_id = start(signed_in)
    count = finish_test(signed_in, assessment_id, right=True)
    assert count <= 30
    page = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
    assert "Test finished!" in page
    profile = signed_in.get("/profile/").content.decode()
    assert "Level 0 of 6" in profile  # the other competences
    assessment = Assessment.objects.get(pk=assessment_id)
    assert assessment.completed
    before, after = competence_scores_around(assessment.user_id, "1.1", assessment.created_at)
    assert (before.level, before.pix) == (0, 0)
    assert after.level >= 3


def test_a_beginner_gets_a_low_level_and_tutorials(signed_in):
    assessment_id = start(signed_in, "4.1")
    finish_test(signed_in, assessment_id, right=False)
    assessment = Assessment.objects.get()
    _, after = competence_scores_around(assessment.user_id, "4.1", assessment.created_at)
    assert after.level == 0
    tutorials = signed_in.get("/tutorials/").content.decode()
    assert "Recommended for you" in tutorials
    assert 'href="/lessons/' in tutorials


def _timed_on_screen(assessment_id: int, served_at):
    """Make a timed question of 1.1 the test's current one, its clock started at `served_at`
    (None: its page not shown yet); returns it."""
    timed = next(
        c
        for c in current_release().challenges.values()
        if c.timer and c.competence_id == "1.1" and c.validated
    )
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=timed.id, current_served_at=served_at
    )
    return timed


def test_a_late_answer_to_a_timed_question_is_timed_out(signed_in):
    assessment_id = start(signed_in)
    timed = _timed_on_screen(assessment_id, served_at=None)
    Assessment.objects.filter(pk=assessment_id).update(
        current_served_at=timezone.now() - timedelta(seconds=timed.timer + 30)
    )
    signed_in.post(f"/assessments/{assessment_id}/answer", form_for(timed, "en", right=True))
    assert Answer.objects.get().outcome == "timedout"


def test_a_timed_question_says_in_words_a_pupil_knows_that_a_late_answer_is_not_right(
    signed_in,
):
    signed_in.post("/language", {"language": "fr"})
    assessment_id = start(signed_in)
    timed = _timed_on_screen(assessment_id, served_at=None)
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert (
        "Temps écoulé\u00a0: vous pouvez encore répondre, mais une réponse envoyée maintenant "
        "ne sera pas comptée comme juste."
    ) in page
    Assessment.objects.filter(pk=assessment_id).update(
        current_served_at=timezone.now() - timedelta(seconds=timed.timer + 30)
    )
    signed_in.post(f"/assessments/{assessment_id}/answer", form_for(timed, "fr", right=True))
    assert Answer.objects.get().outcome == "timedout"


@pytest.mark.parametrize(("late_by", "outcome"), [(30, "ok"), (2 * 60, "timedout")])
def test_a_learner_who_asked_for_more_time_has_twice_as_long(signed_in, learner, late_by, outcome):
    learner.extra_time = True
    learner.save()
    assessment_id = start(signed_in)
    timed = _timed_on_screen(assessment_id, served_at=timezone.now())
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert f"you have {2 * timed.timer} seconds. (twice the usual time, as your account asks)" in (
        page
    )
    remaining = int(re.search(r'data-remaining="(\d+)"', page).group(1))
    assert 2 * timed.timer - 2 <= remaining <= 2 * timed.timer
    # Late by the usual timer and more, the answer is in time; late by twice the timer, it is not.
    Assessment.objects.filter(pk=assessment_id).update(
        current_served_at=timezone.now() - timedelta(seconds=timed.timer + late_by)
    )
    signed_in.post(f"/assessments/{assessment_id}/answer", form_for(timed, "en", right=True))
    assert Answer.objects.get().outcome == outcome


def test_report_a_problem_is_stored_for_authors(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    response = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": challenge.id, "category": "instruction", "comment": "Unclear word"},
        follow=True,
    )
    assert "your report has been sent" in response.content.decode()
    report = ProblemReport.objects.get()
    assert (report.challenge_id, report.category, report.comment) == (
        challenge.id,
        "instruction",
        "Unclear word",
    )
    # A question that is not in the test, or no category: nothing is stored, the learner is told.
    other = next(c for c in current_release().challenges.values() if c.id != challenge.id)
    response = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": other.id, "category": "other", "comment": "?"},
        follow=True,
    )
    assert "This question is not part of your test: nothing was sent." in response.content.decode()
    response = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": challenge.id, "category": "", "comment": "?"},
        follow=True,
    )
    assert "Choose what the problem is about." in response.content.decode()
    assert ProblemReport.objects.count() == 1
    # The page's script sends it by fetch: the reply is the message itself, no page.
    sent = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": challenge.id, "category": "other", "comment": "Typo"},
        **INLINE,
    )
    assert sent.status_code == 200 and sent["Content-Type"].startswith("text/plain")
    assert sent.content.decode() == "Thank you: your report has been sent to the content authors."
    refused = signed_in.post(
        f"/assessments/{assessment_id}/report", {"challenge_id": challenge.id}, **INLINE
    )
    assert refused.status_code == 400
    assert refused.content.decode() == "Choose what the problem is about."
    assert ProblemReport.objects.count() == 2


def _make_current(assessment_id, kind):
    assessment = Assessment.objects.get(pk=assessment_id)
    challenge = next(
        c
        for c in current_release().challenges.values()
        if c.type == kind and c.validated and "en" in c.locales and not (c.timer or c.embed)
    )
    assessment.current_challenge_id = challenge.id
    assessment.save()
    return challenge


def test_without_javascript_a_report_keeps_what_was_entered_in_the_question(signed_in):
    assessment_id = start(signed_in)
    report = f"/assessments/{assessment_id}/report"
    challenge = _make_current(assessment_id, "qrocm-ind")
    typed = {f"field-{challenge.fields[0].key}": "half <typed>"}
    about = {"challenge_id": challenge.id, "category": "instruction", "comment": "Unclear"}
    page = signed_in.post(report, {**about, **typed}, follow=True).content.decode()
    assert "your report has been sent" in page
    assert 'value="half &lt;typed&gt;"' in page
    assert "Unclear</textarea>" not in page  # a report sent is not offered again
    # shown once: the question comes back as it is afterwards
    again = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert "half &lt;typed&gt;" not in again
    # no category: the report comes back too, open, to be completed
    about.update(category="", comment="Half a sentence")
    page = signed_in.post(report, {**about, **typed}, follow=True).content.decode()
    assert "Choose what the problem is about." in page
    assert 'value="half &lt;typed&gt;"' in page
    assert "Half a sentence</textarea>" in page and 'class="report" data-report open' in page
    # ticked choices come back ticked
    choices = _make_current(assessment_id, "qcm")
    about.update(challenge_id=choices.id, category="other")
    page = signed_in.post(report, {**about, "answer": ["1", "3"]}, follow=True).content.decode()
    assert 'value="1" checked' in page and 'value="3" checked' in page
    assert 'value="2" checked' not in page
    assert ProblemReport.objects.count() == 2


def test_without_javascript_a_report_without_category_comes_back_open_with_its_message(signed_in):
    """The learner tapped "Send the report" without choosing what is wrong, and typed nothing:
    the report comes back open, with what to do inside it, not only at the top of the page."""
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    response = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": challenge.id, "category": "", "comment": ""},
        follow=True,
    )
    page = response.content.decode()
    assert 'class="report" data-report open' in page
    box = page[page.index('class="report" data-report') : page.index("</details>")]
    assert "Choose what the problem is about." in box
    assert page.count("Choose what the problem is about.") == 1
    assert 'id="report-error"' in box and "autofocus" in box
    # shown once: the question comes back as it was afterwards
    again = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert 'class="report" data-report>' in again
    assert "Choose what the problem is about." not in again
    assert ProblemReport.objects.count() == 0


def test_a_problem_can_be_reported_from_its_correction(signed_in):
    """ "My answer should be accepted" is known once the correction is read: each correction of
    a checkpoint offers the report, which comes back to that correction without JavaScript."""
    assessment_id = start(signed_in)
    for _ in range(5):
        answer_current(signed_in, assessment_id, right=True)
    assert not Assessment.objects.get(pk=assessment_id).completed
    checkpoint = f"/assessments/{assessment_id}/checkpoint"
    page = signed_in.get(checkpoint).content.decode()
    answers = list(Assessment.objects.get(pk=assessment_id).answers.order_by("id"))
    assert page.count(f'formaction="/assessments/{assessment_id}/report"') == len(answers)
    first = answers[0]
    assert f'name="challenge_id" value="{first.challenge_id}"' in page
    assert f'id="report-category-answer-{first.pk}"' in page
    # each one is named after its question for a screen reader, which lists them all
    assert '<summary aria-label="Report a problem: Question 2">Report a problem</summary>' in page
    response = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {
            "challenge_id": first.challenge_id,
            "category": "answer",
            "comment": "Same meaning",
            "next": f"{checkpoint}#answer-{first.pk}",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == checkpoint
    report = ProblemReport.objects.get()
    assert (report.challenge_id, report.category) == (first.challenge_id, "answer")
    page = signed_in.get(checkpoint).content.decode()
    correction = page[page.index(f'id="answer-{first.pk}"') :]
    correction = correction[: correction.index('<li class="card correction', 1)]
    sent = "your report has been sent"
    assert page.count(sent) == 1 and sent in correction
    assert '<details class="report" open>' in correction
    assert "your report has been sent" not in signed_in.get(checkpoint).content.decode()  # once
    # the results of a finished test offer it too
    finish_test(signed_in, assessment_id, right=False)
    results = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
    assert f'formaction="/assessments/{assessment_id}/report"' in results


def test_answer_path_runs_a_bounded_number_of_queries(signed_in, django_assert_max_num_queries):
    assessment_id = start(signed_in)
    for _ in range(2):
        answer_current(signed_in, assessment_id, right=True)
    challenge = current_challenge(assessment_id)
    data = form_for(challenge, "en")
    # Session, user, the locked test (with what the learner knew before it and its answers so
    # far), the answer, the new knowledge elements, the test's update, and the savepoint pair
    # of the transaction.
    with django_assert_max_num_queries(8):
        signed_in.post(f"/assessments/{assessment_id}/answer", data)
    # Session, user, the test, and the UPDATE starting the clock if the question is timed.
    with django_assert_max_num_queries(4):
        signed_in.get(f"/assessments/{assessment_id}/")
    # With the page's script, the next question comes in the answer's response: the same
    # statements as the POST, plus the clock's UPDATE if that question is timed.
    challenge = current_challenge(assessment_id)
    data = form_for(challenge, "en")
    with django_assert_max_num_queries(9):
        response = signed_in.post(f"/assessments/{assessment_id}/answer", data, **INLINE)
    assert response.status_code == 200


def test_a_timed_question_starts_its_clock_when_its_page_is_shown(signed_in):
    assessment_id = start(signed_in)
    timed = _timed_on_screen(assessment_id, served_at=None)
    assert Assessment.objects.get(pk=assessment_id).current_served_at is None
    before = timezone.now()
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    served_at = Assessment.objects.get(pk=assessment_id).current_served_at
    assert served_at is not None and served_at >= before
    assert any(f'data-remaining="{timed.timer - s}"' in page for s in (0, 1))
    signed_in.get(f"/assessments/{assessment_id}/")  # a reload does not restart the clock
    assert Assessment.objects.get(pk=assessment_id).current_served_at == served_at


@pytest.mark.parametrize("inline", [False, True])
def test_a_timed_question_answered_before_its_page_was_shown_is_not_recorded(signed_in, inline):
    """Its time was never counted: the answer is refused, the clock starts, the page is shown."""
    assessment_id = start(signed_in)
    timed = _timed_on_screen(assessment_id, served_at=None)
    before = timezone.now()
    response = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        form_for(timed, "en", right=True),
        follow=not inline,
        **(INLINE if inline else {}),
    )
    page = response.content.decode()
    assert not Answer.objects.exists()
    served_at = Assessment.objects.get(pk=assessment_id).current_served_at
    assert served_at is not None and served_at >= before
    assert "its page had not been shown, so the answer was not recorded" in page
    assert "Its time starts now." in page
    assert f'name="challenge_id" value="{timed.id}"' in page
    assert any(f'data-remaining="{timed.timer - s}"' in page for s in (0, 1))
    # Answered now, from the page shown, it counts.
    signed_in.post(f"/assessments/{assessment_id}/answer", form_for(timed, "en", right=True))
    assert Answer.objects.get().outcome == "ok"


def test_a_timed_question_can_be_skipped_before_its_page_was_shown(signed_in):
    assessment_id = start(signed_in)
    timed = _timed_on_screen(assessment_id, served_at=None)
    data = {**form_for(timed, "en", right=True), "action": "skip"}
    signed_in.post(f"/assessments/{assessment_id}/answer", data)
    assert Answer.objects.get().outcome == "skipped"


def test_improve_after_4_days_and_reset_after_7(signed_in):
    assessment_id = start(signed_in)
    finish_test(signed_in, assessment_id, right=False)
    assert "You can improve in 4 days." in signed_in.get("/profile/").content.decode()
    response = signed_in.post("/competences/1.1/start", {"mode": "improve"}, follow=True)
    assert "You can improve this competence in 4 days." in response.content.decode()

    taken_days_ago(assessment_id, 8)
    page = signed_in.get("/profile/").content.decode()
    assert ">Improve<" in page
    improving = start(signed_in, mode="improve")
    assert improving != assessment_id
    assert Assessment.objects.get(pk=improving).improving
    # The improving test starts from the validated skills only: old failures are asked again.
    kept = Assessment.objects.get(pk=improving).prior_knowledge
    validated = set(
        KnowledgeElement.objects.filter(
            assessment_id=assessment_id, status="validated"
        ).values_list("skill_id", flat=True)
    )
    assert {row[0] for row in kept} == validated
    assert all(row[1] == "validated" for row in kept)
    assert KnowledgeElement.objects.filter(assessment_id=assessment_id, status="invalidated")

    # Reset needs 7 days without activity in the competence: the new test is activity.
    Assessment.objects.filter(pk=improving).delete()
    signed_in.post("/competences/1.1/reset")
    assert Assessment.objects.filter(competence_id="1.1", state="reset").exists()
    assert start(signed_in) not in (assessment_id, improving)


def test_no_improving_at_the_highest_level(signed_in):
    """At the highest level there is nothing left to gain: the profile offers no Improve, and
    a form sent anyway (a page kept open, a crafted request) starts no test."""
    assessment_id = start(signed_in)
    finish_test(signed_in, assessment_id, right=True)
    taken_days_ago(assessment_id, 5)
    page = signed_in.get("/profile/").content.decode()
    assert "Level 6 of 6" in page and ">Improve<" not in page
    response = signed_in.post("/competences/1.1/start", {"mode": "improve"}, follow=True)
    assert response.redirect_chain[-1][0] == "/profile/"
    assert "This action is not possible for this competence." in response.content.decode()
    assert not Assessment.objects.filter(improving=True).exists()


def test_reset_asks_first_and_says_when_it_is_not_possible_yet(signed_in):
    assert "nothing to reset" in signed_in.get("/competences/1.1/reset").content.decode()
    assessment_id = start(signed_in)
    finish_test(signed_in, assessment_id, right=True)
    page = signed_in.get("/competences/1.1/reset").content.decode()
    assert "You can reset this competence in 7 days." in page
    assert "Reset this competence</button>" not in page
    past = timezone.now() - timedelta(days=8)
    KnowledgeElement.objects.update(created_at=past)
    # The profile's Reset asks first: what is lost, then a button that does it, or Cancel.
    assert 'href="/competences/1.1/reset"' in signed_in.get("/profile/").content.decode()
    confirm = signed_in.get("/competences/1.1/reset").content.decode()
    assert "Reset 1.1" in confirm and "This cannot be undone." in confirm
    assert "Reset this competence</button>" in confirm
    assert not Assessment.objects.filter(state="reset").exists()  # asking changed nothing
    response = signed_in.post("/competences/1.1/reset", follow=True)
    assert "The competence has been reset." in response.content.decode()
    assert Assessment.objects.filter(competence_id="1.1", state="reset").exists()
    assert signed_in.get("/competences/9.9/reset").status_code == 404


def test_a_reset_sent_twice_says_it_is_done_not_that_it_must_wait(signed_in):
    """A double tap on Reset (the page has no script): the browser shows the second reply."""
    finish_test(signed_in, start(signed_in), right=True)
    KnowledgeElement.objects.update(created_at=timezone.now() - timedelta(days=8))
    signed_in.post("/competences/1.1/reset")
    page = signed_in.post("/competences/1.1/reset", follow=True).content.decode()
    assert "The competence has been reset." in page
    assert "You can reset this competence in" not in page
    assert Assessment.objects.filter(competence_id="1.1", state="reset").count() == 1
    # Once a new test has begun, it must be finished first (tests/learning/test_waits.py).
    start(signed_in)
    page = signed_in.post("/competences/1.1/reset", follow=True).content.decode()
    assert "the competence can be reset only once that test is finished." in page


def test_the_learner_cannot_open_someone_elses_test(client, signed_in, django_user_model):
    assessment_id = start(signed_in)
    other = django_user_model.objects.create_user("other", "other@example.org", "Other-Pass1")
    client.force_login(other)
    assert client.get(f"/assessments/{assessment_id}/").status_code == 404


def test_demo_learner_gets_a_partly_filled_profile(django_user_model):
    from django.core.management import call_command

    call_command("load_demo")
    call_command("load_demo_profile")
    call_command("load_demo_profile")  # a second run changes nothing
    learner = django_user_model.objects.get(username="lea.martin")
    assessments = Assessment.objects.filter(user=learner)
    assert assessments.filter(state="completed").count() >= 3
    assert assessments.filter(state="started").count() == 1
    from octet.learning.selectors import profile

    data = profile(learner, "fr")
    assert data.total_pix > 0
    states = {c.id: c.state for a in data.areas for c in a.competences}
    assert states["1.1"] == "completed" and states["5.1"] == "started"


def test_a_question_withdrawn_by_a_new_release_is_replaced_on_the_page(signed_in):
    assessment_id = start(signed_in)
    answer_current(signed_in, assessment_id, right=True)
    Assessment.objects.filter(pk=assessment_id).update(current_challenge_id="gone-from-content")
    page = signed_in.get(f"/assessments/{assessment_id}/")
    assert page.status_code == 200
    assessment = Assessment.objects.get(pk=assessment_id)
    assert assessment.current_challenge_id in current_release().challenges
    assert f'value="{assessment.current_challenge_id}"' in page.content.decode()
    assert assessment.answer_count == 1


def test_an_answer_to_a_question_withdrawn_meanwhile_is_not_lost_nor_an_error(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    answer_current(signed_in, assessment_id, right=True)
    Assessment.objects.filter(pk=assessment_id).update(current_challenge_id="gone-from-content")
    response = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": "gone-from-content", "action": "validate", "answer": "anything"},
        follow=True,
    )
    assert response.status_code == 200
    assert "withdrawn by the content authors" in response.content.decode()
    assessment = Assessment.objects.get(pk=assessment_id)
    assert assessment.current_challenge_id in current_release().challenges
    assert assessment.current_challenge_id != challenge.id  # never asked twice
    assert list(Answer.objects.values_list("challenge_id", flat=True)) == [challenge.id]


def test_after_a_session_expired_on_a_question_signing_in_leads_back_to_it(
    client, learner, password
):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    assessment_id = start(client)
    challenge = current_challenge(assessment_id)
    client.logout()  # the session expired while the question was on screen
    response = client.post(f"/assessments/{assessment_id}/answer", form_for(challenge, "en"))
    assert response.status_code == 302
    sign_in_url = response["Location"]
    assert sign_in_url.startswith("/account/sign-in?next=")
    assert not Answer.objects.exists()  # nothing was acknowledged, nothing recorded
    page = client.post(
        sign_in_url, {"login": "lea.martin", "password": password}, follow=True
    ).content.decode()
    # The form's address, reached again by GET, leads to the question instead of an error.
    assert f'name="challenge_id" value="{challenge.id}"' in page
    assert client.get("/competences/1.1/start").url == "/profile/"


def test_an_answer_sent_after_the_session_ended_comes_back_after_signing_in(
    client, learner, password
):
    """Without JavaScript nothing else keeps it: the learner is told, and finds it again."""
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    assessment_id = start(client)
    challenge = _make_current(assessment_id, "qrocm-ind")
    field = f"field-{challenge.fields[0].key}"
    client.logout()  # signed out in another tab, or the session expired
    response = client.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge.id, field: "my <answer> 🙂", "action": "validate"},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/account/sign-in?next=")
    assert "You had been signed out, so your answer was not recorded." in page
    assert not Answer.objects.exists()
    page = client.post(
        response.redirect_chain[-1][0],
        {"login": "lea.martin", "password": password},
        follow=True,
    ).content.decode()
    assert f'name="challenge_id" value="{challenge.id}"' in page
    assert 'value="my &lt;answer&gt; 🙂"' in page  # ready to send again
    assert not Answer.objects.exists()
    again = client.get(f"/assessments/{assessment_id}/").content.decode()
    assert "my &lt;answer&gt;" not in again  # shown once
    # a problem report comes back too, with what had been typed in the question
    client.logout()
    report = {"challenge_id": challenge.id, field: "half", "category": "other", "comment": "Hm"}
    response = client.post(f"/assessments/{assessment_id}/report", report, follow=True)
    assert "so your report was not sent." in response.content.decode()
    page = client.post(
        response.redirect_chain[-1][0],
        {"login": "lea.martin", "password": password},
        follow=True,
    ).content.decode()
    assert 'value="half"' in page and "Hm</textarea>" in page
    assert 'value="other" selected' in page
    assert not ProblemReport.objects.exists()


def test_a_step_sent_after_the_session_ended_says_it_was_not_done(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    assessment_id = start(client)
    client.logout()
    for action in (f"/assessments/{assessment_id}/continue", "/competences/2.1/start"):
        # The page's script gets the redirect, then sends the form the plain way: one message.
        assert client.post(action, headers={"X-Octet-Inline": "1"}).status_code == 302
        page = client.post(action, follow=True).content.decode()
        assert page.count("You had been signed out, so nothing was done.") == 1
        assert "You had been signed out, so nothing was done. Sign in again to go on." in page
        assert "<h1>Sign in</h1>" in page


def test_a_test_started_before_the_answer_log_goes_on_from_its_answers(signed_in):
    """Tests begun before the answer log existed read their answers from the table once."""
    assessment_id = start(signed_in)
    for right in (True, False):
        answer_current(signed_in, assessment_id, right=right)
    logged = Assessment.objects.get(pk=assessment_id).answer_log
    assert [tuple(row[:2]) for row in logged] == list(
        Answer.objects.filter(assessment_id=assessment_id)
        .order_by("id")
        .values_list("challenge_id", "outcome")
    )
    Assessment.objects.filter(pk=assessment_id).update(answer_log=None)
    answer_current(signed_in, assessment_id, right=True)
    after = Assessment.objects.get(pk=assessment_id)
    assert after.answer_count == 3
    assert [row[0] for row in after.answer_log] == list(
        Answer.objects.filter(assessment_id=assessment_id)
        .order_by("id")
        .values_list("challenge_id", flat=True)
    )


def _headings(page):
    """(level, text) of every heading of the page's <main>, in order."""
    main = page.split("<main", 1)[1]
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).split())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", main, re.S)
    ]


def _no_level_skipped(headings):
    levels = [level for level, _ in headings]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_each_correction_opens_with_a_heading_named_after_its_question(signed_in):
    """A screen reader goes from one correction to the next by its headings, none skipped."""
    assessment_id = start(signed_in)
    for right in (True, True, False, True, True):  # as above: a checkpoint, not yet the end
        answer_current(signed_in, assessment_id, right=right)
    page = signed_in.get(f"/assessments/{assessment_id}/checkpoint").content.decode()
    headings = _headings(page)
    _no_level_skipped(headings)
    corrections = [" ".join(words) for level, words in headings if level == 2]
    assert corrections == [
        "Question 1 ✓ Right",
        "Question 2 ✓ Right",
        "Question 3 ✗ Wrong",
        "Question 4 ✓ Right",
        "Question 5 ✓ Right",
    ]
    assert (3, ["For", "better", "results", "next", "time"]) in headings
    signed_in.post(f"/assessments/{assessment_id}/continue")
    for _ in range(5):
        if not Assessment.objects.get(pk=assessment_id).completed:
            answer_current(signed_in, assessment_id)
    if not Assessment.objects.get(pk=assessment_id).completed:  # the second checkpoint
        page = signed_in.get(f"/assessments/{assessment_id}/checkpoint").content.decode()
        numbers = [words[1] for level, words in _headings(page) if level == 2]
        assert numbers == ["6", "7", "8", "9", "10"]
        signed_in.post(f"/assessments/{assessment_id}/continue")
        finish_test(signed_in, assessment_id)
    page = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
    headings = _headings(page)
    _no_level_skipped(headings)
    assert any(level == 3 and words[0] == "Question" for level, words in headings)


def test_an_answer_keeps_no_nul_character_nor_more_than_its_input_allows(signed_in):
    # A NUL character makes PostgreSQL refuse the row (a server error, the answer lost); a
    # megabyte sent by hand would be stored and shown back in every correction.
    assessment_id = start(signed_in)
    challenge = _make_current(assessment_id, "qroc")
    response = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge.id, "action": "validate", "answer": "Le\x00 " + "x" * 1_000_000},
    )
    assert response.status_code == 302
    value = Answer.objects.get().value
    assert "\x00" not in value and value.startswith("Le xxx") and len(value) == 500


def test_control_characters_are_kept_out_of_answers_and_reports_line_breaks_stay(signed_in):
    assessment_id = start(signed_in)
    challenge = _make_current(assessment_id, "qroc")
    signed_in.post(
        f"/assessments/{assessment_id}/report",
        {
            "challenge_id": challenge.id,
            "category": "other",
            "comment": "Typo\x1b[31m in\x07 line 1\nand \u202egnp.exe",
        },
    )
    assert ProblemReport.objects.get().comment == "Typo[31m in line 1\nand gnp.exe"
    signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge.id, "action": "validate", "answer": "\x08Le\x85 mot\x7f"},
    )
    assert Answer.objects.get().value == "Le mot"


def test_nul_characters_in_the_question_forms_are_no_server_error(signed_in):
    assessment_id = start(signed_in)
    challenge = current_challenge(assessment_id)
    response = signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {**form_for(challenge, "en"), "challenge_id": "gone\x00"},
        follow=True,
    )
    assert "is not the one being asked now" in response.content.decode()
    response = signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": "\x00", "category": "other", "comment": "?"},
        follow=True,
    )
    assert "This question is not part of your test" in response.content.decode()
    signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": challenge.id, "category": "other", "comment": "Ty\x00po"},
    )
    assert ProblemReport.objects.get().comment == "Typo"


def test_each_page_of_a_test_is_titled_with_its_competence_in_the_interface_language(
    signed_in, learner
):
    """Two tabs or two entries of the history, of two tests, are told apart by their title."""
    titles = {}
    for competence in ("1.1", "2.1"):
        assessment_id = start(signed_in, competence)
        page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
        titles[competence, "question"] = re.search(r"<title>(.*?)</title>", page)[1]
        finish_test(signed_in, assessment_id)
        page = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
        titles[competence, "results"] = re.search(r"<title>(.*?)</title>", page)[1]
    assert titles["1.1", "question"] == (
        "Question 1 · Completing a search and information intelligence · Octet"
    )
    assert titles["2.1", "results"] == "Your result · Interacting · Octet"
    assert titles["1.1", "results"] != titles["2.1", "results"]
    learner.language = "fr"
    learner.save()
    page = signed_in.get("/competences/2.1/reset").content.decode()
    assert "<title>Remettre une compétence à zéro · Interagir · Octet</title>" in page
