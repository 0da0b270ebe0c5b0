"""Reads of the learner's journey: profile, current question, checkpoints, tutorials."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from octet.content.domain import robot
from octet.content.domain.checking import folded
from octet.content.domain.release import current_release
from octet.evaluation.domain import knowledge
from octet.evaluation.domain.types import KnowledgeElement as EngineElement
from octet.learning.domain import browser_pages, device_settings, files, social, wiki
from octet.learning.domain.presentation import WaitShown, wait_shown
from octet.learning.models import Answer, Assessment, KnowledgeElement, SavedTutorial

BATCH_SIZE = 5
MAX_REACHABLE_LEVEL = knowledge.DEFAULT_MAX_REACHABLE_LEVEL


def _engine_element(row) -> EngineElement:
    skill_id, competence_id, status, source, basis, earned_pix, created_at = row
    return EngineElement(
        skill_id=skill_id,
        status=status,
        source=source,
        competence=competence_id,
        earned_pix=earned_pix,
        created_at=created_at,
        basis=basis,
    )


ELEMENT_FIELDS = (
    "skill_id",
    "competence_id",
    "status",
    "source",
    "basis",
    "earned_pix",
    "created_at",
)


def engine_elements(
    user_id: int, competence_id: str | None = None, before: datetime | None = None
) -> list[EngineElement]:
    """The learner's knowledge elements in chronological order, as the engine's plain type."""
    rows = KnowledgeElement.objects.filter(user_id=user_id)
    if competence_id is not None:
        rows = rows.filter(competence_id=competence_id)
    if before is not None:
        rows = rows.filter(created_at__lt=before)
    return [
        _engine_element(r) for r in rows.order_by("created_at", "id").values_list(*ELEMENT_FIELDS)
    ]


def latest_completed(user_id: int, competence_id: str) -> Assessment | None:
    return (
        Assessment.objects.filter(
            user_id=user_id, competence_id=competence_id, state=Assessment.State.COMPLETED
        )
        .order_by("-completed_at", "-id")
        .first()
    )


def last_activity(user_id: int, competence_id: str) -> datetime | None:
    return KnowledgeElement.objects.filter(user_id=user_id, competence_id=competence_id).aggregate(
        last=Max("created_at")
    )["last"]


def reset_eligibility(user_id: int, competence_id: str, now: datetime):
    """Whether the learner may reset this competence now (None: nothing to reset)."""
    last = last_activity(user_id, competence_id)
    return None if last is None else knowledge.can_reset(last, now)


def _reset_offer(last: datetime | None, score, now: datetime) -> tuple[bool, WaitShown | None]:
    """What the learner is offered: a reset now, or how long to wait (None: none to wait for).

    Seven days after the last activity in the competence, and only with pix to lose.
    """
    if last is None or score.exact_pix <= 0:
        return False, None
    reset = knowledge.can_reset(last, now)
    return reset.allowed, wait_shown(reset.wait)


@dataclass(frozen=True)
class ResetOffer:
    """What the reset page of a competence offers: the score that would be lost, and a reset
    now, or the test in progress to finish first, or how long to wait (none: nothing to reset)."""

    score: object  # evaluation.domain.knowledge.CompetenceScore
    allowed: bool
    wait: WaitShown | None
    ongoing_id: int | None  # the test in progress, which must be finished first
    days_before_reset: int = knowledge.DAYS_BEFORE_RESET


def ongoing_test(user_id: int, competence_id: str) -> int | None:
    return (
        Assessment.objects.filter(
            user_id=user_id, competence_id=competence_id, state=Assessment.State.STARTED
        )
        .values_list("pk", flat=True)
        .first()
    )


def reset_offer(user_id: int, competence_id: str, now: datetime) -> ResetOffer:
    """As the profile offers it: never while a test of the competence is in progress (the
    profile offers to resume it instead), otherwise 7 days after the last activity."""
    score = competence_scores_around(user_id, competence_id, now)[1]
    ongoing = ongoing_test(user_id, competence_id)
    if ongoing is not None:
        return ResetOffer(score, allowed=False, wait=None, ongoing_id=ongoing)
    allowed, wait = _reset_offer(last_activity(user_id, competence_id), score, now)
    return ResetOffer(score, allowed=allowed, wait=wait, ongoing_id=None)


@dataclass
class CompetenceCard:
    id: str
    name: str
    pix: int
    level: int
    progress_percent: int
    pix_to_next_level: int
    state: str  # new | started | completed | reset
    assessment_id: int | None = None
    can_improve: bool = False
    improve_wait: WaitShown | None = None
    can_reset: bool = False
    reset_wait: WaitShown | None = None


@dataclass
class AreaCard:
    id: str
    name: str
    competences: list[CompetenceCard] = field(default_factory=list)


@dataclass(frozen=True)
class ClosedTest:
    """The learner's last test in a competence that a later release removed from the framework."""

    competence_id: str
    assessment_id: int


