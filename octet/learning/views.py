import mimetypes
from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_safe

from octet.content.domain.checking import check_answer, solution_answer
from octet.content.domain.model import CHALLENGE_TYPES
from octet.content.domain.release import current_release
from octet.core.decorators import kept_when_expired, post_only, sign_in_first
from octet.core.domain.markdown import render as render_markdown
from octet.core.navigation import ours
from octet.core.views import choose_language
from octet.learning import selectors, services
from octet.learning.domain.presentation import (
    FIELD_PREFIX,
    MAX_ANSWER_LENGTH,
    answer_from_form,
    other_answers_accepted,
    result_outcome,
    typed_text,
)
from octet.learning.domain.simulators import simulator_page
from octet.learning.domain.timing import seconds_allowed
from octet.learning.models import Assessment, ProblemReport

# The page's script sends start, answer and continue with this header to get the page that
# comes next in the same response, and shows that page at the address given in the other one.
INLINE_HEADER = "X-Octet-Inline"
LOCATION_HEADER = "X-Octet-Url"


def staff_only(view):
    """Pages for content authors: a visitor signs in with Octet's form, a learner is refused."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# Said on the sign-in page when what the question's form carried was kept (`_when_signed_out`).
ANSWER_KEPT = gettext_lazy(
    "You had been signed out, so your answer was not recorded. Sign in again: it will be back "
    "in the question, ready to send."
)
REPORT_KEPT = gettext_lazy(
    "You had been signed out, so your report was not sent. Sign in again: it will be back in "
    "the question, ready to send."
)


def _when_signed_out(kept_message=None):
    """What the sign-in page says of a test's form sent once the session had ended
    (`sign_in_first`): nothing to a request of the page's script, which then sends the form
    again the plain way; `kept_message` when what the question's form carried (an answer, a
    report) was kept, to come back on the question once the learner has signed in again
    (without JavaScript nothing else keeps it); otherwise that nothing was done."""

    def said(request, assessment_id=None, **kwargs):
        if _inline(request):
            return ""
        if kept_message is not None and _keep_typed(
            request, assessment_id, _posted(request, "challenge_id"), report_sent=False
        ):
            return kept_message
        return None

    return said


def _posted(request, name: str) -> str:
    """A text field of the POST (its last value), without the characters no one types."""
    return typed_text(request.POST.get(name, ""))


def _locale() -> str:
    return (translation.get_language() or "fr")[:2]


def _wait_sentence(action: str, wait) -> str:
    """ "You can improve (or reset) this competence in 3 days (or hours).", from a WaitShown."""
    if action == "improve" and wait.in_hours:
        text = ngettext(
            "You can improve this competence in %(count)d hour.",
            "You can improve this competence in %(count)d hours.",
            wait.count,
        )
    elif action == "improve":
        text = ngettext(
            "You can improve this competence in %(count)d day.",
            "You can improve this competence in %(count)d days.",
            wait.count,
        )
    elif wait.in_hours:
        text = ngettext(
            "You can reset this competence in %(count)d hour.",
            "You can reset this competence in %(count)d hours.",
            wait.count,
        )
    else:
        text = ngettext(
            "You can reset this competence in %(count)d day.",
            "You can reset this competence in %(count)d days.",
            wait.count,
        )
    return text % {"count": wait.count}


def _not_allowed_message(error: services.NotAllowed) -> str:
    if error.reason == "too-early-to-improve" and error.wait:
        return _wait_sentence("improve", error.wait)
    if error.reason == "too-early-to-reset" and error.wait:
        return _wait_sentence("reset", error.wait)
    if error.reason == "test-in-progress":
        return _(
            "You have a test of this competence in progress: the competence can be reset only "
            "once that test is finished."
        )
    if error.reason == "already-completed":
        return _("You have already completed this competence. You can retry it later to improve.")
    return _("This action is not possible for this competence.")


@login_required
@never_cache
@require_safe
def profile(request: HttpRequest) -> HttpResponse:
    data = selectors.profile(request.user, _locale())
    return render(request, "learning/profile.html", {"profile": data, "levels": range(1, 9)})


@sign_in_first(_when_signed_out())
@post_only("learning:profile")
def start(request: HttpRequest, competence_id: str) -> HttpResponse:
    improving = request.POST.get("mode") == "improve"
    try:
        assessment = services.start_competence(
            request.user, competence_id, _locale(), improving=improving
        )
    except services.NotAllowed as error:
        messages.error(request, _not_allowed_message(error))
        return redirect("learning:profile")
    return _where_the_test_stands(request, assessment)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reset(request: HttpRequest, competence_id: str) -> HttpResponse:
    """Reset a competence to level 0, after the learner confirmed it on this page."""
    release = current_release()
    competence = release.competences.get(competence_id)
    if competence is None:
        raise Http404
    if request.method == "POST":
        try:
            services.reset_competence(request.user, competence_id)
        except services.NotAllowed as error:
            messages.error(request, _not_allowed_message(error))
        else:
            messages.success(
                request, _("The competence has been reset. You can take its test again.")
            )
        return redirect("learning:profile")
    offer = selectors.reset_offer(request.user.pk, competence_id, timezone.now())
    wait = _wait_sentence("reset", offer.wait) if offer.wait else ""
    return render(
        request, "learning/reset.html", {"competence": competence, "offer": offer, "wait": wait}
    )


def _own_assessment(request, assessment_id) -> Assessment:
    return get_object_or_404(Assessment, pk=assessment_id, user=request.user)


@login_required
@never_cache
@require_safe
def assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The current question; or the checkpoint, or the results, when they are due."""
    current = services.with_current_question(_own_assessment(request, assessment_id))
    if selectors.stage(current) == selectors.CLOSED:
        return _closed_page(request, current)
    if selectors.stage(current) != selectors.QUESTION:
        return redirect(_page_url(current))
    typed, report_refused, empty = _kept_typed(request, current)
    return _challenge_page(
        request, current, data=typed, report_refused=report_refused, empty_warning=empty
    )


