"""Usernames derived from a person's name: readable, ASCII, unique with a number suffix."""

import re
import unicodedata


def username_base(first_name: str, last_name: str) -> str:
    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "", text.lower())

    base = ".".join(part for part in (fold(first_name), fold(last_name)) if part)
    return (base or "learner")[:120]


def username_candidates(base: str):
    """base, base2, base3... (never ends)."""
    yield base
    number = 2
    while True:
        yield f"{base}{number}"
        number += 1
