"""Anonymous visitors' results pages, kept under the page-cache generation.

A search is the costliest answer the portal gives (tens of milliseconds of CPU: the engine, then
the results template) and visitors ask the same questions again and again. So a results page an
anonymous visitor got is kept, keyed by what decides it — the cleaned query, the filters, the
sort, the page, whether a typo may be corrected, the site and 简/繁 — and by the page-cache
generation: publishing anything, changing the index, a synonym or a hidden term moves the
generation on, and every kept results page is stale at once, in every process and app server.

The query log must still count each search (hot words, the 搜索统计 report): a kept page carries
the text the engine answered and its number of results, so the view records a repeated search as
it records a fresh one. Staff are never answered from here (their pages carry the admin's user bar).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

from zoneportal.portal.page_cache import layered_cache, request_generation

from .parameters import FILTERS

KEY_PREFIX = "search-page"
#: The address's parameters that decide a results page (``views.ResultsParameters``).
KEY_PARAMETERS = frozenset({"q", "sort", "page", "correct", *FILTERS})


@dataclass(frozen=True)
class KeptResults:
    """A rendered results page and what the query log needs to count a search answered by it."""

    content: bytes
    answered: str
    total: int


def seconds() -> int:
    """How long a results page is kept: as long as a page (``PAGE_CACHE_SECONDS``; 0 keeps none)."""
    return settings.PAGE_CACHE_SECONDS


def results_key(
    request: HttpRequest, query: str, filters: dict[str, str], sort: str, page: int, correct: bool, site: Site | None
) -> str | None:
    """The cache key of this anonymous visitor's results page, or None when it is not to be kept."""
    if seconds() <= 0 or request.user.is_authenticated or not canonical(request, query):
        return None
    variant = getattr(request, "script_variant", "zh-hans")
    parts = [query, sorted(filters.items()), sort, page, correct, site.pk if site else None, variant]
    digest = hashlib.blake2b(json.dumps(parts, ensure_ascii=False).encode(), digest_size=16).hexdigest()
    return f"{KEY_PREFIX}:{request_generation(request)}:{digest}"


def canonical(request: HttpRequest, query: str) -> bool:
    """Whether the address holds only the parameters the key is made of, each once, the query as cleaned.

    The page's links (pager, facets, sort) repeat the address's parameters: a page kept for an address
    with other parameters, or a query typed with extra spaces, would hand them to the next visitor.
    Such addresses are answered fresh and not kept.
    """
    params = request.GET
    return params.get("q") == query and all(
        name in KEY_PARAMETERS and len(params.getlist(name)) == 1 for name in params
    )


def kept(key: str | None) -> KeptResults | None:
    """The results page kept under ``key`` (this process's copy, else the shared cache's)."""
    return layered_cache.get(key) if key else None


def keep(key: str | None, results: KeptResults) -> None:
    """Keep a results page under ``key`` for :func:`seconds`."""
    if key:
        layered_cache.set(key, results, seconds())
