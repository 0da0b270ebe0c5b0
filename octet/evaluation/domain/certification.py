"""Certification-grade adaptive test (2PL IRT): EAP ability, maximum information, constraints.

- Ability: EAP (posterior mean) on a fixed grid with a normal prior; the log-posterior is kept
  and one answer adds one precomputed row, so a step never re-reads earlier answers.
- Next item: maximum Fisher information at the current estimate among eligible items, minus the
  item's exposure price when the bank carries prices, drawn among the `top_k` best with an
  explicit seed.
- Exposure prices (`fit_exposure_prices`, once per release, stored in `bank.exposure_price`):
  Lagrange multipliers of the constraint "rate <= r_max", found by a pre-simulation of the
  population. A price is paid only by items that pure maximum information would over-serve, so
  those go to the candidates who gain the most from them instead of to whoever comes first.
- Exposure control (restricted method, a safety net behind the prices): an item is eligible only
  while serving it once more keeps its running exposure rate at or under `r_max` (0.25), so
  after any number n >= 1/r_max of candidates no item has been seen by more than r_max of them.
- Content balancing: at most one item per tube, at most `max_per_competence` per competence,
  and every competence is covered: when the items left are just enough for the competences not
  yet asked, only those are eligible.
- Stop: a fixed length (default 32), or a standard error target once every competence is
  covered.
- Result: ability -> score and level per competence through configurable bands.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from octet.evaluation.domain.irt import GRID, ItemBank, grid_index, information, p_correct
from octet.evaluation.domain.params import LEVEL_CENTRE, LOGITS_PER_LEVEL
from octet.evaluation.domain.types import ENGINE_VERSION, AnswerRecord, Decision, Estimate


def _default_thresholds() -> tuple[float, ...]:
    # Level L is reached at the ability where a default level-L challenge is passed half the time.
    return tuple((level - LEVEL_CENTRE) * LOGITS_PER_LEVEL for level in range(1, 9))


@dataclass(frozen=True, slots=True)
class ScoreBands:
    """Ability thresholds of levels 1..n and the points each level is worth."""

    thresholds: tuple[float, ...] = field(default_factory=_default_thresholds)
    points_per_level: int = 128  # 8 pix x 16 competences
    max_level: int = 7

    def level(self, theta: float) -> int:
        reached = sum(1 for t in self.thresholds if theta >= t)
        return min(reached, self.max_level)

    def score(self, theta: float) -> int:
        t = self.thresholds
        level = self.level(theta)
        if level >= self.max_level:
            return self.max_level * self.points_per_level - 1
        low = t[level - 1] if level > 0 else t[0] - (t[1] - t[0])
        high = t[level]
        progress = min(max((theta - low) / (high - low), 0.0), 1.0)
        score = math.floor(self.points_per_level * (level + progress))
        return min(score, self.max_level * self.points_per_level - 1)


@dataclass(frozen=True, slots=True)
class CertificationConfig:
    length: int = 32
    se_target: float | None = None  # variable length: stop when SE <= this (and covered)
    min_length: int = 0
    prior_mean: float = 0.0
    prior_sd: float = 1.0
    r_max: float = 0.25  # maximum exposure rate
    top_k: int = 1  # randomesque: draw among the k most informative eligible items
    one_per_tube: bool = True
    cover_all_competences: bool = True
    max_per_competence: int | None = None  # default: ceil(length / competences) + 1
    use_exposure_price: bool = True  # subtract bank.exposure_price (if any) from information
    # Information at the estimate itself (catsim's rule) instead of the nearest grid point:
    # about 20 us more per step, no measurable gain under the constraints (docs/engine.md).
    info_at_estimate: bool = False
    bands: ScoreBands = field(default_factory=ScoreBands)
    competence_bands: Mapping[str, ScoreBands] | None = None


class ExposureControl:
    """Running exposure rates of the bank's items, shared by the candidates of a bank."""

    def __init__(self, n_items: int, r_max: float = 0.25) -> None:
        self.counts = np.zeros(n_items, dtype=np.int64)
        self.tests = 0
        self.r_max = r_max

    def start_test(self) -> None:
        self.tests += 1

    def record(self, index: int) -> None:
        self.counts[index] += 1

    def rates(self) -> np.ndarray:
        return self.counts / max(self.tests, 1)

    def eligible(self) -> np.ndarray:
        # An item stays eligible while serving it once more keeps it at or under r_max. During
        # the first 1/r_max tests, when any use is above the rate, each item is served once.
        tests = max(self.tests, 1.0 / self.r_max)
        return self.counts + 1 <= self.r_max * tests * (1 + 1e-12)


