"""What a person had typed in a page's form when they switched the language.

Without JavaScript the header's language switch is a form of its own: the page loaded again in
the other language would come back empty. On a page that asks for it (`language_switch` in its
context: base.html), the switch sends the page's form instead, to `core:set-language` with the
page's address in `back`; what the form carried is kept in the session for that page (`keep`),
and given back once as its form's initial values (`kept`). Passwords are never kept.
"""

from urllib.parse import urlsplit

SESSION_KEY = "octet_typed_form"
LEFT_OUT = {"csrfmiddlewaretoken", "language", "next", "sent_once", "account"}
MAX_FIELDS = 20
MAX_LENGTH = 1000

# The context of a page whose form the language switch sends (its id: `page-form`).
SENDS_PAGE_FORM = {"form": "page-form"}


def keep(request, back: str) -> None:
    """Keep the POST's fields, but passwords and tokens, for the page at `back`."""
    typed = {
        name: value[:MAX_LENGTH].replace("\x00", "")
        for name, value in request.POST.items()
        if name not in LEFT_OUT and "password" not in name
    }
    typed = dict(list(typed.items())[:MAX_FIELDS])
    if typed:
        request.session[SESSION_KEY] = {"path": urlsplit(back).path, "typed": typed}


def kept(request) -> dict | None:
    """What was kept for this page, once; None when nothing was."""
    if SESSION_KEY not in request.session:  # reading the session costs nothing more; writing would
        return None
    entry = request.session.pop(SESSION_KEY)
    if entry.get("path") != request.path:
        return None
    return dict(entry.get("typed", {}))
