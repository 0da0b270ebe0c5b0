"""Prepare a server process before its first request: content in memory, Markdown rendered.

Without it, the first learners to meet each challenge after a restart pay for loading the
release (about 1.5 s, once), for preparing the engine's test of each competence, and for
rendering its texts (about 1,000 texts per second). The production gunicorn configuration
(`gunicorn.conf.py`) calls it once in the master process, so every worker forked from it starts
warm and shares these pages of memory.
"""

from octet.content.domain.release import current_release
from octet.core.domain.markdown import render
from octet.learning.domain.bank import competence_bank
from octet.learning.selectors import challenge_display


def warm_up() -> int:
    """Prepare every competence's test and render every validated challenge in each of its
    languages; returns the number of challenge pages rendered."""
    release = current_release()
    for competence_id in release.competences:
        competence_bank(release, competence_id)
    count = 0
    for challenge in release.challenges.values():
        if not challenge.validated:
            continue
        for locale in challenge.locales:
            challenge_display(challenge, locale, seed=0)
            render(challenge.explanation.get(locale, ""))
            count += 1
    return count