@dataclass
class Profile:
    areas: list[AreaCard]
    total_pix: int
    max_level: int
    max_total_pix: int
    closed: list[ClosedTest] = field(default_factory=list)


def profile(user, locale: str, now: datetime | None = None) -> Profile:
    """The learner's 16 competences grouped by area: level, pix, and what can be done now."""
    now = now or timezone.now()
    release = current_release()
    by_competence: dict[str, list[EngineElement]] = defaultdict(list)
    last_by_competence: dict[str, datetime] = {}
    for row in (
        KnowledgeElement.objects.filter(user=user)
        .order_by("created_at", "id")
        .values_list(*ELEMENT_FIELDS)
    ):
        element = _engine_element(row)
        by_competence[element.competence].append(element)
        last_by_competence[element.competence] = element.created_at
    ongoing: dict[str, int] = {}
    completed: dict[str, datetime] = {}
    latest: dict[str, tuple[int, str]] = {}
    for pk, competence_id, state, completed_at in (
        Assessment.objects.filter(user=user)
        .order_by("created_at", "id")
        .values_list("pk", "competence_id", "state", "completed_at")
    ):
        latest[competence_id] = (pk, state)
        if state == Assessment.State.STARTED:
            ongoing[competence_id] = pk
        elif state == Assessment.State.COMPLETED:
            completed[competence_id] = completed_at
        else:  # a reset forgets earlier completions
            completed.pop(competence_id, None)
    areas = []
    total = 0
    for area in release.areas.values():
        card = AreaCard(area.id, area.name.get(locale, area.name.get("fr", "")))
        for competence_id in area.competence_ids:
            competence = release.competences[competence_id]
            pix = {s.id: s.pix_value for s in release.skills_by_competence.get(competence_id, ())}
            score = knowledge.competence_score(
                competence_id, by_competence.get(competence_id, ()), pix, MAX_REACHABLE_LEVEL
            )
            total += score.pix
            item = CompetenceCard(
                id=competence_id,
                name=competence.name.get(locale, competence.name.get("fr", "")),
                pix=score.pix,
                level=score.level,
                progress_percent=round(score.progress * 100),
                pix_to_next_level=knowledge.PIX_PER_LEVEL - score.pix_to_next_level,
                state="new",
            )
            if competence_id in ongoing:
                item.state, item.assessment_id = "started", ongoing[competence_id]
            elif competence_id in completed:
                item.state = "completed"
                improve = knowledge.can_improve(completed[competence_id], now, level=score.level)
                item.can_improve, item.improve_wait = improve.allowed, wait_shown(improve.wait)
            if item.state != "started":
                item.can_reset, item.reset_wait = _reset_offer(
                    last_by_competence.get(competence_id), score, now
                )
            card.competences.append(item)
        areas.append(card)
    # Competences a later release removed: their tests are closed, and their pix, like their
    # level, are no longer counted (the total is of the framework served today).
    closed = [
        ClosedTest(competence_id, pk)
        for competence_id, (pk, state) in sorted(latest.items())
        if competence_id not in release.competences and state != Assessment.State.RESET
    ]
    return Profile(
        areas=areas,
        total_pix=total,
        max_level=MAX_REACHABLE_LEVEL,
        max_total_pix=MAX_REACHABLE_LEVEL * knowledge.PIX_PER_LEVEL * len(release.competences),
        closed=closed,
    )


QUESTION, CHECKPOINT, RESULTS, CLOSED = "question", "checkpoint", "results", "closed"


def competence_withdrawn(competence_id: str) -> bool:
    """Whether a later content release removed this competence from the framework."""
    return competence_id not in current_release().competences


def stage(assessment: Assessment) -> str:
    """What a test shows now: that it is closed when its competence has left the framework
    since (nothing of it can be shown or go on), its results once finished, a checkpoint after
    every BATCH_SIZE answers until the learner has seen it, or else its current question."""
    if competence_withdrawn(assessment.competence_id):
        return CLOSED
    if assessment.completed:
        return RESULTS
    count = assessment.answer_count
    if count > assessment.checkpoint_seen and count % BATCH_SIZE == 0:
        return CHECKPOINT
    return QUESTION


