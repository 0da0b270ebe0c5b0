"""Where a request may send the browser next."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def ours(request: HttpRequest, url: str | None, default: str | None = None) -> str | None:
    """`url` when it leads to a page of this site, else `default`: a `next` field or a Referer
    never sends anyone to another site (no open redirect), nor from HTTPS to HTTP."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default
