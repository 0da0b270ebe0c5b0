"""Simulated competences and learners of known mastery, for the competence-test benchmark."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from octet.evaluation.domain.knowledge import PIX_PER_LEVEL, pix_values
from octet.evaluation.domain.types import AnswerRecord, Item, SkillRef


@dataclass
class SimCompetence:
    id: str
    skills: list[SkillRef]
    items: list[Item]
    tube_offset: dict[str, float]
    tube_top: dict[str, int]


def make_competence(rng: np.random.Generator, cid: str) -> SimCompetence:
    skills, items, offset, tops = [], [], {}, {}
    for t in range(int(rng.integers(6, 11))):
        tube = f"{cid}-t{t}"
        top = int(rng.choice([2, 3, 4, 5, 5, 6, 6, 7, 8]))
        tops[tube] = top
        offset[tube] = float(rng.normal(0, 0.5))
        for level in range(1, top + 1):
            if level != top and rng.random() < 0.15:
                continue  # tubes have gaps, like the real release
            sid = f"{tube}-s{level}"
            skills.append(SkillRef(sid, tube, cid, level))
            for k in range(int(rng.integers(1, 4))):
                locales = frozenset({"fr", "en"}) if rng.random() < 0.85 else frozenset({"fr"})
                items.append(
                    Item(
                        id=f"{sid}-c{k}",
                        skill_id=sid,
                        tube=tube,
                        competence=cid,
                        level=level,
                        locales=locales,
                        timed=bool(rng.random() < 0.1),
                    )
                )
    return SimCompetence(cid, skills, items, offset, tops)


@dataclass
class SimLearner:
    ceilings: dict[str, int]
    slip: float
    guess: float


def make_learner(rng: np.random.Generator, comp: SimCompetence) -> SimLearner:
    theta = float(np.clip(rng.normal(3.0, 1.6), 0, 8))
    ceilings = {
        tube: int(
            np.clip(math.floor(theta + off + rng.normal(0, 0.6) + 0.5), 0, comp.tube_top[tube])
        )
        for tube, off in comp.tube_offset.items()
    }
    return SimLearner(ceilings, float(rng.uniform(0.02, 0.15)), float(rng.uniform(0.05, 0.25)))


def true_level(comp: SimCompetence, learner: SimLearner, max_level: int = 6) -> int:
    pix = pix_values(comp.skills)
    total = sum(v for s in comp.skills if s.level <= learner.ceilings[s.tube] for v in [pix[s.id]])
    return int(min(math.floor(total + 1e-9) // PIX_PER_LEVEL, max_level))


def answer(rng: np.random.Generator, learner: SimLearner, item: Item) -> AnswerRecord:
    known = item.level <= learner.ceilings[item.tube]
    p = 1 - learner.slip if known else learner.guess
    outcome = "ok" if rng.random() < p else "ko"
    return AnswerRecord(item.id, outcome, timed=item.timed)


def run_test(engine, learner, rng, locale: str, seed: int, limit: int = 80):
    answers: list[AnswerRecord] = []
    by_id = {i.id: i for i in engine.items.values()} if isinstance(engine.items, dict) else None
    for _ in range(limit):
        decision = engine.next_challenge(answers, locale, seed)
        if decision.finished:
            return answers, decision
        answers.append(answer(rng, learner, by_id[decision.item_id]))
    return answers, decision