def batch_answers(assessment: Assessment) -> list[Answer]:
    """The answers since the last checkpoint the learner saw."""
    return list(assessment.answers.order_by("id")[assessment.checkpoint_seen :])


_SAME_PAGE: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {}


def same_page_ids(tutorial_id: str) -> tuple[str, ...]:
    """The tutorials that open the same page as this one (itself included).

    Several skills point to one lesson, each through a tutorial of its own, and a lesson has
    one tutorial per language with the same link: for the learner they are one tutorial.
    """
    release = current_release()
    cached = _SAME_PAGE.get("index")
    if cached is None or cached[0] != release.version:
        by_link: dict[str, list[str]] = defaultdict(list)
        for tutorial in release.tutorials.values():
            by_link[tutorial.link].append(tutorial.id)
        index = {t: tuple(ids) for ids in by_link.values() for t in ids}
        cached = _SAME_PAGE["index"] = (release.version, index)
    return cached[1].get(tutorial_id, (tutorial_id,))


def _with_same_page(ids) -> set[str]:
    return {same for tutorial_id in ids for same in same_page_ids(tutorial_id)}


def saved_tutorial_ids(user) -> set[str]:
    """Saved tutorials, and every tutorial opening the same page (shown as saved too)."""
    saved = SavedTutorial.objects.filter(user=user).values_list("tutorial_id", flat=True)
    return _with_same_page(saved)


def useful_tutorial_ids(user) -> set[str]:
    useful = user.tutorial_feedback.filter(useful=True).values_list("tutorial_id", flat=True)
    return _with_same_page(useful)


def my_tutorials(user, locale: str) -> tuple[list, list, set[str], int]:
    """The "My tutorials" page: saved ones, then recommended ones not saved, one per page, the
    ids shown as saved (`saved_tutorial_ids`, from the same read), and how many saved ones a
    later release removed from the content (kept, should they come back, but not listed).

    A saved lesson is shown in the interface language when it has that version (a lesson
    saved in French is listed in English on an English page), under the title of the skill it
    was saved from (each skill offering a lesson names it in its own words); a page of the web
    stays in its own language.
    """
    release = current_release()
    every_saved = saved_tutorial_list(user)
    saved_ids = [t for t in every_saved if t in release.tutorials]
    seen: set[str] = set()
    saved = []
    for tutorial_id in saved_ids:
        link = release.tutorials[tutorial_id].link
        if link in seen:
            continue
        seen.add(link)
        skill_id = release.tutorials[tutorial_id].skill_id
        here = [t for t in same_page_ids(tutorial_id) if release.tutorials[t].locale == locale]
        own = [t for t in here if release.tutorials[t].skill_id == skill_id]
        saved.append(release.tutorials[(own or here or [tutorial_id])[0]])
    recommended = []
    for tutorial_id in recommended_tutorial_ids(user, locale):
        link = release.tutorials[tutorial_id].link
        if link not in seen:
            seen.add(link)
            recommended.append(release.tutorials[tutorial_id])
    gone = len(every_saved) - len(saved_ids)
    return saved, recommended, _with_same_page(saved_ids), gone


def competence_scores_around(user_id: int, competence_id: str, moment: datetime):
    """The learner's score in a competence before `moment` and now, from one read."""
    release = current_release()
    pix = {s.id: s.pix_value for s in release.skills_by_competence.get(competence_id, ())}
    elements = engine_elements(user_id, competence_id)
    earlier = [e for e in elements if e.created_at < moment]
    return (
        knowledge.competence_score(competence_id, earlier, pix, MAX_REACHABLE_LEVEL),
        knowledge.competence_score(competence_id, elements, pix, MAX_REACHABLE_LEVEL),
    )


def recommended_tutorial_ids(user, locale: str) -> list[str]:
    """'Better next time' tutorials of the skills the learner currently fails."""
    release = current_release()
    current = knowledge.current_knowledge(engine_elements(user.pk))
    ids = []
    for skill_id, element in current.items():
        if element.status != "invalidated" or element.source != "direct":
            continue
        skill = release.skills.get(skill_id)
        if skill is None:
            continue
        ids.extend(t for t in skill.tutorial_ids if release.tutorials[t].locale == locale)
    return ids


@dataclass
class ChallengeDisplay:
    challenge: object
    instruction: str
    proposals: list[tuple[int, str]]
    label: str
    # key, label, help ("" if none), which one among fields of the same label ("" if alone)
    fields: list[tuple[str, str, str, str]]
    illustration: tuple[str, str, int, int] | None
    attachments: list[AttachmentShown]
    timer: int | None
    embed_height: int | None
    # For a page without scripts: a robot board told in words, or a read-only simulator's
    # world as text (`text_version`). None in a reply to the page's script, which runs them.
    board: RobotBoard | None = None
    text: TextVersion | None = None
    scripted: bool = False


