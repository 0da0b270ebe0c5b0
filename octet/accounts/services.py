"""Writes on accounts: sign-up, sign-in bookkeeping, language, export and deletion."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from octet.accounts.domain import throttling
from octet.accounts.domain.names import username_base, username_candidates
from octet.accounts.models import PasswordResetEmail, SignInThrottle
from octet.accounts.selectors import (
    normalise_identifier,
    throttle_for,
    throttle_key,
    user_by_email,
)
from octet.core import personal_data

CHOSEN_LANGUAGE_SESSION_KEY = "octet_chosen_language"


class EmailAlreadyUsed(Exception):
    pass


def policy() -> throttling.ThrottlePolicy:
    return throttling.ThrottlePolicy(
        slow_after=settings.OCTET_SIGN_IN_SLOW_AFTER,
        lock_after=settings.OCTET_SIGN_IN_LOCK_AFTER,
        lock_minutes=settings.OCTET_SIGN_IN_LOCK_MINUTES,
    )


def _free_username(base: str) -> str:
    """The first free username of `username_candidates`, asked by batches: one query, unless
    that many people already share the name."""
    User = get_user_model()
    tried = 0
    while True:
        candidates = username_candidates(base, count=20 + tried)[tried:]
        pattern = "^(" + "|".join(re.escape(c) for c in candidates) + ")$"
        taken = {
            name.casefold()
            for name in User.objects.filter(username__iregex=pattern).values_list(
                "username", flat=True
            )
        }
        free = [c for c in candidates if c.casefold() not in taken]
        if free:
            return free[0]
        tried += len(candidates)


@transaction.atomic
def sign_up(*, first_name: str, last_name: str, email: str, password: str, language: str):
    """Create a learner account; the terms of use in force are recorded as accepted."""
    User = get_user_model()
    email = normalise_identifier(email)
    if User.objects.filter(email__iexact=email).exists():
        raise EmailAlreadyUsed(email)
    base = username_base(first_name, last_name)
    user = User(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        username=_free_username(base),
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        terms_version=settings.OCTET_TERMS_VERSION,
        terms_accepted_at=timezone.now(),
    )
    user.set_password(password)
    for _ in range(3):
        try:
            with transaction.atomic():
                user.save()
            return user
        except IntegrityError as error:
            if User.objects.filter(email__iexact=email).exists():  # a concurrent sign-up
                raise EmailAlreadyUsed(email) from error
            # Someone of the same name signed up meanwhile and took the username: the next one.
            user.username = _free_username(base)
    raise RuntimeError("no free username after three tries")  # pragma: no cover


# A sign-up sent again this soon after the account was made is the same sign-up, sent twice.
SIGN_UP_SENT_AGAIN_WITHIN = timedelta(minutes=2)


def signed_up_just_now(email: str, password: str, now=None):
    """The account this very sign-up made moments ago, when it is sent again: a double tap whose
    second copy left before the first one's reply, so without its session. Its e-mail address is
    taken, by an account made in the last minutes whose password is the one typed (checked, and
    counted, as a sign-in: this is no way round the lock-out). None otherwise."""
    now = now or timezone.now()
    user = user_by_email(email)
    if user is None or user.date_joined < now - SIGN_UP_SENT_AGAIN_WITHIN:
        return None
    return user if password_now(user.pk, password) else None


@transaction.atomic
def update_details(
    user, *, first_name: str, last_name: str, email: str | None, extra_time: bool | None = None
) -> list[str]:
    """Correct a person's name and e-mail address, and set their time on timed questions
    (unchanged when `extra_time` is None); returns the fields that changed.

    An e-mail address is unique whatever its case; the username, which others may know the
    account by, never changes."""
    User = get_user_model()
    email = normalise_identifier(email) if email else None
    if email and User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise EmailAlreadyUsed(email)
    new = {"first_name": first_name.strip(), "last_name": last_name.strip(), "email": email}
    if extra_time is not None:
        new["extra_time"] = extra_time
    changed = [name for name, value in new.items() if getattr(user, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(user, name, new[name])
    try:
        with transaction.atomic():
            user.save(update_fields=changed)
    except IntegrityError as error:  # a concurrent change took the same e-mail
        raise EmailAlreadyUsed(email) from error
    return changed


@dataclass(frozen=True)
class SignInAttempt:
    """May a sign-in be tried now, and where the account stands if its password is wrong."""

    decision: throttling.ThrottleDecision
    if_wrong: throttling.ThrottleDecision


@transaction.atomic
def begin_sign_in(identifier: str, now=None) -> SignInAttempt:
    """Take one sign-in attempt with `identifier`, if one is allowed now.

    Failures and locks are the account's, whichever of its identifiers is typed. An allowed
    attempt counts as a failure before the password is checked (`record_sign_in_success`
    forgets it), under the account's row lock: attempts sent at the same moment are counted
    one after the other, so that they cannot all pass while the first passwords are checked.
    """
    now = now or timezone.now()
    record, _ = SignInThrottle.objects.select_for_update().get_or_create(
        identifier=throttle_key(identifier)
    )
    decision = throttling.decide(record.failures, record.last_failure_at, now, policy())
    if not decision.allowed:
        return SignInAttempt(decision=decision, if_wrong=decision)
    current = throttling.effective_failures(record.failures, record.last_failure_at, now, policy())
    record.failures = current + 1
    record.last_failure_at = now
    record.save(update_fields=["failures", "last_failure_at"])
    return SignInAttempt(
        decision=decision, if_wrong=throttling.decide(record.failures, now, now, policy())
    )


def record_sign_in_success(identifier: str, user) -> None:
    _forget_sign_in_failures(user, identifier)


def _forget_sign_in_failures(user, *also: str) -> None:
    """Delete the failures counted under the account's identifiers (and `also`, as typed)."""
    identifiers = {normalise_identifier(i) for i in (user.username, user.email, *also) if i}
    SignInThrottle.objects.filter(identifier__in=identifiers).delete()


