"""Load content/ into an immutable, versioned Release.

`load_release(content_dir)` reads framework.yaml and competences/*.yaml, validates them against
content/SCHEMA.md, checks every reference (files, simulators, lessons, ids) and answers each
challenge once through the real checker. Either everything is right and a Release comes out,
or one ContentError lists every problem as `path:line: message`: never a half-loaded bank.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from octet.content.domain import robot
from octet.content.domain.checking import check_answer, matches_any, pretreat, solution_answer
from octet.content.domain.model import (
    CHALLENGE_STATUSES,
    CHALLENGE_TYPES,
    JUDGES,
    LOCALES,
    MAX_LEVEL,
    MIN_LEVEL,
    NO_SOURCE,
    TOLERANCES,
    TUTORIAL_FORMATS,
    TUTORIAL_KINDS,
    Area,
    Challenge,
    Competence,
    Embed,
    Field,
    Illustration,
    Lesson,
    Skill,
    Source,
    Thematic,
    Tube,
    Tutorial,
)
from octet.content.domain.pictures import intrinsic_size
from octet.content.domain.problems import ContentError, Problem
from octet.content.domain.yamlfile import MarkedDict, MarkedList, YamlError, line_of, load_yaml
from octet.core.domain.markdown import CODE, slip_line, slips
from octet.evaluation.domain.params import default_item_params

# Files under content/ a learner's test depends on; the release version hashes exactly these
# (notes for authors, README.md, excepted).
ITEM_PARAMS = "item_params.json"  # the parameter set written by `manage.py calibrate`
VERSIONED = (
    "framework.yaml",
    "competences",
    "simulators",
    "attachments/files",
    "illustrations",
    ITEM_PARAMS,
)
ATTACHMENT_FILES = "attachments/files"

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CAMEL = re.compile(r"^[a-z][A-Za-z]*$")
CHALLENGE_ID = re.compile(r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$")
FIELD_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)+$")
MAX_VARIANT_LENGTH = 200
RAW_HTML = re.compile(r"<[A-Za-z/!][^>]*>")

# The scenario fields without which a simulator draws an empty world: a search engine without a
# page, a file manager without a file (content/simulators/README.md marks them required).
SCENARIO_REQUIRED = {
    "browser": ("pages",),
    "files": ("tree",),
    "robot": ("map",),
    "search": ("documents",),
    "wiki": ("revisions",),
}

# What every browser shows in an <img>, light enough to load on a poor connection.
ILLUSTRATION_KINDS = (".svg", ".png")
ILLUSTRATION_MAX_BYTES = 200_000

CHALLENGE_KEYS = {
    "common": {
        "id", "type", "status", "instruction", "explanation", "timer", "focused",
        "illustration", "attachments", "embed", "params",
    },
    "qcu": {"proposals", "solution", "shuffle"},
    "qcm": {"proposals", "solution", "shuffle"},
    "qroc": {"label", "solutions", "tolerances"},
    "qrocm-ind": {"fields", "tolerances"},
    "qrocm-dep": {"fields", "groups", "required", "tolerances"},
    "numeric": {"label", "solution", "tolerance"},
}  # fmt: skip


@dataclass(frozen=True)
class Release:
    version: str
    areas: Mapping[str, Area]
    competences: Mapping[str, Competence]
    thematics: Mapping[str, Thematic]
    tubes: Mapping[str, Tube]
    skills: Mapping[str, Skill]
    challenges: Mapping[str, Challenge]
    tutorials: Mapping[str, Tutorial]
    lessons: Mapping[str, Lesson]
    skills_by_competence: Mapping[str, tuple[Skill, ...]]
    skills_by_tube: Mapping[str, tuple[Skill, ...]]
    challenges_by_skill: Mapping[str, tuple[Challenge, ...]]
    simulators: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    # each attachment's size in bytes, read once with the release: a page names it with its link
    attachment_sizes: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    illustrations: tuple[str, ...] = ()
    content_dir: str = field(default="", compare=False)

    def validated_challenges(
        self, skill_id: str, locale: str | None = None
    ) -> tuple[Challenge, ...]:
        """The challenges a test may serve for a skill (in a locale, if given)."""
        return tuple(
            c
            for c in self.challenges_by_skill.get(skill_id, ())
            if c.validated and (locale is None or locale in c.locales)
        )

    def tutorials_for(self, skill_id: str, locale: str) -> tuple[tuple[Tutorial, ...], ...]:
        """(better, more) tutorials of a skill in a locale, in the order they were written."""
        skill = self.skills.get(skill_id)
        if skill is None:
            return (), ()
        pick = lambda ids: tuple(  # noqa: E731
            self.tutorials[t] for t in ids if self.tutorials[t].locale == locale
        )
        return pick(skill.tutorial_ids), pick(skill.learning_more_tutorial_ids)

    def attachment_path(self, name: str) -> Path:
        return Path(self.content_dir) / ATTACHMENT_FILES / name


def _freeze(value: Any) -> Any:
    """Deep read-only copy of plain YAML data (simulator scenarios)."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _raw_html_line(text: str) -> int | None:
    """Offset of the first line holding an HTML tag outside Markdown code, or None."""
    text = CODE.sub(lambda m: "\n" * m.group().count("\n"), text)
    match = RAW_HTML.search(text)
    if match is None:
        return None
    # a block scalar starts on the line after its key
    return (1 if "\n" in text else 0) + text.count("\n", 0, match.start())


