"""How a challenge is shown and how a submitted form becomes an answer. Pure functions."""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from octet.content.domain.model import Challenge
from octet.core.domain.typography import NO_BREAK_SPACE, without_control_characters

FIELD_PREFIX = "field-"
MAX_CHOICES = 1000
# The answer inputs' maxlength: no learner types more, so nothing longer is kept.
MAX_ANSWER_LENGTH = 500


def typed_text(value: object) -> str:
    """A text as sent by a form, without the characters no one types: NUL, which a PostgreSQL
    text column refuses (the answer would be lost in a server error), the other control
    characters and bidirectional overrides, which would come back in corrections and reach the
    authors' admin (`core.domain.typography.without_control_characters`)."""
    return without_control_characters(str(value))


def display_order(challenge: Challenge, seed: int, locale: str) -> list[int]:
    """1-based proposal positions in the order this learner sees them (stable per test)."""
    count = len(challenge.proposals.get(locale, ()))
    positions = list(range(1, count + 1))
    if challenge.shuffle:
        digest = hashlib.sha256(f"{seed}:{challenge.id}".encode()).digest()
        random.Random(int.from_bytes(digest[:8], "big")).shuffle(positions)
    return positions


def places_among_same_labels(labels: Sequence[str]) -> list[tuple[int, int] | None]:
    """Each field's place among the fields that share its label ("Letter:" twice: (1, 2) then
    (2, 2)), so that a screen reader tells them apart; None for a label used once."""
    totals = {label: labels.count(label) for label in labels}
    seen: dict[str, int] = {}
    places: list[tuple[int, int] | None] = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        places.append((seen[label], totals[label]) if totals[label] > 1 else None)
    return places


_LABEL_END = re.compile(r"\s*:\s*$")


def labels_told_apart(labels: Sequence[str]) -> list[str]:
    """The labels as a correction writes them: those shared by several fields numbered before
    their colon ("Team (1):", "Team (2):", "Équipe (1) :"), as the question page names them
    apart for a screen reader; a label used once as it is."""
    told = []
    for label, place in zip(labels, places_among_same_labels(labels), strict=True):
        if place is None:
            told.append(label)
            continue
        end = _LABEL_END.search(label)
        at = end.start() if end else len(label)
        told.append(f"{label[:at]} ({place[0]}){label[at:]}")
    return told


def answer_from_form(
    challenge: Challenge, data: Mapping[str, Sequence[str]]
) -> tuple[object, bool]:
    """The answer a form carries for this challenge, and whether it is empty.

    `data` maps field names to lists of values (like a QueryDict). Unknown or malformed input
    yields an answer that the checker judges wrong, never an error; each value keeps at most
    MAX_ANSWER_LENGTH characters and no control character (`typed_text`).
    """

    def values(name: str) -> list[str]:
        # A QueryDict's get() gives only the last value; getlist() gives them all.
        raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if isinstance(raw, str):
            raw = [raw]
        return [typed_text(v)[:MAX_ANSWER_LENGTH] for v in list(raw)[:MAX_CHOICES]]

    if challenge.type == "qcu":
        chosen = [v for v in values("answer") if v.strip()]
        return (chosen[0] if chosen else ""), not chosen
    if challenge.type == "qcm":
        chosen = sorted({v.strip() for v in values("answer") if v.strip()})
        return ",".join(chosen), not chosen
    if challenge.type in ("qroc", "numeric"):
        text = (values("answer") or [""])[0]
        return text, not text.strip()
    if challenge.type in ("qrocm-ind", "qrocm-dep"):
        answer = {f.key: (values(FIELD_PREFIX + f.key) or [""])[0] for f in challenge.fields}
        return answer, not any(v.strip() for v in answer.values())
    return "", True


def _labels(challenge: Challenge, locale: str) -> list[str]:
    return [f.label.get(locale, f.key) for f in challenge.fields]


def _same(text: str) -> str:
    return text


def describe_answer(
    challenge: Challenge,
    locale: str,
    value: object,
    *,
    content: Callable[[str], str] = _same,
    typed: Callable[[str], str] = _same,
) -> list[str]:
    """The learner's answer as lines a person can read back (for checkpoints and results).

    `content` formats texts of the bank (proposals and labels are Markdown, as on the question
    page), `typed` what the learner typed (to be escaped for a page).
    """
    if value in (None, "", {}):
        return []
    proposals = challenge.proposals.get(locale, ())

    def proposal(position: str) -> str:
        try:
            index = int(position)
        except (TypeError, ValueError):
            return typed(str(position))
        if 1 <= index <= len(proposals):
            return content(proposals[index - 1])
        return typed(str(position))

    if challenge.type == "qcu":
        return [proposal(str(value))]
    if challenge.type == "qcm":
        return [proposal(p) for p in str(value).split(",") if p.strip()]
    if isinstance(value, dict):
        keys = [f.key for f in challenge.fields]
        labels = dict(zip(keys, labels_told_apart(_labels(challenge, locale)), strict=True))
        given = [(k, str(v)) for k, v in value.items() if str(v).strip()]
        return [f"{content(labels.get(k, k))} {typed(v)}" for k, v in given]
    return [typed(str(value))]