# Without JavaScript, a problem report is sent with the question's form (views.report): what the
# learner had entered is kept in the session for the page it goes back to, shown once; a report
# refused for want of a category comes back open, saying so inside it (as the script does). So is
# an answer sent once the session had ended (`_when_signed_out`), for the page signing in leads to,
# and an empty answer (views.answer), whose question comes back with its warning.
TYPED_SESSION_KEY = "octet_typed_{}"


def _keep_typed(
    request,
    assessment_id: int,
    challenge_id: str,
    report_sent: bool,
    refused: bool = False,
    empty: bool = False,
) -> bool:
    """Keep what the question's form carried; whether there was anything to keep."""
    kept = {
        name: [typed_text(value)[:MAX_ANSWER_LENGTH] for value in request.POST.getlist(name)]
        for name in request.POST
        if name == "answer" or name.startswith(FIELD_PREFIX)
    }
    if not report_sent:  # the report comes back too, to be completed
        kept["category"] = [_posted(request, "category")[:MAX_ANSWER_LENGTH]]
        kept["comment"] = [_posted(request, "comment")[: ProblemReport.COMMENT_MAX_LENGTH]]
    if not (refused or empty) and not any(v.strip() for values in kept.values() for v in values):
        return False
    key = TYPED_SESSION_KEY.format(assessment_id)
    request.session[key] = {
        "challenge": challenge_id,
        "typed": kept,
        "refused": refused,
        "empty": empty,
    }
    return True


def _kept_typed(request, current: Assessment) -> tuple[MultiValueDict | None, bool, bool]:
    """What the learner had entered before a report or an empty answer sent without JavaScript,
    whether that report was refused for want of a category, and whether the answer was empty."""
    key = TYPED_SESSION_KEY.format(current.pk)
    if key not in request.session:  # reading the session costs nothing more; writing would
        return None, False, False
    kept = request.session.pop(key)
    if kept.get("challenge") != current.current_challenge_id:
        return None, False, False
    typed = MultiValueDict(kept.get("typed", {}))
    return typed, bool(kept.get("refused")), bool(kept.get("empty"))