def challenge_display(
    challenge, locale: str, seed: int, scripted: bool = False
) -> ChallengeDisplay:
    """What the challenge page shows, in the learner's language; never the solution.
    `scripted`: for the page's script, which runs the simulators: nothing told for a browser
    without scripts (a `<noscript>` it would never show)."""
    from octet.core.domain.markdown import render, render_inline
    from octet.learning.domain.presentation import display_order, places_among_same_labels

    proposals = challenge.proposals.get(locale, ())
    order = display_order(challenge, seed, locale) if proposals else []
    return ChallengeDisplay(
        challenge=challenge,
        instruction=render(challenge.instruction.get(locale, "")),
        proposals=[(p, render_inline(proposals[p - 1])) for p in order],
        label=render_inline(challenge.label.get(locale, "")),
        fields=[
            (
                f.key,
                render_inline(f.label.get(locale, f.key)),
                field_help(challenge, f, locale),
                _which_field(place, locale),
            )
            for f, place in zip(
                challenge.fields,
                places_among_same_labels([f.label.get(locale, f.key) for f in challenge.fields]),
                strict=True,
            )
        ],
        illustration=illustration_of(challenge, locale),
        attachments=attachments_shown(challenge, locale),
        timer=challenge.timer,
        embed_height=challenge.embed.height if challenge.embed else None,
        board=None if scripted else robot_board(challenge, locale),
        text=None if scripted else text_version(challenge, locale),
        scripted=scripted,
    )


def _robot_scenario(challenge, locale: str):
    """The robot scenario that judges one of the challenge's fields, or None."""
    if challenge.embed is None or not any(f.judge == "robot" for f in challenge.fields):
        return None
    scenario = challenge.embed.scenario.get(locale)
    return scenario if scenario is not None and "map" in scenario else None


def _which_field(place: tuple[int, int] | None, locale: str) -> str:
    """Which field this is among those of the same label, in the question's language."""
    if place is None:
        return ""
    with translation.override(locale):
        return pgettext(
            "one answer field among several with the same label", "%(n)s of %(total)s"
        ) % {
            "n": place[0],
            "total": place[1],
        }


def field_help(challenge, field, locale: str) -> str:
    """How to write the answer of a field the robot judges: its program, in the blocks' words
    of the question's language (the robot also reads those of the other language)."""
    scenario = _robot_scenario(challenge, locale) if field.judge == "robot" else None
    if scenario is None:
        return ""
    board = robot.board_of(scenario)
    words = robot.WORDS.get(locale, robot.WORDS["en"])
    palette = [b for b in board.blocks if b in words]
    moves = [b for b in palette if b in robot.MOVES]
    with translation.override(locale):
        text = _(
            "Without the simulator, type the program here, its blocks separated by commas: %s."
        ) % ", ".join(words[b] for b in palette)
        if "repeat" in palette and moves:
            example = robot.program_text((robot.Repeat(3, tuple(moves[:2])),), locale)
            text += " " + _("A repeat holds its blocks between brackets: %s.") % example
        text += " " + _("The simulator writes its program here whenever it changes.")
    return text


@dataclass(frozen=True)
class RobotBoard:
    """A robot board in words and as a text map, for a learner whose browser runs no script."""

    size: str
    robot: str
    rows_intro: str
    rows: list[str]
    picture: list[str]  # the map's rows, as the content writes them
    legend: str
    starting_program: str  # "" if the learner starts from nothing
    limit: str  # "" if there is no limit


