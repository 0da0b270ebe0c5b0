"""An adaptive test serves each question alone, in an order of its own: an instruction never
leans on a question the learner may not have seen ("with the same plan", "as in the previous
question"), it says again what it needs."""

import re
from pathlib import Path

from octet.content.domain.release import load_release

CONTENT = Path(__file__).resolve().parents[2] / "content"
LEANS_ON_ANOTHER = {
    "en": re.compile(
        r"\b(with|in|from) the same (plan|file|sheet|table|list|text|folder|program)\b"
        r"|\b(previous|last|other) question\b|\bas before\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(avec|dans|d') ?(ce|cette|le|la) même (plan|fichier|feuille|tableau|liste|texte|"
        r"dossier|programme)\b|\bquestion (précédente|d'avant)\b|\bcomme (avant|précédemment)\b",
        re.IGNORECASE,
    ),
}


def test_no_instruction_leans_on_another_question():
    bank = load_release(CONTENT)
    leaning = [
        f"{challenge.id} [{locale}]: {match.group(0)!r}"
        for challenge in bank.challenges.values()
        for locale, pattern in LEANS_ON_ANOTHER.items()
        if (match := pattern.search(challenge.instruction.get(locale, "")))
    ]
    assert leaning == []
