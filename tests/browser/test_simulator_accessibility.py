"""Each simulator, inside Octet's challenge page, passes axe-core's WCAG 2.1 A/AA rules."""

from pathlib import Path

import axe_playwright_python
import pytest

from octet.content.domain.release import current_release
from octet.learning.models import Assessment
from tests.browser.conftest import WCAG_TAGS
from tests.browser.test_learning_journey import TEXT, force, sign_in, start_test

pytestmark = pytest.mark.django_db(transaction=True)

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
RUN = (
    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
)


def one_challenge_per_simulator():
    chosen = {}
    for challenge in current_release().challenges.values():
        if challenge.embed and challenge.validated and "en" in challenge.locales:
            chosen.setdefault(challenge.embed.simulator, challenge)
    return sorted(chosen.items())


def test_every_simulator_is_accessible_in_the_challenge_page(page, learner, password):
    sign_in(page, learner, password, TEXT["en"])
    start_test(page, "1.1")
    assessment = Assessment.objects.get(user=learner)
    problems = []
    simulators = one_challenge_per_simulator()
    assert len(simulators) >= 8
    for name, challenge in simulators:
        # A question is asked in a test of its own competence (one of another is replaced).
        Assessment.objects.filter(pk=assessment.pk).update(competence_id=challenge.competence_id)
        force(assessment.pk, challenge)
        page.goto(page.base + f"/assessments/{assessment.pk}/")
        # The frame is sandboxed (an opaque origin): axe runs inside it, as a screen reader sees it.
        frame = page.frame_locator("iframe[data-simulator]")
        frame.locator("main, [role=main], body").first.wait_for()
        inner = next(f for f in page.frames if f is not page.main_frame)
        inner.wait_for_function("document.body && document.body.innerText.trim().length > 0")
        inner.evaluate(AXE)
        result = inner.evaluate(RUN, WCAG_TAGS)
        problems += [
            f"{name} ({challenge.id}): {v['id']} {v['help']} -> "
            + "; ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in result["violations"]
        ]
    assert problems == []
