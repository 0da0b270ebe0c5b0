import os
import subprocess
import sys

import pytest


@pytest.mark.django_db
def test_healthz_says_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_send_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_icon_is_where_browsers_look_for_it_on_pages_that_name_none(client):
    # The admin's pages name no icon: each logged a 404 for /favicon.ico in the console.
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/svg+xml"


def test_production_settings_pass_the_deployment_check():
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"OCTET_TESTING", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="octet.settings",
        DEBUG="0",
        SECRET_KEY="a-long-production-secret-key-with-enough-entropy-0123456789abcdefXYZ!",
        ALLOWED_HOSTS="octet.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"OCTET_TESTING", "DEBUG", "SECRET_KEY"}}
    env.update(DJANGO_SETTINGS_MODULE="octet.settings", DEBUG="0")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _settings_in_a_new_process(**variables) -> subprocess.CompletedProcess:
    """The settings read by a fresh process from these environment variables (development)."""
    env = {k: v for k, v in os.environ.items() if k not in {"OCTET_TESTING", "DEBUG"}}
    env.update(DJANGO_SETTINGS_MODULE="octet.settings", DEBUG="1", **variables)
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.LANGUAGE_CODE, settings.EMAIL_PORT, settings.TIME_ZONE, "
        "settings.DATABASES['default']['CONN_MAX_AGE'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_a_variable_set_blank_means_its_default_not_a_crash_at_start():
    # `DEFAULT_LANGUAGE=` in a compose or unit file: Octet used to stop on an OSError.
    blank = dict.fromkeys(
        ("DEFAULT_LANGUAGE", "EMAIL_PORT", "TIME_ZONE", "DATABASE_CONN_MAX_AGE", "LOG_LEVEL"), ""
    )
    result = _settings_in_a_new_process(**blank)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fr", "25", "Europe/Paris", "60"]


def test_the_default_language_is_french_or_english_whatever_its_case():
    result = _settings_in_a_new_process(DEFAULT_LANGUAGE="EN")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "en"
    result = _settings_in_a_new_process(DEFAULT_LANGUAGE="de")
    assert result.returncode != 0
    assert "DEFAULT_LANGUAGE must be fr or en, not 'de'" in result.stderr
    result = _settings_in_a_new_process(EMAIL_PORT="twenty-five")
    assert result.returncode != 0
    assert "EMAIL_PORT must be a whole number" in result.stderr


@pytest.mark.django_db
def test_language_switch_is_remembered_in_a_cookie(client):
    response = client.post("/language", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "fr"
    page = client.get("/")
    assert '<html lang="fr">' in page.content.decode()
    assert "Créer un compte" in page.content.decode()


@pytest.mark.django_db
def test_language_switch_ignores_unknown_languages_and_foreign_redirects(client):
    response = client.post("/language", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["profile", "été", "learning:profile", "http://[", "//evil.example/"]
)
def test_a_next_that_is_not_an_address_of_the_site_leads_to_the_default_page(
    client, learner, password, next_url
):
    """A `next` typed or tampered with is no server error, wherever a form sends one."""
    response = client.post("/language", {"language": "fr", "next": next_url})
    assert (response.status_code, response["Location"]) == (302, "/")
    response = client.post(
        "/account/sign-in", {"login": "lea.martin", "password": password, "next": next_url}
    )
    assert (response.status_code, response["Location"]) == (302, "/profile/")
    response = client.post("/tutorials/tuto-searchKeywords1-lesson-en/save", {"next": next_url})
    assert (response.status_code, response["Location"]) == (302, "/tutorials/")


SQLITE_RACE = """
import threading, time
import django
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE seen (n integer)")
errors = []

def read_then_write():
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM seen")
                time.sleep(0.3)  # the other request reads meanwhile
                cursor.execute("INSERT INTO seen VALUES (1)")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()

threads = [threading.Thread(target=read_then_write) for _ in range(2)]
[t.start() for t in threads]
[t.join() for t in threads]
print(errors or "ok")
"""


def test_sqlite_requests_that_read_then_write_at_once_wait_instead_of_failing(tmp_path):
    # `make run` serves on SQLite: two sign-ins at the same moment must not end in a server
    # error ("database is locked") when both read the throttle and then write it.
    env = {k: v for k, v in os.environ.items() if k not in {"OCTET_TESTING"}}
    env.update(
        DJANGO_SETTINGS_MODULE="octet.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'race.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_RACE], capture_output=True, text=True, env=env, check=False
    )
    assert result.stdout.strip() == "ok", result.stdout + result.stderr


def test_head_requests_get_what_a_get_would_without_the_body(client, learner, password):
    # Uptime monitors and link checkers ask with HEAD; a 405 made them report Octet down.
    for url, status in (
        ("/", 200),
        ("/healthz", 200),
        ("/account/sign-in", 200),
        ("/profile/", 302),
    ):
        response = client.head(url)
        assert response.status_code == status, url
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    for url in ("/profile/", "/tutorials/", "/account/details", "/account/"):
        assert client.head(url).status_code == 200, url