def robot_board(challenge, locale: str) -> RobotBoard | None:
    scenario = _robot_scenario(challenge, locale)
    if scenario is None:
        return None
    board = robot.board_of(scenario)
    row, column, facing = board.start
    with translation.override(locale):
        directions = {
            "N": pgettext("the robot faces", "up"),
            "E": pgettext("the robot faces", "right"),
            "S": pgettext("the robot faces", "down"),
            "W": pgettext("the robot faces", "left"),
        }
        rows = []
        for told in robot.board_rows(board):
            runs = ", ".join(
                str(a) if a == b else _("%(first)s to %(last)s") % {"first": a, "last": b}
                for a, b in told.runs
            )
            count = sum(b - a + 1 for a, b in told.runs)
            parts = [
                ngettext("column %(columns)s", "columns %(columns)s", count) % {"columns": runs}
            ]
            parts += [_("flag in column %s") % c for c in told.flags]
            parts += [_("star in column %s") % c for c in told.stars]
            rows.append(
                _("Row %(row)s: %(cells)s.") % {"row": told.number, "cells": ", ".join(parts)}
            )
        start = robot.starting_program(scenario)
        limit = int(board.max_blocks) if board.max_blocks >= 1 else 0
        return RobotBoard(
            size=_("Board of %(rows)s rows and %(columns)s columns.")
            % {"rows": len(board.rows), "columns": board.width},
            robot=_("The robot starts in row %(row)s, column %(column)s, facing %(way)s.")
            % {"row": row + 1, "column": column + 1, "way": directions[facing]},
            rows_intro=_("Open cells, row by row (all the others are walls):"),
            rows=rows,
            picture=list(board.rows),
            legend=_(
                "On the map: # a wall, . an open cell, G the flag, * a star, and the robot as"
                " an arrow pointing the way it faces (^ up, > right, v down, < left)."
            ),
            starting_program=(
                _("The program to start from: %s.") % robot.program_text(start, locale)
                if start
                else ""
            ),
            limit=ngettext("At most %(count)s block.", "At most %(count)s blocks.", limit)
            % {"count": limit}
            if limit
            else "",
        )


# The simulators whose world the page can show as text, when their use reports nothing.
TEXT_VERSIONS = frozenset({"wiki", "files", "social", "settings", "browser"})


def shown_as_text(challenge) -> bool:
    """Does the page show the challenge's simulator as text when the browser runs no script?
    Only a simulator that reports nothing in any locale: the learner then answers in the
    question's own fields, from what the text shows as well as from the simulator."""
    embed = challenge.embed
    return (
        embed is not None
        and embed.simulator in TEXT_VERSIONS
        and all(not (s or {}).get("report") for s in embed.scenario.values())
    )


@dataclass(frozen=True)
class TextVersion:
    """A read-only simulator's world told as text: `kind` names the simulator, and its template
    `learning/_<kind>_text.html`; `world` is what that template shows."""

    kind: str
    world: object


def text_version(challenge, locale: str) -> TextVersion | None:
    """The text version the page shows without scripts, or None (`shown_as_text`)."""
    if not shown_as_text(challenge):
        return None
    kind = challenge.embed.simulator
    world = _TEXT_BUILDERS[kind](challenge, locale)
    return None if world is None else TextVersion(kind, world)


def _text_scenario(challenge, locale: str, simulator: str):
    """The scenario a text version of `simulator` is told from, or None: another simulator,
    one that reports the learner's work, or no scenario in that language."""
    if not shown_as_text(challenge) or challenge.embed.simulator != simulator:
        return None
    return challenge.embed.scenario.get(locale)


@dataclass(frozen=True)
class WikiRevision:
    """One line of the history, with what the revision changed."""

    anchor: str
    when: str
    author: str
    minor: bool
    size: str
    summary: str  # "" if the author gave none
    first: bool
    lines: list[tuple[str, str]]  # (" " kept, "-" removed, "+" added; the line)


@dataclass(frozen=True)
class WikiText:
    """A read-only wiki told as text: what the simulator shows, never more."""

    site: str
    title: str
    article: str  # HTML, its headings from h4
    talk: list[tuple[str, list[tuple[str, str]]]]  # topic, [(text, signature)]
    history: list[WikiRevision]  # newest first, as the simulator lists them
    any_minor: bool


def wiki_text(challenge, locale: str) -> WikiText | None:
    scenario = _text_scenario(challenge, locale, "wiki")
    if scenario is None:
        return None
    revs = wiki.revisions(scenario)
    with translation.override(locale):

        def who(author: str) -> str:
            return _("%s (anonymous)") % author if wiki.is_anonymous(author) else author

        def when(date: str, time: str) -> str:
            return f"{wiki.shown_date(date, locale)} {time}".strip()

        history = [
            WikiRevision(
                anchor=f"wiki-{challenge.id}-{place}",
                when=when(r.date, r.time),
                author=who(r.author),
                minor=r.minor,
                size=ngettext("%(count)s byte", "%(count)s bytes", r.size) % {"count": r.size}
                + " ("
                + ("+" if r.change > 0 else "\u2212" if r.change < 0 else "")
                + f"{abs(r.change)})",
                summary=r.summary,
                first=place == 0,
                lines=(
                    [(" ", line) for line in r.content.split("\n")]
                    if place == 0
                    else wiki.diff_lines(revs[place - 1].content, r.content)
                ),
            )
            for place, r in enumerate(revs)
        ]
        talk = [
            (
                str(topic.get("topic") or ""),
                [
                    (
                        str(post.get("text") or ""),
                        "\u2014 "
                        + who(str(post.get("author") or ""))
                        + ", "
                        + when(str(post.get("date") or ""), str(post.get("time") or "")),
                    )
                    for post in topic.get("posts") or ()
                ],
            )
            for topic in scenario.get("talk") or ()
        ]
    return WikiText(
        site=str(scenario.get("site") or ""),
        title=str(scenario.get("title") or ""),
        article=mark_safe(wiki.article_html(revs[-1].content, 4)) if revs else "",  # noqa: S308 escaped by the renderer
        talk=talk,
        history=history[::-1],
        any_minor=any(r.minor for r in revs),
    )


