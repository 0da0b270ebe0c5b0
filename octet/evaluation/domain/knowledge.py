"""Knowledge elements, pix and levels: what a learner's answers say they know.

Rules (see docs/engine.md): a success validates the skill and the easier skills of its tube, a
failure invalidates it and the harder ones. Direct and inferred elements are kept apart. Each
skill is worth min(4, 8 / n) pix, n being the number of skills of its competence at its level;
a competence gives 8 pix per level up to a configurable maximum reachable level.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from octet.evaluation.domain.types import AnswerRecord, KnowledgeElement, SkillRef

PIX_PER_LEVEL = 8
MAX_PIX_PER_SKILL = 4.0
DEFAULT_MAX_REACHABLE_LEVEL = 6
DAYS_BEFORE_IMPROVING = 4
DAYS_BEFORE_RESET = 7


def pix_values(skills: Iterable[SkillRef]) -> dict[str, float]:
    """Pix of each skill: min(4, 8 / number of skills of the same competence and level)."""
    skills = list(skills)
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for skill in skills:
        counts[(skill.competence, skill.level)] += 1
    return {
        s.id: min(MAX_PIX_PER_SKILL, PIX_PER_LEVEL / counts[(s.competence, s.level)])
        for s in skills
    }


def knowledge_elements_for_answer(
    answer: AnswerRecord,
    skill: SkillRef,
    target_skills: Sequence[SkillRef],
    assessed_skill_ids: Iterable[str] = (),
    pix: Mapping[str, float] | None = None,
) -> list[KnowledgeElement]:
    """Knowledge elements produced by one answer on a challenge of `skill`.

    `assessed_skill_ids` are the skills already assessed in the current assessment: they are
    never rewritten (the first evidence of an assessment wins), and a skill outside the target,
    or already assessed, yields nothing at all.
    """
    assessed = set(assessed_skill_ids)
    target_ids = {s.id for s in target_skills}
    if skill.id not in target_ids or skill.id in assessed:
        return []
    pix = pix if pix is not None else pix_values(target_skills)
    ok = answer.correct
    status = "validated" if ok else "invalidated"
    elements = [
        KnowledgeElement(
            skill_id=skill.id,
            status=status,
            source="direct",
            competence=skill.competence,
            earned_pix=pix.get(skill.id, 0.0) if ok else 0.0,
            item_id=answer.item_id,
            created_at=answer.created_at,
        )
    ]
    for other in target_skills:
        if other.tube != skill.tube or other.id == skill.id or other.id in assessed:
            continue
        # A success says the easier skills are known; a failure that the harder ones are not.
        if (ok and other.level < skill.level) or (not ok and other.level > skill.level):
            elements.append(
                KnowledgeElement(
                    skill_id=other.id,
                    status=status,
                    source="inferred",
                    competence=other.competence,
                    earned_pix=pix.get(other.id, 0.0) if ok else 0.0,
                    item_id=answer.item_id,
                    created_at=answer.created_at,
                    basis="tube",
                )
            )
    return elements


def current_knowledge(elements: Iterable[KnowledgeElement]) -> dict[str, KnowledgeElement]:
    """The learner's current view: the latest element of each skill, without reset ones."""
    latest: dict[str, KnowledgeElement] = {}
    for element in elements:  # in chronological order: a later element replaces an earlier one
        latest[element.skill_id] = element
    return {sid: e for sid, e in latest.items() if e.status != "reset"}


@dataclass(frozen=True, slots=True)
class CompetenceScore:
    competence: str
    exact_pix: float
    pix: int
    level: int
    pix_to_next_level: int
    progress: float  # share of the way to the next level, 0..1


def competence_score(
    competence: str,
    elements: Iterable[KnowledgeElement],
    pix: Mapping[str, float],
    max_reachable_level: int = DEFAULT_MAX_REACHABLE_LEVEL,
) -> CompetenceScore:
    """Pix, level and progress of one competence from the learner's current elements."""
    exact = sum(
        pix.get(e.skill_id, 0.0)
        for e in current_knowledge(elements).values()
        if e.status == "validated" and e.competence == competence
    )
    return score_from_pix(competence, exact, max_reachable_level)


