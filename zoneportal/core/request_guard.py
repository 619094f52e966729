"""Refuse a page address that carries a NUL character, before any view sees it.

PostgreSQL can neither store nor compare text containing NUL (0x00): a filter on such a value raises
``DataError``, a 500. No slug, number or search word ever contains one, so the address is simply
malformed and the visitor gets a 400 that says so. Posted fields need no help (Django's form fields
refuse NUL themselves); the API answers in its own documented shapes (``letters/api.py``), so its
addresses pass through.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template import loader

API_PREFIX = "/api/"


def carries_nul(request: HttpRequest) -> bool:
    """Whether the path or the query string holds a NUL, raw or percent-encoded."""
    query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path or "%00" in query or "\x00" in query


class RefuseNulCharactersMiddleware:
    """Answer 400 with a Chinese page for a public address containing NUL."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if carries_nul(request) and not request.path.startswith(API_PREFIX):
            page = loader.get_template("400.html").render({"site_name": settings.WAGTAIL_SITE_NAME})
            return HttpResponseBadRequest(page)
        return self.get_response(request)
