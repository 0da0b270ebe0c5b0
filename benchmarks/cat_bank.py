"""A generated certification bank of known 2PL parameters, shaped like the real release."""

from __future__ import annotations

import numpy as np

from octet.evaluation.domain.types import Item

COMPETENCES = [
    f"{area}.{k}"
    for area, n in zip(range(1, 6), (3, 4, 4, 3, 2), strict=True)
    for k in range(1, n + 1)
]


def make_bank(rng: np.random.Generator, size: int = 3000) -> list[Item]:
    """About `size` items over 16 competences; difficulty follows the skill level."""
    items: list[Item] = []
    per_comp = size / len(COMPETENCES)
    for comp in COMPETENCES:
        count, t = 0, 0
        while count < per_comp:
            tube = f"{comp}-t{t}"
            t += 1
            top = int(rng.integers(3, 9))
            for level in range(1, top + 1):
                if level != top and rng.random() < 0.15:
                    continue
                for k in range(int(rng.integers(1, 4))):
                    b = (level - 3.5) * 0.75 + rng.normal(0, 0.5)
                    a = float(np.exp(rng.normal(np.log(1.2), 0.3)))
                    items.append(
                        Item(
                            id=f"{tube}-s{level}-c{k}",
                            skill_id=f"{tube}-s{level}",
                            tube=tube,
                            competence=comp,
                            level=level,
                            locales=frozenset({"fr", "en"}),
                            difficulty=float(b),
                            discrimination=a,
                            calibrated=True,
                        )
                    )
                    count += 1
    return items
