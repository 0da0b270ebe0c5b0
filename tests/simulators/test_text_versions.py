"""The text versions shown without JavaScript (`learning/domain/social.py`, `device_settings.py`)
say what the simulator itself shows, read from the simulator running in a browser: the same
scenarios, the same words, numbers, durations and dates."""

import pytest

from octet.content.domain.release import current_release
from octet.learning.domain import device_settings, social
from tests.simulators.test_simulators import demo, host, tab  # noqa: F401

LOCALES = ("fr", "en")


def plain(value):
    """The bank's frozen scenario as JSON data, as the page embeds it."""
    if hasattr(value, "items"):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def scenarios(simulator):
    """The simulator's own demo, and every read-only use of it in the bank."""
    out = [("demo", locale, dict(demo(simulator), report=None)) for locale in LOCALES]
    for challenge in current_release().challenges.values():
        embed = challenge.embed
        if embed and embed.simulator == simulator and not embed.scenario["en"].get("report"):
            out += [(challenge.id, locale, plain(embed.scenario[locale])) for locale in LOCALES]
    return out


def words_of(locator) -> str:
    return " ".join(locator.inner_text().split())


def parts(text: str) -> list[str]:
    """A value the text version joins with " · " is shown by the simulator in pieces."""
    return [p for p in text.split(" · ") if p]


@pytest.mark.browser
@pytest.mark.parametrize(("source", "locale", "scenario"), scenarios("settings"))
def test_the_settings_menu_and_panels_read_as_the_simulator_shows_them(
    host,  # noqa: F811
    source,
    locale,
    scenario,
):
    shown = device_settings.device(scenario, locale)
    apps = device_settings.WORDS[locale]["apps"]
    sim = host("settings", scenario, locale=locale)
    f = sim.frame

    assert (words_of(f.locator("#app")), words_of(f.locator("#dev"))) == (shown.title, shown.name)
    menu = [words_of(b) for b in f.locator("ul.menu button").all()]
    assert menu == [f"{s.title} {s.summary} ›" for s in shown.sections]
    for place, section in enumerate(shown.sections):
        f.locator("ul.menu button").nth(place).click()
        panel = words_of(f.locator("main"))
        assert words_of(f.locator("main h2")) == section.title
        groups = section.groups[:1] if section.title == apps else section.groups
        for group in groups:
            assert group.heading in panel
            for what, value in group.rows:
                assert what in panel
                for part in parts(value):
                    assert part in panel, (part, panel)
        for app, group in enumerate(section.groups[1:] if section.title == apps else ()):
            f.locator(f"#app-{app}").click()  # an app's permissions, as it opens
            assert words_of(f.locator("main h2")) == group.heading
            assert [words_of(label) for label in f.locator("main label").all()] == [
                what for what, _ in group.rows
            ]
            chosen = "s => s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''"
            assert [s.evaluate(chosen) for s in f.locator("main select").all()] == [
                value for _, value in group.rows
            ]
            f.locator("main > button").first.click()
        f.locator("main > button").first.click()  # back to the menu


@pytest.mark.browser
@pytest.mark.parametrize(("source", "locale", "scenario"), scenarios("social"))
def test_each_view_of_the_profile_reads_as_the_simulator_shows_it(
    host,  # noqa: F811
    source,
    locale,
    scenario,
):
    profile = social.profile(scenario, locale)
    sim = host("social", scenario, locale=locale)
    f = sim.frame

    for viewer, view in zip(social.VIEWERS, profile.views, strict=True):
        f.locator(f"input[value={viewer}]").check()
        assert words_of(f.locator("#note")) == view.note
        details = f.locator("dl.info dt")
        assert [words_of(d) for d in details.all()] == [label for label, _ in view.details]
        for place, (_, value) in enumerate(view.details):
            shown = words_of(f.locator("dl.info dd").nth(place))
            assert shown.startswith(value.split(" (")[0])
        posts = f.locator("article.post")
        assert posts.count() == len(view.posts)
        for place, post in enumerate(view.posts):
            text = words_of(posts.nth(place))
            assert text.startswith(post.date)
            assert post.text in text
            assert post.photo.split(":", 1)[-1].strip() in text
            for part in parts(post.footer):
                assert part in text
        if view.friends_title:
            assert words_of(f.locator("#h-fr")) == view.friends_title
        else:
            assert f.locator("#h-fr").count() == 0