@dataclass(frozen=True)
class FilesFolder:
    """One folder of a file tree, with what it holds as the explorer lists it."""

    path: str  # the root's name and the folders down to it, as the explorer's breadcrumb
    rows: list[tuple[str, str, str, str, str]]  # name, modified, type, size, author


@dataclass(frozen=True)
class FilesText:
    """A read-only file tree told as text: what the explorer shows, never more."""

    start: str  # the folder the explorer opens in, as a path
    folders: list[FilesFolder]
    bin: list[tuple[str, str, str, str, str]]


def files_text(challenge, locale: str) -> FilesText | None:
    scenario = _text_scenario(challenge, locale, "files")
    if scenario is None:
        return None
    with translation.override(locale):
        root = str(scenario.get("root") or "Documents")  # the simulator's default, in both

        def row(item) -> tuple[str, str, str, str, str]:
            if item.folder:
                size = ngettext("%(count)s item", "%(count)s items", item.count) % {
                    "count": item.count
                }
            else:
                size = files.shown_size(item.size, locale)
                if item.size >= 1000:  # as its properties give it
                    exact = ngettext("%(count)s byte", "%(count)s bytes", item.size) % {
                        "count": item.size
                    }
                    size = f"{size} ({exact})"
            return (
                item.name,
                files.shown_date(item.modified, locale),
                files.kind_of(item, locale),
                size,
                item.author,
            )

        tree = files.folders(scenario)
        paths = {f.path for f in tree}
        start = tuple(p for p in str(scenario.get("start") or "").strip("/").split("/") if p)
        return FilesText(
            start=" / ".join((root, *(start if start in paths else ()))),
            folders=[
                FilesFolder(" / ".join((root, *f.path)), [row(i) for i in f.items]) for f in tree
            ],
            bin=[row(i) for i in files.bin_items(scenario)],
        )


def social_text(challenge, locale: str) -> social.Profile | None:
    """A read-only social profile told as text: as me, a friend and the public see it."""
    scenario = _text_scenario(challenge, locale, "social")
    return None if scenario is None else social.profile(scenario, locale)


def settings_text(challenge, locale: str) -> device_settings.Device | None:
    """A read-only device's settings told as text: the menu, then each section as it opens."""
    scenario = _text_scenario(challenge, locale, "settings")
    return None if scenario is None else device_settings.device(scenario, locale)


def browser_text(challenge, locale: str) -> browser_pages.Browser | None:
    """A read-only browser told as text: the start page, then each page its links open."""
    scenario = _text_scenario(challenge, locale, "browser")
    return None if scenario is None else browser_pages.browser(scenario, locale)


_TEXT_BUILDERS = {
    "wiki": wiki_text,
    "files": files_text,
    "social": social_text,
    "settings": settings_text,
    "browser": browser_text,
}
assert _TEXT_BUILDERS.keys() == TEXT_VERSIONS


def illustration_of(challenge, locale: str) -> tuple[str, str, int, int] | None:
    """The file, the alternative text and the size of the picture a question is about."""
    picture = challenge.illustration
    if picture is None:
        return None
    return picture.file, picture.alt.get(locale, ""), picture.width, picture.height


@dataclass(frozen=True)
class AttachmentShown:
    """A file a question asks to open, and what it is and weighs in words, so that a learner
    on a slow connection or with a screen reader knows before opening it."""

    name: str
    about: str  # "(HTML page, 2 KB)", "(page HTML, 2 Ko)"