def display_path(path: Path) -> str:
    """A path as a person at the repository root would type it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if relative.startswith("..") else relative


def version_of(content_dir: Path) -> str:
    """Short sha256 over the sorted paths and bytes of every versioned file."""
    digest = hashlib.sha256()
    for path in sorted(_versioned_files(content_dir)):
        relative = path.relative_to(content_dir).as_posix().encode()
        data = path.read_bytes()
        digest.update(b"%d:%s\0%d:" % (len(relative), relative, len(data)))
        digest.update(data)
    return digest.hexdigest()[:12]


def _versioned_files(content_dir: Path) -> list[Path]:
    files = []
    for name in VERSIONED:
        target = content_dir / name
        if target.is_file():
            files.append(target)
        elif target.is_dir():
            files.extend(
                p
                for p in target.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.name != "README.md"
            )
    return files


def _names(directory: Path, suffix: str = "") -> tuple[str, ...]:
    if not directory.is_dir():
        return ()
    return tuple(
        sorted(
            p.name
            for p in directory.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.name.endswith(suffix)
        )
    )


class _File:
    """Reads one YAML file, recording problems against its path."""

    def __init__(self, loader: _Loader, path: Path) -> None:
        self.loader = loader
        self.path = display_path(path)

    def problem(self, line: int, message: str) -> None:
        self.loader.problems.append(Problem(self.path, line, message))

    def source(self, node: Any, key: Any = None) -> Source:
        return Source(self.path, line_of(node, key))

    def mapping(self, value: Any, where: Any, key: Any, what: str) -> MarkedDict | None:
        if isinstance(value, MarkedDict):
            for dup, line in value.duplicates:
                self.problem(line, f"duplicate key {dup!r} in {what}")
            return value
        self.problem(line_of(where, key), f"{what} must be a mapping")
        return None

    def sequence(self, node: MarkedDict, key: str, what: str, required: bool = True) -> list:
        value = node.get(key)
        if value is None:
            if required:
                self.problem(line_of(node), f"{what}: missing {key!r}")
            return []
        if not isinstance(value, MarkedList):
            self.problem(line_of(node, key), f"{what}: {key!r} must be a list")
            return []
        return value

    def keys(self, node: MarkedDict, allowed: set[str], what: str) -> None:
        for key in node:
            if key not in allowed:
                self.problem(line_of(node, key), f"{what}: unknown key {key!r}")

    def string(self, node: MarkedDict, key: str, what: str, required: bool = True) -> str:
        value = node.get(key)
        if value is None:
            if required:
                self.problem(line_of(node, key), f"{what}: missing {key!r}")
            return ""
        if isinstance(value, (MarkedDict, MarkedList)):
            self.problem(line_of(node, key), f"{what}: {key!r} must be text")
            return ""
        text = value if isinstance(value, str) else node.raw.get(key, str(value))
        if required and not text.strip():
            self.problem(line_of(node, key), f"{what}: {key!r} is empty")
        return text

    def integer(
        self, node: MarkedDict, key: str, what: str, low: int, high: int | None = None
    ) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(line_of(node, key), f"{what}: {key!r} must be a whole number")
            return None
        if value < low or (high is not None and value > high):
            bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.problem(line_of(node, key), f"{what}: {key!r} must be {bounds}, not {value}")
            return None
        return value

    def decimal(self, node: MarkedDict, key: str, what: str) -> str | None:
        """A number kept as its exact decimal text."""
        value = node.get(key)
        if value is None:
            return None
        raw = node.raw.get(key, "")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(line_of(node, key), f"{what}: {key!r} must be a number")
            return None
        try:
            number = Decimal(raw.replace("_", "")) if raw else Decimal(str(value))
        except InvalidOperation:
            number = Decimal(str(value))
        if not number.is_finite():
            self.problem(line_of(node, key), f"{what}: {key!r} must be a finite number")
            return None
        return format(number, "f")

    def boolean(self, node: MarkedDict, key: str, what: str, default: bool) -> bool:
        value = node.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(line_of(node, key), f"{what}: {key!r} must be true or false")
            return default
        return value

    def text(self, node: MarkedDict, key: str, what: str, required: bool = True) -> Mapping:
        """A localised text {fr: ..., en: ...}: every locale present and non-empty."""
        value = node.get(key)
        if value is None:
            if required:
                self.problem(line_of(node), f"{what}: missing {key!r}")
            return MappingProxyType({})
        if not isinstance(value, MarkedDict):
            self.problem(line_of(node, key), f"{what}: {key!r} must be {{fr: ..., en: ...}}")
            return MappingProxyType({})
        texts = {}
        for locale in LOCALES:
            if locale not in value:
                self.problem(line_of(node, key), f"{what}: {key!r} has no {locale!r} text")
                continue
            texts[locale] = self.string(value, locale, f"{what} {key}")
            self.markdown(texts[locale], line_of(value, locale), f"{what}: {key}.{locale}")
        for locale in value:
            if locale not in LOCALES:
                self.problem(
                    line_of(value, locale), f"{what}: {key!r} has unknown locale {locale!r}"
                )
        return MappingProxyType(texts)

    def markdown(self, text: str, line: int, what: str) -> None:
        """Markdown a learner would see as the author meant it: no raw HTML, nothing dropped
        or left open (`core/domain/markdown.py:slips`)."""
        html = _raw_html_line(text)
        if html is not None:
            self.problem(line + html, f"{what} contains raw HTML (use Markdown)")
            return
        for mark, why in slips(text):
            self.problem(line + slip_line(text, mark), f"{what}: {why}")

    def scenario(self, scenario: MarkedDict, locale: str, simulator: str, what: str) -> None:
        """Each locale's scenario holds what its simulator needs to draw a world to work in."""
        world = scenario[locale]
        if not isinstance(world, MarkedDict):
            self.problem(line_of(scenario, locale), f"{what} must be a mapping")
            return
        for key in SCENARIO_REQUIRED.get(simulator, ()):
            if key not in world:
                self.problem(
                    line_of(scenario, locale),
                    f"{what}: the {simulator} simulator needs {key!r}"
                    " (content/simulators/README.md)",
                )

    def localised_lists(
        self, node: MarkedDict, key: str, what: str, required: bool = True
    ) -> Mapping[str, tuple[str, ...]]:
        """{fr: [..], en: [..]} of non-empty strings."""
        value = node.get(key)
        if value is None:
            if required:
                self.problem(line_of(node), f"{what}: missing {key!r}")
            return MappingProxyType({})
        if not isinstance(value, MarkedDict):
            self.problem(line_of(node, key), f"{what}: {key!r} must be {{fr: [...], en: [...]}}")
            return MappingProxyType({})
        result = {}
        for locale in LOCALES:
            items = value.get(locale)
            if not isinstance(items, MarkedList) or not items:
                self.problem(
                    line_of(value, locale, line_of(node, key)),
                    f"{what}: {key!r} needs a non-empty {locale!r} list",
                )
                continue
            result[locale] = tuple(
                self._item_text(items, i, f"{what} {key}.{locale}") for i in range(len(items))
            )
        for locale in value:
            if locale not in LOCALES:
                self.problem(
                    line_of(value, locale), f"{what}: {key!r} has unknown locale {locale!r}"
                )
        return MappingProxyType(result)

    def _item_text(self, items: MarkedList, index: int, what: str) -> str:
        value = items[index]
        if isinstance(value, (MarkedDict, MarkedList)) or value is None:
            self.problem(line_of(items, index), f"{what}: item {index + 1} must be text")
            return ""
        text = value if isinstance(value, str) else (items.raw[index] or str(value))
        if not text.strip():
            self.problem(line_of(items, index), f"{what}: item {index + 1} is empty")
        return text


