import logging
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from octet.accounts import services as account_services
from octet.core import typed
from octet.core.decorators import ITS_PAGE, kept_when_expired, post_only
from octet.core.navigation import ours
from octet.core.selectors import database_is_up

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Octet's icon where browsers look for it on pages that do not name one (the Django
    admin, a JSON reply, a file opened in the tab): otherwise a 404 in the console of each."""
    return redirect(static("octet/favicon.svg"), permanent=True)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_is_up()
    return JsonResponse(
        {"status": "ok" if database else "error", "database": database},
        status=200 if database else 503,
    )


def _sent_by_a_page_form(request: HttpRequest) -> bool:
    return bool(request.GET.get("back"))


# A page's form sent by the switch with an expired token: what it carried goes back to the page.
@kept_when_expired("core:set-language", when=_sent_by_a_page_form)
@post_only("core:home")
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered on the account and in a cookie.

    Sent by the switch's own form (`next`: the page to go back to), or by a page's form, whose
    address is then in the query (`back`) and what was typed in it is kept for it (`typed`).
    """
    back = ours(request, request.GET.get("back"))
    if back:
        typed.keep(request, back)
    response = redirect(back or ours(request, request.POST.get("next"), "/"))
    return choose_language(request, request.POST.get("language", ""), response)


def choose_language(request: HttpRequest, language: str, response: HttpResponse) -> HttpResponse:
    """`response`, having switched the interface to `language` (when it is one of Octet's): on
    the account of a signed-in person, otherwise in the session until the next sign-in, and in a
    cookie. Also used by a page whose language switch sends its own form (the question's)."""
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


@require_safe
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "core/terms.html", {"terms_version": settings.OCTET_TERMS_VERSION})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with an expired or missing security token (settings.CSRF_FAILURE_VIEW).

    Usually the token was renewed meanwhile: a sign-in or sign-out in another tab. Nothing was
    done; the page offers the way back to the form's page. A form that carried what the person
    typed (`decorators.kept_when_expired`: a question's answer) is offered back whole instead,
    as hidden fields of a form with a new token: the person chooses to send it, and it is only
    kept for the form's page, never acted on. A form that its first copy may have done
    (`decorators.done_when_expired`: a sign-in tapped again once the first had signed in, which
    renews the token) gets the page that says what that copy did instead. The technical
    `reason` is not shown: CsrfViewMiddleware logs it (logger `django.security.csrf`, with the
    path).
    """
    back = ours(request, request.headers.get("Referer"))  # the page the form was sent from
    # The language switch on this page comes back to the form's page, not to the action.
    request.shown_at = back or reverse("core:home")
    context = {"back": back}
    match = request.resolver_match
    done = getattr(match.func, "done_when_expired", None) if match else None
    if done is not None and request.method == "POST":
        response = done(request, *match.args, **match.kwargs)
        if response is not None:
            return response
    keep, when = getattr(match.func, "kept_when_expired", (None, None)) if match else (None, None)
    if keep and request.method == "POST" and (when is None or when(request)):
        if keep == ITS_PAGE:  # an account form: kept for its page as the language switch keeps it
            back_to = request.get_full_path()
            context["keep"] = (
                reverse("core:set-language") + "?" + urlencode({"back": back_to}, safe="/")
            )
        else:
            context["keep"] = reverse(keep, args=match.args, kwargs=match.kwargs)
        if keep != ITS_PAGE and request.GET.get("back"):  # the language switch's own page
            context["keep"] += "?" + urlencode({"back": request.GET["back"]}, safe="/")
        context["kept"] = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in EXPIRED_FORM_LEFT_OUT and "password" not in name
            for value in values
        ]
        context["password_left_out"] = any(
            "password" in name and value for name, value in request.POST.items()
        )
    return render(request, "core/csrf_failure.html", context, status=403)


# What the expired-form page does not send again: the expired token, the buttons pressed (a
# language too: the page comes back as it was), and never a password.
EXPIRED_FORM_LEFT_OUT = {"csrfmiddlewaretoken", "action", "language"}


# Shown if even the 500 page cannot be rendered: plain HTML, no template, no translation.
SERVER_ERROR_FALLBACK = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Erreur du serveur · Octet</title></head>
<body>
<h1>Une erreur s'est produite</h1>
<p>Octet n'a pas pu afficher cette page. Réessayez dans quelques minutes.</p>
<p lang="en">Something went wrong: Octet could not show this page. Please try again in a few
minutes.</p>
<p><a href="/">Octet</a></p>
</body>
</html>
"""


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page (handler500): no database, session or user, and a fixed page as last resort.

    The language is the one LocaleMiddleware chose for the request, still active here.
    """
    try:
        body = loader.render_to_string("500.html")
    except Exception:
        logger.exception("The 500 page could not be rendered; the fixed page was sent")
        body = SERVER_ERROR_FALLBACK
    return HttpResponseServerError(body)
