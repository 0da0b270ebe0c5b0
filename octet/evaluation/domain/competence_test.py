"""Competence and campaign tests: choose the next challenge, or finish, from the answers so far.

Model (see docs/engine.md). Inside a competence, the learner has an ability `theta` on the level
scale (0..8). In each tube, they master every skill up to a ceiling `k` (0 = none); given
theta, the ceiling is a rounded normal around theta (spread `tube_spread`), cut at the tube's
highest level. An answer on a skill of level l is correct with probability 1 - slip when
l <= k, and `guess` otherwise, so a single slip or lucky guess does not decide a tube. The
posterior over (theta, ceilings) is exact on a small grid, since tubes are independent given
theta.

The result is a consolidated knowledge state: a skill asked directly keeps the learner's own
outcome; every other target skill is validated when its mastery probability is at least 1/2.
The test stops when the probability that the level per competence is the reported one reaches
`confidence` (sampled from the posterior), so questions stop as soon as they would no longer
change the result meaningfully. The next challenge is the one whose answer is expected to
shrink most the uncertainty of the competence's pix.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.special import ndtr

from octet.evaluation.domain.knowledge import (
    DEFAULT_MAX_REACHABLE_LEVEL,
    PIX_PER_LEVEL,
    current_knowledge,
    pix_values,
)
from octet.evaluation.domain.types import (
    ENGINE_VERSION,
    VALIDATED,
    AnswerRecord,
    Decision,
    Estimate,
    Item,
    KnowledgeElement,
    SkillRef,
)

THETA_GRID = np.linspace(-0.5, 8.5, 37)


@dataclass(frozen=True, slots=True)
class CompetenceTestConfig:
    slip: float = 0.10
    guess: float = 0.20
    tube_spread: float = 1.0
    prior_mean: float = 2.5
    prior_sd: float = 2.0
    confidence: float = 0.80  # stop when P(level is the reported one) reaches this
    min_questions: int = 3
    max_questions: int = 30
    first_level: int = 2  # start easy: the first question is at this level (or the lowest)
    max_level_gap: float = 2.5  # never ask a skill this far above the estimated level
    variety: float = 0.15  # candidates within 15 % of the best are drawn at random
    samples: int = 400
    statuses: tuple[str, ...] = (VALIDATED,)  # campaigns pass ("validated", "archived")
    allow_other_locales: bool = False
    max_reachable_level: int = DEFAULT_MAX_REACHABLE_LEVEL


@dataclass
class _Tube:
    name: str
    competence: str
    skills: list[SkillRef]
    top: int  # highest target level in the tube
    cond: np.ndarray = field(repr=False)  # P(ceiling = k | theta), grid x (top + 1)


@dataclass
class CompetenceState:
    """Posterior summary for one competence."""

    competence: str
    theta_mean: float
    theta_sd: float
    level: int  # level of the consolidated knowledge state
    confidence: float  # P(level == reported level)
    level_probabilities: dict[int, float]
    questions: int


@dataclass
class Assessment:
    """Everything the engine knows after the answers so far."""

    competences: dict[str, CompetenceState]
    mastery: dict[str, float]  # P(skill mastered), every target skill
    elements: list[KnowledgeElement]  # the consolidated knowledge state
    tube_marginals: dict[str, np.ndarray] = field(repr=False, default_factory=dict)


def locale_rank(locales: Iterable[str], locale: str) -> int | None:
    """0 for the exact locale, 1 for the same language (fr-fr vs fr), None otherwise."""
    wanted = locale.lower()
    language = wanted.split("-")[0]
    ranks = []
    for loc in locales:
        loc = loc.lower()
        if loc == wanted:
            ranks.append(0)
        elif loc.split("-")[0] == language:
            ranks.append(1)
    return min(ranks) if ranks else None


class CompetenceTest:
    """A prepared test over target skills; cheap to ask repeatedly as answers come in."""

    def __init__(
        self,
        items: Sequence[Item],
        target_skills: Sequence[SkillRef],
        config: CompetenceTestConfig | None = None,
        pix: Mapping[str, float] | None = None,
    ) -> None:
        self.config = config or CompetenceTestConfig()
        self.items = {item.id: item for item in items}
        self.target = {s.id: s for s in target_skills}
        self.pix = dict(pix) if pix is not None else pix_values(target_skills)
        self.items_by_skill: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            if item.skill_id in self.target:
                self.items_by_skill[item.skill_id].append(item)
        cfg = self.config
        grid = THETA_GRID
        prior = np.exp(-0.5 * ((grid - cfg.prior_mean) / cfg.prior_sd) ** 2)
        self.log_prior = np.log(prior / prior.sum())
        by_tube: dict[str, list[SkillRef]] = defaultdict(list)
        for skill in target_skills:
            by_tube[skill.tube].append(skill)
        self.tubes: dict[str, _Tube] = {}
        for name, skills in by_tube.items():
            skills.sort(key=lambda s: (s.level, s.id))
            top = max(s.level for s in skills)
            edges = np.arange(top + 2) - 0.5
            edges[0], edges[-1] = -np.inf, np.inf
            cdf = ndtr((edges[None, :] - grid[:, None]) / cfg.tube_spread)
            cond = np.diff(cdf, axis=1)
            self.tubes[name] = _Tube(name, skills[0].competence, skills, top, cond)
        self.competences = sorted({t.competence for t in self.tubes.values()})

    # ---- knowledge ----------------------------------------------------------------------

    def _observations(
        self, answers: Sequence[AnswerRecord], prior_elements: Iterable[KnowledgeElement]
    ) -> tuple[dict[str, list[tuple[int, bool]]], dict[str, bool], dict[str, int]]:
        """Per tube (level, correct) pairs; per skill the settled outcome; per competence #."""
        obs: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        settled: dict[str, bool] = {}
        asked: dict[str, int] = defaultdict(int)
        for element in current_knowledge(prior_elements).values():
            skill = self.target.get(element.skill_id)
            if skill is None or element.source != "direct":
                continue
            ok = element.status == "validated"
            obs[skill.tube].append((skill.level, ok))
            settled[skill.id] = ok
        for answer in answers:
            item = self.items.get(answer.item_id)
            if item is None or item.skill_id not in self.target:
                continue  # a challenge gone from the release, or outside the target
            skill = self.target[item.skill_id]
            obs[skill.tube].append((skill.level, answer.correct))
            settled.setdefault(skill.id, answer.correct)  # the first answer of a skill stands
            asked[skill.competence] += 1
        return obs, settled, asked

    def assess(
        self,
        answers: Sequence[AnswerRecord],
        prior_elements: Iterable[KnowledgeElement] = (),
        seed: int = 0,
    ) -> Assessment:
        cfg = self.config
        obs, settled, asked = self._observations(answers, prior_elements)
        rng = np.random.default_rng([seed & 0xFFFFFFFF, len(answers), 1])
        competences: dict[str, CompetenceState] = {}
        mastery: dict[str, float] = {}
        marginals: dict[str, np.ndarray] = {}
        elements: list[KnowledgeElement] = []
        for competence in self.competences:
            tubes = [t for t in self.tubes.values() if t.competence == competence]
            log_post = self.log_prior.copy()
            liks, ms = [], []
            for tube in tubes:
                lik = np.ones(tube.top + 1)
                states = np.arange(tube.top + 1)
                for level, ok in obs.get(tube.name, ()):
                    known = states >= level
                    if ok:
                        lik *= np.where(known, 1 - cfg.slip, cfg.guess)
                    else:
                        lik *= np.where(known, cfg.slip, 1 - cfg.guess)
                m = tube.cond @ lik
                log_post += np.log(np.maximum(m, 1e-300))
                liks.append(lik)
                ms.append(m)
            post = np.exp(log_post - log_post.max())
            post /= post.sum()
            theta_mean = float(post @ THETA_GRID)
            theta_sd = float(math.sqrt(max(post @ (THETA_GRID - theta_mean) ** 2, 0.0)))
            draws = rng.choice(len(THETA_GRID), size=cfg.samples, p=post)
            sample_pix = np.zeros(cfg.samples)
            exact_pix = 0.0
            for tube, lik, m in zip(tubes, liks, ms, strict=True):
                joint = tube.cond * lik[None, :] / np.maximum(m, 1e-300)[:, None]
                marginal = post @ joint
                marginal /= marginal.sum()
                marginals[tube.name] = marginal
                at_least = np.cumsum(marginal[::-1])[::-1]  # P(ceiling >= k)
                # Pix of the tube for each ceiling k, a direct answer standing for its skill.
                pix_by_state = np.zeros(tube.top + 1)
                for skill in tube.skills:
                    value = self.pix.get(skill.id, 0.0)
                    p_known = float(at_least[skill.level])
                    mastery[skill.id] = p_known
                    if skill.id in settled:
                        pix_by_state += value * settled[skill.id]
                        ok = settled[skill.id]
                        source, basis = "direct", "answer"
                    else:
                        pix_by_state[skill.level :] += value
                        ok = p_known >= 0.5
                        source, basis = "inferred", "estimate"
                    exact_pix += value * ok
                    elements.append(
                        KnowledgeElement(
                            skill_id=skill.id,
                            status="validated" if ok else "invalidated",
                            source=source,
                            competence=competence,
                            earned_pix=value if ok else 0.0,
                            basis=basis,
                        )
                    )
                cum = np.cumsum(joint[draws], axis=1)
                u = rng.random(cfg.samples)[:, None]
                states = np.minimum((cum < u * cum[:, -1:]).sum(axis=1), tube.top)
                sample_pix += pix_by_state[states]
            cap = cfg.max_reachable_level
            sample_levels = np.minimum(np.floor(sample_pix + 1e-9) // PIX_PER_LEVEL, cap)
            level = int(min(math.floor(exact_pix + 1e-9) // PIX_PER_LEVEL, cap))
            counts = np.bincount(sample_levels.astype(int), minlength=cap + 1)
            competences[competence] = CompetenceState(
                competence=competence,
                theta_mean=theta_mean,
                theta_sd=theta_sd,
                level=level,
                confidence=float(counts[level] / cfg.samples),
                level_probabilities={i: float(c / cfg.samples) for i, c in enumerate(counts) if c},
                questions=asked.get(competence, 0),
            )
        return Assessment(competences, mastery, elements, marginals)

    # ---- choice -------------------------------------------------------------------------

    def _servable(self, skill_id: str, answered: set[str], locale: str) -> list[tuple[int, Item]]:
        out = []
        for item in self.items_by_skill.get(skill_id, ()):
            if item.id in answered or item.status not in self.config.statuses:
                continue
            rank = locale_rank(item.locales, locale)
            if rank is None:
                if not self.config.allow_other_locales:
                    continue
                rank = 2
            out.append((rank, item))
        return out

    def next_challenge(
        self,
        answers: Sequence[AnswerRecord],
        locale: str = "fr",
        seed: int = 0,
        prior_elements: Iterable[KnowledgeElement] = (),
        set_aside: Iterable[str] = (),
    ) -> Decision:
        """`set_aside`: challenges never to ask again in this test though not answered (a
        simulator the learner's browser cannot run); they count neither way."""
        cfg = self.config
        prior_elements = list(prior_elements)
        state = self.assess(answers, prior_elements, seed)
        obs, settled, _ = self._observations(answers, prior_elements)
        main = self._headline(state)

        def finish(reason: str) -> Decision:
            return Decision(None, reason, main, ENGINE_VERSION, seed, {"assessment": state})

        if len(answers) >= cfg.max_questions:
            return finish("max-questions")
        open_competences = {
            c
            for c, s in state.competences.items()
            if len(answers) < cfg.min_questions or s.confidence < cfg.confidence
        }
        # Never end on a right answer at or below the level about to be reported: ask once
        # above it first. Two slips at the start must not end an expert's test at level 1.
        probes = {
            c: s.level
            for c, s in state.competences.items()
            if c not in open_competences and self._needs_probe(c, s.level, answers)
        }
        if not open_competences and not probes:
            return finish("confident")
        open_competences |= probes.keys()
        answered = {a.item_id for a in answers} | set(set_aside)
        last = self.items.get(answers[-1].item_id) if answers else None
        last_timed = bool(answers and (answers[-1].timed or (last is not None and last.timed)))

        observed = {self.tubes[name].competence for name, o in obs.items() if o}
        candidates = []  # (score, skill, servable items, fresh competence, theta)
        for tube in self.tubes.values():
            if tube.competence not in open_competences:
                continue
            marginal = state.tube_marginals[tube.name]
            comp = state.competences[tube.competence]
            fresh = tube.competence not in observed
            for skill in tube.skills:
                if skill.id in settled or skill.level <= probes.get(tube.competence, -1):
                    continue
                servable = self._servable(skill.id, answered, locale)
                if not servable:
                    continue
                gain = self._variance_reduction(tube, marginal, skill.level, settled)
                weight = 1.0 - comp.confidence + 0.05
                candidates.append((gain * weight, skill, servable, fresh, comp.theta_mean))
        if not candidates:
            return finish("confident" if probes else "no-challenge-left")
        # Start easy: a competence with no evidence yet begins at the first level (or lowest).
        starters = [c for c in candidates if c[3]]
        if starters:
            low = min(abs(c[1].level - cfg.first_level) for c in starters)
            candidates = [c for c in starters if abs(c[1].level - cfg.first_level) == low]
        reachable = [c for c in candidates if c[1].level <= c[4] + cfg.max_level_gap]
        candidates = reachable or candidates
        if last_timed or not answers:
            # No timed challenge first, nor right after a timed one, unless nothing else is left:
            # a countdown is a poor welcome, and two in a row wear the learner out.
            untimed = []
            for score, skill, servable, fresh, theta in candidates:
                items = [(r, i) for r, i in servable if not i.timed]
                if items:
                    untimed.append((score, skill, items, fresh, theta))
            candidates = untimed or candidates
        rng = np.random.default_rng([seed & 0xFFFFFFFF, len(answers)])
        best = max(c[0] for c in candidates)
        close = [c for c in candidates if c[0] >= best * (1 - cfg.variety) - 1e-12]
        close.sort(key=lambda c: c[1].id)
        score, skill, servable, _, _ = close[int(rng.integers(len(close)))]
        item = self._pick_item(servable, rng)
        reason = "first-question" if starters else "max-expected-gain"
        return Decision(
            item.id,
            reason,
            main,
            ENGINE_VERSION,
            seed,
            {"skill_id": skill.id, "gain": score, "assessment": state},
        )

    def _needs_probe(self, competence: str, level: int, answers: Sequence[AnswerRecord]) -> bool:
        """Is the competence's last answer right, at or below `level`, short of the maximum?"""
        if level >= self.config.max_reachable_level:
            return False
        for answer in reversed(answers):
            item = self.items.get(answer.item_id)
            if item is not None and item.competence == competence:
                return answer.outcome == "ok"
        return False

    @staticmethod
    def _pick_item(servable: list[tuple[int, Item]], rng: np.random.Generator) -> Item:
        # Prefer the learner's own locale, then validated over archived, then draw.
        best_rank = min(r for r, _ in servable)
        items = [i for r, i in servable if r == best_rank]
        validated = [i for i in items if i.status == VALIDATED]
        items = sorted(validated or items, key=lambda i: i.id)
        return items[int(rng.integers(len(items)))]

    def _variance_reduction(
        self, tube: _Tube, marginal: np.ndarray, level: int, settled: Mapping[str, bool]
    ) -> float:
        cfg = self.config
        values = np.zeros(tube.top + 1)
        for s in tube.skills:
            if s.id not in settled:
                values[s.level :] += self.pix.get(s.id, 0.0)
        known = np.arange(tube.top + 1) >= level
        p_ok_k = np.where(known, 1 - cfg.slip, cfg.guess)

        def var(w: np.ndarray) -> float:
            total = w.sum()
            if total <= 0:
                return 0.0
            w = w / total
            mean = w @ values
            return float(w @ (values - mean) ** 2)

        ok = marginal * p_ok_k
        ko = marginal * (1 - p_ok_k)
        p_ok = ok.sum()
        return var(marginal) - (p_ok * var(ok) + (1 - p_ok) * var(ko))

    @staticmethod
    def _headline(state: Assessment) -> Estimate | None:
        if not state.competences:
            return None
        # With several competences, the least certain one is the headline.
        comp = min(state.competences.values(), key=lambda c: c.confidence)
        return Estimate(comp.theta_mean, comp.theta_sd, comp.level, comp.confidence)


def next_challenge(
    items: Sequence[Item],
    target_skills: Sequence[SkillRef],
    answers: Sequence[AnswerRecord],
    locale: str = "fr",
    seed: int = 0,
    *,
    config: CompetenceTestConfig | None = None,
    prior_elements: Iterable[KnowledgeElement] = (),
    pix: Mapping[str, float] | None = None,
    set_aside: Iterable[str] = (),
) -> Decision:
    """Next challenge of a competence or campaign test, or finished. Deterministic per seed."""
    test = CompetenceTest(items, target_skills, config, pix)
    return test.next_challenge(answers, locale, seed, prior_elements, set_aside)
