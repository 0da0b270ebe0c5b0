"""The content release seen through the engine's eyes: plain Items and SkillRefs per competence.

Built once per release and competence and kept in memory, with the engine's prepared test of the
competence, so the answer path never rebuilds them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from octet.content.domain.release import Release
from octet.evaluation.domain.competence_test import CompetenceTest
from octet.evaluation.domain.types import Item, SkillRef


@dataclass(frozen=True)
class CompetenceBank:
    competence_id: str
    skills: tuple[SkillRef, ...]
    items: tuple[Item, ...]
    pix: Mapping[str, float]
    # The competence test prepared over these skills and items; it keeps no learner's state.
    test: CompetenceTest = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "test", CompetenceTest(self.items, self.skills, pix=self.pix))


def item_for(challenge) -> Item:
    return Item(
        id=challenge.id,
        skill_id=challenge.skill_id,
        tube=challenge.tube_id,
        competence=challenge.competence_id,
        level=challenge.level,
        locales=frozenset(challenge.locales),
        timed=challenge.timed,
        difficulty=challenge.difficulty,
        discrimination=challenge.discrimination,
        calibrated=challenge.calibrated,
        status=challenge.status,
    )


def skill_ref(skill) -> SkillRef:
    return SkillRef(skill.id, skill.tube_id, skill.competence_id, skill.level)


_banks: dict[tuple[str, str], CompetenceBank] = {}


def _build(release: Release, competence_id: str) -> CompetenceBank:
    skills = release.skills_by_competence.get(competence_id, ())
    items = tuple(
        item_for(challenge)
        for skill in skills
        for challenge in release.challenges_by_skill.get(skill.id, ())
    )
    return CompetenceBank(
        competence_id=competence_id,
        skills=tuple(skill_ref(s) for s in skills),
        items=items,
        pix={s.id: s.pix_value for s in skills},
    )


def competence_bank(release: Release, competence_id: str) -> CompetenceBank:
    key = (release.version, competence_id)
    bank = _banks.get(key)
    if bank is None:
        bank = _banks[key] = _build(release, competence_id)
    return bank