# What a file is, in plain words, by how its name ends.
_FILE_KINDS = {
    "csv": gettext_lazy("CSV table"),
    "docx": gettext_lazy("Word document"),
    "eml": gettext_lazy("e-mail message"),
    "html": gettext_lazy("HTML page"),
    "ics": gettext_lazy("calendar event"),
    "jpg": gettext_lazy("JPEG picture"),
    "jpeg": gettext_lazy("JPEG picture"),
    "json": gettext_lazy("JSON data"),
    "mp3": gettext_lazy("MP3 sound"),
    "odt": gettext_lazy("OpenDocument text"),
    "ods": gettext_lazy("OpenDocument spreadsheet"),
    "pdf": gettext_lazy("PDF document"),
    "png": gettext_lazy("PNG picture"),
    "py": gettext_lazy("Python program"),
    "srt": gettext_lazy("subtitles"),
    "txt": gettext_lazy("text file"),
    "xlsx": gettext_lazy("Excel spreadsheet"),
    "xml": gettext_lazy("XML data"),
    "zip": gettext_lazy("ZIP archive"),
}


def _file_kind(name: str) -> str:
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension in _FILE_KINDS:
        return str(_FILE_KINDS[extension])
    if extension:
        return _("%(extension)s file") % {"extension": extension.upper()}
    return _("file")


def attachments_shown(challenge, locale: str) -> list[AttachmentShown]:
    """The files a question asks to open, in the learner's language when there is one, each
    with its kind and its size (read once with the release, never per page)."""
    from octet.learning.domain.presentation import size_shown

    sizes = current_release().attachment_sizes
    shown = []
    with translation.override(locale):
        for attachment in challenge.attachments:
            name = attachment.get(locale) or next(iter(attachment.values()))
            kind = _file_kind(name)
            if name in sizes:
                about = pgettext(
                    "a file's kind and size, after its name", "(%(kind)s, %(size)s)"
                ) % {"kind": kind, "size": size_shown(sizes[name], locale)}
            else:
                about = pgettext("a file's kind, after its name", "(%(kind)s)") % {"kind": kind}
            shown.append(AttachmentShown(name, about))
    return shown


@dataclass
class CorrectionMaterial:
    """What a question showed besides its text, that its correction shows or names again:
    without it, "this chart shows..." or "the attached survey..." mean nothing."""

    illustration: tuple[str, str, int, int] | None
    attachments: list[AttachmentShown]
    simulator: bool


def correction_material(challenge, locale: str) -> CorrectionMaterial:
    return CorrectionMaterial(
        illustration=illustration_of(challenge, locale),
        attachments=attachments_shown(challenge, locale),
        simulator=challenge.embed is not None,
    )


def answer_lines(challenge, locale: str, value) -> list[str]:
    """The learner's answer as safe HTML lines: proposals and labels formatted as on the
    question page, what the learner typed escaped."""
    from octet.core.domain.markdown import render_inline
    from octet.learning.domain.presentation import describe_answer

    lines = describe_answer(challenge, locale, value, content=render_inline, typed=escape)
    return [mark_safe(line) for line in lines]  # noqa: S308 - every part formatted or escaped


def expected_lines(challenge, locale: str) -> list[str]:
    """The right answer as safe HTML lines, formatted as `answer_lines`."""
    from octet.core.domain.markdown import render_inline
    from octet.learning.domain.presentation import expected_answer

    lines = expected_answer(challenge, locale, content=render_inline, typed=escape)
    return [mark_safe(line) for line in lines]  # noqa: S308 - every part formatted or escaped


def saved_tutorial_list(user) -> list[str]:
    return list(SavedTutorial.objects.filter(user=user).values_list("tutorial_id", flat=True))


def calibration_responses() -> list[tuple[str, str, bool]]:
    """Each learner's first answer to each challenge, as (learner, challenge, right) for
    calibration. Skipped or timed out counts as wrong: the learner could not answer. A later
    answer to the same challenge (a competence taken again) is left out, as the learner may
    have read its correction. A learner is only the account's number: no personal data."""
    seen: set[tuple[int, str]] = set()
    rows = []
    answers = Answer.objects.order_by("id").values_list(
        "assessment__user_id", "challenge_id", "outcome"
    )
    for user_id, challenge_id, outcome in answers.iterator(chunk_size=10_000):
        if (user_id, challenge_id) not in seen:
            seen.add((user_id, challenge_id))
            rows.append((str(user_id), challenge_id, outcome == Answer.Outcome.OK))
    return rows


@dataclass(frozen=True)
class ItemCalibration:
    result: object  # evaluation.domain.calibration.CalibrationResult
    responses: int
    learners: int
    left_out: int  # answers to challenges the bank no longer has

    def parameter_set(self, release_version: str, min_responses: int) -> dict:
        """The set as `content/item_params.json` holds it: the fit and where it comes from."""
        return {
            **self.result.to_json(),
            "release": release_version,
            "responses": self.responses,
            "learners": self.learners,
            "min_responses": min_responses,
        }


