"""Plain, frozen input and output types of the evaluation engine.

The content release and the stored answers are mapped onto these types by the callers; nothing
here knows about Django or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from octet.evaluation.domain.params import default_item_params

# Bumped whenever a change can alter a decision, so a recorded decision can be replayed with
# the engine that took it.
ENGINE_VERSION = "octet-engine/1.3.0"

Outcome = Literal["ok", "ko", "skipped", "timedout"]
OUTCOMES: frozenset[str] = frozenset({"ok", "ko", "skipped", "timedout"})

# Challenge statuses of the content release (English names of Pix's validé/archivé/...).
VALIDATED = "validated"
ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class SkillRef:
    """A skill ("acquis") of one tube, at a level from 1 to 8."""

    id: str
    tube: str
    competence: str
    level: int


@dataclass(frozen=True, slots=True)
class Item:
    """A challenge as the engine sees it: its skill, languages, timer and 2PL parameters."""

    id: str
    skill_id: str
    tube: str
    competence: str
    level: int
    locales: frozenset[str] = frozenset({"fr"})
    timed: bool = False
    difficulty: float | None = None
    discrimination: float | None = None
    calibrated: bool = False
    status: str = VALIDATED

    def params(self) -> tuple[float, float]:
        """(difficulty, discrimination), falling back on the level defaults when unset."""
        b0, a0 = default_item_params(self.level)
        b = b0 if self.difficulty is None else float(self.difficulty)
        a = a0 if self.discrimination is None else float(self.discrimination)
        return b, a

    def skill(self) -> SkillRef:
        return SkillRef(self.skill_id, self.tube, self.competence, self.level)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer of the learner, with what is needed to replay the decision that led to it."""

    item_id: str
    outcome: Outcome
    created_at: datetime | None = None
    engine_version: str | None = None
    release: str | None = None
    difficulty: float | None = None
    discrimination: float | None = None
    # The item was timed when it was served (a copy, so an edited release cannot change replay).
    timed: bool | None = None

    @property
    def correct(self) -> bool:
        # A skip or a time-out is a failure, as in Pix.
        return self.outcome == "ok"


@dataclass(frozen=True, slots=True)
class KnowledgeElement:
    """What one answer says about one skill: validated, invalidated or reset."""

    skill_id: str
    status: Literal["validated", "invalidated", "reset"]
    source: Literal["direct", "inferred"]
    competence: str = ""
    earned_pix: float = 0.0
    item_id: str | None = None
    created_at: datetime | None = None
    # How an inferred element was obtained: "tube" (easier/harder rule) or "estimate" (model).
    basis: str = "answer"


@dataclass(frozen=True, slots=True)
class Estimate:
    """The engine's current belief: ability (logits or level scale), its SE, and a level."""

    ability: float
    se: float
    level: int | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """Either the next challenge to serve, or finished; with why, and the engine version."""

    item_id: str | None
    reason: str
    estimate: Estimate | None = None
    engine_version: str = ENGINE_VERSION
    seed: int | None = None
    details: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def finished(self) -> bool:
        return self.item_id is None
