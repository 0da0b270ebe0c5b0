"""Two-parameter logistic (2PL) model and a compiled item bank for fast adaptive tests.

P(correct | theta) = 1 / (1 + exp(-a (theta - b))): `a` is the discrimination, `b` the
difficulty, on the logit ability scale. Everything the adaptive test needs per step is
precomputed per item on a fixed ability grid, so one step costs O(grid + items) whatever the
number of answers already given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.special import expit

from octet.evaluation.domain.types import VALIDATED, Item

GRID = np.round(np.linspace(-6.0, 6.0, 121), 10)  # ability grid, step 0.1
GRID_STEP = float(GRID[1] - GRID[0])


def p_correct(theta, a, b):
    """Probability of a correct answer under the 2PL model (numpy broadcasting)."""
    return expit(np.multiply(a, np.subtract(theta, b)))


def information(theta, a, b):
    """Fisher information of items at theta: a^2 P (1 - P)."""
    p = p_correct(theta, a, b)
    return np.square(a) * p * (1.0 - p)


def grid_index(theta: float) -> int:
    """Index of the grid point nearest to theta."""
    i = round((theta - GRID[0]) / GRID_STEP)
    return min(max(i, 0), len(GRID) - 1)


@dataclass
class ItemBank:
    """Items as arrays, with per-item log-probabilities and information on the grid."""

    ids: list[str]
    a: np.ndarray
    b: np.ndarray
    competence_index: np.ndarray  # int per item
    tube_index: np.ndarray  # int per item
    competences: list[str]
    tubes: list[str]
    release: str = ""
    calibrated: np.ndarray | None = None
    # Per-item exposure prices (information units) from a pre-simulation, stored with the
    # parameters of a release; None: no price. See certification.fit_exposure_prices.
    exposure_price: np.ndarray | None = None
    log_p: np.ndarray = field(init=False, repr=False)  # (items, grid): log P(correct)
    log_q: np.ndarray = field(init=False, repr=False)  # (items, grid): log P(wrong)
    info: np.ndarray = field(init=False, repr=False)  # (grid, items): information

    def __post_init__(self) -> None:
        self.a = np.asarray(self.a, dtype=float)
        self.b = np.asarray(self.b, dtype=float)
        self.competence_index = np.asarray(self.competence_index, dtype=np.intp)
        self.tube_index = np.asarray(self.tube_index, dtype=np.intp)
        z = self.a[:, None] * (GRID[None, :] - self.b[:, None])
        # log expit, written to stay finite far in the tails
        self.log_p = -np.logaddexp(0.0, -z)
        self.log_q = -np.logaddexp(0.0, z)
        p = np.exp(self.log_p)
        self.info = np.ascontiguousarray((np.square(self.a)[:, None] * p * (1 - p)).T)
        self.index = {item_id: i for i, item_id in enumerate(self.ids)}
        self.items_of_tube: list[np.ndarray] = [
            np.flatnonzero(self.tube_index == t) for t in range(len(self.tubes))
        ]
        self.items_of_competence: list[np.ndarray] = [
            np.flatnonzero(self.competence_index == c) for c in range(len(self.competences))
        ]

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_items(
        cls,
        items: Sequence[Item],
        release: str = "",
        locale: str | None = None,
        statuses: tuple[str, ...] = (VALIDATED,),
    ) -> ItemBank:
        """Compile the servable items (status, and locale if given) of a release."""
        keep = [
            i
            for i in items
            if i.status in statuses
            and (
                locale is None
                or any(loc.split("-")[0] == locale.split("-")[0] for loc in i.locales)
            )
        ]
        competences = sorted({i.competence for i in keep})
        tubes = sorted({i.tube for i in keep})
        comp_ix = {c: k for k, c in enumerate(competences)}
        tube_ix = {t: k for k, t in enumerate(tubes)}
        params = [i.params() for i in keep]
        return cls(
            ids=[i.id for i in keep],
            a=np.array([p[1] for p in params]),
            b=np.array([p[0] for p in params]),
            competence_index=np.array([comp_ix[i.competence] for i in keep], dtype=np.intp),
            tube_index=np.array([tube_ix[i.tube] for i in keep], dtype=np.intp),
            competences=competences,
            tubes=tubes,
            release=release,
            calibrated=np.array([i.calibrated for i in keep], dtype=bool),
        )