def item_calibration(min_responses: int) -> ItemCalibration | None:
    """2PL parameters fitted to the stored answers to the current bank's challenges, or None
    without any. An item with too few answers keeps the parameters the engine uses today."""
    # imported here: scipy is for this command only, not for every web worker's memory
    from octet.evaluation.domain.calibration import fit_2pl

    challenges = current_release().challenges
    every = calibration_responses()
    responses = [row for row in every if row[1] in challenges]
    if not responses:
        return None
    defaults = {c.id: (c.difficulty, c.discrimination) for c in challenges.values()}
    return ItemCalibration(
        result=fit_2pl(responses, defaults=defaults, min_responses=min_responses),
        responses=len(responses),
        learners=len({learner for learner, _, _ in responses}),
        left_out=len(every) - len(responses),
    )


PREVIEW_FILTERS = ("competence", "type", "q")


def preview_challenges(filters: dict[str, str]) -> list:
    """The challenges a reviewer asked for, in the bank's order (competence, tube, level, id):
    of one competence, of one type, and holding `q` in their id or instruction (fr or en)."""
    competence, kind, words = (filters.get(key, "") for key in PREVIEW_FILTERS)
    words = folded(words.strip())
    found = [
        c
        for c in current_release().challenges.values()
        if (not competence or c.competence_id == competence)
        and (not kind or c.type == kind)
        and (not words or words in folded(" ".join((c.id, *c.instruction.values()))))
    ]
    found.sort(key=lambda c: (c.competence_id, c.tube_id, c.level, c.id))
    return found


@dataclass(frozen=True)
class PreviewPlace:
    """Where a challenge stands among those a reviewer found, to go to the previous or next."""

    filters: dict[str, str]
    position: int
    count: int
    previous_id: str | None
    next_id: str | None


def preview_place(challenge_id: str, filters: dict[str, str]) -> PreviewPlace:
    """The challenge's place among `preview_challenges(filters)`; among the whole bank when it is
    not one of them (reached from elsewhere: a problem report, a typed address)."""
    ids = [c.id for c in preview_challenges(filters)]
    if challenge_id not in ids:
        filters = {}
        ids = [c.id for c in preview_challenges(filters)]
    index = ids.index(challenge_id)
    return PreviewPlace(
        filters=filters,
        position=index + 1,
        count=len(ids),
        previous_id=ids[index - 1] if index > 0 else None,
        next_id=ids[index + 1] if index + 1 < len(ids) else None,
    )


def accepted_answers(challenge, locale: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every answer the checker takes for a free-answer challenge, as (label, rule, variants),
    so that a reviewer sees what a learner may type; choices have none (the solution says it
    all). `rule` is "" but for a field judged by running it, where the variants are only
    examples: it says which answers the judge accepts (`judged_rule`)."""
    if challenge.type == "qroc":
        return [(challenge.label.get(locale, ""), "", challenge.solutions.get(locale, ()))]
    if challenge.type == "qrocm-ind":
        return [
            (
                f.label.get(locale, ""),
                judged_rule(challenge, locale) if f.judge else "",
                f.solutions.get(locale, ()),
            )
            for f in challenge.fields
        ]
    if challenge.type == "qrocm-dep":
        return [("", "", tuple(" / ".join(group) for group in challenge.groups.get(locale, ())))]
    if challenge.type == "numeric":
        exact = challenge.number if challenge.tolerance == "0" else None
        shown = exact or f"{challenge.number} ± {challenge.tolerance}"
        return [(challenge.label.get(locale, ""), "", (shown,))]
    return []


def judged_rule(challenge, locale: str) -> str:
    """Which answers a judged field takes, in the interface's language: any program that
    reaches the robot's goal within the block limit, in a sentence that leads to the examples
    ("...; for example:"). "" for a challenge no judge runs."""
    scenario = _robot_scenario(challenge, locale)
    if scenario is None:
        return ""
    board = robot.board_of(scenario)
    if board.goals and board.stars:
        goal = _("has the robot pick up every star and reach the flag")
    elif board.goals:
        goal = _("takes the robot to the flag")
    else:
        goal = _("has the robot pick up every star")
    limit = int(board.max_blocks) if board.max_blocks >= 1 else 0
    if not limit:
        return _("Any program that %(goal)s is right; for example:") % {"goal": goal}
    return ngettext(
        "Any program that %(goal)s with at most %(count)s block is right; for example:",
        "Any program that %(goal)s with at most %(count)s blocks is right; for example:",
        limit,
    ) % {"goal": goal, "count": limit}