class _Loader:
    def __init__(self, content_dir: Path) -> None:
        self.root = content_dir
        self.problems: list[Problem] = []
        self.areas: dict[str, Area] = {}
        self.competence_area: dict[str, str] = {}
        self.competence_names: dict[str, Mapping] = {}
        self.competence_files: dict[str, str] = {}
        self.competence_sources: dict[str, Source] = {}
        self.thematics: dict[str, Thematic] = {}
        self.tubes: dict[str, Tube] = {}
        self.skills: dict[str, Skill] = {}
        self.challenges: dict[str, Challenge] = {}
        self.tutorials: dict[str, Tutorial] = {}
        self.lessons: dict[str, Lesson] = {}
        self.comp_parts: dict[str, dict[str, list[str]]] = defaultdict(
            lambda: {"thematics": [], "tubes": [], "skills": []}
        )
        self.simulators = tuple(
            n[: -len(".html")] for n in _names(content_dir / "simulators", ".html")
        )
        self.attachment_files = _names(content_dir / ATTACHMENT_FILES)
        self.attachment_sizes = MappingProxyType(
            {n: (content_dir / ATTACHMENT_FILES / n).stat().st_size for n in self.attachment_files}
        )
        self.illustration_files = _names(content_dir / "illustrations")
        self.illustration_sizes: dict[str, tuple[int, int] | None] = {}
        self.first_seen: dict[tuple[str, str], Source] = {}

    def illustration_size(self, name: str) -> tuple[int, int] | None:
        """Read once per release, however many questions show the picture."""
        if name not in self.illustration_sizes:
            path = self.root / "illustrations" / name
            known = name in self.illustration_files and name.endswith(ILLUSTRATION_KINDS)
            self.illustration_sizes[name] = intrinsic_size(path) if known else None
        return self.illustration_sizes[name]

    # -- files ------------------------------------------------------------------------------

    def read(self, path: Path) -> tuple[_File, Any]:
        file = _File(self, path)
        try:
            return file, load_yaml(path.read_bytes())
        except YamlError as error:
            file.problem(error.line, error.message)
        except OSError as error:
            file.problem(1, f"cannot read: {error.strerror}")
        return file, None

    def unique(self, file: _File, kind: str, ident: str, node: Any, key: Any = "id") -> bool:
        where = file.source(node, key)
        seen = self.first_seen.get((kind, ident))
        if seen is not None:
            file.problem(where.line, f"duplicate {kind} id {ident!r} (first at {seen})")
            return False
        self.first_seen[(kind, ident)] = where
        return True

    # -- framework --------------------------------------------------------------------------

    def framework(self) -> None:
        path = self.root / "framework.yaml"
        if not path.is_file():
            self.problems.append(Problem(display_path(path), 1, "framework.yaml is missing"))
            return
        file, data = self.read(path)
        data = file.mapping(data, None, None, "framework") if data is not None else None
        if data is None:
            return
        for area_node in file.sequence(data, "areas", "framework"):
            area = file.mapping(area_node, data, "areas", "area")
            if area is None:
                continue
            index = file.string(area, "index", "area")
            competence_ids = []
            for comp_node in file.sequence(area, "competences", f"area {index}"):
                comp = file.mapping(comp_node, area, "competences", "competence")
                if comp is None:
                    continue
                comp_index = file.string(comp, "index", "competence")
                if not comp_index.startswith(index + "."):
                    file.problem(
                        line_of(comp, "index"),
                        f"competence {comp_index!r} is not in area {index!r}",
                    )
                if comp_index in self.competence_area:
                    file.problem(line_of(comp, "index"), f"duplicate competence {comp_index!r}")
                    continue
                self.competence_area[comp_index] = index
                self.competence_names[comp_index] = file.text(
                    comp, "name", f"competence {comp_index}"
                )
                competence_ids.append(comp_index)
            if index in self.areas:
                file.problem(line_of(area, "index"), f"duplicate area {index!r}")
                continue
            self.areas[index] = Area(
                id=index,
                code=file.string(area, "code", f"area {index}"),
                name=file.text(area, "name", f"area {index}"),
                competence_ids=tuple(competence_ids),
            )

    # -- competence files -------------------------------------------------------------------

    def competence_file(self, path: Path) -> None:
        file, data = self.read(path)
        if data is None:
            if file.loader.problems and file.loader.problems[-1].path == file.path:
                return
            file.problem(1, "empty file")
            return
        data = file.mapping(data, None, None, "competence file")
        if data is None:
            return
        file.keys(data, {"competence", "thematics"}, "competence file")
        index = file.string(data, "competence", "competence file")
        if index and index not in self.competence_area:
            file.problem(
                line_of(data, "competence"), f"unknown competence {index!r} (not in framework.yaml)"
            )
            return
        if index and path.stem != index:
            file.problem(
                line_of(data, "competence"), f"competence {index!r} belongs in {index}.yaml"
            )
        if index in self.competence_files:
            file.problem(
                line_of(data, "competence"),
                f"competence {index!r} already described in {self.competence_files[index]}",
            )
            return
        self.competence_files[index] = file.path
        self.competence_sources[index] = file.source(data, "competence")
        for node in file.sequence(data, "thematics", f"competence {index}"):
            thematic = file.mapping(node, data, "thematics", "thematic")
            if thematic is not None:
                self.thematic(file, index, thematic)

    def thematic(self, file: _File, competence: str, node: MarkedDict) -> None:
        file.keys(node, {"id", "name", "tubes"}, "thematic")
        ident = file.string(node, "id", "thematic")
        what = f"thematic {ident}"
        if ident and not KEBAB.match(ident):
            file.problem(line_of(node, "id"), f"{what}: id must be kebab-case")
        name = file.text(node, "name", what)
        tube_ids = []
        for tube_node in file.sequence(node, "tubes", what):
            tube = file.mapping(tube_node, node, "tubes", "tube")
            if tube is not None:
                tube_id = self.tube(file, competence, ident, tube)
                if tube_id:
                    tube_ids.append(tube_id)
        if ident and self.unique(file, "thematic", ident, node):
            self.thematics[ident] = Thematic(
                ident, competence, name, tuple(tube_ids), file.source(node)
            )
            self.comp_parts[competence]["thematics"].append(ident)

    def tube(self, file: _File, competence: str, thematic: str, node: MarkedDict) -> str | None:
        file.keys(node, {"id", "title", "description", "lesson", "skills"}, "tube")
        ident = file.string(node, "id", "tube")
        what = f"tube {ident}"
        if ident and not CAMEL.match(ident):
            file.problem(line_of(node, "id"), f"{what}: id must be camelCase letters only")
        title = file.text(node, "title", what)
        description = file.text(node, "description", what)
        lesson_id = None
        if "lesson" in node:
            lesson = file.mapping(node["lesson"], node, "lesson", f"{what} lesson")
            if lesson is not None:
                lesson_id = self.lesson(file, ident, lesson)
        skill_ids: list[str] = []
        levels: dict[int, int] = {}
        for skill_node in file.sequence(node, "skills", what):
            skill = file.mapping(skill_node, node, "skills", "skill")
            if skill is None:
                continue
            level = file.integer(skill, "level", f"{what} skill", MIN_LEVEL, MAX_LEVEL)
            if level is None:
                if "level" not in skill:
                    file.problem(line_of(skill), f"{what} skill: missing 'level'")
                continue
            if level in levels:
                file.problem(
                    line_of(skill, "level"),
                    f"{what}: level {level} already at line {levels[level]}",
                )
                continue
            levels[level] = line_of(skill, "level")
            skill_id = self.skill(file, competence, ident, level, skill)
            skill_ids.append(skill_id)
        if not ident or not self.unique(file, "tube", ident, node):
            return None
        skill_ids.sort(key=lambda s: self.skills[s].level if s in self.skills else 0)
        self.tubes[ident] = Tube(
            ident,
            competence,
            thematic,
            title,
            description,
            lesson_id,
            tuple(skill_ids),
            file.source(node),
        )
        self.comp_parts[competence]["tubes"].append(ident)
        self.comp_parts[competence]["skills"].extend(skill_ids)
        return ident

    def lesson(self, file: _File, tube: str, node: MarkedDict) -> str | None:
        file.keys(node, {"id", "title", "duration", "body"}, "lesson")
        ident = file.string(node, "id", "lesson")
        what = f"lesson {ident}"
        lesson = Lesson(
            id=ident,
            tube_id=tube,
            title=file.text(node, "title", what),
            duration=file.integer(node, "duration", what, 1) or 0,
            body=file.text(node, "body", what),
            source=file.source(node),
        )
        if "duration" not in node:
            file.problem(line_of(node), f"{what}: missing 'duration'")
        if ident and self.unique(file, "lesson", ident, node):
            self.lessons[ident] = lesson
            return ident
        return None

    def skill(self, file: _File, competence: str, tube: str, level: int, node: MarkedDict) -> str:
        file.keys(node, {"level", "description", "hint", "tutorials", "challenges"}, "skill")
        ident = f"@{tube}{level}"
        what = f"skill {ident}"
        better, more = [], []
        for tuto_node in file.sequence(node, "tutorials", what, required=False):
            tuto = file.mapping(tuto_node, node, "tutorials", "tutorial")
            tutorial = self.tutorial(file, ident, tuto) if tuto is not None else None
            if tutorial is not None:
                (better if tutorial.kind == "better" else more).append(tutorial.id)
        challenge_ids = []
        for chal_node in file.sequence(node, "challenges", what, required=False):
            chal = file.mapping(chal_node, node, "challenges", "challenge")
            challenge = (
                self.challenge(file, competence, tube, level, ident, chal)
                if chal is not None
                else None
            )
            if challenge is not None:
                challenge_ids.append(challenge.id)
        self.skills[ident] = Skill(
            id=ident,
            tube_id=tube,
            competence_id=competence,
            level=level,
            description=file.text(node, "description", what),
            hint=file.text(node, "hint", what, required=False),
            tutorial_ids=tuple(better),
            learning_more_tutorial_ids=tuple(more),
            challenge_ids=tuple(challenge_ids),
            source=file.source(node),
        )
        return ident

    def tutorial(self, file: _File, skill: str, node: MarkedDict) -> Tutorial | None:
        allowed = {"id", "kind", "locale", "title", "source", "format", "duration", "link"}
        file.keys(node, allowed, "tutorial")
        ident = file.string(node, "id", "tutorial")
        what = f"tutorial {ident}"
        kind = file.string(node, "kind", what)
        locale = file.string(node, "locale", what)
        fmt = file.string(node, "format", what)
        link = file.string(node, "link", what)
        for key, value, choices in (
            ("kind", kind, TUTORIAL_KINDS),
            ("locale", locale, LOCALES),
            ("format", fmt, TUTORIAL_FORMATS),
        ):
            if value and value not in choices:
                file.problem(
                    line_of(node, key),
                    f"{what}: {key} must be one of {', '.join(choices)}, not {value!r}",
                )
        if link and not (link.startswith("lesson:") or link.startswith("https://")):
            file.problem(
                line_of(node, "link"), f"{what}: link must be 'lesson:<id>' or an https:// address"
            )
        if fmt == "lesson" and link and not link.startswith("lesson:"):
            file.problem(line_of(node, "link"), f"{what}: a lesson tutorial links to 'lesson:<id>'")
        duration = file.integer(node, "duration", what, 1)
        if "duration" not in node:
            file.problem(line_of(node), f"{what}: missing 'duration'")
        tutorial = Tutorial(
            id=ident,
            skill_id=skill,
            kind=kind,
            locale=locale,
            title=file.string(node, "title", what),
            source_name=file.string(node, "source", what),
            format=fmt,
            duration=duration or 0,
            link=link,
            source=file.source(node),
        )
        if not ident or not self.unique(file, "tutorial", ident, node):
            return None
        self.tutorials[ident] = tutorial
        return tutorial

    # -- challenges -------------------------------------------------------------------------

    def challenge(
        self, file: _File, competence: str, tube: str, level: int, skill: str, node: MarkedDict
    ) -> Challenge | None:
        ident = file.string(node, "id", "challenge")
        what = f"challenge {ident}"
        if ident and not CHALLENGE_ID.match(ident):
            file.problem(line_of(node, "id"), f"{what}: id may hold letters, digits, '.', '-', '_'")
        kind = file.string(node, "type", what)
        if kind and kind not in CHALLENGE_TYPES:
            file.problem(
                line_of(node, "type"), f"{what}: type must be one of {', '.join(CHALLENGE_TYPES)}"
            )
            kind = ""
        file.keys(node, CHALLENGE_KEYS["common"] | CHALLENGE_KEYS.get(kind, set()), what)
        status = file.string(node, "status", what)
        if status and status not in CHALLENGE_STATUSES:
            file.problem(
                line_of(node, "status"),
                f"{what}: status must be one of {', '.join(CHALLENGE_STATUSES)}",
            )
        before = len(self.problems)
        values: dict[str, Any] = {
            "id": ident,
            "type": kind,
            "status": status,
            "skill_id": skill,
            "competence_id": competence,
            "tube_id": tube,
            "level": level,
            "instruction": file.text(node, "instruction", what),
            "explanation": file.text(node, "explanation", what),
            "focused": file.boolean(node, "focused", what, False),
            "timer": file.integer(node, "timer", what, 1),
            "source": file.source(node),
        }
        values.update(self.presentation(file, node, what))
        values.update(self.params(file, node, what, level))
        parse = {
            "qcu": self.choices, "qcm": self.choices, "qroc": self.qroc,
            "qrocm-ind": self.qrocm_ind, "qrocm-dep": self.qrocm_dep, "numeric": self.numeric,
        }.get(kind)  # fmt: skip
        if parse is not None:
            values.update(parse(file, node, what, kind))
        if not ident or not kind or not self.unique(file, "challenge", ident, node):
            return None
        challenge = Challenge(**values)
        self.judged_fields(file, node, challenge)
        if len(self.problems) == before:
            self.answer_once(file, node, challenge)
        self.challenges[ident] = challenge
        return challenge

    def presentation(self, file: _File, node: MarkedDict, what: str) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "illustration" in node:
            ill = file.mapping(node["illustration"], node, "illustration", f"{what} illustration")
            if ill is not None:
                file.keys(ill, {"file", "alt"}, f"{what} illustration")
                name = file.string(ill, "file", f"{what} illustration")
                if name and name not in self.illustration_files:
                    file.problem(
                        line_of(ill, "file"),
                        f"{what}: illustration {name!r} not found in content/illustrations/",
                    )
                elif name and not name.endswith(ILLUSTRATION_KINDS):
                    file.problem(
                        line_of(ill, "file"),
                        f"{what}: illustration {name!r} is not an .svg or .png image",
                    )
                elif name:
                    size = (self.root / "illustrations" / name).stat().st_size
                    if size > ILLUSTRATION_MAX_BYTES:
                        file.problem(
                            line_of(ill, "file"),
                            f"{what}: illustration {name!r} weighs {size // 1000} kB, more than"
                            f" {ILLUSTRATION_MAX_BYTES // 1000} kB for a phone on a poor"
                            " connection (reduce it, or draw it as SVG)",
                        )
                    elif self.illustration_size(name) is None:
                        file.problem(
                            line_of(ill, "file"),
                            f"{what}: illustration {name!r} does not give its size (a PNG"
                            " header, or an SVG width and height in px, or a viewBox)",
                        )
                width, height = (name and self.illustration_size(name)) or (0, 0)
                values["illustration"] = Illustration(
                    name, file.text(ill, "alt", f"{what} illustration"), width, height
                )
        if "attachments" in node:
            attachments = []
            for i, item in enumerate(file.sequence(node, "attachments", what)):
                line = line_of(node["attachments"], i)
                if isinstance(item, str):
                    names = dict.fromkeys(LOCALES, item)
                elif (
                    isinstance(item, MarkedDict)
                    and set(item) == set(LOCALES)
                    and all(isinstance(v, str) for v in item.values())
                ):
                    names = dict(item)
                else:
                    file.problem(
                        line, f"{what}: an attachment is a file name or {{fr: name, en: name}}"
                    )
                    continue
                for name in sorted(set(names.values())):
                    if name not in self.attachment_files:
                        file.problem(
                            line,
                            f"{what}: attachment {name!r} not found in "
                            f"content/{ATTACHMENT_FILES}/ (make attachments?)",
                        )
                attachments.append(MappingProxyType(names))
            values["attachments"] = tuple(attachments)
        if "embed" in node:
            embed = file.mapping(node["embed"], node, "embed", f"{what} embed")
            if embed is not None:
                file.keys(embed, {"simulator", "height", "scenario"}, f"{what} embed")
                name = file.string(embed, "simulator", f"{what} embed")
                if name and name not in self.simulators:
                    file.problem(
                        line_of(embed, "simulator"),
                        f"{what}: simulator {name!r} not found in content/simulators/",
                    )
                scenario = embed.get("scenario")
                if scenario is not None and not (
                    isinstance(scenario, MarkedDict) and all(loc in scenario for loc in LOCALES)
                ):
                    file.problem(
                        line_of(embed, "scenario"),
                        f"{what}: embed scenario must be {{fr: ..., en: ...}}",
                    )
                elif scenario is not None:
                    for locale in LOCALES:
                        file.scenario(scenario, locale, name, f"{what}: embed scenario.{locale}")
                height = file.integer(embed, "height", f"{what} embed", 100, 2000)
                values["embed"] = Embed(name, height or 480, _freeze(scenario or {}))
        return values

    def params(self, file: _File, node: MarkedDict, what: str, level: int) -> dict[str, Any]:
        params = node.get("params")
        if params is not None:
            params = file.mapping(params, node, "params", f"{what} params")
        if params is None:
            difficulty, discrimination = default_item_params(level)
            return {"difficulty": difficulty, "discrimination": discrimination, "calibrated": False}
        file.keys(params, {"difficulty", "discrimination"}, f"{what} params")
        difficulty = file.decimal(params, "difficulty", f"{what} params")
        discrimination = file.decimal(params, "discrimination", f"{what} params")
        if difficulty is None or discrimination is None:
            file.problem(
                line_of(node, "params"),
                f"{what}: params need a number for difficulty and discrimination",
            )
            return {}
        if Decimal(discrimination) <= 0:
            file.problem(
                line_of(params, "discrimination"), f"{what}: discrimination must be positive"
            )
        return {
            "difficulty": float(difficulty),
            "discrimination": float(discrimination),
            "calibrated": True,
        }

    def tolerances(self, file: _File, node: MarkedDict, what: str) -> frozenset[str]:
        if "tolerances" not in node:
            return frozenset(TOLERANCES)
        items = file.sequence(node, "tolerances", what)
        chosen = {t for t in items if isinstance(t, str)}
        if len(chosen) != len(items) or not chosen <= set(TOLERANCES):
            file.problem(
                line_of(node, "tolerances"), f"{what}: tolerances are a list among t1, t2, t3"
            )
        return frozenset(chosen & set(TOLERANCES))

    def choices(self, file: _File, node: MarkedDict, what: str, kind: str) -> dict[str, Any]:
        proposals = file.localised_lists(node, "proposals", what)
        sizes = {len(items) for items in proposals.values()}
        if len(sizes) > 1:
            counts = ", ".join(f"{loc}: {len(items)}" for loc, items in proposals.items())
            file.problem(
                line_of(node, "proposals"),
                f"{what}: proposals differ in number between locales ({counts})",
            )
        if sizes and min(sizes) < 2:
            file.problem(line_of(node, "proposals"), f"{what}: needs at least two proposals")
        size = min(sizes) if sizes else 0
        for locale, items in proposals.items():
            for index, item in enumerate(items):
                where = line_of(node["proposals"][locale], index)
                file.markdown(item, where, f"{what}: proposals.{locale} item {index + 1}")
        raw = node.get("solution")
        if isinstance(raw, int) and not isinstance(raw, bool):
            # A qcu has one right answer: `solution: 2` says it as well as `[2]` (SCHEMA.md). A
            # qcm lists its right answers: one number there is a list whose others were lost.
            if kind == "qcm":
                file.problem(
                    line_of(node, "solution"),
                    f"{what}: a qcm's solution is the list of its right positions, even when"
                    f" only one is right: write [{raw}]",
                )
            raw = [raw]
        positions: list[int] = []
        if not isinstance(raw, list) or not all(
            isinstance(p, int) and not isinstance(p, bool) for p in raw
        ):
            file.problem(
                line_of(node, "solution", line_of(node)),
                f"{what}: solution must be a list of 1-based positions",
            )
        else:
            positions = list(raw)
            if kind == "qcu" and len(positions) != 1:
                file.problem(
                    line_of(node, "solution"),
                    f"{what}: a qcu has exactly one right answer, not {len(positions)}",
                )
            if kind == "qcm" and not positions:
                file.problem(
                    line_of(node, "solution"), f"{what}: a qcm needs at least one right answer"
                )
            if len(set(positions)) != len(positions):
                file.problem(line_of(node, "solution"), f"{what}: solution repeats a position")
            for p in positions:
                if size and not 1 <= p <= size:
                    file.problem(
                        line_of(node, "solution"),
                        f"{what}: solution position {p} is not between 1 and {size}",
                    )
            if kind == "qcm" and size and len(set(positions)) == size:
                file.problem(
                    line_of(node, "solution"), f"{what}: every proposal is right; nothing to choose"
                )
        for locale, items in proposals.items():
            seen = set()
            for item in items:
                if pretreat(item).casefold() in seen:
                    file.problem(
                        line_of(node, "proposals"),
                        f"{what}: two {locale!r} proposals read the same: {item!r}",
                    )
                seen.add(pretreat(item).casefold())
        return {
            "proposals": proposals,
            "solution": tuple(positions),
            "shuffle": file.boolean(node, "shuffle", what, True),
        }

    def qroc(self, file: _File, node: MarkedDict, what: str, kind: str) -> dict[str, Any]:
        return {
            "label": file.text(node, "label", what, required=False),
            "solutions": file.localised_lists(node, "solutions", what),
            "tolerances": self.tolerances(file, node, what),
        }

    def fields(
        self, file: _File, node: MarkedDict, what: str, with_solutions: bool
    ) -> tuple[Field, ...]:
        fields, keys = [], set()
        for item in file.sequence(node, "fields", what):
            spec = file.mapping(item, node, "fields", f"{what} field")
            if spec is None:
                continue
            allowed = {"key", "label", "solutions", "judge"} if with_solutions else {"key", "label"}
            file.keys(spec, allowed, f"{what} field")
            key = file.string(spec, "key", f"{what} field")
            if key and not FIELD_KEY.match(key):
                file.problem(
                    line_of(spec, "key"),
                    f"{what}: field key {key!r} must be letters, digits, '-' or '_'",
                )
            if key in keys:
                file.problem(line_of(spec, "key"), f"{what}: duplicate field key {key!r}")
            keys.add(key)
            solutions = (
                file.localised_lists(spec, "solutions", f"{what} field {key}")
                if with_solutions
                else MappingProxyType({})
            )
            judge = file.string(spec, "judge", f"{what} field {key}", required=False)
            if judge and judge not in JUDGES:
                file.problem(
                    line_of(spec, "judge"),
                    f"{what}: field {key} judge must be one of {', '.join(JUDGES)}",
                )
                judge = ""
            label = file.text(spec, "label", f"{what} field {key}")
            fields.append(Field(key, label, solutions, judge))
        if not fields and "fields" in node:
            file.problem(line_of(node, "fields"), f"{what}: needs at least one field")
        return tuple(fields)

    def qrocm_ind(self, file: _File, node: MarkedDict, what: str, kind: str) -> dict[str, Any]:
        return {
            "fields": self.fields(file, node, what, True),
            "tolerances": self.tolerances(file, node, what),
        }

    def qrocm_dep(self, file: _File, node: MarkedDict, what: str, kind: str) -> dict[str, Any]:
        fields = self.fields(file, node, what, False)
        groups: dict[str, tuple[tuple[str, ...], ...]] = {}
        value = node.get("groups")
        if not isinstance(value, MarkedDict):
            file.problem(
                line_of(node, "groups", line_of(node)),
                f"{what}: groups must be {{fr: [[...], ...], en: [[...], ...]}}",
            )
        else:
            for locale in LOCALES:
                items = value.get(locale)
                if (
                    not isinstance(items, MarkedList)
                    or not items
                    or not all(isinstance(g, MarkedList) and g for g in items)
                ):
                    file.problem(
                        line_of(value, locale, line_of(node, "groups")),
                        f"{what}: groups needs a {locale!r} list of non-empty lists",
                    )
                    continue
                groups[locale] = tuple(
                    tuple(file._item_text(g, i, f"{what} groups.{locale}") for i in range(len(g)))
                    for g in items
                )
            if len({len(g) for g in groups.values()}) > 1:
                file.problem(
                    line_of(node, "groups"), f"{what}: groups differ in number between locales"
                )
        required = file.integer(node, "required", what, 1)
        if required is None:
            required = len(fields)
        if required > len(fields):
            file.problem(
                line_of(node, "required"),
                f"{what}: required ({required}) exceeds the {len(fields)} fields",
            )
        for locale, items in groups.items():
            if required > len(items):
                file.problem(
                    line_of(node, "groups"),
                    f"{what}: only {len(items)} {locale!r} groups for {required} required answers",
                )
        return {
            "fields": fields,
            "groups": MappingProxyType(groups),
            "required": required,
            "tolerances": self.tolerances(file, node, what),
        }

    def numeric(self, file: _File, node: MarkedDict, what: str, kind: str) -> dict[str, Any]:
        number = file.decimal(node, "solution", what)
        if number is None and "solution" not in node:
            file.problem(line_of(node), f"{what}: missing 'solution'")
        tolerance = file.decimal(node, "tolerance", what) or "0"
        if Decimal(tolerance) < 0:
            file.problem(line_of(node, "tolerance"), f"{what}: tolerance cannot be negative")
        return {
            "label": file.text(node, "label", what, required=False),
            "number": number or "0",
            "tolerance": tolerance,
        }

    def judged_fields(self, file: _File, node: MarkedDict, challenge: Challenge) -> None:
        """A field the robot judges needs a robot scenario that can judge programs, in each
        locale, and that reports the program into that very field."""
        what = f"challenge {challenge.id}"
        for f in challenge.fields:
            if f.judge != "robot":
                continue
            embed = challenge.embed
            if (
                embed is None
                or embed.simulator != "robot"
                or not isinstance(embed.scenario, Mapping)
                or not embed.scenario
            ):
                file.problem(
                    line_of(node, "fields"),
                    f"{what}: field {f.key} is judged by the robot, but the challenge embeds"
                    " no robot simulator with a scenario",
                )
                continue
            scenarios = node["embed"]["scenario"]
            for locale in LOCALES:
                scenario = embed.scenario.get(locale)
                line = line_of(scenarios, locale)
                for problem in robot.scenario_problems(scenario):
                    file.problem(line, f"{what}: embed scenario.{locale}: {problem}")
                report = scenario.get("report") if isinstance(scenario, Mapping) else None
                if not isinstance(report, Mapping) or report.get(f.key) != "program":
                    file.problem(
                        line,
                        f"{what}: embed scenario.{locale} must report the program into the field"
                        f" the robot judges: report: {{{f.key}: program}}",
                    )

    def judged_solutions(
        self, file: _File, node: MarkedDict, challenge: Challenge, locale: str
    ) -> bool:
        """Every solution of a field the robot judges leads the robot to its goal; False (and
        the problems said) if one does not."""
        what, right = f"challenge {challenge.id}", True
        scenarios = challenge.embed.scenario if challenge.embed is not None else None
        specs = [s for s in node.get("fields") or () if isinstance(s, MarkedDict)]
        for f in challenge.fields:
            if f.judge != "robot" or not isinstance(scenarios, Mapping):
                continue
            spec = next((s for s in specs if s.get("key") == f.key), node)
            for v in f.solutions.get(locale, ()):
                run = robot.judge(scenarios.get(locale), v)
                if not run.success:
                    right = False
                    why = run.reason or f"the run ends {run.outcome}"
                    file.problem(
                        line_of(spec, "solutions", line_of(node)),
                        f"{what}: field {f.key} {locale!r} solution {v!r} does not lead the"
                        f" robot to its goal ({why})",
                    )
        return right

    def answer_once(self, file: _File, node: MarkedDict, challenge: Challenge) -> None:
        """The author's own answer must pass the real checker, in every locale and variant."""
        what = f"challenge {challenge.id}"
        for locale in LOCALES:
            answer = solution_answer(challenge, locale)
            judged_right = self.judged_solutions(file, node, challenge, locale)
            if judged_right and not check_answer(challenge, locale, answer).ok:
                file.problem(
                    line_of(node),
                    f"{what}: the checker rejects its own {locale!r} solution {answer!r}",
                )
            variants: list[tuple[str, tuple[str, ...]]] = []
            if challenge.type == "qroc":
                variants = [("solutions", (v,)) for v in challenge.solutions.get(locale, ())]
            elif challenge.type == "qrocm-ind":
                variants = [
                    (f"field {f.key}", (v,))
                    for f in challenge.fields
                    for v in f.solutions.get(locale, ())
                    if not f.judge
                ]
            elif challenge.type == "qrocm-dep":
                variants = [("groups", (v,)) for g in challenge.groups.get(locale, ()) for v in g]
            for where, (variant,) in variants:
                if len(variant) > MAX_VARIANT_LENGTH:
                    file.problem(
                        line_of(node),
                        f"{what}: {where} {locale!r} variant is longer than"
                        f" {MAX_VARIANT_LENGTH} characters: not a free answer",
                    )
                if not matches_any(variant, (variant,), challenge.tolerances):
                    file.problem(
                        line_of(node),
                        f"{what}: {where} {locale!r} variant {variant!r} can never be answered",
                    )

    # -- after every file -------------------------------------------------------------------

    def links(self) -> None:
        for tutorial in self.tutorials.values():
            lesson = tutorial.lesson_id
            if lesson is not None and lesson not in self.lessons:
                self.problems.append(
                    Problem(
                        tutorial.source.path,
                        tutorial.source.line,
                        f"tutorial {tutorial.id}: no lesson {lesson!r}",
                    )
                )

    def pix_values(self) -> dict[str, float]:
        """pixValue = min(4, 8 / n), n: skills of that competence and level with a validated one."""
        counts: dict[tuple[str, int], int] = defaultdict(int)
        scored = [
            s
            for s in self.skills.values()
            if any(self.challenges[c].validated for c in s.challenge_ids if c in self.challenges)
        ]
        for skill in scored:
            counts[(skill.competence_id, skill.level)] += 1
        return {s.id: min(4.0, 8.0 / counts[(s.competence_id, s.level)]) for s in scored}

    # -- calibrated item parameters ------------------------------------------------------------

    def item_params(self) -> None:
        """Apply the parameter set of `manage.py calibrate`, if there is one.

        An item it calibrated, without a misfit flag, takes its fitted difficulty and
        discrimination (over those of its YAML). A misfitting item keeps its parameters until its
        authors have looked at it; an item the bank no longer has is ignored.
        """
        path = self.root / ITEM_PARAMS
        if not path.is_file():
            return
        shown = display_path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            self.problems.append(Problem(shown, 1, f"not a readable JSON parameter set: {error}"))
            return
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, dict):
            self.problems.append(Problem(shown, 1, 'a parameter set is {"items": {id: {...}}}'))
            return
        for ident, entry in items.items():
            challenge = self.challenges.get(ident)
            if challenge is None:
                continue
            fitted = _fitted_params(entry)
            if fitted is None:
                self.problems.append(
                    Problem(
                        shown,
                        1,
                        f"{ident}: needs a number for difficulty, a positive discrimination, "
                        "calibrated true or false and a misfit list",
                    )
                )
            elif fitted:
                difficulty, discrimination = fitted
                self.challenges[ident] = replace(
                    challenge, difficulty=difficulty, discrimination=discrimination, calibrated=True
                )

    def release(self, version: str) -> Release:
        values = self.pix_values()
        skills = {
            ident: replace(skill, pix_value=values.get(ident, 0.0))
            for ident, skill in self.skills.items()
            if skill.tube_id in self.tubes
        }
        competences = {}
        for index in self.competence_area:
            parts = self.comp_parts.get(index, {"thematics": [], "tubes": [], "skills": []})
            competences[index] = Competence(
                id=index,
                area_id=self.competence_area[index],
                name=self.competence_names[index],
                thematic_ids=tuple(parts["thematics"]),
                tube_ids=tuple(parts["tubes"]),
                skill_ids=tuple(parts["skills"]),
                source=self.competence_sources.get(index, NO_SOURCE),
            )
        by_competence: dict[str, list[Skill]] = defaultdict(list)
        by_tube: dict[str, list[Skill]] = defaultdict(list)
        for skill in skills.values():
            by_competence[skill.competence_id].append(skill)
            by_tube[skill.tube_id].append(skill)
        by_skill = {
            ident: tuple(self.challenges[c] for c in skill.challenge_ids if c in self.challenges)
            for ident, skill in skills.items()
        }
        order = lambda s: (s.competence_id, s.tube_id, s.level)  # noqa: E731
        proxy = MappingProxyType
        return Release(
            version=version,
            areas=proxy(dict(self.areas)),
            competences=proxy(competences),
            thematics=proxy(dict(self.thematics)),
            tubes=proxy(dict(self.tubes)),
            skills=proxy(skills),
            challenges=proxy(dict(self.challenges)),
            tutorials=proxy(dict(self.tutorials)),
            lessons=proxy(dict(self.lessons)),
            skills_by_competence=proxy(
                {k: tuple(sorted(v, key=order)) for k, v in by_competence.items()}
            ),
            skills_by_tube=proxy({k: tuple(sorted(v, key=order)) for k, v in by_tube.items()}),
            challenges_by_skill=proxy(by_skill),
            simulators=self.simulators,
            attachments=self.attachment_files,
            attachment_sizes=self.attachment_sizes,
            illustrations=self.illustration_files,
            content_dir=str(self.root),
        )