@kept_when_expired("learning:back-to-question")
@sign_in_first(_when_signed_out(ANSWER_KEPT))
@post_only("learning:assessment", "assessment_id")
def back_to_question(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The question's form sent to be kept, not answered: without JavaScript, by the language
    switch of the question's page (its buttons send that form here, `language` set, so that what
    is being typed is not lost), or from the expired-form page (`core.views.csrf_failure`).
    What it carried comes back on the question (`_kept_typed`), in the language chosen."""
    current = _own_assessment(request, assessment_id)
    _keep_typed(request, current.pk, _posted(request, "challenge_id"), report_sent=False)
    response = redirect("learning:assessment", current.pk)
    return choose_language(request, request.POST.get("language", ""), response)


def _challenge_page(
    request,
    current: Assessment,
    *,
    empty_warning=False,
    status=200,
    data=None,
    report_refused=False,
):
    release = current_release()
    challenge = release.challenges[current.current_challenge_id]
    services.mark_served(current)
    display = selectors.challenge_display(
        challenge, current.locale, current.seed, scripted=_inline(request)
    )
    remaining = None
    allowed = seconds_allowed(challenge.timer, request.user.extra_time)
    if allowed is not None:
        elapsed = (timezone.now() - current.current_served_at).total_seconds()
        remaining = max(0, int(allowed - elapsed))
    position = current.answer_count + 1
    batch_position = (current.answer_count % selectors.BATCH_SIZE) + 1
    return render(
        request,
        "learning/challenge.html",
        {
            "layout": _layout(request),
            "assessment": current,
            "competence": release.competences[current.competence_id],
            "display": display,
            "position": position,
            "batch_position": batch_position,
            "batch_size": selectors.BATCH_SIZE,
            "remaining": remaining,
            "allowed": allowed,
            "extra_time": allowed is not None and request.user.extra_time,
            "empty_warning": empty_warning,
            "report_refused": report_refused,
            "refused": empty_warning or report_refused,  # the title says so (base.html)
            "typed": data or {},
            "categories": ProblemReport.Category.choices,
            "comment_max_length": ProblemReport.COMMENT_MAX_LENGTH,
            "locale": current.locale,
            # Without JavaScript the header's language switch sends the question's form, so
            # that what is being typed comes back on the question in the other language.
            "language_switch": {
                "form": "challenge-form",
                "action": reverse("learning:back-to-question", args=[current.pk]),
            },
        },
        status=status,
    )


@kept_when_expired("learning:back-to-question")
@sign_in_first(_when_signed_out(ANSWER_KEPT))
@post_only("learning:assessment", "assessment_id")
def answer(request: HttpRequest, assessment_id: int) -> HttpResponse:
    try:
        result = services.answer_challenge(
            user=request.user,
            assessment_id=assessment_id,
            challenge_id=_posted(request, "challenge_id"),
            data=request.POST,
            skip=request.POST.get("action") == "skip",
            set_aside=request.POST.get("action") == "set-aside",
        )
    except services.AssessmentNotFound:
        raise Http404 from None
    current = result.assessment
    if result.status is services.AnswerStatus.EMPTY:
        if not _inline(request):  # post/redirect/get, warning kept
            _keep_typed(request, current.pk, current.current_challenge_id, False, empty=True)
            return redirect(_page_url(current))
        request.shown_at = _page_url(current)
        page = _challenge_page(request, current, empty_warning=True, status=400, data=request.POST)
        return _shown_at(page, request.shown_at)
    if result.status is services.AnswerStatus.DUPLICATE:
        messages.info(request, _("This answer had already been recorded."))
    elif result.status is services.AnswerStatus.ANSWERED:
        messages.error(
            request,
            _(
                "This question had already been answered, on another device or in another tab, "
                "so this answer was not recorded. Here is where the test is now."
            ),
        )
    elif result.status is services.AnswerStatus.WITHDRAWN:
        messages.info(
            request,
            _(
                "This question has just been withdrawn by the content authors, so it does not "
                "count. Here is another one."
            ),
        )
    elif result.status is services.AnswerStatus.SET_ASIDE:
        messages.info(
            request,
            _(
                "The question with the simulator has been set aside: it does not count. Here "
                "is another one."
            ),
        )
    elif result.status is services.AnswerStatus.UNSEEN:
        messages.error(
            request,
            _(
                "This question is timed and its page had not been shown, so the answer was not "
                "recorded. Its time starts now."
            ),
        )
    elif result.status is services.AnswerStatus.CLOSED:
        pass  # the page that comes next says it all (`_closed_page`)
    elif result.status is services.AnswerStatus.NOT_CURRENT:
        messages.error(
            request,
            _(
                "This question is not the one being asked now, so the answer was not recorded. "
                "Here is the current question."
            ),
        )
    return _where_the_test_stands(request, current)


_PAGE_URLS = {
    selectors.CLOSED: "learning:assessment",
    selectors.QUESTION: "learning:assessment",
    selectors.CHECKPOINT: "learning:checkpoint",
    selectors.RESULTS: "learning:results",
}


def _page_url(current: Assessment) -> str:
    """The address of what the test shows now (`selectors.stage`)."""
    return reverse(_PAGE_URLS[selectors.stage(current)], args=[current.pk])


def _where_the_test_stands(request, current: Assessment) -> HttpResponse:
    """After a POST that moves a test on (start, answer, continue): the page that comes next.

    The page's script asks for that page in the same response, which saves a round trip on a
    slow network; a plain form gets post/redirect/get, so that a reload never posts again.
    """
    if not _inline(request):
        return redirect(_page_url(current))
    current = services.with_current_question(current)
    request.shown_at = _page_url(current)
    page = {
        selectors.CLOSED: _closed_page,
        selectors.QUESTION: _challenge_page,
        selectors.CHECKPOINT: _checkpoint_page,
        selectors.RESULTS: _results_page,
    }[selectors.stage(current)](request, current)
    return _shown_at(page, request.shown_at)


def _inline(request) -> bool:
    """Is the request the page's script's, which shows the reply in the page it runs in?"""
    return request.headers.get(INLINE_HEADER) == "1"


def _layout(request) -> str:
    """The page's frame: all of it, or the title and <main> only for the page's script, which
    keeps the header and footer already on screen (`base_inline.html`)."""
    return "base_inline.html" if _inline(request) else "base.html"


def _shown_at(response: HttpResponse, url: str) -> HttpResponse:
    """A page sent in reply to a POST: never cached, and shown by the script at `url`."""
    add_never_cache_headers(response)
    response[LOCATION_HEADER] = url
    return response


# Without JavaScript, the question whose correction a report was just sent from (views.report):
# that correction says so, once.
REPORTED_SESSION_KEY = "octet_reported"
# Without JavaScript, the tutorial whose Save or Useful was just pressed, where (its anchor), and
# what it did: that tutorial says so, once, and takes the focus (`_tutorial_done`).
TUTORIAL_DONE_SESSION_KEY = "octet_tutorial_done"


def _tutorial_done_here(request, shown: set[tuple[str, str]]) -> dict | None:
    """What Save or Useful just did, for the tutorial that says it; `shown`: the (tutorial,
    anchor) pairs on the page. One no longer there (removed from My tutorials) says it at the
    top of the page instead."""
    if TUTORIAL_DONE_SESSION_KEY not in request.session:  # reading costs nothing; writing would
        return None
    done = request.session.pop(TUTORIAL_DONE_SESSION_KEY)
    if (done["id"], done["anchor"]) in shown:
        return done
    messages.info(request, done["message"])
    return None


def _tutorials_in(rows) -> set[tuple[str, str]]:
    return {
        (tutorial.id, row["anchor"])
        for row in rows
        for tutorial in [*row.get("better", ()), *row.get("more", ())]
    }


def _batch_rows(request, current: Assessment, answers):
    release = current_release()
    reported = None
    if REPORTED_SESSION_KEY in request.session:  # reading costs nothing more; writing would
        reported = request.session.pop(REPORTED_SESSION_KEY)
    saved = selectors.saved_tutorial_ids(request.user)
    useful = selectors.useful_tutorial_ids(request.user)
    locale = current.locale
    rows = []
    for number, item in enumerate(answers, start=current.checkpoint_seen + 1):
        challenge = release.challenges.get(item.challenge_id)
        if challenge is None:  # removed by a later release: the answer is said, not corrected
            rows.append(
                {
                    "answer": item,
                    "position": number,
                    "anchor": f"answer-{item.pk}",
                    "withdrawn": True,
                }
            )
            continue
        # The question as it is now, with the hint and tutorials of the skill it is now under
        # (a later release may have moved it to another skill).
        skill = release.skills.get(challenge.skill_id)
        better, more = [], []
        if skill is not None:
            if item.outcome != "ok":
                better = [
                    release.tutorials[t]
                    for t in skill.tutorial_ids
                    if release.tutorials[t].locale == locale
                ]
            more = [
                release.tutorials[t]
                for t in skill.learning_more_tutorial_ids
                if release.tutorials[t].locale == locale
            ]
        rows.append(
            {
                "answer": item,
                "position": number,  # as its page was titled: "Question 7"
                "anchor": f"answer-{item.pk}",
                "instruction": render_markdown(challenge.instruction.get(locale, "")),
                "material": selectors.correction_material(challenge, locale),
                "given": selectors.answer_lines(challenge, locale, item.value),
                "expected": (
                    selectors.expected_lines(challenge, locale) if item.outcome != "ok" else []
                ),
                "one_of_several": other_answers_accepted(challenge, locale),
                "judged_rule": selectors.judged_rule(challenge, locale),
                "explanation": render_markdown(challenge.explanation.get(locale, "")),
                "hint": skill.hint.get(locale, "") if skill is not None else "",
                "better": better,
                "more": more,
                "reported": item.challenge_id == reported,
            }
        )
    return rows, saved, useful


def _closed_page(request, current: Assessment) -> HttpResponse:
    """A test whose competence a later release removed from the framework: it can neither go on
    nor show its results, and its pix no longer count; the learner's answers stay theirs (in the
    export of their data). At the test's own address, whatever it was showing."""
    return render(
        request,
        "learning/closed.html",
        {"layout": _layout(request), "assessment": current},
    )


