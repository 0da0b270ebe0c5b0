"""What a picture tells a sighted learner, its text alternative tells a blind one.

A chart shown with a question carries the data the question asks about: its `alt` must give the
value of every bar, or a learner with a screen reader (or with images off) cannot answer.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from octet.content.domain.release import load_release

CONTENT = Path(__file__).resolve().parents[2] / "content"
SVG = "{http://www.w3.org/2000/svg}"


def bar_values(svg_path: Path) -> list[float]:
    """The values of a bar chart's bars, read against its graduated vertical axis.

    The axis is the group of numeric labels aligned to the right of it (text-anchor="end");
    the bars are the rectangles, but for the background (as wide as the picture), each rising
    from the lowest label. Empty when the picture is not a bar chart.
    """
    root = ET.parse(svg_path).getroot()
    ticks = []
    for group in root.iter(f"{SVG}g"):
        if group.get("text-anchor") == "end":
            for label in group.iter(f"{SVG}text"):
                if re.fullmatch(r"-?\d+(\.\d+)?", (label.text or "").strip()):
                    ticks.append((float(label.get("y")), float(label.text)))
    if len(ticks) < 2:
        return []
    (y_low, v_low), (y_high, v_high) = max(ticks), min(ticks)  # y grows downwards
    units_per_pixel = (v_high - v_low) / (y_low - y_high)
    return [
        round(v_low + float(rect.get("height")) * units_per_pixel, 2)
        for rect in root.iter(f"{SVG}rect")
        if rect.get("width") != root.get("width")
    ]


def shown_values(text: str) -> set[float]:
    return {float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)}


def test_bar_values_are_read_from_the_axis():
    assert bar_values(CONTENT / "illustrations" / "1.3-bar-chart.svg") == [10, 30, 15, 25]
    assert bar_values(CONTENT / "illustrations" / "1.3-truncated-axis.svg") == [96, 98]
    assert bar_values(CONTENT / "illustrations" / "2.1-call-toolbar.svg") == []


CHARTS = [
    (challenge.id, locale, challenge.illustration)
    for challenge in load_release(CONTENT).challenges.values()
    if challenge.illustration
    and bar_values(CONTENT / "illustrations" / challenge.illustration.file)
    for locale in challenge.locales
]


@pytest.mark.parametrize(("challenge_id", "locale", "illustration"), CHARTS)
def test_a_charts_alternative_gives_the_value_of_every_bar(challenge_id, locale, illustration):
    values = bar_values(CONTENT / "illustrations" / illustration.file)
    missing = set(values) - shown_values(illustration.alt[locale])
    assert not missing, f"{challenge_id} ({locale}): the alt text never says {sorted(missing)}"


def test_the_bank_has_charts_to_check():
    assert len({challenge_id for challenge_id, _, _ in CHARTS}) >= 5
