"""Writes of the learner's journey: start, answer, complete, improve and reset a competence."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.db import transaction
from django.utils import timezone

from octet.content.domain.checking import check_answer
from octet.content.domain.release import current_release
from octet.evaluation.domain import knowledge
from octet.evaluation.domain.types import ENGINE_VERSION, AnswerRecord
from octet.evaluation.domain.types import KnowledgeElement as EngineElement
from octet.learning.domain import timing
from octet.learning.domain.bank import competence_bank
from octet.learning.domain.presentation import WaitShown, answer_from_form, wait_shown
from octet.learning.models import (
    Answer,
    Assessment,
    KnowledgeElement,
    ProblemReport,
    SavedTutorial,
    TutorialFeedback,
)
from octet.learning.selectors import (
    MAX_REACHABLE_LEVEL,
    competence_scores_around,
    competence_withdrawn,
    engine_elements,
    latest_completed,
    ongoing_test,
    reset_eligibility,
    same_page_ids,
    shown_as_text,
)


class NotAllowed(Exception):
    """The action is not possible now; the message says why (already translated by the view)."""

    def __init__(self, reason: str, wait: WaitShown | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait  # how long to wait, when waiting is the reason


class AnswerStatus(Enum):
    RECORDED = "recorded"
    DUPLICATE = "duplicate"  # this answer was already recorded (sent twice): nothing changes
    ANSWERED = "answered"  # already answered otherwise (another device or tab): refused
    NOT_CURRENT = "not-current"  # not the challenge being asked: refused
    EMPTY = "empty"  # nothing was given: ask to answer or skip
    WITHDRAWN = "withdrawn"  # the question left the content since it was asked: another comes
    UNSEEN = "unseen"  # a timed question answered before its page was shown: its clock starts now
    CLOSED = "closed"  # the test's competence left the framework since: nothing is recorded
    SET_ASIDE = "set-aside"  # a simulator the browser cannot run: not counted, another comes


@dataclass(frozen=True)
class AnswerResult:
    status: AnswerStatus
    assessment: Assessment
    answer: Answer | None = None


def _engine_records(assessment: Assessment) -> list[AnswerRecord]:
    """The test's answers so far, as the engine reads them."""
    if assessment.answer_log is not None:
        return [
            AnswerRecord(
                item_id=challenge_id,
                outcome=outcome,
                created_at=datetime.fromisoformat(created_at),
                timed=timed,
            )
            for challenge_id, outcome, created_at, timed in assessment.answer_log
        ]
    return [
        AnswerRecord(
            item_id=challenge_id,
            outcome=outcome,
            created_at=created_at,
            timed=timed,
        )
        for challenge_id, outcome, created_at, timed in assessment.answers.order_by(
            "id"
        ).values_list("challenge_id", "outcome", "created_at", "timed")
    ]


def _keep_records(assessment: Assessment, records: list[AnswerRecord]) -> None:
    assessment.answer_log = [
        [r.item_id, r.outcome, r.created_at.isoformat(), r.timed] for r in records
    ]


def _prior_elements(assessment: Assessment) -> list[EngineElement]:
    """What the learner already knew in this competence when the test started."""
    if assessment.prior_knowledge is not None:
        return [
            EngineElement(
                skill_id=skill_id,
                status=status,
                source=source,
                competence=assessment.competence_id,
                earned_pix=earned_pix,
                basis=basis,
            )
            for skill_id, status, source, basis, earned_pix in assessment.prior_knowledge
        ]
    elements = engine_elements(
        assessment.user_id, assessment.competence_id, before=assessment.created_at
    )
    if assessment.improving:
        return knowledge.elements_kept_for_improvement(elements, assessment.created_at)
    return list(knowledge.current_knowledge(elements).values())


def _keep_prior(assessment: Assessment, prior: list[EngineElement]) -> None:
    assessment.prior_knowledge = [
        [e.skill_id, e.status, e.source, e.basis, e.earned_pix] for e in prior
    ]


def _choose_next(assessment: Assessment, records: list[AnswerRecord], prior) -> object:
    release = current_release()
    bank = competence_bank(release, assessment.competence_id)
    return bank.test.next_challenge(
        records,
        locale=assessment.locale,
        seed=assessment.seed,
        prior_elements=prior,
        set_aside=assessment.set_aside,
    )


