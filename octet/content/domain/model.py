"""The content of a release: immutable plain data built by the loader from content/.

Every text a learner reads is a `Text`: a read-only mapping locale -> string. Collections are
tuples and read-only mappings so a release can be shared by every request without copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

LOCALES = ("fr", "en")
CHALLENGE_TYPES = ("qcu", "qcm", "qroc", "qrocm-ind", "qrocm-dep", "numeric")
# How a qrocm-ind field may be judged instead of by its solutions: "robot" runs the program it
# holds on the challenge's robot scenario (octet/content/domain/robot.py).
JUDGES = ("robot",)
CHALLENGE_STATUSES = ("draft", "validated", "archived")
TOLERANCES = ("t1", "t2", "t3")
TUTORIAL_KINDS = ("better", "more")
TUTORIAL_FORMATS = ("lesson", "page", "video", "pdf", "tool", "game")
MIN_LEVEL, MAX_LEVEL = 1, 8
# Skills up to this level must offer a "better" tutorial in each locale.
TUTORED_MAX_LEVEL = 5

Text = Mapping[str, str]
EMPTY: Mapping = MappingProxyType({})


def _empty():
    return EMPTY


def frozen_text(value: Mapping[str, str] | None) -> Text:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Source:
    """Where a piece of content was written, for error messages and reviews."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


NO_SOURCE = Source("<memory>", 0)


@dataclass(frozen=True)
class Area:
    id: str  # "1".."5"
    code: str
    name: Text
    competence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Competence:
    id: str  # its index, "1.1"
    area_id: str
    name: Text
    thematic_ids: tuple[str, ...] = ()
    tube_ids: tuple[str, ...] = ()
    skill_ids: tuple[str, ...] = ()
    source: Source = NO_SOURCE

    @property
    def index(self) -> str:
        return self.id


@dataclass(frozen=True)
class Thematic:
    id: str
    competence_id: str
    name: Text
    tube_ids: tuple[str, ...]
    source: Source = NO_SOURCE


@dataclass(frozen=True)
class Lesson:
    id: str
    tube_id: str
    title: Text
    duration: int
    body: Text
    source: Source = NO_SOURCE


@dataclass(frozen=True)
class Tube:
    id: str
    competence_id: str
    thematic_id: str
    title: Text
    description: Text
    lesson_id: str | None
    skill_ids: tuple[str, ...]
    source: Source = NO_SOURCE


@dataclass(frozen=True)
class Tutorial:
    id: str
    skill_id: str
    kind: str  # better | more
    locale: str
    title: str
    source_name: str
    format: str
    duration: int
    link: str  # "lesson:<id>" or https://…
    source: Source = NO_SOURCE

    @property
    def lesson_id(self) -> str | None:
        return self.link[len("lesson:") :] if self.link.startswith("lesson:") else None


@dataclass(frozen=True)
class Skill:
    id: str  # "@" + tube id + level
    tube_id: str
    competence_id: str
    level: int
    description: Text
    hint: Text
    tutorial_ids: tuple[str, ...]  # kind "better"
    learning_more_tutorial_ids: tuple[str, ...]  # kind "more"
    challenge_ids: tuple[str, ...]
    pix_value: float = 0.0
    source: Source = NO_SOURCE


@dataclass(frozen=True)
class Field:
    """One input of a qrocm challenge; `solutions` is empty for qrocm-dep (see groups).

    A field with a `judge` is right when the judge says so (its `solutions` are then right
    answers given as examples, the first one shown in the corrections).
    """

    key: str
    label: Text
    solutions: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    judge: str = ""  # "" (the solutions) or one of JUDGES


@dataclass(frozen=True)
class Illustration:
    file: str
    alt: Text
    width: int = 0  # intrinsic size in CSS pixels, so the page keeps the picture's place
    height: int = 0


@dataclass(frozen=True)
class Embed:
    simulator: str
    height: int
    scenario: Mapping  # locale -> simulator data (read-only)


@dataclass(frozen=True)
class Challenge:
    id: str
    type: str
    skill_id: str = ""
    status: str = "validated"
    instruction: Text = field(default_factory=_empty)
    explanation: Text = field(default_factory=_empty)
    # qcu / qcm
    proposals: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    solution: tuple[int, ...] = ()
    shuffle: bool = True
    # qroc / numeric
    label: Text = field(default_factory=_empty)
    solutions: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    # qrocm-ind / qrocm-dep
    fields: tuple[Field, ...] = ()
    groups: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=_empty)
    required: int = 0
    tolerances: frozenset[str] = frozenset(TOLERANCES)
    # numeric
    number: str = "0"  # decimal text of the expected number, exact
    tolerance: str = "0"
    # presentation
    timer: int | None = None
    focused: bool = False
    illustration: Illustration | None = None
    attachments: tuple[Mapping[str, str], ...] = ()  # each: locale -> file name
    embed: Embed | None = None
    # item parameters (2PL); calibrated=False means defaulted from the skill level
    difficulty: float = 0.0
    discrimination: float = 1.0
    calibrated: bool = False
    competence_id: str = ""
    tube_id: str = ""
    level: int = 0
    locales: tuple[str, ...] = LOCALES
    source: Source = field(default=NO_SOURCE, compare=False)

    @property
    def timed(self) -> bool:
        return self.timer is not None

    @property
    def validated(self) -> bool:
        return self.status == "validated"
