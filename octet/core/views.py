from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from octet.accounts import services as account_services
from octet.core.selectors import database_is_up


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_is_up()
    return JsonResponse(
        {"status": "ok" if database else "error", "database": database},
        status=200 if database else 503,
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered on the account and in a cookie."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    if language not in dict(settings.LANGUAGES):
        return response
    translation.activate(language)
    if request.user.is_authenticated:
        account_services.set_language(request.user, language)
    else:
        # Carried over to the account at the next sign-in: an explicit choice wins.
        request.session[account_services.CHOSEN_LANGUAGE_SESSION_KEY] = language
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


@require_GET
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "core/terms.html", {"terms_version": settings.OCTET_TERMS_VERSION})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")
