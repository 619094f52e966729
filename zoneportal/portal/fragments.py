"""Parts of pages — rendered HTML or the data behind it — cached under the page-cache generation.

The whole-page cache (``page_cache.py``) serves anonymous visitors a stored
page. Everything else is rendered: visitors with a session, the first visitor
after a publish, and every request when the page cache is off. Those renders
reuse the parts every page shares or that only change when content is
published — header and navigation, footer, breadcrumbs, side navigation, the
government meta tags, the home page's sections, an article's body — from this
cache. The keys carry the same generation as the page cache, so a publish
(or any other change ``signals.py`` watches) makes every fragment stale at
once: an edit shows on the next request, as with the page cache.

A key also carries what a fragment's HTML depends on beyond its own
arguments: the request's site, the script prefix (URLs inside the 繁體 view
start with ``/zh-hant/``) and the active language. Previews of drafts never
use the cache: they show content that is not published.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.http import HttpRequest
from django.urls import get_script_prefix
from django.utils.translation import get_language
from wagtail.models import Site

from .page_cache import layered_cache, request_generation

#: Upper bound on anything the generation signals might miss.
FRAGMENT_CACHE_SECONDS = 300

T = TypeVar("T")


def caching_allowed(request: HttpRequest | None) -> bool:
    """Fragments are cached for requests of the public site, never for previews of drafts."""
    return request is not None and not getattr(request, "is_preview", False)


def fragment_key(request: HttpRequest, name: str, vary: Iterable[Any]) -> str:
    """The cache key of fragment ``name`` with arguments ``vary`` for this request."""
    site = Site.find_for_request(request)
    arguments = "\x1f".join(str(value) for value in vary)
    digest = hashlib.blake2b(arguments.encode(), digest_size=16).hexdigest()
    return (
        f"portal:fragment:{request_generation(request)}:{site.pk if site else '-'}:"
        f"{get_script_prefix()}:{get_language()}:{name}:{digest}"
    )


def cached_part(request: HttpRequest | None, name: str, vary: Iterable[Any], compute: Callable[[], T]) -> T:
    """``compute()``, remembered for this generation under ``name`` and ``vary``.

    ``vary`` must name everything the result depends on besides the site, the
    script prefix, the language and published content.
    """
    if not caching_allowed(request):
        return compute()
    key = fragment_key(request, name, vary)
    value = layered_cache.get(key)
    if value is None:
        value = compute()
        layered_cache.set(key, value, FRAGMENT_CACHE_SECONDS)
    return value
