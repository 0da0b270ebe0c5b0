"""Where a request may send the browser next."""

from urllib.parse import urlsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def ours(request: HttpRequest, url: str | None, default: str | None = None) -> str | None:
    """`url` when it leads to a page of this site, else `default`: a `next` field or a Referer
    never sends anyone to another site (no open redirect), nor from HTTPS to HTTP.

    Only a path from the root or a whole address is taken: Octet writes no other, and
    `redirect()` reads any other word as the name of a view (a server error when none has it).
    """
    if not url or not (url.startswith("/") or _has_scheme(url)):
        return default
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


def _has_scheme(url: str) -> bool:
    try:
        return bool(urlsplit(url).scheme)
    except ValueError:  # a malformed address, such as "http://[": not ours
        return False