def expected_answer(
    challenge: Challenge,
    locale: str,
    *,
    content: Callable[[str], str] = _same,
    typed: Callable[[str], str] = _same,
) -> list[str]:
    """The right answer, as lines, for the correction of a failed question.

    `content` formats proposals and labels (Markdown); `typed` the solutions, which are
    answers as a learner would type them, not Markdown.
    """
    proposals = challenge.proposals.get(locale, ())
    if challenge.type in ("qcu", "qcm"):
        return [content(proposals[p - 1]) for p in challenge.solution if 1 <= p <= len(proposals)]
    if challenge.type == "qroc":
        return [typed(s) for s in challenge.solutions.get(locale, ())[:1]]
    if challenge.type == "numeric":
        number = challenge.number.replace(".", ",") if locale == "fr" else challenge.number
        return [typed(number)]
    if challenge.type == "qrocm-ind":
        return [
            f"{content(label)} {typed((f.solutions.get(locale) or ('',))[0])}"
            for f, label in zip(
                challenge.fields, labels_told_apart(_labels(challenge, locale)), strict=True
            )
        ]
    if challenge.type == "qrocm-dep":
        groups = challenge.groups.get(locale, ())
        return [
            typed(group[0])
            for group in groups[: challenge.required or len(challenge.fields)]
            if group
        ]
    return []


def other_answers_accepted(challenge: Challenge, locale: str) -> bool:
    """Is the expected answer one right answer among others? So for several fields that take
    any of more groups than they are (two sound formats out of ten): the correction then says
    "one right answer" rather than "expected answer", and the learner does not think the others
    wrong. So too for a field judged by running a program: any program that works is right."""
    if any(f.judge for f in challenge.fields):
        return True
    if challenge.type != "qrocm-dep":
        return False
    return len(challenge.groups.get(locale, ())) > (challenge.required or len(challenge.fields))


# A file's size as phones show it (a kilobyte is 1000 bytes), in the units of the page's language.
_SIZE_UNITS = {
    "en": (("byte", "bytes"), "KB", "MB", "GB"),
    "fr": (("octet", "octets"), "Ko", "Mo", "Go"),
}


def size_shown(size: int, locale: str) -> str:
    """A file's size in a few characters: "2 KB", "1.5 MB", in French "2 Ko", "1,5 Mo"; one
    decimal under 10, none above, the number kept on the line of its unit."""
    units = _SIZE_UNITS.get(locale, _SIZE_UNITS["en"])
    if size < 1000:
        return f"{size}{NO_BREAK_SPACE}{units[0][0] if size == 1 else units[0][1]}"
    value, unit = size / 1000, 1
    while unit < len(units) - 1 and value >= 999.5:  # 999,600 bytes is 1 MB, not 1000 KB
        value, unit = value / 1000, unit + 1
    number = f"{value:.1f}".removesuffix(".0") if value < 9.95 else f"{value:.0f}"
    if locale == "fr":
        number = number.replace(".", ",")
    return f"{number}{NO_BREAK_SPACE}{units[unit]}"


@dataclass(frozen=True)
class WaitShown:
    """How long the learner still has to wait, as a page says it: `count` days or hours."""

    count: int
    unit: str  # "days" | "hours"

    @property
    def in_hours(self) -> bool:
        return self.unit == "hours"


def wait_shown(wait: timedelta) -> WaitShown | None:
    """The wait before improving or resetting a competence as the learner reads it, None when
    there is none: in whole days, rounded up so that it is never sooner than said (a day and an
    hour is 2 days); under a day in whole hours, rounded up too (an hour left is "in 1 hour",
    not "in 1 day", which would read as tomorrow)."""
    seconds = wait.total_seconds()
    if seconds <= 0:
        return None
    if seconds < 86400:
        return WaitShown(math.ceil(seconds / 3600), "hours")
    return WaitShown(math.ceil(seconds / 86400), "days")


def result_outcome(level_before: int, level_after: int, pix_before: int, pix_after: int) -> str:
    """What the end of a test tells the learner, as one word the results page words: "up" (a new
    level), "down" (a lower one: the misses show what to review), "beginner" (level 0), "gained"
    (pix but the same level) or "unchanged" (nothing gained: read the corrections, try later)."""
    if level_after > level_before:
        return "up"
    if level_after < level_before:
        return "down"
    if level_after == 0:
        return "beginner"
    return "gained" if pix_after > pix_before else "unchanged"
