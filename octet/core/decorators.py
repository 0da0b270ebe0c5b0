"""View decorators shared by the apps."""

from functools import wraps

from django.shortcuts import redirect


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
