import os
import shutil
from random import Random
from types import SimpleNamespace

import pytest
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the tests
# themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's Chromium, launched as every browser test launches it (one browser per test session).
CHROMIUM = os.environ.get("OCTET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    """Tests read English unless they choose French; the product default stays French."""
    settings.LANGUAGE_CODE = "en"
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _seeded_tests(monkeypatch):
    """Each test the platform starts gets its seed from a fixed sequence instead of at random,
    so that a run of the suite chooses the same questions every time."""
    from octet.learning import services

    monkeypatch.setattr(services, "secrets", SimpleNamespace(randbits=Random(2026).getrandbits))


@pytest.fixture
def releases(tmp_path, monkeypatch):
    """A small first release served (tests/releases.py); `releases.use(releases.later(...))`
    deploys a later one, as new content is deployed while learners keep their profiles."""
    from octet.content.domain.release import current_release
    from tests.releases import Releases

    made = Releases(tmp_path, monkeypatch)
    made.use(made.first)
    yield made
    current_release.cache_clear()


@pytest.fixture
def password():
    return "Secret-Pass1"


@pytest.fixture
def learner(django_user_model, password):
    from octet.accounts import services

    return services.sign_up(
        first_name="Léa",
        last_name="Martin",
        email="lea@example.org",
        password=password,
        language="en",
    )


@pytest.fixture
def superuser(client, django_user_model):
    """The test client signed in as a French-speaking superuser (the admin's tests)."""
    admin = django_user_model.objects.create_superuser(
        "boss", "boss@example.org", "Boss-Pass1", language="fr"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def staff_with(client, django_user_model):
    """`staff_with("view_user")`: the test client signed in as an English-speaking staff member
    who holds only that permission (support, a content author)."""

    def sign_in(codename: str):
        from django.contrib.auth.models import Permission

        person = django_user_model.objects.create_user(
            "help", "help@example.org", "Help-Pass1", is_staff=True, language="en"
        )
        person.user_permissions.add(Permission.objects.get(codename=codename))
        client.force_login(person)
        return client

    return sign_in


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session; a missing Chromium fails loudly, never skips."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}. Install it with: sudo apt-get install -y chromium",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
