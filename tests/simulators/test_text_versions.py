"""The text versions shown without JavaScript (`learning/domain/social.py`, `device_settings.py`)
say what the simulator itself shows, read from the simulator running in a browser: the same
scenarios, the same words, numbers, durations and dates."""

import pytest

from octet.content.domain.release import current_release
from octet.learning.domain import browser_pages, device_settings, social
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


@pytest.mark.browser
@pytest.mark.parametrize(("source", "locale", "scenario"), scenarios("browser"))
def test_each_page_reads_as_the_simulator_shows_it_after_its_links(
    host,  # noqa: F811
    source,
    locale,
    scenario,
):
    """Each page is opened in the simulator by clicking the links the text gives it, from the
    first page; its address, tab, badge, certificate, content and status bar are compared."""
    shown = browser_pages.browser(scenario, locale)
    sim = host("browser", scenario, locale=locale)
    f = sim.frame
    by_anchor = {p.anchor: p for p in shown.pages}
    path = {shown.pages[0].anchor: []}  # the links clicked, from the first page, to open each
    for page in shown.pages:
        for block in page.blocks:
            for piece in block.pieces + [p for item in block.items for p in item]:
                if piece.kind == "link" and piece.anchor not in path:
                    path[piece.anchor] = path[page.anchor] + [piece.text]
    assert set(path) == set(by_anchor)  # every page shown is reached by links
    for anchor, links in path.items():
        page = by_anchor[anchor]
        if links:
            sim = host("browser", scenario, locale=locale)
            f = sim.frame
        for text in links:
            f.locator("#page a", has_text=text).first.click()
        assert f.locator("#url").input_value() == page.url
        assert words_of(f.locator("#tab")) == page.title
        assert (page.badge in (f.locator("#badge").get_attribute("aria-label") or "")) is True
        f.locator("#badge").click()
        cert = words_of(f.locator("#cert"))
        assert page.info in cert
        for what, value in page.certificate:
            assert f"{what} {value}" in cert
        content = words_of(f.locator("#page"))
        for block in page.blocks:
            for piece in block.pieces + [p for item in block.items for p in item]:
                assert " ".join(piece.text.split()) in content
            if block.text:
                assert block.text in content
            for label, _ in block.fields or []:
                assert label in content
        for place, link in enumerate(
            p
            for b in page.blocks
            for p in b.pieces + [q for i in b.items for q in i]
            if p.kind == "link"
        ):
            f.locator("#page a").nth(place).focus()
            assert words_of(f.locator("#status")) == " ".join(link.status.split())
