"""繁體 view: every public page, converted to traditional characters on the way out.

A visitor who follows the 繁體 link lands on the same URL under ``/zh-hant/``.
The middleware strips that prefix before routing and sets it as the script
prefix, so every URL that Django or Wagtail builds (``reverse``, ``page.url``,
``{% pageurl %}``) keeps the prefix and the visitor stays in 繁體 while
browsing. The finished HTML is converted with OpenCC; conversions are cached
by content hash, so a cached page costs one hash and one cache read.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import opencc
from django.core.handlers.wsgi import get_str_from_wsgi
from django.http import HttpResponsePermanentRedirect
from django.urls import get_script_prefix, set_script_prefix
from django.utils.encoding import escape_uri_path, iri_to_uri

from .page_cache import layered_cache

PREFIX = "/zh-hant"
CONVERTIBLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/xml", "application/json")
NEVER_CONVERTED = ("/admin/", "/documents/", "/static/", "/media/")


@lru_cache(maxsize=1)
def converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Convert simplified Chinese to traditional (OpenCC s2t), cached by content."""
    key = "zh-hant:" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    # Keyed by the content itself, so this process may keep its own copy (page_cache.LayeredCache).
    converted = layered_cache.get(key)
    if converted is None:
        converted = converter().convert(text)
        layered_cache.set(key, converted, timeout=3600)
    return converted


def is_traditional(request) -> bool:
    return getattr(request, "script_variant", "zh-hans") == "zh-hant"


class TraditionalChineseMiddleware:
    """Serve ``/zh-hant/<path>`` as ``/<path>`` converted to traditional characters."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            request.script_variant = "zh-hans"
            return self.get_response(request)

        inner_path = path[len(PREFIX) :] or "/"
        if inner_path.startswith(NEVER_CONVERTED):
            # Same address without the prefix: the query string too (?next=…, search terms, ?p=2).
            target = escape_uri_path(get_script_prefix().rstrip("/") + inner_path)
            query = get_str_from_wsgi(request.META, "QUERY_STRING", "")  # the raw bytes, read as UTF-8
            return HttpResponsePermanentRedirect(f"{target}?{iri_to_uri(query)}" if query else target)

        request.script_variant = "zh-hant"
        request.path_info = inner_path
        request.META["PATH_INFO"] = inner_path
        outer_prefix = get_script_prefix()
        set_script_prefix(outer_prefix.rstrip("/") + PREFIX + "/")
        try:
            response = self.get_response(request)
        finally:
            set_script_prefix(outer_prefix)

        content_type = response.get("Content-Type", "")
        if not getattr(response, "streaming", False) and content_type.startswith(CONVERTIBLE_TYPES):
            charset = response.charset or "utf-8"
            response.content = to_traditional(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        response.headers["Content-Language"] = "zh-Hant"
        return response