@login_required
@never_cache
@require_safe
def checkpoint(request: HttpRequest, assessment_id: int) -> HttpResponse:
    current = _own_assessment(request, assessment_id)
    if selectors.stage(current) != selectors.CHECKPOINT:
        return redirect(_page_url(current))
    return _checkpoint_page(request, current)


def _checkpoint_page(request, current: Assessment) -> HttpResponse:
    rows, saved, useful = _batch_rows(request, current, selectors.batch_answers(current))
    return render(
        request,
        "learning/checkpoint.html",
        {
            "layout": _layout(request),
            "categories": ProblemReport.Category.choices,
            "comment_max_length": ProblemReport.COMMENT_MAX_LENGTH,
            "assessment": current,
            "locale": current.locale,
            "competence": current_release().competences[current.competence_id],
            "rows": rows,
            "saved": saved,
            "useful": useful,
            "tutorial_done": _tutorial_done_here(request, _tutorials_in(rows)),
            "right": sum(1 for r in rows if r["answer"].outcome == "ok"),
        },
    )


@sign_in_first(_when_signed_out())
@post_only("learning:assessment", "assessment_id")
def continue_test(request: HttpRequest, assessment_id: int) -> HttpResponse:
    current = _own_assessment(request, assessment_id)
    services.see_checkpoint(current)
    return _where_the_test_stands(request, current)