class CertificationTest:
    """One candidate's adaptive test: update with an answer, ask for the next item."""

    def __init__(
        self,
        bank: ItemBank,
        config: CertificationConfig | None = None,
        exposure: ExposureControl | None = None,
        seed: int = 0,
    ) -> None:
        self.bank = bank
        self.config = cfg = config or CertificationConfig()
        self.exposure = exposure
        self.seed = seed
        if exposure is not None:
            exposure.start_test()
        self.log_post = -0.5 * ((GRID - cfg.prior_mean) / cfg.prior_sd) ** 2
        self.available = np.ones(len(bank), dtype=bool)
        n_comp = len(bank.competences)
        self.per_competence = np.zeros(n_comp, dtype=np.int64)
        has_items = np.array([len(ix) > 0 for ix in bank.items_of_competence], dtype=bool)
        self.coverable = has_items
        self.max_per_competence = cfg.max_per_competence or (
            math.ceil(cfg.length / max(n_comp, 1)) + 1
        )
        price = bank.exposure_price if cfg.use_exposure_price else None
        self.price = None if price is None else np.asarray(price, dtype=float)
        self.administered: list[int] = []
        self.responses: list[bool] = []
        self._update_estimate()

    # ---- estimate ---------------------------------------------------------------------

    def _update_estimate(self) -> None:
        w = np.exp(self.log_post - self.log_post.max())
        w /= w.sum()
        self.theta = float(w @ GRID)
        self.se = float(math.sqrt(max(float(w @ (GRID - self.theta) ** 2), 0.0)))

    def estimate(self) -> Estimate:
        return Estimate(self.theta, self.se, self.config.bands.level(self.theta))

    def record_index(self, index: int, correct: bool) -> None:
        """Add one answer: O(grid), independent of the answers already given."""
        bank = self.bank
        if not self.available[index] and index in self.administered:
            raise ValueError(f"item {bank.ids[index]} was already answered")
        self.log_post += bank.log_p[index] if correct else bank.log_q[index]
        self.available[index] = False
        if self.config.one_per_tube:
            self.available[bank.items_of_tube[bank.tube_index[index]]] = False
        self.per_competence[bank.competence_index[index]] += 1
        self.administered.append(index)
        self.responses.append(bool(correct))
        if self.exposure is not None:
            self.exposure.record(index)
        self._update_estimate()

    def record(self, answer: AnswerRecord) -> None:
        self.record_index(self.bank.index[answer.item_id], answer.correct)

    def answer_record(self, item_id: str, outcome: str, **extra) -> AnswerRecord:
        """An answer carrying what replay needs: engine version, release, item parameters."""
        i = self.bank.index[item_id]
        return AnswerRecord(
            item_id,
            outcome,  # type: ignore[arg-type]
            engine_version=ENGINE_VERSION,
            release=self.bank.release,
            difficulty=float(self.bank.b[i]),
            discrimination=float(self.bank.a[i]),
            **extra,
        )

    # ---- selection --------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        cfg = self.config
        n = len(self.administered)
        if n >= cfg.length:
            return True
        if cfg.se_target is not None and n >= cfg.min_length and self.se <= cfg.se_target:
            return not cfg.cover_all_competences or self._uncovered().size == 0
        return False

    def _uncovered(self) -> np.ndarray:
        return np.flatnonzero((self.per_competence == 0) & self.coverable)

    def _competence_mask(self) -> np.ndarray | None:
        cfg = self.config
        allowed = self.per_competence < self.max_per_competence
        if cfg.cover_all_competences:
            uncovered = self._uncovered()
            # For a variable-length test coverage comes first, as it may stop at any time.
            deadline = cfg.length if cfg.se_target is None else min(cfg.length, len(allowed))
            left = deadline - len(self.administered)
            if uncovered.size and left <= uncovered.size:
                allowed = np.zeros_like(allowed)
                allowed[uncovered] = True
        return allowed

    def next_index(self) -> int | None:
        """Index of the next item, or None when the test is over or nothing is left."""
        if self.finished:
            return None
        bank = self.bank
        mask = self.available
        comp_allowed = self._competence_mask()
        candidates = mask & comp_allowed[bank.competence_index]
        if self.exposure is not None:
            exposed = candidates & self.exposure.eligible()
            # Exposure yields before content rules: a test must still be built.
            candidates = exposed if exposed.any() else candidates
        if not candidates.any():
            candidates = mask
        if not candidates.any():
            return None
        if self.config.info_at_estimate:
            info = information(self.theta, bank.a, bank.b)
        else:
            info = bank.info[grid_index(self.theta)]
        if self.price is not None:
            info = info - self.price
        scored = np.where(candidates, info, -np.inf)
        k = min(self.config.top_k, int(candidates.sum()))
        if k <= 1:
            return int(scored.argmax())
        top = np.argpartition(scored, -k)[-k:]
        top = top[np.argsort(-scored[top], kind="stable")]
        rng = np.random.default_rng([self.seed & 0xFFFFFFFF, len(self.administered)])
        return int(top[rng.integers(k)])

    def next_challenge(self) -> Decision:
        index = self.next_index()
        estimate = self.estimate()
        if index is None:
            reason = "finished" if self.finished else "no-challenge-left"
            return Decision(None, reason, estimate, ENGINE_VERSION, self.seed)
        return Decision(
            self.bank.ids[index], "max-information", estimate, ENGINE_VERSION, self.seed
        )

    # ---- result -------------------------------------------------------------------------

    def score(self) -> int:
        return self.config.bands.score(self.theta)

    def competence_levels(self) -> dict[str, int]:
        bands = self.config.competence_bands or {}
        return {c: bands.get(c, self.config.bands).level(self.theta) for c in self.bank.competences}