@transaction.atomic
def start_competence(
    user, competence_id: str, locale: str, *, improving: bool = False
) -> Assessment:
    """Resume the learner's test of this competence, or start one with its first challenge."""
    release = current_release()
    if competence_id not in release.competences:
        raise NotAllowed("unknown-competence")
    ongoing = (
        Assessment.objects.select_for_update()
        .filter(user=user, competence_id=competence_id, state=Assessment.State.STARTED)
        .first()
    )
    if ongoing is not None:
        return ongoing
    completed = latest_completed(user.pk, competence_id)
    if completed is not None and not improving and not _was_reset_since(user.pk, completed):
        raise NotAllowed("already-completed")
    if improving:
        if completed is None:
            raise NotAllowed("nothing-to-improve")
        now = timezone.now()
        score = competence_scores_around(user.pk, competence_id, now)[1]
        eligibility = knowledge.can_improve(
            completed.completed_at, now, level=score.level, max_reachable_level=MAX_REACHABLE_LEVEL
        )
        if not eligibility.allowed:
            if eligibility.remaining_days:
                raise NotAllowed("too-early-to-improve", wait_shown(eligibility.wait))
            raise NotAllowed("highest-level")  # nothing left to gain, only to lose
    assessment = Assessment.objects.create(
        user=user,
        competence_id=competence_id,
        locale=locale,
        seed=secrets.randbits(31),
        release=release.version,
        improving=improving,
    )
    prior = _prior_elements(assessment)
    _keep_prior(assessment, prior)
    _keep_records(assessment, [])
    # Nothing may be left to ask (e.g. every skill already known): then the test ends at once.
    _advance(assessment, _choose_next(assessment, [], prior), timezone.now())
    assessment.save()
    return assessment


def _was_reset_since(user_id: int, completed: Assessment) -> bool:
    return Assessment.objects.filter(
        user_id=user_id,
        competence_id=completed.competence_id,
        state=Assessment.State.RESET,
        completed_at__gte=completed.completed_at,
    ).exists()


def mark_served(assessment: Assessment, now: datetime | None = None) -> None:
    """Start the clock of the current challenge when it is first shown (timers count from it)."""
    if assessment.current_challenge_id and assessment.current_served_at is None:
        assessment.current_served_at = now or timezone.now()
        Assessment.objects.filter(pk=assessment.pk, current_served_at__isnull=True).update(
            current_served_at=assessment.current_served_at
        )


def _serve_next(assessment: Assessment, challenge_id: str, now: datetime) -> None:
    """Make `challenge_id` the current question.

    An untimed question is shown by the page that follows this answer, so its clock starts
    now, which saves that page an UPDATE. A timed one starts its clock only when its page is
    really shown (`mark_served`): a learner who leaves and comes back days later must still
    get the whole time.
    """
    challenge = current_release().challenges[challenge_id]
    assessment.current_challenge_id = challenge_id
    assessment.current_served_at = None if challenge.timer else now


# What moving a test on changes on its row.
PROGRESS_FIELDS = [
    "answer_log",
    "answer_count",
    "state",
    "completed_at",
    "current_challenge_id",
    "current_served_at",
    "set_aside",
]


def _advance(assessment: Assessment, decision, now: datetime) -> None:
    """Serve the engine's next question, or close the test when the engine has finished."""
    if decision.finished:
        _complete(assessment, decision, now)
    else:
        _serve_next(assessment, decision.item_id, now)


class AssessmentNotFound(Exception):
    """No test with this id belongs to this learner."""


def _replace_withdrawn(assessment: Assessment, now: datetime) -> None:
    """Choose another question when the current one is no longer in the content release.

    A new release may remove a challenge while a learner has it on screen; the answers already
    given stay (the engine ignores the challenges it no longer knows), and the test goes on.
    The caller holds the row lock.
    """
    decision = _choose_next(assessment, _engine_records(assessment), _prior_elements(assessment))
    _advance(assessment, decision, now)
    assessment.save(update_fields=PROGRESS_FIELDS)


def _test_challenge(assessment: Assessment, challenge_id: str):
    """The challenge as the current release has it, while it still belongs to the test's
    competence (a later release may remove it, or move its tube to another competence)."""
    challenge = current_release().challenges.get(challenge_id)
    if challenge is None or challenge.competence_id != assessment.competence_id:
        return None
    return challenge


