"""Octet's own error pages (400, 403, 404, 405, 500), the expired-form page and GET /language."""

import html
import logging
import re
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import get_resolver
from django.utils import translation

from octet.core import views


def text(response) -> str:
    """The page's HTML with entities decoded (apostrophes are escaped by the templates)."""
    return html.unescape(response.content.decode())


def csrf_token_of(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_the_suite_runs_with_debug_off():
    assert settings.DEBUG is False  # otherwise Django would show its technical pages


@pytest.mark.django_db
def test_unknown_address_shows_the_french_404_page_with_the_site_layout(client):
    client.cookies["django_language"] = "fr"
    response = client.get("/no-such-page")
    page = text(response)
    assert response.status_code == 404
    assert '<html lang="fr">' in page
    assert "<h1>Page introuvable</h1>" in page
    assert page.count("<h1") == 1
    assert 'aria-label="Menu principal"' in page  # the site navigation
    assert 'href="/account/sign-in"' in page
    assert "Aller à l'accueil" in page
    assert "Not Found" not in page


@pytest.mark.django_db
def test_unknown_address_shows_the_english_404_page_by_accept_language(client):
    response = client.get("/no-such-page", HTTP_ACCEPT_LANGUAGE="en")
    page = text(response)
    assert response.status_code == 404
    assert '<html lang="en">' in page
    assert "<h1>Page not found</h1>" in page
    assert 'aria-label="Main menu"' in page
    assert 'href="/"' in page


@pytest.mark.django_db
def test_another_learners_assessment_is_a_404_page_with_the_profile_link(client, learner):
    client.force_login(learner)
    response = client.get("/assessments/999999/")
    page = text(response)
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in page
    assert 'href="/profile/"' in page
    assert "Sign out" in page  # the signed-in navigation


@pytest.mark.django_db
def test_the_language_switch_on_the_404_page_comes_back_to_the_same_address(client):
    page = text(client.get("/no-such-page"))
    assert 'name="next" value="/no-such-page"' in page


@pytest.mark.django_db
def test_a_disallowed_host_gets_the_400_page_in_the_visitors_language(client):
    response = client.get("/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="fr")
    page = text(response)
    assert response.status_code == 400
    assert '<html lang="fr">' in page
    assert "<h1>Demande non comprise</h1>" in page
    assert "evil.example" not in page


@pytest.mark.django_db
def test_a_method_a_page_does_not_take_gets_a_405_page_in_the_visitors_language(client, learner):
    learner.language = "fr"
    learner.save()
    client.force_login(learner)
    response = client.post("/profile/")
    page = text(response)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert '<html lang="fr">' in page
    assert "<h1>Demande non comprise</h1>" in page
    assert "rien n'a été fait" in page
    assert 'href="/profile/"' in page and "Se déconnecter" in page  # a way back, signed in
    response = Client().put("/account/sign-in", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert "<h1>Request not understood</h1>" in text(response)
    assert response["Allow"] == "GET, HEAD, POST"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "address", "host", "status"),
    [
        ("get", "/nope", "testserver", 404),
        ("put", "/", "testserver", 405),
        ("get", "/", "evil.example", 400),
    ],
)
def test_error_pages_may_not_be_framed_either(client, method, address, host, status):
    # The 405 and the disallowed-host pages are made after the clickjacking middleware had run.
    response = getattr(client, method)(address, HTTP_HOST=host)
    assert response.status_code == status
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    ["/admin/accounts/user/?language=%00", "/admin/learning/assessment/?state__exact=a%00", "/%00"],
)
def test_an_address_with_a_nul_character_gets_the_400_page_never_a_server_error(superuser, address):
    # PostgreSQL refuses a NUL character in a query: the admin's filters were a server error.
    response = superuser.get(address)
    assert response.status_code == 400
    page = text(response)
    assert '<html lang="fr">' in page
    assert "<h1>Demande non comprise</h1>" in page


def test_the_403_page_through_the_configured_handler():
    handler = get_resolver().resolve_error_handler(403)
    request = RequestFactory().get("/somewhere")
    with translation.override("fr"):
        response = handler(request, exception=PermissionDenied("secret detail"))
    page = text(response)
    assert response.status_code == 403
    assert '<html lang="fr">' in page
    assert "<h1>Accès refusé</h1>" in page
    assert "secret detail" not in page


@pytest.mark.django_db
def test_a_server_error_shows_the_octet_500_page_in_the_visitors_language():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "fr"
    with mock.patch.object(views, "database_is_up", side_effect=RuntimeError("boom")):
        response = client.get("/healthz")
    page = text(response)
    assert response.status_code == 500
    assert '<html lang="fr">' in page
    assert "<h1>Une erreur s'est produite</h1>" in page
    assert page.count("<h1") == 1
    assert 'href="/"' in page and 'href="/profile/"' in page
    assert "boom" not in page and "RuntimeError" not in page


def test_the_500_handler_needs_no_database_session_or_user():
    # No django_db mark: any query would fail the test. A bare request has no session or user.
    handler = get_resolver().resolve_error_handler(500)
    assert handler is views.server_error
    request = RequestFactory().get("/")
    with translation.override("en"):
        response = handler(request)
    page = text(response)
    assert response.status_code == 500
    assert '<html lang="en">' in page
    assert "<h1>Something went wrong</h1>" in page
    assert "octet/site.css" in page


