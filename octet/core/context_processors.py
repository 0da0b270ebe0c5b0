"""Template context shared by every page."""


def here(request) -> dict:
    """The address of the page being shown, for forms that come back to it (`next`).

    A page sent in reply to a POST (the next question, sent with the answer) is shown at its
    own address, set by the view as `request.shown_at`, not at the address the form posted to.
    """
    return {"here": getattr(request, "shown_at", None) or request.get_full_path()}
