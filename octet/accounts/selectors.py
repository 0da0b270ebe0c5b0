from django.contrib.auth import get_user_model
from django.db.models import Q

from octet.accounts.models import SignInThrottle


def normalise_identifier(identifier: str) -> str:
    return identifier.strip().lower()[:254]


def user_by_identifier(identifier: str):
    """The user whose e-mail or username is `identifier` (case-insensitive), or None."""
    identifier = normalise_identifier(identifier)
    if not identifier:
        return None
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=identifier) | Q(username__iexact=identifier))
        .first()
    )


def user_by_email(email: str):
    email = normalise_identifier(email)
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email).first()


def account_exists(pk) -> bool:
    return get_user_model().objects.filter(pk=pk).exists()


def email_is_taken(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=normalise_identifier(email)).exists()


def throttle_key(identifier: str) -> str:
    """Whose failed sign-ins an attempt counts with: the account's, whichever of its identifiers
    was typed (kept under its username), or else the typed identifier itself, so that an
    identifier matching no account is throttled exactly like an account."""
    user = user_by_identifier(identifier)
    return normalise_identifier(user.username if user is not None else identifier)


def throttle_for(identifier: str) -> SignInThrottle | None:
    return SignInThrottle.objects.filter(identifier=throttle_key(identifier)).first()
