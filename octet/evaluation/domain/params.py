"""Default item parameters for challenges that have not been calibrated yet.

A challenge measures one skill of level 1-8. Until enough answers exist to fit its 2PL
parameters, its difficulty is placed on the ability (logit) scale from the skill level alone:
levels are spread evenly around the middle of the scale (level 3.5 = difficulty 0), 0.75 logit
apart, and every item gets the same moderate discrimination.
"""

LEVEL_CENTRE = 3.5
LOGITS_PER_LEVEL = 0.75
DEFAULT_DISCRIMINATION = 1.0


def default_item_params(level: int) -> tuple[float, float]:
    """Return (difficulty, discrimination) for an uncalibrated challenge of a skill level."""
    if not 1 <= level <= 8:
        raise ValueError(f"skill level must be between 1 and 8, got {level!r}")
    return (level - LEVEL_CENTRE) * LOGITS_PER_LEVEL, DEFAULT_DISCRIMINATION
