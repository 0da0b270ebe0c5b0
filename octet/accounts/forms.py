from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from octet.accounts import services
from octet.accounts.selectors import email_is_taken, normalise_identifier, user_by_email
from octet.accounts.validators import MAXIMUM_PASSWORD_LENGTH
from octet.core.domain.typography import has_control_characters

# Django's own message says "adresse de courriel" in French; Octet says "adresse e-mail".
EMAIL_ERRORS = {"invalid": _("Enter a valid e-mail address.")}

# What a new password needs, said the same way wherever one is chosen (sign-up, reset, change),
# instead of Django's list of every validator (which includes a limit of 4096 characters).
NEW_PASSWORD_HELP = _(
    "At least 8 characters, with an upper-case letter, a lower-case letter and a digit."
)


class _PersonForm(forms.Form):
    """A person's name and e-mail address, as typed at sign-up and corrected later."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_first_name(self):
        return _required_name(self.cleaned_data["first_name"])

    def clean_last_name(self):
        return _required_name(self.cleaned_data["last_name"])


class SignUpForm(_PersonForm):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=NEW_PASSWORD_HELP,
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use"),
        error_messages={"required": _("You must accept the terms of use to create an account.")},
    )

    def clean_email(self):
        email = normalise_identifier(self.cleaned_data["email"])
        if email_is_taken(email):
            raise forms.ValidationError(
                _("An account already uses this e-mail address. Sign in, or reset your password."),
                code="duplicate_email",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            from django.contrib.auth import get_user_model

            probe = get_user_model()(
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
                email=cleaned.get("email", ""),
            )
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class DetailsForm(_PersonForm):
    """A person's name and e-mail address, and their time on timed questions. A new e-mail
    address needs the password: whoever holds the address can reset the password, so it must
    not change behind its owner's back."""

    extra_time = forms.BooleanField(
        label=_("Give me twice as long on timed questions"),
        help_text=_(
            "For anyone who reads, types or uses an assistive tool (screen reader, magnifier) "
            "more slowly."
        ),
        required=False,
    )
    password = forms.CharField(
        label=_("Your password, to confirm a new e-mail address"),
        strip=False,
        required=False,
        max_length=MAXIMUM_PASSWORD_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, typed=None, **kwargs):
        self.user = user
        initial = {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "extra_time": user.extra_time,
        }
        if typed:  # what was typed before switching the language (an unticked box is not sent)
            initial.update({"extra_time": False, **typed})
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        # An account made without an e-mail address (a username only) may stay without one.
        self.fields["email"].required = bool(user.email)

    def clean_email(self):
        email = normalise_identifier(self.cleaned_data["email"]) or None
        if email and email != _current_email(self.user) and email_is_taken(email):
            raise email_taken_error()
        return email

    def clean(self):
        cleaned = super().clean()
        if "email" in cleaned and cleaned["email"] != _current_email(self.user):
            password = cleaned.get("password", "")
            if not password:
                self.add_error(
                    "password",
                    forms.ValidationError(
                        _("Type your password to change your e-mail address."),
                        code="password_needed",
                    ),
                )
            else:
                try:
                    _confirmed_password(self.user, password)
                except forms.ValidationError as error:
                    self.add_error("password", error)
        return cleaned


def throttle_message(decision) -> str:
    """Why a password may not be tried now: a wait, or a lock until a time."""
    if decision.locked:
        local = timezone.localtime(decision.retry_at)
        # No full stop right after the time: the English format already ends in "p.m.".
        return gettext(
            "Too many failed attempts: this account is locked until %(time)s; "
            "try again then, or reset your password."
        ) % {"time": formats.time_format(local, "TIME_FORMAT")}
    return ngettext(
        "Too many failed attempts. Wait %(seconds)d second before trying again.",
        "Too many failed attempts. Wait %(seconds)d seconds before trying again.",
        decision.wait_seconds,
    ) % {"seconds": decision.wait_seconds}


def _confirmed_password(user, password: str, wrong: forms.ValidationError | None = None) -> None:
    """Check the password a signed-in person types to confirm an action, throttled as a sign-in
    (the same count of failures): a session left open on a shared computer must not become a
    way to guess the password. `wrong` is the error for a wrong password, if not the usual."""
    attempt = services.begin_sign_in(user.username)
    if not attempt.decision.allowed:
        raise forms.ValidationError(throttle_message(attempt.decision), code="throttled")
    if user.check_password(password):
        services.record_sign_in_success(user.username, user)
        return
    errors = [
        wrong or forms.ValidationError(_("The password is incorrect."), code="wrong_password")
    ]
    if not attempt.if_wrong.allowed:
        errors.append(forms.ValidationError(throttle_message(attempt.if_wrong), code="throttled"))
    raise forms.ValidationError(errors)


def email_taken_error() -> forms.ValidationError:
    """Another account uses the address: found by the form, or by the service when it was taken
    between the form's check and the save."""
    return forms.ValidationError(
        _("Another account already uses this e-mail address."), code="duplicate_email"
    )


def _current_email(user) -> str | None:
    return normalise_identifier(user.email or "") or None


def _required_name(value: str) -> str:
    value = value.strip()
    if not value:
        raise forms.ValidationError(_("This field is required."), code="required")
    if has_control_characters(value):
        raise forms.ValidationError(
            _(
                "This name contains invisible control characters, which a name cannot have: "
                "type it again without them."
            ),
            code="control_characters",
        )
    return value


class SignInForm(forms.Form):
    login = forms.CharField(
        label=_("E-mail address or username"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=MAXIMUM_PASSWORD_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class OctetPasswordResetForm(PasswordResetForm):
    """Tells the person when no account uses the address, instead of failing silently."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )

    def clean_email(self):
        email = normalise_identifier(self.cleaned_data["email"])
        user = user_by_email(email)
        if user is None:
            raise forms.ValidationError(
                _("No account uses this e-mail address. Check it, or create an account."),
                code="unknown_email",
            )
        decision = services.password_reset_decision(user)
        if not decision.allowed:
            local = timezone.localtime(decision.retry_at)
            raise forms.ValidationError(
                _(
                    "Several reset links have been sent to this address in the last hour. Look "
                    "for them in your inbox and your spam folder; you can ask for a new one at "
                    "%(time)s."
                )
                % {"time": formats.time_format(local, "TIME_FORMAT")},
                code="too_many_resets",
            )
        return email

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        # In the account's language, whatever the language of the page it was asked from.
        with translation.override(context["user"].language or settings.LANGUAGE_CODE):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
        services.record_password_reset_email(context["user"])


class OctetSetPasswordForm(SetPasswordForm):
    """A new password chosen through a reset link, described as on the sign-up form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = NEW_PASSWORD_HELP


class OctetPasswordChangeForm(PasswordChangeForm):
    """A password changed from the account page: the password in use is the "current" one,
    in its label and its error (Django's "old password" is ambiguous once it has changed)."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _("Your current password is incorrect. Type it again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["new_password1"].help_text = NEW_PASSWORD_HELP

    def clean_old_password(self):
        """Throttled as a sign-in, as the password typed to confirm a deletion is."""
        old_password = self.cleaned_data["old_password"]
        wrong = forms.ValidationError(
            self.error_messages["password_incorrect"], code="password_incorrect"
        )
        _confirmed_password(self.user, old_password, wrong)
        return old_password


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        _confirmed_password(self.user, password)
        return password