def _fitted_params(entry: Any) -> tuple[float, float] | tuple[()] | None:
    """(difficulty, discrimination) to apply, () to keep the item's own, None if malformed."""
    if not isinstance(entry, dict):
        return None
    difficulty, discrimination = entry.get("difficulty"), entry.get("discrimination")
    calibrated, misfit = entry.get("calibrated"), entry.get("misfit", [])
    numbers = all(
        isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
        for x in (difficulty, discrimination)
    )
    if not numbers or discrimination <= 0 or not isinstance(calibrated, bool):
        return None
    if not isinstance(misfit, list):
        return None
    return (float(difficulty), float(discrimination)) if calibrated and not misfit else ()


def load_release(content_dir: str | os.PathLike[str]) -> Release:
    """Read and validate content/; raise ContentError listing every problem found."""
    release, problems = inspect_content(content_dir)
    if problems:
        raise ContentError(problems)
    return release


def default_content_dir() -> Path:
    """OCTET_CONTENT_DIR, or content/ at the root of the repository."""
    configured = os.environ.get("OCTET_CONTENT_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[3] / "content"


@functools.cache
def current_release() -> Release:
    """The release the running platform serves, loaded once per process and kept in memory."""
    return load_release(default_content_dir())


def inspect_content(content_dir: str | os.PathLike[str]) -> tuple[Release, list[Problem]]:
    """For the content tools: the release as far as it loads, and every loading problem.

    The release may be partial when there are problems; the platform never uses this.
    """
    root = Path(content_dir)
    loader = _Loader(root)
    loader.framework()
    competences_dir = root / "competences"
    for path in sorted(competences_dir.glob("*.yaml")) if competences_dir.is_dir() else ():
        loader.competence_file(path)
    loader.links()
    loader.item_params()
    return loader.release(version_of(root)), list(loader.problems)
