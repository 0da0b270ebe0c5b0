import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from octet.accounts import services
from octet.accounts.forms import (
    DeleteAccountForm,
    DetailsForm,
    OctetPasswordChangeForm,
    OctetPasswordResetForm,
    OctetSetPasswordForm,
    SignInForm,
    SignUpForm,
    email_taken_error,
    throttle_message,
)
from octet.accounts.selectors import account_exists, user_by_identifier
from octet.core import once, typed
from octet.core.decorators import (
    ITS_PAGE,
    SIGNED_OUT,
    done_when_expired,
    kept_when_expired,
    post_only,
    sign_in_first,
)
from octet.core.navigation import ours

BACKEND = "octet.accounts.backends.EmailOrUsernameBackend"


def _safe_next(request: HttpRequest, default: str) -> str:
    return ours(request, request.POST.get("next") or request.GET.get("next"), default)


def _remember_language(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


def _signed_in_by_the_first_copy(request: HttpRequest) -> HttpResponse | None:
    """A sign-in or sign-up sent again once the first copy's reply had signed in (tapped again
    while the next page loads on a slow connection): signing in renewed the security token that
    the form still carries, so this copy is refused as expired. When the account it names is the
    one now signed in, the first copy did what it asked: it leads where that copy led. None
    otherwise (signed in as someone else meanwhile: the expired-form page)."""
    if not request.user.is_authenticated:
        return None
    named = user_by_identifier(request.POST.get("login") or request.POST.get("email") or "")
    if named is None or named.pk != request.user.pk:
        return None
    return redirect(_safe_next(request, reverse("learning:profile")))


@kept_when_expired(ITS_PAGE)
@done_when_expired(_signed_in_by_the_first_copy)
@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("learning:profile")
    form = SignUpForm(request.POST or None, initial=typed.kept(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = services.sign_up(
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        except services.EmailAlreadyUsed:
            message = _(
                "An account already uses this e-mail address. Sign in, or reset your password."
            )
            form.add_error("email", ValidationError(message, code="duplicate_email"))
        else:
            return _welcome(request, user)
    if request.method == "POST" and form.has_error("email", "duplicate_email"):
        # Sent twice (a double tap), the second copy leaving before the first one's reply and
        # so without its session: the account is the one the first copy made.
        again = services.signed_up_just_now(
            form.data.get("email", ""), form.data.get("password", "")
        )
        if again is not None:
            return _welcome(request, again)
    context = {"form": form, "language_switch": typed.SENDS_PAGE_FORM}
    return render(request, "accounts/sign_up.html", context, status=400 if form.errors else 200)


def _welcome(request: HttpRequest, user) -> HttpResponse:
    """A new account, signed in."""
    login(request, user, backend=BACKEND)
    messages.success(
        request, _("Welcome to Octet, %(name)s! Your account is ready.") % {"name": user.first_name}
    )
    return _remember_language(
        redirect(_safe_next(request, reverse("learning:profile"))), user.language
    )


@kept_when_expired(ITS_PAGE)
@done_when_expired(_signed_in_by_the_first_copy)
@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request, reverse("learning:profile")))
    form = SignInForm(request.POST or None, initial=typed.kept(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["login"]
        attempt = services.begin_sign_in(identifier)
        if not attempt.decision.allowed:
            form.add_error(None, throttle_message(attempt.decision))
            status = 429
        else:
            user = user_by_identifier(identifier)
            authenticated = None
            if user is not None:
                authenticated = authenticate(
                    request, username=identifier, password=form.cleaned_data["password"]
                )
            if authenticated is None:
                if user is None:
                    form.add_error(
                        "login", _("No account matches this e-mail address or username.")
                    )
                else:
                    form.add_error("password", _("The password is incorrect."))
                if not attempt.if_wrong.allowed:
                    form.add_error(None, throttle_message(attempt.if_wrong))
                status = 400
            else:
                services.record_sign_in_success(identifier, authenticated)
                chosen = request.session.get(services.CHOSEN_LANGUAGE_SESSION_KEY)
                if chosen:
                    services.set_language(authenticated, chosen)
                login(request, authenticated, backend=BACKEND)
                response = redirect(_safe_next(request, reverse("learning:profile")))
                return _remember_language(response, authenticated.language)
    elif request.method == "POST":
        status = 400
    next_url = _safe_next(request, "")
    context = {"form": form, "next": next_url, "language_switch": typed.SENDS_PAGE_FORM}
    return render(request, "accounts/sign_in.html", context, status=status)


@never_cache
def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """The Django admin's sign-in page, replaced by Octet's: its own form checks passwords with
    no throttling, so that anyone could try password after password on a staff account there.

    The admin sends here whoever may not see it: a visitor goes to sign in and comes back; a
    person signed in without staff rights is refused (sending them to sign in would loop).
    """
    next_url = ours(request, request.GET.get("next"), reverse("admin:index"))
    if request.user.is_staff:  # signed in again with a staff account from the 403 page
        return redirect(next_url)
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(next_url)


@post_only("accounts:account")  # a GET (bookmark, typed address) never signs out
def sign_out(request: HttpRequest) -> HttpResponse:
    """Signs out, then goes home, or to `next`: the 403 page signs out to sign in again there."""
    logout(request)
    messages.info(request, _("You are signed out. See you soon!"))
    return redirect(_safe_next(request, reverse("core:home")))


@login_required
@never_cache
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html", {"account": request.user})


@kept_when_expired(ITS_PAGE)
@sensitive_post_parameters("password")
@sign_in_first()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def edit_details(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and once.already_done(request):
        # The second copy of a double tap: the first saved, and nothing differs now.
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:account")
    form = DetailsForm(request.user, request.POST or None, typed=typed.kept(request))
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_details(
                request.user,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                email=form.cleaned_data["email"],
                extra_time=form.cleaned_data["extra_time"],
            )
        except services.EmailAlreadyUsed:
            form.add_error("email", email_taken_error())
        else:
            if changed:
                once.done(request)
                messages.success(request, _("Your details have been saved."))
            else:
                messages.info(request, _("Nothing to save: your details are unchanged."))
            return redirect("accounts:account")
    context = {"form": form, "language_switch": typed.SENDS_PAGE_FORM}
    return render(request, "accounts/details.html", context, status=400 if form.errors else 200)


@login_required
@never_cache
def export_data(request: HttpRequest) -> HttpResponse:
    data = services.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"octet-{request.user.username}-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# The account a deletion form was shown to, signed in its hidden field `account`: the first copy
# of a deletion sent twice signs out, so the second arrives signed out and is known by it.
DELETING_ACCOUNT = signing.TimestampSigner(salt="octet.accounts.delete")
DELETING_ACCOUNT_AGE = 15 * 60  # seconds


def _deleted_by_the_first_copy(request: HttpRequest) -> bool:
    """Whether a deletion sent signed out (a double tap's second copy, or the form sent again
    from Back) names an account shown the form lately that no longer exists: its first copy
    deleted it."""
    try:
        pk = DELETING_ACCOUNT.unsign(request.POST.get("account", ""), max_age=DELETING_ACCOUNT_AGE)
    except signing.BadSignature:
        return False
    return not account_exists(pk)


def _account_deleted(request: HttpRequest) -> HttpResponse:
    messages.success(request, _("Your account and your personal data have been deleted."))
    return redirect("core:home")


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        # Not sign_in_first: the copy sent again after a deletion lands where the first did.
        if request.method == "POST" and _deleted_by_the_first_copy(request):
            return _account_deleted(request)
        if request.method == "POST":
            messages.info(request, SIGNED_OUT)
        return redirect_to_login(request.get_full_path())
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.delete_account(request.user)
        logout(request)
        return _account_deleted(request)
    context = {"form": form, "account": DELETING_ACCOUNT.sign(str(request.user.pk))}
    return render(request, "accounts/delete.html", context, status=400 if form.errors else 200)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OctetPasswordResetForm
    extra_context = {"language_switch": typed.SENDS_PAGE_FORM}
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def get_initial(self):
        return typed.kept(self.request) or {}

    def post(self, request, *args, **kwargs):
        if once.already_done(request):  # a double tap: one e-mail, not two of the three an hour
            return redirect(self.success_url)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        once.done(self.request)
        return response


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = OctetSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:sign-in")

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and once.already_done(request):
            # The second copy of a double tap: the link, used by the first, no longer works.
            return self._changed()
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        super().form_valid(form)
        services.password_was_reset(form.user)
        once.done(self.request)
        return self._changed()

    def _changed(self):
        messages.success(self.request, _("Your password has been changed. You can sign in now."))
        return redirect(self.success_url)


# The account a password-change form was shown to, signed in its hidden field `account`: a copy
# sent once that session had ended can still be recognised (`_password_change_signed_out`).
CHANGING_ACCOUNT = signing.TimestampSigner(salt="octet.accounts.password-change")
CHANGING_ACCOUNT_AGE = 15 * 60  # seconds


def _password_change_signed_out(request: HttpRequest, **kwargs) -> str | None:
    """What the sign-in page says of a password change sent signed out (`sign_in_first`).

    A double tap's second copy that left before the first one's reply carries the session the
    change renewed, so it arrives signed out; when the new password it carries is the account's
    now (checked, and counted, as a sign-in), the first copy changed it, and the page says so.
    Otherwise, as for any form, that nothing was done."""
    try:
        pk = CHANGING_ACCOUNT.unsign(request.POST.get("account", ""), max_age=CHANGING_ACCOUNT_AGE)
    except signing.BadSignature:
        return None
    if services.password_now(pk, request.POST.get("new_password1", "")):
        return _("Your password has been changed. Sign in again with the new one.")
    return None


@method_decorator(sign_in_first(_password_change_signed_out), name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = OctetPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = CHANGING_ACCOUNT.sign(str(self.request.user.pk))
        return context

    def post(self, request, *args, **kwargs):
        if once.already_done(request):
            # The second copy of a double tap: its current password is the one just replaced,
            # and checking it would count a failed sign-in.
            messages.success(request, _("Your password has been changed."))
            return redirect(self.success_url)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)  # the session is renewed, its data kept
        once.done(self.request)
        messages.success(self.request, _("Your password has been changed."))
        return response