@login_required
@never_cache
@require_safe
def results(request: HttpRequest, assessment_id: int) -> HttpResponse:
    current = _own_assessment(request, assessment_id)
    if selectors.stage(current) != selectors.RESULTS:
        return redirect(_page_url(current))
    return _results_page(request, current)


def _results_page(request, current: Assessment) -> HttpResponse:
    before, after = selectors.competence_scores_around(
        request.user.pk, current.competence_id, current.created_at
    )
    rows, saved, useful = _batch_rows(request, current, selectors.batch_answers(current))
    return render(
        request,
        "learning/results.html",
        {
            "layout": _layout(request),
            "categories": ProblemReport.Category.choices,
            "comment_max_length": ProblemReport.COMMENT_MAX_LENGTH,
            "assessment": current,
            "locale": current.locale,
            "competence": current_release().competences[current.competence_id],
            "before": before,
            "after": after,
            "gained": after.pix - before.pix,
            "lost": before.pix - after.pix,
            "outcome": result_outcome(before.level, after.level, before.pix, after.pix),
            "rows": rows,
            "saved": saved,
            "useful": useful,
            "tutorial_done": _tutorial_done_here(request, _tutorials_in(rows)),
            "right": sum(1 for r in rows if r["answer"].outcome == "ok"),
            "max_level": selectors.MAX_REACHABLE_LEVEL,
        },
    )