def fit_exposure_prices(
    bank: ItemBank,
    config: CertificationConfig | None = None,
    candidates: int = 1500,
    rounds: int = 8,
    step: float = 1.0,
    seed: int = 0,
) -> np.ndarray:
    """Per-item exposure prices from a pre-simulation (run once per release, then stored).

    Simulated candidates (ability ~ the prior, answers from the 2PL) take the test without the
    cap, selecting by information minus price; after each round, each price moves by
    step / round * (rate - r_max), floored at 0 (projected subgradient on the dual of the
    exposure constraints). Deterministic for a seed. The cap stays on in real tests.
    """
    cfg = replace(config or CertificationConfig(), se_target=None, top_k=1, use_exposure_price=True)
    rng = np.random.default_rng(seed)
    price = np.zeros(len(bank))
    for k in range(1, rounds + 1):
        trial = copy.copy(bank)
        trial.exposure_price = price
        counts = np.zeros(len(bank))
        thetas = rng.normal(cfg.prior_mean, cfg.prior_sd, size=candidates)
        draws = rng.random((candidates, cfg.length))
        for j, theta in enumerate(thetas):
            test = CertificationTest(trial, cfg, None, seed=j)
            p = p_correct(theta, bank.a, bank.b)
            while (index := test.next_index()) is not None:
                test.record_index(index, bool(draws[j, len(test.administered)] < p[index]))
            counts[test.administered] += 1
        price = np.maximum(0.0, price + step / k * (counts / candidates - cfg.r_max))
    return price


def replay(
    bank: ItemBank,
    answers: Sequence[AnswerRecord],
    config: CertificationConfig | None = None,
    seed: int = 0,
) -> CertificationTest:
    """Rebuild a test from its answers (without exposure state): same estimate, same score."""
    test = CertificationTest(bank, config, None, seed)
    for answer in answers:
        test.record(answer)
    return test