def test_the_500_handler_sends_a_fixed_page_if_its_template_fails(caplog):
    request = RequestFactory().get("/")
    with mock.patch.object(views.loader, "render_to_string", side_effect=ValueError("manifest")):
        response = views.server_error(request)
    assert response.status_code == 500
    assert response.content.decode() == views.SERVER_ERROR_FALLBACK
    assert "could not be rendered" in caplog.text


@pytest.mark.django_db
def test_a_post_without_csrf_token_gets_the_expired_page_with_a_same_origin_back_link(caplog):
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = "fr"
    with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
        response = client.post(  # the switch's own form, which carries nothing typed
            "/language",
            {"language": "fr", "next": "/account/sign-in?next=/profile/"},
            HTTP_REFERER="http://testserver/account/sign-in?next=/profile/",
        )
    page = text(response)
    assert response.status_code == 403
    assert '<html lang="fr">' in page
    assert "<h1>Cette page a expiré</h1>" in page
    assert 'href="http://testserver/account/sign-in?next=/profile/"' in page
    assert 'aria-label="Menu principal"' in page
    # The technical reason is logged, never shown.
    assert "CSRF" not in page
    assert "CSRF cookie not set" in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "referer",
    [None, "https://evil.example/account/sign-in", "//evil.example/x", "javascript:alert(1)"],
)
def test_the_expired_page_links_home_unless_the_referer_is_same_origin(referer):
    client = Client(enforce_csrf_checks=True)
    extra = {"HTTP_REFERER": referer} if referer else {}
    response = client.post("/language", {"language": "fr", "next": "/"}, **extra)
    page = text(response)
    assert response.status_code == 403
    assert "<h1>This page has expired</h1>" in page
    assert "evil.example" not in page and "javascript:" not in page
    assert '<a class="button" href="/">Go to the home page</a>' in page


@pytest.mark.django_db
def test_a_form_left_open_while_signing_in_in_another_tab_leads_back_to_its_page(learner, password):
    client = Client(enforce_csrf_checks=True)
    # Two tabs show the sign-in page with the same token; the first signs in (token renewed).
    old_token = csrf_token_of(text(client.get("/account/sign-in")))
    signed_in = client.post(
        "/account/sign-in",
        {"login": "lea.martin", "password": password, "csrfmiddlewaretoken": old_token},
    )
    assert signed_in.status_code == 302
    # The second tab switches the language with its old token.
    expired = client.post(
        "/language",
        {"language": "fr", "next": "/account/sign-in", "csrfmiddlewaretoken": old_token},
        HTTP_REFERER="http://testserver/account/sign-in",
    )
    page = text(expired)
    assert expired.status_code == 403
    assert "<h1>This page has expired</h1>" in page
    assert 'href="http://testserver/account/sign-in"' in page
    # The page's own language switch works, and comes back to the form's page.
    assert 'name="next" value="http://testserver/account/sign-in"' in page
    switched = client.post(
        "/language",
        {"language": "fr", "next": "/account/sign-in", "csrfmiddlewaretoken": csrf_token_of(page)},
    )
    assert switched.status_code == 302
    assert switched.cookies["django_language"].value == "fr"


@pytest.mark.django_db
def test_get_of_the_language_switch_goes_to_the_home_page(client):
    response = client.get("/language")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


@pytest.mark.django_db
def test_the_403_page_signs_out_by_post_to_sign_in_again_where_it_was(client, django_user_model):
    django_user_model.objects.create_user("lea", "lea@example.org", "Learner-Pass1", language="fr")
    django_user_model.objects.create_user(
        "author", "author@example.org", "Author-Pass1", is_staff=True, is_superuser=True
    )
    client.post("/account/sign-in", {"login": "lea", "password": "Learner-Pass1"})
    response = client.get("/admin/login/?next=/admin/")  # where the admin sends a learner
    page = text(response)
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in page
    form = re.search(
        r'<form class="actions" method="post" action="/account/sign-out">.*?</form>', page, re.S
    )
    assert form is not None, "the 403 page has its own sign-out form in <main>"
    assert "Se déconnecter et se connecter avec un autre compte" in form.group(0)
    next_url = re.search(r'name="next" value="([^"]+)"', form.group(0)).group(1)
    assert next_url == "/account/sign-in?next=/admin/login/%3Fnext%3D/admin/"

    response = client.post(
        "/account/sign-out", {"next": next_url, "csrfmiddlewaretoken": csrf_token_of(page)}
    )
    assert response["Location"] == next_url
    assert "_auth_user_id" not in client.session
    response = client.post(
        next_url,
        {"login": "author", "password": "Author-Pass1", "next": "/admin/login/?next=/admin/"},
    )
    assert response["Location"] == "/admin/login/?next=/admin/"
    assert client.get(response["Location"])["Location"] == "/admin/"  # no longer a 403


@pytest.mark.django_db
def test_the_403_page_offers_no_sign_out_to_a_visitor_and_sign_out_never_leaves_the_site(
    client, django_user_model
):
    handler = get_resolver().resolve_error_handler(403)
    request = RequestFactory().get("/somewhere")
    request.user = AnonymousUser()
    with translation.override("en"):
        page = text(handler(request, exception=PermissionDenied()))
    assert "Sign out and sign in with another account" not in page

    django_user_model.objects.create_user("lea", "lea@example.org", "Learner-Pass1")
    client.post("/account/sign-in", {"login": "lea", "password": "Learner-Pass1"})
    response = client.post("/account/sign-out", {"next": "https://evil.example/"})
    assert response["Location"] == "/"