def _question_is_withdrawn(assessment: Assessment) -> bool:
    return (
        not assessment.completed
        and bool(assessment.current_challenge_id)
        # A test whose whole competence has left is closed as it stands: nothing replaces it.
        and not competence_withdrawn(assessment.competence_id)
        and _test_challenge(assessment, assessment.current_challenge_id) is None
    )


def with_current_question(assessment: Assessment) -> Assessment:
    """The test, its current question replaced if a new content release withdrew it."""
    if not _question_is_withdrawn(assessment):
        return assessment
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if _question_is_withdrawn(locked):
            _replace_withdrawn(locked, timezone.now())
    return locked


def needs_a_script(challenge) -> bool:
    """Is the challenge a simulator that nothing replaces when the browser runs no script? A
    robot's board is told in words instead (`selectors.robot_board`), a read-only simulator of
    `selectors.TEXT_VERSIONS` shown as text (`selectors.shown_as_text`); any other may be set
    aside by a learner without JavaScript."""
    return (
        challenge.embed is not None
        and not any(f.judge for f in challenge.fields)
        and not shown_as_text(challenge)
    )


@transaction.atomic
def answer_challenge(
    *,
    user,
    assessment_id: int,
    challenge_id: str,
    data,
    skip: bool,
    set_aside: bool = False,
    now: datetime | None = None,
) -> AnswerResult:
    """Judge and record the answer to the current challenge, then choose what comes next.

    `set_aside`: the learner's browser cannot run the challenge's simulator (no JavaScript):
    nothing is recorded, it is never asked again in this test, and another question comes.
    Only for a challenge that `needs_a_script`; any other is answered as sent.

    The test's row stays locked until the transaction ends, so two copies of one answer (a
    double click, two tabs) are taken one after the other: the second finds the question
    already answered and changes nothing.
    """
    now = now or timezone.now()
    assessment = Assessment.objects.select_for_update().filter(pk=assessment_id, user=user).first()
    if assessment is None:
        raise AssessmentNotFound(assessment_id)
    if competence_withdrawn(assessment.competence_id):
        return AnswerResult(AnswerStatus.CLOSED, assessment)
    if assessment.completed or challenge_id != assessment.current_challenge_id:
        if set_aside and challenge_id in assessment.set_aside:  # sent twice: done already
            return AnswerResult(AnswerStatus.SET_ASIDE, assessment)
        recorded = assessment.answers.filter(challenge_id=challenge_id).first()
        if recorded is None:
            return AnswerResult(AnswerStatus.NOT_CURRENT, assessment)
        if _same_answer(recorded, data, skip):
            return AnswerResult(AnswerStatus.DUPLICATE, assessment, answer=recorded)
        return AnswerResult(AnswerStatus.ANSWERED, assessment, answer=recorded)

    release = current_release()
    challenge = _test_challenge(assessment, challenge_id)
    if challenge is None:  # withdrawn by a new release while it was on screen
        _replace_withdrawn(assessment, now)
        return AnswerResult(AnswerStatus.WITHDRAWN, assessment)
    if set_aside and needs_a_script(challenge):
        assessment.set_aside = [*assessment.set_aside, challenge.id]
        _replace_withdrawn(assessment, now)  # chosen as if it had left the content
        return AnswerResult(AnswerStatus.SET_ASIDE, assessment)
    if challenge.timer and assessment.current_served_at is None and not skip:
        # Its page was never sent, so its time was never counted: answering it without ever
        # seeing the clock would make the timer pointless. The clock starts now, the answer
        # is not recorded, and the page is shown. Skipping gains nothing and is taken.
        assessment.current_served_at = now
        assessment.save(update_fields=["current_served_at"])
        return AnswerResult(AnswerStatus.UNSEEN, assessment)
    value, empty = answer_from_form(challenge, data)
    per_field: dict = {}
    if skip:
        outcome, value = Answer.Outcome.SKIPPED, None
    elif empty:
        return AnswerResult(AnswerStatus.EMPTY, assessment)
    else:
        verdict = check_answer(challenge, assessment.locale, value)
        outcome = Answer.Outcome.OK if verdict.outcome == "ok" else Answer.Outcome.KO
        per_field = dict(verdict.per_field)
    records = _engine_records(assessment)  # the answers before this one
    served_at = assessment.current_served_at or now
    spent = max(0, int((now - served_at).total_seconds()))
    if not skip and timing.too_late(challenge.timer, user.extra_time, spent):
        outcome = Answer.Outcome.TIMEDOUT
    # Under the row lock no second copy of this answer can get here; the unique constraint
    # on (assessment, challenge) stays as the last guard.
    answer = Answer.objects.create(
        assessment=assessment,
        challenge_id=challenge.id,
        skill_id=challenge.skill_id,
        value=value,
        outcome=outcome,
        per_field=per_field,
        time_spent=spent,
        release=release.version,
        engine_version=ENGINE_VERSION,
        difficulty=challenge.difficulty,
        discrimination=challenge.discrimination,
        calibrated=challenge.calibrated,
        timed=challenge.timed,
    )
    records.append(
        AnswerRecord(
            item_id=answer.challenge_id,
            outcome=str(answer.outcome),
            created_at=answer.created_at,
            timed=answer.timed,
        )
    )
    _keep_records(assessment, records)
    bank = competence_bank(release, assessment.competence_id)
    skill = next(s for s in bank.skills if s.id == challenge.skill_id)
    prior = _prior_elements(assessment)
    # Skills answered earlier in this test, or answered in an earlier test and kept: the engine
    # holds them as settled, so no inference from this answer may overwrite them.
    assessed = {
        release.challenges[r.item_id].skill_id
        for r in records[:-1]
        if r.item_id in release.challenges
    } | {e.skill_id for e in prior if e.source == "direct"}
    elements = knowledge.knowledge_elements_for_answer(
        records[-1], skill, bank.skills, assessed, bank.pix
    )
    KnowledgeElement.objects.bulk_create(_rows(assessment, elements, now, answer=answer))
    decision = _choose_next(assessment, records, prior)
    assessment.answer_count = len(records)
    _advance(assessment, decision, now)
    assessment.save(update_fields=PROGRESS_FIELDS)
    return AnswerResult(AnswerStatus.RECORDED, assessment, answer=answer)