def _from_the_question(request) -> bool:
    """A report sent from the question's form (one from a correction says where it goes back)."""
    return "next" not in request.POST


@kept_when_expired("learning:back-to-question", when=_from_the_question)
@sign_in_first(_when_signed_out(REPORT_KEPT))
@post_only("learning:assessment", "assessment_id")
def report(request: HttpRequest, assessment_id: int) -> HttpResponse:
    current = _own_assessment(request, assessment_id)
    challenge_id = _posted(request, "challenge_id")
    sent, reason = False, ""
    try:
        services.report_problem(
            user=request.user,
            assessment=current,
            challenge_id=challenge_id,
            locale=current.locale,
            category=_posted(request, "category"),
            comment=_posted(request, "comment"),
        )
    except services.NotAllowed as error:
        reason = error.reason
        if reason == "no-category":
            message = _("Choose what the problem is about.")
        else:
            message = _("This question is not part of your test: nothing was sent.")
    else:
        sent, message = True, _("Thank you: your report has been sent to the content authors.")
    if _inline(request):
        # The page's script shows the message by the form, and the answer typed stays.
        return HttpResponse(
            message, content_type="text/plain; charset=utf-8", status=200 if sent else 400
        )
    # A report from a correction goes back to it, which says it was sent; from the question, to
    # the test as it is now.
    back = ours(request, request.POST.get("next"))
    if back and sent:
        request.session[REPORTED_SESSION_KEY] = challenge_id
        return redirect(back.partition("#")[0])  # the message, autofocused, is brought into view
    # No category for the question on screen: said in the report itself, open again.
    refused = reason == "no-category" and challenge_id == current.current_challenge_id
    if not refused:
        (messages.success if sent else messages.error)(request, message)
    _keep_typed(request, current.pk, challenge_id, sent, refused)
    return redirect(back or reverse("learning:assessment", args=[current.pk]))


def _tutorial_done(request, tutorial, message: str) -> HttpResponse:
    """After Save or Useful: the page's script gets the tutorial's actions as they are now, and
    the message, to show in place (the corrections being read stay where they are). A plain
    form goes back to the page it was sent from, where that tutorial says it, with the focus,
    which brings it into view (no anchor: the browser gives no autofocus at one)."""
    back = ours(request, request.POST.get("next"), reverse("learning:tutorials"))
    page, anchor = back.partition("#")[::2]
    if not _inline(request):
        request.session[TUTORIAL_DONE_SESSION_KEY] = {
            "id": tutorial.id,
            "anchor": anchor,
            "message": message,
        }
        return redirect(page)
    request.shown_at = page  # the forms sent back still come back to that page
    response = render(
        request,
        "learning/_tutorial_reply.html",
        {
            "tutorial": tutorial,
            "anchor": anchor,
            "message": message,
            "saved": selectors.saved_tutorial_ids(request.user),
            "useful": selectors.useful_tutorial_ids(request.user),
        },
    )
    add_never_cache_headers(response)
    return response


# The page's script gets this status for a tutorial that has left the content, and sends the form
# again the plain way, which comes back to the page with the message.
TUTORIAL_GONE = 410


def _tutorial_gone(request, message: str) -> HttpResponse:
    """Save, Useful or Saved pressed by a tutorial that a later release removed (on a page shown
    before it): back to the page it was pressed on, saying so, rather than a page of error; the
    corrections being read, or the list, stay where they were."""
    if _inline(request):
        return HttpResponse(status=TUTORIAL_GONE)
    messages.info(request, message)
    return redirect(ours(request, request.POST.get("next"), reverse("learning:tutorials")))


