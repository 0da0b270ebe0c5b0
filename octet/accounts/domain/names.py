"""Usernames derived from a person's name: readable, ASCII, unique with a number suffix."""

import random
import re
import unicodedata

# The base of a name with no Latin letter (Arabic, Chinese, Amharic...): "learner" and a number.
FALLBACK = "learner"


def username_base(first_name: str, last_name: str) -> str:
    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "", text.lower())

    base = ".".join(part for part in (fold(first_name), fold(last_name)) if part)
    return (base or FALLBACK)[:120]


def username_candidates(base: str, count: int = 20, rng: random.Random | None = None) -> list[str]:
    """The next `count` usernames to try, in order: base, base2, base3... for a name, which few
    people share; for the fallback, which everyone without a Latin name shares, random numbers
    of six digits (counting up would cost one more try per such person already signed up)."""
    if base != FALLBACK:
        return [base, *(f"{base}{n}" for n in range(2, count + 1))]
    rng = rng or random.SystemRandom()
    return [f"{base}{rng.randrange(100_000, 1_000_000)}" for _ in range(count)]