def _same_answer(recorded: Answer, data, skip: bool) -> bool:
    """Whether a form sent again carries the answer already recorded (a resent copy)."""
    if skip or recorded.outcome == Answer.Outcome.SKIPPED:
        return skip and recorded.outcome == Answer.Outcome.SKIPPED
    challenge = current_release().challenges.get(recorded.challenge_id)
    if challenge is None:
        return True  # withdrawn since: nothing to compare, and nothing to record either
    value, _ = answer_from_form(challenge, data)
    return value == recorded.value


def _rows(assessment, elements, now, answer=None) -> list[KnowledgeElement]:
    return [
        KnowledgeElement(
            user_id=assessment.user_id,
            assessment=assessment,
            answer=answer,
            skill_id=e.skill_id,
            competence_id=e.competence or assessment.competence_id,
            status=e.status,
            source=e.source,
            basis=e.basis,
            earned_pix=e.earned_pix,
            created_at=now,
        )
        for e in elements
    ]


def _statuses_before(assessment: Assessment) -> dict[str, str]:
    """The status of each skill of the competence when this test started."""
    if not assessment.improving:  # the whole current knowledge is the test's prior
        elements = _prior_elements(assessment)
    else:
        elements = knowledge.current_knowledge(
            engine_elements(
                assessment.user_id, assessment.competence_id, before=assessment.created_at
            )
        ).values()
    return {e.skill_id: e.status for e in elements}


def _takes_estimate(element, recorded: dict, before: dict, level: int) -> bool:
    """Whether the engine's estimate of a skill is recorded when the test ends.

    A skill this test's answers settled only along its tube takes the estimate when the two
    disagree, and so does a skill the learner has no status for. A skill the test did not
    touch keeps its earlier status, except a failure within the level the test settled on,
    which the estimate passes: an improving test starts without the old failures, so that they
    can be asked again, and one not asked again is passed only when the test showed that level.
    """
    if element.skill_id in recorded:
        return recorded[element.skill_id] != element.status
    if element.skill_id not in before:
        return True
    skill = current_release().skills.get(element.skill_id)
    return (
        element.status == "validated"
        and before[element.skill_id] != "validated"
        and skill is not None
        and skill.level <= level
    )