def score_from_pix(
    competence: str, exact_pix: float, max_reachable_level: int = DEFAULT_MAX_REACHABLE_LEVEL
) -> CompetenceScore:
    cap = max_reachable_level * PIX_PER_LEVEL
    # A tiny epsilon keeps 3 × 8/3 pix at 8, not 7.999...
    whole = min(math.floor(exact_pix + 1e-9), cap)
    level = min(whole // PIX_PER_LEVEL, max_reachable_level)
    into = whole % PIX_PER_LEVEL if level < max_reachable_level else 0
    return CompetenceScore(
        competence=competence,
        exact_pix=exact_pix,
        pix=whole,
        level=level,
        pix_to_next_level=into,
        progress=into / PIX_PER_LEVEL,
    )


def total_score(
    elements: Iterable[KnowledgeElement],
    pix: Mapping[str, float],
    max_reachable_level: int = DEFAULT_MAX_REACHABLE_LEVEL,
) -> int:
    """Global pix score: the sum of the (capped) competence scores."""
    current = list(current_knowledge(elements).values())
    competences = {e.competence for e in current}
    return sum(
        competence_score(c, current, pix, max_reachable_level).pix for c in sorted(competences)
    )


@dataclass(frozen=True, slots=True)
class Eligibility:
    allowed: bool
    wait: timedelta  # zero when allowed
    remaining_days: int  # whole days still to wait, rounded up, as shown to the learner


def _eligibility(last_date: datetime, now: datetime, days: int) -> Eligibility:
    wait = max(timedelta(0), last_date + timedelta(days=days) - now)
    remaining = math.ceil(wait.total_seconds() / 86400) if wait > timedelta(0) else 0
    return Eligibility(allowed=wait == timedelta(0), wait=wait, remaining_days=remaining)


def can_improve(
    last_date: datetime,
    now: datetime,
    *,
    level: int | None = None,
    max_reachable_level: int = DEFAULT_MAX_REACHABLE_LEVEL,
    days: int = DAYS_BEFORE_IMPROVING,
) -> Eligibility:
    """Whether a completed competence can be retried ("improve"), or how long to wait.

    Never at the maximum reachable level: there is nothing left to gain.
    """
    result = _eligibility(last_date, now, days)
    if level is not None and level >= max_reachable_level:
        return Eligibility(False, result.wait, result.remaining_days)
    return result


def can_reset(last_date: datetime, now: datetime, *, days: int = DAYS_BEFORE_RESET) -> Eligibility:
    """Whether a competence can be reset to zero, or how long to wait since the last move."""
    return _eligibility(last_date, now, days)


def elements_kept_for_improvement(
    elements: Iterable[KnowledgeElement],
    started_at: datetime,
    days: int = DAYS_BEFORE_IMPROVING,
) -> list[KnowledgeElement]:
    """Elements an improving test starts from: validated ones, and recent failures only.

    Failures older than `days` are dropped so that those skills are asked again.
    """
    limit = started_at - timedelta(days=days)
    kept = []
    for e in current_knowledge(elements).values():
        recent = e.created_at is None or e.created_at >= limit
        if e.status == "validated" or recent:
            kept.append(e)
    return kept


def reset_elements(
    elements: Iterable[KnowledgeElement], competence: str, now: datetime
) -> list[KnowledgeElement]:
    """The 'reset' elements to write for every current element of one competence."""
    return [
        KnowledgeElement(
            skill_id=e.skill_id,
            status="reset",
            source=e.source,
            competence=e.competence,
            earned_pix=0.0,
            created_at=now,
            basis="reset",
        )
        for e in current_knowledge(elements).values()
        if e.competence == competence
    ]