def password_now(user_pk, password: str) -> bool:
    """Whether `password` is the account's password now, checked and counted as a sign-in (a
    way to learn that a password was changed, never round the lock-out)."""
    user = get_user_model().objects.filter(pk=user_pk).first()
    if user is None or not password:
        return False
    attempt = begin_sign_in(user.username)
    if not attempt.decision.allowed or not user.check_password(password):
        return False
    record_sign_in_success(user.username, user)
    return True


def password_was_reset(user) -> None:
    """A new password chosen through a reset link unlocks the account: whoever chose it showed
    they read the account's mailbox, and the lock-out message tells the person to do just that."""
    _forget_sign_in_failures(user)


def _reset_window() -> timedelta:
    return timedelta(minutes=settings.OCTET_PASSWORD_RESET_WINDOW_MINUTES)


def password_reset_decision(user, now=None) -> throttling.ResetDecision:
    """May one more password-reset e-mail be sent to this account now?"""
    now = now or timezone.now()
    sent = list(
        PasswordResetEmail.objects.filter(user=user, sent_at__gt=now - _reset_window()).values_list(
            "sent_at", flat=True
        )
    )
    return throttling.reset_decision(
        sent, now, settings.OCTET_PASSWORD_RESET_LIMIT, _reset_window()
    )


def record_password_reset_email(user, now=None) -> None:
    now = now or timezone.now()
    PasswordResetEmail.objects.create(user=user, sent_at=now)
    # only the window counts: older ones are no use and are not kept
    PasswordResetEmail.objects.filter(user=user, sent_at__lte=now - _reset_window()).delete()


def set_language(user, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def export_personal_data(user) -> dict:
    """Everything Octet holds about a person, as JSON-ready data."""
    return {
        "exported_at": timezone.now().isoformat(),
        "format": "octet-personal-data/1",
        **{provider.name: provider.export(user) for provider in personal_data.providers()},
    }


@transaction.atomic
def delete_account(user) -> None:
    """Erase a person's data in every context, then the account itself."""
    for provider in personal_data.providers():
        provider.erase(user)
    user.delete()


def _export_account(user) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "language": user.language,
        "extra_time": user.extra_time,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "terms_version": user.terms_version,
        "terms_accepted_at": user.terms_accepted_at.isoformat() if user.terms_accepted_at else None,
        "sign_in_failures": _export_sign_in_failures(user),
        "reset_links_sent": [
            sent.isoformat()
            for sent in user.password_reset_emails.values_list("sent_at", flat=True)
        ],
    }


def _export_sign_in_failures(user) -> dict | None:
    """Failed sign-ins counted on the account since its last sign-in, if any."""
    record = throttle_for(user.username)
    if record is None or not record.failures:
        return None
    return {
        "count": record.failures,
        "last_at": record.last_failure_at.isoformat() if record.last_failure_at else None,
    }


def _erase_account(user) -> None:
    _forget_sign_in_failures(user)


def register_personal_data() -> None:
    personal_data.register("account", export=_export_account, erase=_erase_account)