def _complete(assessment: Assessment, decision, now: datetime) -> None:
    """Close the test and record the engine's consolidated view of the skills not answered.

    The level the engine stopped on comes from that view (`_takes_estimate`), so the level
    shown is the one the stop rule was confident about.
    """
    state = decision.details.get("assessment")
    recorded = dict(
        KnowledgeElement.objects.filter(assessment=assessment)
        .order_by("created_at", "id")
        .values_list("skill_id", "status")
    )  # the latest status of each skill in this test
    if state is not None:
        before = _statuses_before(assessment)
        reached = state.competences.get(assessment.competence_id)
        level = reached.level if reached is not None else 0
        estimated = [
            e
            for e in state.elements
            if e.source == "inferred" and _takes_estimate(e, recorded, before, level)
        ]
        KnowledgeElement.objects.bulk_create(_rows(assessment, estimated, now))
    assessment.state = Assessment.State.COMPLETED
    assessment.completed_at = now
    assessment.current_challenge_id = ""
    assessment.current_served_at = None


@transaction.atomic
def see_checkpoint(assessment: Assessment) -> None:
    if assessment.checkpoint_seen < assessment.answer_count:
        assessment.checkpoint_seen = assessment.answer_count
        assessment.save(update_fields=["checkpoint_seen"])


@transaction.atomic
def reset_competence(user, competence_id: str, now: datetime | None = None) -> int:
    """Erase the learner's level in a competence (allowed 7 days after the last activity, and
    never while a test of it is in progress: as the profile offers it, `selectors.reset_offer`)."""
    now = now or timezone.now()
    latest = (
        Assessment.objects.filter(user=user, competence_id=competence_id)
        .order_by("-created_at", "-id")
        .first()
    )
    if latest is not None and latest.state == Assessment.State.RESET:
        return 0  # reset already, and nothing since: the form was sent twice (a double tap)
    if ongoing_test(user.pk, competence_id) is not None:
        raise NotAllowed("test-in-progress")  # the profile offers to resume it, not a reset
    eligibility = reset_eligibility(user.pk, competence_id, now)
    if eligibility is None:
        raise NotAllowed("nothing-to-reset")
    if not eligibility.allowed:
        raise NotAllowed("too-early-to-reset", wait_shown(eligibility.wait))
    elements = engine_elements(user.pk, competence_id)
    resets = knowledge.reset_elements(elements, competence_id, now)
    marker = Assessment.objects.create(
        user=user,
        competence_id=competence_id,
        locale=user.language,
        seed=0,
        release=current_release().version,
        state=Assessment.State.RESET,
        completed_at=now,
    )
    KnowledgeElement.objects.bulk_create(_rows(marker, resets, now))
    return len(resets)


# A report like one sent on the same question this long ago is that report sent again.
REPORT_SENT_AGAIN_WITHIN = timedelta(minutes=10)


@transaction.atomic
def report_problem(
    *, user, assessment, challenge_id: str, locale: str, category: str, comment: str
) -> ProblemReport:
    """Store a learner's report on a question of their test (the current one or one answered).

    The same report sent again soon after (a double tap without JavaScript, or sent again once
    the connection seemed lost) is the one already stored: the authors read it once.
    """
    if category not in ProblemReport.Category.values:
        raise NotAllowed("no-category")
    if (
        challenge_id != assessment.current_challenge_id
        and not assessment.answers.filter(challenge_id=challenge_id).exists()
    ):
        raise NotAllowed("not-in-test")
    # Copies sent at the same moment are looked at one after the other.
    Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
    report = {
        "user": user,
        "assessment": assessment,
        "challenge_id": challenge_id[:120],
        "locale": locale[:8],
        "category": category,
        "comment": comment.strip()[: ProblemReport.COMMENT_MAX_LENGTH],
    }
    since = timezone.now() - REPORT_SENT_AGAIN_WITHIN
    sent = ProblemReport.objects.filter(**report, created_at__gte=since).first()
    return sent or ProblemReport.objects.create(**report)


def save_tutorial(user, tutorial_id: str, skill_id: str = "") -> None:
    SavedTutorial.objects.get_or_create(
        user=user, tutorial_id=tutorial_id, defaults={"skill_id": skill_id}
    )


def unsave_tutorial(user, tutorial_id: str) -> None:
    """Unsave the tutorial, saved under any of the ids that open the same page."""
    same = same_page_ids(tutorial_id)
    SavedTutorial.objects.filter(user=user, tutorial_id__in=same).delete()


def rate_tutorial(user, tutorial_id: str, useful: bool) -> None:
    TutorialFeedback.objects.update_or_create(
        user=user, tutorial_id=tutorial_id, defaults={"useful": useful}
    )


def days_ago(days: int, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=days)
