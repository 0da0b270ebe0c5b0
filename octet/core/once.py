"""A form sent twice (a double tap, or Back then send again) is recognised by its second copy.

The form carries a random token (`{% sent_once %}`, templatetags/octet_forms.py). A view that
has done what the form asked records the token in the session (`done`); a copy sent again with
it (`already_done`) is told what the first copy did, instead of being judged against what that
copy changed: a password that is no longer the current one, details that are already saved.
"""

import secrets

FIELD = "sent_once"
SESSION_KEY = "octet_sent_once"
KEPT = 10  # the last forms done in this session: a double tap, or a form sent again from Back


def new_token() -> str:
    return secrets.token_urlsafe(16)


def _token(request) -> str:
    token = request.POST.get(FIELD, "")
    return token if 0 < len(token) <= 64 else ""


def already_done(request) -> bool:
    """Whether this form, sent before in this session, was done then."""
    token = _token(request)
    return bool(token) and token in request.session.get(SESSION_KEY, [])


def done(request) -> None:
    """Remember that the form sent now was done (call it once its change is made)."""
    token = _token(request)
    if token:
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-(KEPT - 1) :], token]
