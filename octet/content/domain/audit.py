"""Editorial rules and figures about a release, for `make content-check` and `content-stats`.

The loader refuses content that would be served wrong; these rules are about a bank that is
complete enough to teach (tutorials, lessons, attachments in step with their specs).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from octet.content.domain.attachments import AttachmentSpec
from octet.content.domain.checking import folded, normalise, typo_allowance
from octet.content.domain.model import (
    CHALLENGE_TYPES,
    LOCALES,
    TUTORED_MAX_LEVEL,
    Challenge,
    Skill,
)
from octet.content.domain.problems import Problem
from octet.content.domain.release import Release
from octet.evaluation.domain.knowledge import (
    DEFAULT_MAX_REACHABLE_LEVEL,
    MAX_PIX_PER_SKILL,
    PIX_PER_LEVEL,
)

# A level is worth PIX_PER_LEVEL pix shared by its skills, at most MAX_PIX_PER_SKILL each: with
# fewer skills than this, mastering the level is worth less and the learner is shown a level
# too low (pix // PIX_PER_LEVEL).
SKILLS_PER_LEVEL = math.ceil(PIX_PER_LEVEL / MAX_PIX_PER_SKILL)


def _free_variants(challenge: Challenge) -> list[str]:
    if challenge.type == "qroc":
        return [v for variants in challenge.solutions.values() for v in variants]
    if challenge.type == "qrocm-ind":
        return [v for f in challenge.fields for vs in f.solutions.values() for v in vs]
    if challenge.type == "qrocm-dep":
        return [v for groups in challenge.groups.values() for g in groups for v in g]
    return []


def typo_risks(challenge: Challenge) -> list[str]:
    """Variants that are mostly digits but hold letters (a date, a code, a size) while t3
    forgives a typo: the digits buy an allowance as large as the letters, so one changed word is
    another valid-looking answer ("12 mai 2021" for "12 mars 2021", "512 Mo" for "512 Go",
    "BRT-2026" for "BRS-2026"), and t3 must be off (SCHEMA.md).

    A variant without letters ("2021", "12/03/2021", "4.1") is no risk: no tolerance changes a
    number, so t3 can only touch what is around its numbers."""
    if "t3" not in challenge.tolerances:
        return []
    risky = []
    for variant in _free_variants(challenge):
        form = normalise(variant, challenge.tolerances)
        digits = sum(ch.isdigit() for ch in form)
        letters = sum(ch.isalpha() for ch in form)
        if typo_allowance(form) and letters and digits * 2 >= len(form) and variant not in risky:
            risky.append(variant)
    return risky


def _words(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, padded: " 1 gb 1 000 mb "."""
    text = "".join(c if c.isalnum() else " " for c in folded(text))
    return f" {' '.join(text.split())} "


def _answers(challenge: Challenge, locale: str) -> list[str]:
    if challenge.type in ("qcu", "qcm"):
        return [challenge.proposals[locale][i - 1] for i in challenge.solution]
    if challenge.type == "qroc":
        return list(challenge.solutions.get(locale, ()))
    if challenge.type == "qrocm-ind":
        return [v for f in challenge.fields for v in f.solutions.get(locale, ())]
    if challenge.type == "qrocm-dep":
        return [v for group in challenge.groups.get(locale, ()) for v in group]
    return [challenge.number]


def hint_answer_quotes(release: Release, skill: Skill) -> list[tuple[str, str, str]]:
    """(challenge id, locale, answer) for each answer of a question of the skill that its hint
    quotes word for word. The hint is shown under every question of the skill, so it says what
    to look at, not what to answer. A simulator's answers are states it records (on, friends),
    not words the learner gives, and answers under 4 characters are ordinary words (To, Cc);
    a number answer counts whatever its length."""
    quotes = []
    for challenge in release.challenges_by_skill.get(skill.id, ()):
        if not challenge.validated or challenge.embed is not None:
            continue
        for locale in LOCALES:
            hint = _words(skill.hint.get(locale, ""))
            for answer in _answers(challenge, locale):
                words = _words(answer)
                short = len(words.strip()) < 4 and challenge.type != "numeric"
                if words.strip() and not short and words in hint:
                    quotes.append((challenge.id, locale, answer))
    return quotes


