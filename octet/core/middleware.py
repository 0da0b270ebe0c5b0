from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import render


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy header unless a view already set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Content-Security-Policy", settings.OCTET_CONTENT_SECURITY_POLICY
        )
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


class MethodNotAllowedPageMiddleware:
    """Give a 405 (a page asked for with a method it does not take, e.g. a form sent to a page
    that only shows) Octet's page in the visitor's language; Django sends an empty one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page


class NulCharacterRefusedMiddleware:
    """Refuse an address holding a NUL character with the 400 page. No one types one, PostgreSQL
    refuses it in a query, and Django passes it on: an admin list filtered by it was a server
    error. (What a form sends is cleaned field by field: `learning.domain.presentation.typed_text`,
    and Django's form fields refuse it.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            raise SuspiciousOperation("NUL character in the address")
        return self.get_response(request)
