from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class OctetUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A person using Octet. E-mail is optional (pupils may have only a username)."""

    # NULL, not "", for people without an address, so that the unique constraint ignores them.
    email = models.EmailField(_("e-mail address"), blank=True, null=True)  # noqa: DJ001
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    terms_version = models.CharField(_("terms of use version accepted"), max_length=20, blank=True)
    terms_accepted_at = models.DateTimeField(_("terms of use accepted at"), null=True, blank=True)
    # Timed questions last twice as long: WCAG's "timing adjustable", for anyone who reads,
    # types or uses assistive technology more slowly. A preference, never a diagnosis.
    extra_time = models.BooleanField(_("twice as long on timed questions"), default=False)

    objects = OctetUserManager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class SignInThrottle(models.Model):
    """Failed sign-in attempts on one account, kept under its username (lower-cased) whichever
    identifier was typed, or on one identifier that matches no account."""

    identifier = models.CharField(_("identifier"), max_length=254, unique=True)
    failures = models.PositiveIntegerField(_("failures"), default=0)
    last_failure_at = models.DateTimeField(_("last failure"), null=True, blank=True)

    class Meta:
        ordering = ["identifier"]
        verbose_name = _("sign-in failures")
        verbose_name_plural = _("sign-in failures")

    def __str__(self) -> str:
        return f"{self.identifier}: {self.failures}"


class PasswordResetEmail(models.Model):
    """A password-reset e-mail sent to an account, kept to limit how many go out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_reset_emails"
    )
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at"]
        indexes = [models.Index(fields=["user", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.sent_at:%Y-%m-%d %H:%M}"
