"""A faithful re-implementation of Pix's "smart random" test, as the reference describes it.

Only the benchmark imports this module: it is the baseline Octet's competence test must beat.
It keeps Pix's quirks on purpose: first answer wins per skill, level estimated on a coarse
grid with two pseudo-answers, a reward that is never zero, and a deterministic choice from a
32-bit integer hash of the assessment seed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from octet.evaluation.domain.knowledge import (
    competence_score,
    current_knowledge,
    knowledge_elements_for_answer,
    pix_values,
)
from octet.evaluation.domain.types import (
    VALIDATED,
    AnswerRecord,
    Decision,
    Estimate,
    Item,
    KnowledgeElement,
    SkillRef,
)

VERSION = "pix-like/1"
LEVEL_GRID = [0.5 * i for i in range(1, 16)]  # 0.5 .. 7.5
FIRST_LEVEL = 2
MAX_GAP = 2
EASY_TUBE_MAX_LEVEL = 3


def int_hash(value: int) -> int:
    """Thomas Wang's 32-bit integer mix, read as a signed 32-bit number."""
    a = value & 0xFFFFFFFF
    a = ((a ^ 61) ^ (a >> 16)) & 0xFFFFFFFF
    a = (a + (a << 3)) & 0xFFFFFFFF
    a = a ^ (a >> 4)
    a = (a * 0x27D4EB2D) & 0xFFFFFFFF
    a = a ^ (a >> 15)
    return a - (1 << 32) if a & 0x80000000 else a


def predicted_level(direct: Iterable[tuple[int, bool]]) -> float:
    """Grid level whose Rasch residuals sum closest to zero (first one on ties)."""
    pairs = [*direct, (0, True), (7, False)]
    best, best_score = LEVEL_GRID[0], -math.inf
    for theta in LEVEL_GRID:
        residual = sum((1.0 if y else 0.0) - 1 / (1 + math.exp(d - theta)) for d, y in pairs)
        score = -abs(residual)
        if score > best_score:
            best, best_score = theta, score
    return best


class PixLikeTest:
    def __init__(self, items: Sequence[Item], target_skills: Sequence[SkillRef]) -> None:
        self.items = {i.id: i for i in items}
        self.target = list(target_skills)
        self.target_by_id = {s.id: s for s in target_skills}
        self.pix = pix_values(target_skills)
        self.challenges: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            if item.skill_id in self.target_by_id:
                self.challenges[item.skill_id].append(item)
        # Tubes are built from target skills that have at least one challenge (any locale).
        self.tube_max: dict[str, int] = {}
        for s in self.target:
            if self.challenges.get(s.id):
                self.tube_max[s.tube] = max(self.tube_max.get(s.tube, 0), s.level)

    def elements(self, answers: Sequence[AnswerRecord]) -> list[KnowledgeElement]:
        out: list[KnowledgeElement] = []
        assessed: set[str] = set()
        for answer in answers:
            item = self.items.get(answer.item_id)
            if item is None:
                continue
            new = knowledge_elements_for_answer(
                answer, item.skill(), self.target, assessed, self.pix
            )
            assessed.update(e.skill_id for e in new)
            out.extend(new)
        return out

    def next_challenge(
        self,
        answers: Sequence[AnswerRecord],
        locale: str = "fr",
        seed: int = 0,
        prior_elements: Iterable[KnowledgeElement] = (),
    ) -> Decision:
        elements = [*prior_elements, *self.elements(answers)]
        known = {
            sid: e for sid, e in current_knowledge(elements).items() if sid in self.target_by_id
        }
        answered = {a.item_id for a in answers}
        playable: dict[str, list[Item]] = {}
        for s in self.target:
            if s.tube not in self.tube_max:
                continue
            pool = [
                c
                for c in self.challenges.get(s.id, ())
                if c.id not in answered and c.status == VALIDATED and locale in c.locales
            ]
            if pool:
                playable[s.id] = pool
        skills = [s for s in self.target if s.id in playable and s.id not in known]
        easy = [s for s in skills if self.tube_max[s.tube] <= EASY_TUBE_MAX_LEVEL]
        skills = easy or skills

        def timed(s: SkillRef) -> bool:
            return playable[s.id][0].timed  # Pix looks at the first challenge only

        if not answers:
            untimed = [s for s in skills if not timed(s)]
            skills = untimed or skills
            if skills:
                low = min(s.level for s in skills)
                wanted = FIRST_LEVEL if any(s.level == FIRST_LEVEL for s in skills) else low
                skills = [s for s in skills if s.level == wanted]
            level = float(FIRST_LEVEL)
        else:
            direct = [
                (self.target_by_id[e.skill_id].level, e.status == "validated")
                for e in known.values()
                if e.source == "direct"
            ]
            level = predicted_level(direct)
            last = self.items.get(answers[-1].item_id)
            if answers[-1].timed or (last is not None and last.timed):
                untimed = [s for s in skills if not timed(s)]
                skills = untimed or skills
            skills = [s for s in skills if s.level - level <= MAX_GAP]
            rewards = {s.id: self._reward(s, level, known) for s in skills}
            if skills:
                top = max(rewards.values())
                skills = [s for s in skills if rewards[s.id] == top and top > 0]
        estimate = Estimate(level, float("nan"))
        if not skills:
            return Decision(None, "no-skill-left", estimate, VERSION, seed)
        skill = skills[abs(int_hash(seed)) % len(skills)]
        pool = playable[skill.id]
        pool = [c for c in pool if c.status == VALIDATED] or pool
        item = pool[abs(int_hash(seed + 1)) % len(pool)]
        return Decision(item.id, "max-reward", estimate, VERSION, seed, {"skill_id": skill.id})

    def _reward(self, skill: SkillRef, level: float, known: dict) -> float:
        p = 1 / (1 + math.exp(skill.level - level))
        untested = [s for s in self.target if s.tube == skill.tube and s.id not in known]
        easier = sum(1 for s in untested if s.level <= skill.level)
        harder = sum(1 for s in untested if s.level >= skill.level)
        return p * easier + (1 - p) * harder

    def levels(
        self, answers: Sequence[AnswerRecord], max_reachable_level: int = 6
    ) -> dict[str, int]:
        """Level per competence from the knowledge elements of the answers."""
        elements = self.elements(answers)
        comps = {s.competence for s in self.target}
        return {
            c: competence_score(c, elements, self.pix, max_reachable_level).level for c in comps
        }
