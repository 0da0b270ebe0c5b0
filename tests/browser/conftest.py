"""Browser tests: a real headless Chromium (Debian's package) driven by Playwright.

The `browser` fixture, shared with the simulator tests, is in tests/conftest.py.
"""

import pytest

PHONE = {"width": 360, "height": 740}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _context(browser, *, javascript=True, locale="en-GB"):
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
        locale=locale,
        bypass_csp=True,  # lets axe-core be injected; the pages' own policy is tested elsewhere
    )
    context.javascript = javascript  # for the helpers that wait differently without it
    return context


def _page(browser, live_server, **options):
    context = _context(browser, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def page(browser, live_server):
    yield from _page(browser, live_server)


@pytest.fixture
def french_page(browser, live_server):
    yield from _page(browser, live_server, locale="fr-FR")


@pytest.fixture
def no_js_page(browser, live_server):
    yield from _page(browser, live_server, javascript=False)


def assert_accessible(page):
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"Accessibility violations on {page.url}:\n{report}"


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def assert_fits_phone_width(page):
    """Nothing scrolls sideways at 360 px.

    Measured against the phone's width, not window.innerWidth: a mobile browser zooms out to
    show a page wider than the screen, and innerWidth grows with it.
    """
    overflow = page_width(page) - PHONE["width"]
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone"


def sign_in_as_staff(page, django_user_model):
    """A staff account, signed in: the one that may open the staff preview."""
    django_user_model.objects.create_user(
        "staff", "staff@example.org", "Staff-Pass1", is_staff=True, language="en"
    )
    page.goto(page.base + "/account/sign-in")
    page.locator("input[name=login]").fill("staff")
    page.locator("input[name=password]").fill("Staff-Pass1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/profile/")
