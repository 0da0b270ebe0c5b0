"""View decorators shared by the apps."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy


def post_only(back: str, *arg_names: str):
    """An action taken by POST; a GET of its address goes to the page `back` instead of an error.

    Such a GET comes from the sign-in page after a session expired on a form (its `next` is the
    form's address), or from an address bookmarked or typed again.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "POST":
                return redirect(back, *(kwargs[name] for name in arg_names))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


SIGNED_OUT = gettext_lazy("You had been signed out, so nothing was done. Sign in again to go on.")


def sign_in_first(said=None):
    """`login_required` for a view that takes forms: a form sent once the session had ended
    (it expired, or the person signed out in another tab) gets the sign-in page, which says that
    nothing was done. `said(request, **kwargs)` may say something else instead (what was kept),
    or nothing (""), e.g. for a request that the page's script will send again."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.is_authenticated:
                return view(request, *args, **kwargs)
            if request.method == "POST":
                message = said(request, **kwargs) if said else None
                if message is None:
                    message = SIGNED_OUT
                if message:
                    messages.info(request, message)
            return redirect_to_login(request.get_full_path())

        return wrapper

    return decorator


def done_when_expired(answer):
    """A view whose form, sent again with an expired security token, may have been done by its
    first copy: the expired-form page (`core.views.csrf_failure`) asks `answer(request,
    **address arguments)` first, which returns the page that says what that copy did, or None
    (nothing was done: the expired-form page). `answer` must change nothing. Put it above the
    view's other decorators."""

    def decorator(view):
        view.done_when_expired = answer
        return view

    return decorator


# `kept_when_expired`'s url name for a page whose form the language switch keeps (`core/typed.py`):
# what it carried goes to `core:set-language` with the page in `back`, and comes back on it.
ITS_PAGE = "its page"


def kept_when_expired(url_name: str, when=None):
    """A view whose form carries what a person typed (an answer): if it is sent with an expired
    security token, the expired-form page (`core.views.csrf_failure`) does nothing with it but
    offers to send it to `url_name` (same address arguments), with a new token, which keeps it
    for the form's page; only for the forms that `when(request)` accepts, if given. `ITS_PAGE`:
    an account form's page, by the language switch's keeping (passwords are never offered back).
    Put it above the view's other decorators."""

    def decorator(view):
        view.kept_when_expired = (url_name, when)
        return view

    return decorator