# "the 3rd program", "only the first address", "the first two", "the last one follows": a
# proposal named by its place in the list, followed by a verb or a punctuation mark (so that
# "the first column" or "the last save" are left alone).
_ORDINAL_EN = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_ORDINAL_FR = (
    r"(?:premi[eè]re?s?|deuxi[eè]mes?|troisi[eè]mes?|quatri[eè]mes?|derni[eè]re?s?|1re|1er|[2-5]e)"
)
_PROPOSAL_EN = (
    r"(?:one|ones|program|programme|address|formula|sentence|choice|option|answer|proposal"
    r"|statement)"
)
_PROPOSAL_FR = (
    r"(?:programme|adresse|formule|phrase|choix|option|r[ée]ponse|proposition|affirmation)s?"
)
_VERB_EN = (
    r"(?:a|an|the|is|are|ends|opens|closes|draws|divides|follows|state|states|gives|belongs"
    r"|says|shows|does|do|has|have)"
)
_VERB_FR = (
    r"(?:un|une|le|la|les|est|sont|se|ne|n|ouvre|ferme|trace|divise|suit|donne|donnent"
    r"|appartient|dit|disent|montre|a|ont|expriment|[ée]noncent)"
)
POSITION_REFERENCES = {
    "en": re.compile(
        rf"\bthe {_ORDINAL_EN}(?: (?:two|three))?(?: {_PROPOSAL_EN})?(?=\s*[,;:]| {_VERB_EN}\b)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        rf"\b(?:la|le|les|l') ?(?:(?:deux|trois) )?{_ORDINAL_FR}(?: (?:deux|trois))?"
        rf"(?: {_PROPOSAL_FR})?"
        rf"(?=\s*[,;:]| {_VERB_FR}\b)",
        re.IGNORECASE,
    ),
}


def position_references(challenge: Challenge) -> list[tuple[str, str]]:
    """(locale, words) where the explanation of a shuffled qcu or qcm names a proposal by its
    place in the list: each learner saw the proposals in another order, so "the 3rd" means
    nothing to them; the explanation names the proposal by what it says."""
    if challenge.type not in ("qcu", "qcm") or not challenge.shuffle:
        return []
    return [
        (locale, match.group(0))
        for locale in LOCALES
        for match in POSITION_REFERENCES[locale].finditer(challenge.explanation.get(locale, ""))
    ]


def editorial_problems(release: Release) -> list[Problem]:
    problems = []
    for challenge in release.challenges.values():
        for variant in typo_risks(challenge):
            problems.append(
                Problem(
                    challenge.source.path,
                    challenge.source.line,
                    f"challenge {challenge.id}: {variant!r} is mostly digits, where a typo t3"
                    " forgives is another answer ('12 mai' for '12 mars'); set tolerances:"
                    " [t1, t2]",
                )
            )
        if challenge.validated:
            for locale, words in position_references(challenge):
                problems.append(
                    Problem(
                        challenge.source.path,
                        challenge.source.line,
                        f"challenge {challenge.id}: the {locale} explanation names a proposal by"
                        f" its place ({words!r}), but each learner sees the proposals in another"
                        " order; name it by what it says",
                    )
                )
    for skill in release.skills.values():
        for challenge_id, locale, answer in hint_answer_quotes(release, skill):
            problems.append(
                Problem(
                    skill.source.path,
                    skill.source.line,
                    f"skill {skill.id}: the {locale} hint, shown under every question of the"
                    f" skill, quotes the answer {answer!r} of {challenge_id}; say what to look"
                    " at, not what to answer",
                )
            )
    for tube in release.tubes.values():
        if tube.lesson_id is None:
            problems.append(
                Problem(tube.source.path, tube.source.line, f"tube {tube.id}: no lesson")
            )
    for skill in release.skills.values():
        if skill.level > TUTORED_MAX_LEVEL:
            continue
        locales = {
            release.tutorials[t].locale for t in skill.tutorial_ids if t in release.tutorials
        }
        for locale in LOCALES:
            if locale not in locales:
                problems.append(
                    Problem(
                        skill.source.path,
                        skill.source.line,
                        f"skill {skill.id}: no 'better' tutorial in {locale!r}"
                        f" (required up to level {TUTORED_MAX_LEVEL})",
                    )
                )
    problems += level_problems(release)
    return problems


def level_problems(release: Release, max_level: int = DEFAULT_MAX_REACHABLE_LEVEL) -> list[Problem]:
    """Each level a learner can reach (1 to `max_level`) of a competence with content needs
    SKILLS_PER_LEVEL skills with a validated challenge, so that mastering it is worth its 8 pix.

    A competence without any validated challenge is not in the bank yet and is left alone.
    """
    problems = []
    for competence in release.competences.values():
        by_level: dict[int, list] = defaultdict(list)
        for skill in release.skills_by_competence.get(competence.id, ()):
            if any(c.validated for c in release.challenges_by_skill.get(skill.id, ())):
                by_level[skill.level].append(skill)
        if not by_level:
            continue
        for level in range(1, max_level + 1):
            skills = by_level.get(level, [])
            if len(skills) >= SKILLS_PER_LEVEL:
                continue
            pix = sum(s.pix_value for s in skills)
            if skills:
                names = ", ".join(s.id for s in skills)
                where = skills[-1].source
                message = (
                    f"competence {competence.id}: level {level} has {len(skills)} skill with a"
                    f" validated challenge ({names}), worth {pix:g} pix instead of"
                    f" {PIX_PER_LEVEL}: a learner who masters it is shown a level too low;"
                    f" add a skill at this level (each level from 1 to {max_level} needs"
                    f" {SKILLS_PER_LEVEL})"
                )
            else:
                where = competence.source
                message = (
                    f"competence {competence.id}: no skill with a validated challenge at level"
                    f" {level}, so no learner can reach it; add {SKILLS_PER_LEVEL} (each level"
                    f" from 1 to {max_level} needs {SKILLS_PER_LEVEL})"
                )
            problems.append(Problem(where.path, where.line, message))
    return problems


def attachment_problems(
    release: Release, specs: list[AttachmentSpec], files_dir: Path, display=str
) -> list[Problem]:
    """Specs and committed files must match one to one."""
    problems = []
    declared = {spec.file for spec in specs}
    for spec in specs:
        if spec.file not in release.attachments:
            problems.append(
                Problem(
                    spec.path,
                    spec.line,
                    f"attachment {spec.file}: file not generated (run make attachments)",
                )
            )
    for name in release.attachments:
        if name not in declared:
            problems.append(Problem(display(files_dir / name), 1, "attachment file without a spec"))
    return problems


def release_stats(release: Release, specs: list[AttachmentSpec] | None = None) -> dict[str, Any]:
    challenges = list(release.challenges.values())
    validated = [c for c in challenges if c.validated]
    levels = {
        index: sorted(
            {
                c.level
                for s in release.skills_by_competence.get(index, ())
                for c in release.challenges_by_skill.get(s.id, ())
                if c.validated
            }
        )
        for index in release.competences
    }
    types = Counter(c.type for c in challenges)
    usage = Counter(c.embed.simulator for c in challenges if c.embed is not None)
    used_attachments = {name for c in challenges for a in c.attachments for name in a.values()}
    return {
        "version": release.version,
        "areas": len(release.areas),
        "competences": len(release.competences),
        "competences_with_content": sum(1 for c in release.competences.values() if c.tube_ids),
        "thematics": len(release.thematics),
        "tubes": len(release.tubes),
        "skills": len(release.skills),
        "challenges": len(challenges),
        "validated": len(validated),
        "statuses": dict(sorted(Counter(c.status for c in challenges).items())),
        "types": {t: types.get(t, 0) for t in CHALLENGE_TYPES},
        "locales": {loc: sum(1 for c in challenges if loc in c.locales) for loc in LOCALES},
        "levels": levels,
        "tutorials": len(release.tutorials),
        "own_lessons": len(release.lessons),
        "simulators": len(release.simulators),
        "simulator_usage": {name: usage.get(name, 0) for name in release.simulators},
        "attachments": len(release.attachments),
        "attachment_specs": len(specs) if specs is not None else None,
        "attachments_used": len(used_attachments),
        "illustrations": len(release.illustrations),
        "timed": sum(1 for c in challenges if c.timed),
        "focused": sum(1 for c in challenges if c.focused),
        "calibrated": sum(1 for c in challenges if c.calibrated),
        "pix_max": round(sum(s.pix_value for s in release.skills.values()), 2),
    }