@sign_in_first(_when_signed_out())
@post_only("learning:tutorials")
def save_tutorial(request: HttpRequest, tutorial_id: str) -> HttpResponse:
    tutorial = current_release().tutorials.get(tutorial_id)
    removing = request.POST.get("action") == "remove"
    if tutorial is None and removing:  # still in the learner's list, out of sight: unsaved
        services.unsave_tutorial(request.user, tutorial_id)
        return _tutorial_gone(request, _("Tutorial removed from your list."))
    if tutorial is None:
        return _tutorial_gone(
            request,
            _(
                "This tutorial has been removed from Octet's content since the page was shown, "
                "so it could not be saved."
            ),
        )
    if removing:
        services.unsave_tutorial(request.user, tutorial_id)
        return _tutorial_done(request, tutorial, _("Tutorial removed from your list."))
    services.save_tutorial(request.user, tutorial_id, tutorial.skill_id)
    return _tutorial_done(request, tutorial, _("Tutorial saved in “My tutorials”."))


@sign_in_first(_when_signed_out())
@post_only("learning:tutorials")
def rate_tutorial(request: HttpRequest, tutorial_id: str) -> HttpResponse:
    tutorial = current_release().tutorials.get(tutorial_id)
    if tutorial is None:
        return _tutorial_gone(
            request,
            _(
                "This tutorial has been removed from Octet's content since the page was shown, "
                "so your opinion of it was not recorded. Thank you all the same."
            ),
        )
    services.rate_tutorial(request.user, tutorial_id, request.POST.get("useful") != "no")
    return _tutorial_done(request, tutorial, _("Thank you for your feedback."))


@login_required
@never_cache
@require_safe
def tutorials(request: HttpRequest) -> HttpResponse:
    saved, recommended, saved_ids, saved_gone = selectors.my_tutorials(request.user, _locale())
    return render(
        request,
        "learning/tutorials.html",
        {
            "saved_gone": saved_gone,
            "saved_tutorials": saved,
            "recommended": recommended,
            "saved": saved_ids,
            "useful": selectors.useful_tutorial_ids(request.user),
            "tutorial_done": _tutorial_done_here(
                request, {(t.id, "saved-title") for t in [*saved, *recommended]}
            ),
        },
    )


@require_safe
def lesson(request: HttpRequest, lesson_id: str) -> HttpResponse:
    release = current_release()
    item = release.lessons.get(lesson_id)
    back, back_to = _way_back(request)
    if item is None:  # a link kept from before a release that removed it (a correction, a tab)
        return render(
            request,
            "learning/lesson_missing.html",
            {"back": back, "back_to": back_to},
            status=404,
        )
    locale = _locale()
    tube = release.tubes.get(item.tube_id)
    return render(
        request,
        "learning/lesson.html",
        {
            "lesson": item,
            "title": item.title.get(locale, ""),
            "body": render_markdown(item.body.get(locale, "")),
            "tube_title": tube.title.get(locale, "") if tube else "",
            "back": back,
            "back_to": back_to,
        },
    )


def _content_missing(request, kind: str) -> HttpResponse:
    """A file or a picture the release served now does not have (removed or renamed since the
    page that links to it was shown): what happened, and the way back to that page."""
    back, back_to = _way_back(request)
    return render(
        request,
        "learning/content_missing.html",
        {"kind": kind, "back": back, "back_to": back_to},
        status=404,
    )


def _way_back(request) -> tuple[str, str]:
    """A lesson (or a file or picture that is gone) opens in the same tab, from a question, a
    correction or My tutorials: the page of this site it was opened from (its Referer), and which
    kind of page that is ("test", "tutorials", "page"); ("", "") when it was not opened from a
    page of Octet."""
    back = ours(request, request.headers.get("Referer")) or ""
    path = urlsplit(back).path
    if not back or path == request.path:
        return "", ""
    if path.startswith("/assessments/"):
        return back, "test"
    if path.startswith(reverse("learning:tutorials")):
        return back, "tutorials"
    return back, "page"


