"""Whole-page cache for anonymous visitors.

Django's cache middleware does the work (it skips requests with cookies that
vary the page, responses that set cookies, and private/no-cache responses such
as the admin). What it lacks is invalidation: here every cache key carries a
generation, and publishing anything moves the generation on, so stale pages
are never served and nothing has to enumerate keys. Old entries expire on
their own.

The generation must be the same in every process that serves pages. With a
shared cache (Redis) it lives in the cache. With the embedded local-memory
cache each gunicorn worker has its own cache, and a publish handled by one
worker would leave the others serving stale pages; there the generation is a
small file in the data directory (``ZONEPORTAL_VAR_DIR``) that every worker
reads, which also lets ``manage.py`` commands (``load_demo --reset``)
invalidate the pages of a running server.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.http import HttpRequest
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

GENERATION_KEY = "zoneportal:page-cache-generation"
GENERATION_FILE_NAME = "page-cache-generation"
_GENERATION_ATTR = "_page_cache_generation"


def _process_local_cache() -> bool:
    """True when the default cache is private to this process (local memory)."""
    return isinstance(caches["default"], LocMemCache)


def _generation_file() -> str:
    return _generation_path(str(settings.VAR_DIR))


@lru_cache(maxsize=8)
def _generation_path(var_dir: str) -> str:
    return os.path.join(var_dir, GENERATION_FILE_NAME)


def current_generation() -> str:
    """The token every page-cache (and page-fragment) key carries; changes on every publish."""
    if _process_local_cache():
        # Read on every request, so the bare system calls (a few microseconds;
        # Path.read_text costs four times as much).
        try:
            fd = os.open(_generation_file(), os.O_RDONLY)
        except OSError:
            return "0"  # nothing published since the data directory was created
        try:
            return os.read(fd, 64).decode("ascii", "replace").strip() or "0"
        finally:
            os.close(fd)
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return str(generation)


def request_generation(request: HttpRequest | None) -> str:
    """:func:`current_generation` as it was when ``request`` came in, read once per request.

    Every cache key a request builds (its page, its fragments, its site and
    route) then belongs to the same generation.
    """
    if request is None:
        return current_generation()
    generation = getattr(request, _GENERATION_ATTR, None)
    if generation is None:
        generation = current_generation()
        setattr(request, _GENERATION_ATTR, generation)
    return generation


def invalidate_page_cache() -> None:
    """Make every cached page stale (called when content is published or removed)."""
    if _process_local_cache():
        path = Path(_generation_file())
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write-then-rename: a reader sees the old token or the new one, never half.
        scratch = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        scratch.write_text(secrets.token_hex(8))
        os.replace(scratch, path)
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


class _GenerationKeyMixin:
    def _use_current_generation(self, request) -> None:
        # The prefix is per request; two requests straddling a publish may
        # briefly disagree, which at worst caches one page under the old key.
        self.key_prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{request_generation(request)}"
        request._page_cache_prefix = self.key_prefix

    def _enabled(self) -> bool:
        return settings.PAGE_CACHE_SECONDS > 0


def revalidate_in_browsers(response):
    """Tell browsers and proxies to ask again each time.

    Django's cache middleware also hands its max-age to browsers, so a returning
    visitor could see a page for minutes after it was changed or withdrawn; only
    this server-side cache learns of a publish, so only it may keep pages.
    """
    if response is not None and "private" not in response.get("Cache-Control", ""):
        response.headers["Cache-Control"] = "no-cache"
        response.headers.pop("Expires", None)
    return response


class FetchPageFromCacheMiddleware(_GenerationKeyMixin, FetchFromCacheMiddleware):
    """Answer an anonymous GET from the cache when the current generation has it.

    A request the page cache cannot answer (a miss, a visitor with a session,
    or the page cache switched off) still gets its Wagtail site and page route
    from the caches of the same generation (:mod:`zoneportal.portal.routing`).
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        # Imported here: this module also holds a cache backend, which may be
        # loaded before the app registry (and so Wagtail's models) is ready.
        from wagtail.views import serve

        from . import routing

        self._serve_page = serve
        self._routing = routing

    def process_request(self, request):
        if self._enabled():
            self._use_current_generation(request)
            response = super().process_request(request)
            if response is not None:
                return revalidate_in_browsers(response)
        else:
            request._cache_update_cache = False
        self._routing.find_site(request)
        return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self._serve_page:
            self._routing.route_request(request, view_kwargs.get("path", view_args[0] if view_args else ""))
        return None


class UpdatePageCacheMiddleware(_GenerationKeyMixin, UpdateCacheMiddleware):
    """Store a cacheable response under the generation read when the request came in."""

    def process_response(self, request, response):
        if not self._enabled():
            return response
        self.key_prefix = getattr(request, "_page_cache_prefix", self.key_prefix)
        response = super().process_response(request, response)
        if getattr(request, "_cache_update_cache", False):
            revalidate_in_browsers(response)
        return response


class _ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per server.

    Django builds a new ``redis.Redis`` for every cache operation, and its
    constructor (a case-insensitive table of some 170 response callbacks)
    costs more CPU than the network round trip: on a page-cache hit, three
    of them were 40 % of the request. ``redis.Redis`` is safe to share, since
    every command takes its own connection from the pool.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write: bool = False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with reused clients (settings: REDIS_URL)."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _ReusingRedisCacheClient
