"""Wagtail's site and page lookups of a request, remembered per page-cache generation.

Before Wagtail renders a page it finds the request's ``Site`` (an annotated
query on every request) and walks the page tree from the site's root, one
query or two per URL segment. Both answers only change when a site, or the
position, slug or publication of a page changes, and each of those moves the
page-cache generation on (``signals.py``). So they are cached under the
generation, like the pages themselves, and handed to Wagtail through the
attributes it already keeps per request (``request._wagtail_site`` and
``request._wagtail_route_for_request``): Wagtail's own code then uses them
instead of asking the database.

A cached route keeps the page it led to, as it was loaded: its published
content only changes with a publish, which starts a new generation. (Fields
that change without one — locks, the latest draft — are not shown to
visitors.) Wagtail's ``route()`` still runs on the cached page, so it checks
that the page is live and resolves the sub-paths of routable pages (``rss/``).
Only routes that led to a page are cached; unknown paths are not remembered,
so they cannot fill the cache.
"""

from __future__ import annotations

import copy
import hashlib

from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .page_cache import layered_cache, request_generation

#: Upper bound on anything the generation signals might miss.
LOOKUP_CACHE_SECONDS = 300


def find_site(request: HttpRequest) -> Site | None:
    """``Site.find_for_request`` for this request, from the cache when the generation has it.

    The site comes with its root page as the specific ``HomePage``, which is
    where routing starts.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # The same host and port Wagtail matches on (it, too, skips the ALLOWED_HOSTS check here).
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"portal:site:{request_generation(request)}:{hostname}:{request.get_port()}"
    cached = layered_cache.get(key)
    if cached is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 — loaded now so that it is cached with the site
        cached = (site,)  # a tuple, so that "no site" is cached too
        layered_cache.set(key, cached, LOOKUP_CACHE_SECONDS)
    request._wagtail_site = cached[0]
    return cached[0]


def route_request(request: HttpRequest, path: str) -> None:
    """Give Wagtail the route of ``path`` (its serve view's argument) before it looks for it."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = find_site(request)
    if site is None:
        return
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    # The language too: /en/contact/ and /ru/contact/ reach Wagtail as the same path, routed from the
    # site's home page in that language (investsite/languages.py).
    key = f"portal:route:{request_generation(request)}:{site.pk}:{get_language()}:{digest}"
    components = [component for component in path.split("/") if component]
    cached = layered_cache.get(key)
    if cached is not None:
        page, depth = cached
        try:
            request._wagtail_route_for_request = page.route(request, components[depth:])
        except Http404:
            request._wagtail_route_for_request = None
        return
    result = Page.route_for_request(request, path)
    if result is not None:
        page = copy.copy(result[0])
        page.__dict__.pop("_cached_parent_obj", None)  # Wagtail's link to the parent: not worth storing
        # Routing takes one URL segment per level of the tree below the site's root.
        layered_cache.set(key, (page, page.depth - site.root_page.depth), LOOKUP_CACHE_SECONDS)