@require_safe
def attachment(request: HttpRequest, name: str) -> HttpResponse:
    release = current_release()
    if name not in release.attachments:  # a link kept from before a release that removed it
        return _content_missing(request, "file")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if content_type.startswith("text/"):  # make_attachments writes UTF-8, a BOM only on CSV
        content_type += "; charset=utf-8"
    return FileResponse(
        open(release.attachment_path(name), "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=name,
        content_type=content_type,
    )


@require_safe
def illustration(request: HttpRequest, name: str) -> HttpResponse:
    release = current_release()
    if name not in release.illustrations:  # opened on its own from a page shown before
        return _content_missing(request, "picture")
    from pathlib import Path

    path = Path(release.content_dir) / "illustrations" / name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(open(path, "rb"), content_type=content_type)  # noqa: SIM115
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@xframe_options_sameorigin
@require_safe
def simulator(request: HttpRequest, challenge_id: str, locale: str) -> HttpResponse:
    """A simulator page with the challenge's scenario, for a sandboxed frame."""
    challenge = current_release().challenges.get(challenge_id)
    if challenge is None or challenge.embed is None or locale not in challenge.locales:
        # The frame of a question page shown before a release that removed or changed the
        # question: said in the frame, which a sandbox keeps from leading the page elsewhere.
        response = render(request, "learning/simulator_missing.html", status=404)
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
        )
        return response
    html = simulator_page(current_release(), challenge, locale)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; frame-ancestors 'self'; sandbox allow-scripts allow-forms"
    )
    response["Cache-Control"] = "private, max-age=3600"
    return response


@staff_only
@require_safe
def preview_list(request: HttpRequest) -> HttpResponse:
    filters = _preview_filters(request)
    return render(
        request,
        "learning/preview_list.html",
        {
            "challenges": selectors.preview_challenges(filters),
            "competences": current_release().competences.values(),
            "types": CHALLENGE_TYPES,
            "filters": filters,
            "filter_query": urlencode(filters),
        },
    )


def _preview_filters(request: HttpRequest) -> dict[str, str]:
    """The list's filters, carried from the list to each challenge and between challenges."""
    return {key: request.GET[key] for key in selectors.PREVIEW_FILTERS if request.GET.get(key)}


@staff_only
def preview(request: HttpRequest, challenge_id: str) -> HttpResponse:
    """Any challenge in any locale, with its solution checked live, for content review."""
    release = current_release()
    challenge = release.challenges.get(challenge_id)
    if challenge is None:  # a typo, or an address kept from before a release that removed it
        return render(
            request,
            "learning/preview_missing.html",
            {"challenge_id": challenge_id, "release": release.version},
            status=404,
        )
    locale = request.GET.get("locale", _locale())
    if locale not in challenge.locales:
        locale = challenge.locales[0]
    verdict = given = None
    if request.method == "POST":
        value, empty = answer_from_form(challenge, request.POST)
        verdict = check_answer(challenge, locale, value)
        given = selectors.answer_lines(challenge, locale, value)
    solution = solution_answer(challenge, locale)
    place = selectors.preview_place(challenge.id, _preview_filters(request))
    return render(
        request,
        "learning/preview.html",
        {
            "filter_query": urlencode(place.filters),
            "accepted": selectors.accepted_answers(challenge, locale),
            # tolerances do not apply to a field judged by running it
            "all_judged": bool(challenge.fields) and all(f.judge for f in challenge.fields),
            "hint": release.skills[challenge.skill_id].hint.get(locale, ""),
            # what its correction offers, so that an author can judge whether it fits
            "tutorials": release.tutorials_for(challenge.skill_id, locale),
            "tolerances": sorted(challenge.tolerances),
            "position": place.position,
            "count": place.count,
            "previous_id": place.previous_id,
            "next_id": place.next_id,
            "display": selectors.challenge_display(challenge, locale, seed=0),
            "locale": locale,
            "verdict": verdict,
            "given": given,
            "solution_check": check_answer(challenge, locale, solution),
            "expected": selectors.expected_lines(challenge, locale),
            "explanation": render_markdown(challenge.explanation.get(locale, "")),
            "typed": request.POST if request.method == "POST" else {},
        },
    )
