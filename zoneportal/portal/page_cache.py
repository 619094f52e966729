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

A request reads the generation once (``current_generation`` remembers it
until the request ends). With a shared cache, everything stored under a key
that carries the generation — pages, page parts, Wagtail's lookups — is also
kept in a small copy inside each process (:data:`layered_cache`): such a value
never changes while its key exists, so the copy is good for as long as the
shared generation still matches, and a cached page then costs one Redis round
trip (reading the generation) instead of three, an uncached one one instead of
one per part. Invalidation stays instant: every request still reads the shared
generation, and a new one matches none of the copies.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.signals import request_finished, request_started, setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.http.response import ResponseHeaders
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import cc_delim_re
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "zoneportal:page-cache-generation"
GENERATION_FILE_NAME = "page-cache-generation"
_GENERATION_ATTR = "_page_cache_generation"

#: How long a process keeps its own copy of a value from the shared cache. The
#: generation decides whether a copy is current; this only bounds what the
#: generation signals might miss (the shared entries' own timeouts do that too).
LOCAL_COPY_SECONDS = 60
#: Copies one process keeps (Django's local-memory cache culls the oldest third beyond it).
LOCAL_COPY_ENTRIES = 1000

_UNREAD = "unread"
#: Inside a request: the generation the request read first (``_UNREAD`` until then); outside one: None.
_request_generation: ContextVar[str | None] = ContextVar("page_cache_generation", default=None)


def _process_local_cache() -> bool:
    """True when the default cache is private to this process (local memory).

    Asked several times per request, and ``caches["default"]`` is a lookup through asgiref's
    context-local storage: the answer is kept until the ``CACHES`` setting changes (tests).
    """
    local = _local_cache_answer[0]
    if local is None:
        local = _local_cache_answer[0] = isinstance(caches["default"], LocMemCache)
    return local


_local_cache_answer: list[bool | None] = [None]


@receiver(setting_changed)
def _forget_cache_kind(setting: str, **kwargs: Any) -> None:
    if setting == "CACHES":
        _local_cache_answer[0] = None


def _generation_file() -> str:
    return _generation_path(str(settings.VAR_DIR))


@lru_cache(maxsize=8)
def _generation_path(var_dir: str) -> str:
    return os.path.join(var_dir, GENERATION_FILE_NAME)


def current_generation() -> str:
    """The token every page-cache (and page-fragment) key carries; changes on every publish.

    Within a request the first answer holds until the request ends (or it
    publishes something itself): every key the request builds belongs to one
    generation, and the shared cache is asked once.
    """
    remembered = _request_generation.get()
    if remembered is not None and remembered != _UNREAD:
        return remembered
    generation = _read_generation()
    if remembered == _UNREAD:
        _request_generation.set(generation)
    return generation


def _read_generation() -> str:
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
    generation = _generation_reader.read(caches["default"])
    if generation is None:
        generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A random token, not a counter: after Redis loses its data a counter would
        # start again at a number whose pages some process may still hold a copy of.
        cache.add(GENERATION_KEY, new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            # The shared cache does not answer: a token of this request alone, so
            # that no copy kept in this process is trusted.
            _last_silence[0] = time.time()
            return _unshared_generation()
    if _last_silence[0] is not None:
        generation = _after_outage(str(generation))
    generation = str(generation)
    layered_cache.follow(generation)
    return generation


def new_generation() -> str:
    """A random token that also says when it was made: ``<milliseconds since 1970, hex>-<random>``."""
    return f"{time.time_ns() // 1_000_000:x}-{secrets.token_hex(6)}"


def _made_at(generation: str) -> float | None:
    """When :func:`new_generation` made ``generation`` (seconds), or None for a token of another form."""
    try:
        return int(generation.partition("-")[0], 16) / 1000
    except ValueError:
        return None


#: When this process last found the shared cache silent (``time.time()``); None once the outage is over.
_last_silence: list[float | None] = [None]


def _unshared_generation() -> str:
    generation = f"unshared-{secrets.token_hex(8)}"
    layered_cache.follow(generation)
    return generation


def _after_outage(generation: str) -> str:
    """The first generation read after an outage this process saw: a new one, unless made since.

    A publish during the outage could not move the generation (the write went nowhere), and Redis
    restarted from its append-only file brings back the old one with the pages cached under it: served
    again, they would hide the publish until they expire. Every process that served or published during
    the outage saw it; the first of them to reach Redis again starts a new generation, and the others
    find one made after they last found Redis silent, so keep it (one invalidation per outage).
    tests/reliability/test_redis_stopped.py.
    """
    made_at = _made_at(generation)
    if made_at is None or made_at <= _last_silence[0]:
        cache.set(GENERATION_KEY, new_generation(), timeout=None)
        renewed = cache.get(GENERATION_KEY)  # this token, or another process's just as new
        if renewed is None:
            _last_silence[0] = time.time()
            return _unshared_generation()  # silent again: nothing kept is trusted
        logger.warning("Redis cache answers again: page-cache generation renewed")
        generation = str(renewed)
    _last_silence[0] = None
    return generation


class _GenerationReader:
    """Reads the generation key from Redis over a connection of its own, past redis-py's client layer.

    Why not ``cache.get``: redis-py's client spends about 0.2 ms of CPU on every
    command (its connection pool, retry wrapper and metrics hooks; measured in
    docs/benchmarks.md, "One Redis round trip"), as much as all the rest of a
    cached hit, and every request reads the generation. So this one command goes
    straight through a redis-py ``Connection`` made with the cache's own settings,
    which still connects, authenticates, selects the database and speaks the
    protocol; only the client layer is skipped (a quarter of the CPU). One
    connection per thread and process (gunicorn forks and may run threads).
    Anything unexpected — no connection, an error, no key yet — answers None and
    the caller asks the cache backend as usual.
    """

    def __init__(self) -> None:
        self._state = threading.local()

    def read(self, backend: object) -> str | None:
        """The generation token, or None when the backend is not Redis or this way fails."""
        if not isinstance(backend, DjangoRedisCache):
            return None
        state = self._state
        connection = getattr(state, "connection", None)
        if connection is None or state.pid != os.getpid() or state.backend is not backend:
            if connection is not None and state.pid == os.getpid():
                connection.disconnect()
            pool = backend._cache._get_connection_pool(write=False)
            connection = pool.connection_class(**pool.connection_kwargs)
            state.connection, state.pid, state.backend = connection, os.getpid(), backend
            state.command = connection.pack_command("GET", backend.make_and_validate_key(GENERATION_KEY))
        try:
            connection.send_packed_command(state.command, check_health=False)
            value = connection.read_response()
        except Exception:  # any failure: drop the connection, let the backend answer
            connection.disconnect()
            state.connection = None
            return None
        if value is None:
            return None
        return str(backend._cache._serializer.loads(value))


_generation_reader = _GenerationReader()


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
    if _request_generation.get() is not None:
        _request_generation.set(_UNREAD)  # what this request renders next shows its own change
    if _process_local_cache():
        path = Path(_generation_file())
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write-then-rename: a reader sees the old token or the new one, never half.
        scratch = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        scratch.write_text(secrets.token_hex(8))
        os.replace(scratch, path)
        return
    cache.set(GENERATION_KEY, new_generation(), timeout=None)


def _start_request(**kwargs: Any) -> None:
    _request_generation.set(_UNREAD)


def _finish_request(**kwargs: Any) -> None:
    _request_generation.set(None)


request_started.connect(_start_request, dispatch_uid="zoneportal.page_cache.start")
request_finished.connect(_finish_request, dispatch_uid="zoneportal.page_cache.finish")


class LayeredCache:
    """The default cache, with a copy in this process of what it answered, for keys whose value never changes.

    Only for keys that carry the page-cache generation or a hash of the
    content: a value stored under such a key is the same in every process for
    as long as the key is in use, so this process may answer from its own copy
    without asking Redis. :func:`current_generation` empties the copies when it
    sees a new generation (they would no longer be asked for). With the
    embedded local-memory cache, which is this process's own already, it is
    the default cache unchanged.

    Django's local-memory cache holds the copies: it pickles on the way in and
    out, so a copy is never shared between two requests (page parts are
    changed after they are read, ``Chrome.site``).
    """

    def __init__(self) -> None:
        self._copies = LocMemCache(
            "zoneportal-layered-cache", {"TIMEOUT": LOCAL_COPY_SECONDS, "OPTIONS": {"MAX_ENTRIES": LOCAL_COPY_ENTRIES}}
        )
        self._generation: str | None = None
        #: Whole pages as response objects, not pickled: {page key: (monotonic expiry, response)}.
        self._responses: dict[tuple, tuple[float, HttpResponse]] = {}
        #: {address key: the request headers its page varies on}, as Django's header list.
        self._header_lists: dict[tuple, tuple[str, ...]] = {}

    def response(self, address: tuple, request: HttpRequest) -> HttpResponse | None:
        """A fresh copy of the page kept for ``address`` and the request's varying headers, or None.

        Only with a shared cache (:meth:`keep_response` keeps nothing otherwise); ``address``
        carries the generation, so a publish anywhere makes every kept page unreachable.
        """
        header_list = self._header_lists.get(address)
        if header_list is None:
            return None
        meta = request.META
        key = (address, *(meta.get(header) for header in header_list))
        entry = self._responses.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            self._responses.pop(key, None)
            return None
        return _fresh_copy(entry[1])

    def keep_response(self, address: tuple, request: HttpRequest, response: HttpResponse) -> None:
        """Keep ``response`` (a page the shared cache answered) for :meth:`response`, as it is now."""
        if _process_local_cache() or getattr(response, "streaming", False):
            return
        _drop_oldest(self._responses)
        _drop_oldest(self._header_lists)
        header_list = self._header_lists[address] = tuple(_vary_header_list(response))
        key = (address, *(request.META.get(header) for header in header_list))
        self._responses[key] = (time.monotonic() + LOCAL_COPY_SECONDS, _fresh_copy(response))

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        """The value of ``key``: this process's copy, else the shared cache's (then copied)."""
        shared = cache
        if _process_local_cache():
            return shared.get(key, default, version=version)
        value = self._copies.get(key, _MISSING, version=version)
        if value is _MISSING:
            value = shared.get(key, _MISSING, version=version)
            if value is _MISSING:
                return default
            self._copies.set(key, value, LOCAL_COPY_SECONDS, version=version)
        return value

    def set(self, key: str, value: Any, timeout: float | None = None, version: int | None = None) -> None:
        """Store ``value`` in the shared cache (``timeout`` seconds) and keep a copy here."""
        shared = cache
        shared.set(key, value, timeout, version=version)
        if not _process_local_cache():
            local = LOCAL_COPY_SECONDS if timeout is None else min(timeout, LOCAL_COPY_SECONDS)
            self._copies.set(key, value, local, version=version)

    def follow(self, generation: str) -> None:
        """Drop this process's copies when the shared generation has moved on."""
        if generation != self._generation:
            if self._generation is not None:
                self.clear_copies()
            self._generation = generation

    def clear_copies(self) -> None:
        """Forget this process's copies (tests; the shared cache keeps its entries)."""
        self._copies.clear()
        self._responses.clear()
        self._header_lists.clear()


def _drop_oldest(entries: dict) -> None:
    """Make room for one more of ``entries`` (at most :data:`LOCAL_COPY_ENTRIES`) by dropping the oldest.

    Tolerant of another thread (gthread workers) emptying or trimming the dict meanwhile.
    """
    if len(entries) >= LOCAL_COPY_ENTRIES:
        try:
            entries.pop(next(iter(entries)), None)
        except (StopIteration, RuntimeError):
            pass


def _vary_header_list(response: HttpResponse) -> list[str]:
    """The request headers (``META`` names) ``response`` varies on, as Django's ``learn_cache_key`` lists them."""
    if not response.has_header("Vary"):
        return []
    headers = (header.upper().replace("-", "_") for header in cc_delim_re.split(response.headers["Vary"]))
    return sorted("HTTP_" + header for header in headers if header != "ACCEPT_LANGUAGE" or not settings.USE_I18N)


def _fresh_copy(response: HttpResponse) -> HttpResponse:
    """A copy of ``response`` that the middleware and the server may change and close without touching it.

    The body's bytes are shared (immutable); the headers, the cookies and the closers are the copy's own.
    """
    copy = response.__class__.__new__(response.__class__)
    copy.__dict__.update(response.__dict__)
    headers = ResponseHeaders({})
    headers._store = response.headers._store.copy()
    copy.headers = headers
    copy._container = list(response._container)
    copy._resource_closers = []
    copy.cookies = SimpleCookie(response.cookies) if response.cookies else SimpleCookie()
    copy.closed = False
    return copy


_MISSING = object()
layered_cache = LayeredCache()


class _GenerationKeyMixin:
    def _use_current_generation(self, request) -> None:
        # The prefix is per request; two requests straddling a publish may
        # briefly disagree, which at worst caches one page under the old key.
        self.key_prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{request_generation(request)}"
        request._page_cache_prefix = self.key_prefix

    def _enabled(self) -> bool:
        return settings.PAGE_CACHE_SECONDS > 0

    @property
    def cache(self) -> LayeredCache:
        # Page keys carry the generation, so a process may keep its own copy of a page.
        return layered_cache


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
        # Django adds the active language to its page keys; with a language chosen per request
        # (LocaleMiddleware), the address below would have to carry it too: keep no copies then.
        self._responses_kept = "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE

    def _address(self, request: HttpRequest) -> tuple:
        """What Django's page key is made of besides the varying headers, read from the raw request.

        The host as sent: a copy is kept only after Django's own lookup, which refused a host not allowed.
        """
        meta = request.META
        return (self.key_prefix, request.scheme, meta.get("HTTP_HOST"), request.path, meta.get("QUERY_STRING"))

    def process_request(self, request):
        if self._enabled():
            self._use_current_generation(request)
            if request.method == "GET" and self._responses_kept:
                # This process's own copy of the page, already checked against the shared generation
                # (the key carries it): no header-list lookup, no unpickling, no Django cache key.
                address = self._address(request)
                response = layered_cache.response(address, request)
                if response is not None:
                    request._cache_update_cache = False
                    return response
            response = super().process_request(request)
            if response is not None:
                response = revalidate_in_browsers(response)
                response.headers.pop("Age", None)  # a cached hit's age: meaningless with no-cache, and would be kept
                if request.method == "GET" and self._responses_kept:
                    layered_cache.keep_response(self._address(request), request, response)
                return response
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


class _DegradingRedisCacheClient(_ReusingRedisCacheClient):
    """The reusing client, answering like an empty cache that keeps nothing while Redis does not answer.

    A cache may lose what it holds at any moment, so every caller of the page cache already renders
    what it does not find: when Redis is stopped or unreachable, pages are served uncached instead of
    failing with a 500, and redis-py's pool reconnects by itself once Redis is back, so caching resumes
    without anyone restarting the app servers (tests/reliability/test_redis_stopped.py). Sessions must
    not be kept this way (a login would seem to succeed and be forgotten): they use :class:`StrictRedisCache`.
    """

    def add(self, key, value, timeout):
        return _degrade(super().add, False, key, value, timeout)

    def get(self, key, default):
        return _degrade(super().get, default, key, default)

    def set(self, key, value, timeout):
        _degrade(super().set, None, key, value, timeout)

    def touch(self, key, timeout):
        return _degrade(super().touch, False, key, timeout)

    def delete(self, key):
        return _degrade(super().delete, False, key)

    def get_many(self, keys):
        return _degrade(super().get_many, {}, keys)

    def has_key(self, key):
        return _degrade(super().has_key, False, key)

    def incr(self, key, delta):
        try:
            return super().incr(key, delta)
        except RedisError as exc:
            _warn_unavailable(exc)
            # Django's answer for a key the cache does not hold; django-ratelimit then counts from 1.
            raise ValueError("Key not found: the cache is unavailable") from exc

    def set_many(self, data, timeout):
        return _degrade(super().set_many, list(data), data, timeout)

    def delete_many(self, keys):
        return _degrade(super().delete_many, 0, keys)

    def clear(self):
        return _degrade(super().clear, False)


#: Seconds between two warnings of one process about an unreachable Redis (a page makes several calls).
UNAVAILABLE_WARNING_SECONDS = 10.0
_last_warning = [0.0]


def _warn_unavailable(exc: Exception) -> None:
    """Log that the cache is skipped, at most once per :data:`UNAVAILABLE_WARNING_SECONDS` per process."""
    now = time.monotonic()
    if now - _last_warning[0] >= UNAVAILABLE_WARNING_SECONDS:
        _last_warning[0] = now
        logger.warning("Redis cache unavailable, serving without it: %s", exc)


def _degrade(operation: Callable[..., Any], fallback: Any, *args: Any) -> Any:
    """``operation(*args)``, or ``fallback`` (logged) when Redis fails."""
    try:
        return operation(*args)
    except RedisError as exc:
        _warn_unavailable(exc)
        return fallback


class StrictRedisCache(DjangoRedisCache):
    """Reused clients, and every Redis error raised: the sessions' cache (``SESSION_CACHE_ALIAS``).

    A session that cannot be stored must fail the login loudly; ``core.session_guard`` turns the
    error into the login page with a Chinese explanation (503).
    """

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _ReusingRedisCacheClient


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with reused clients (settings: REDIS_URL).

    It degrades to no cache while Redis does not answer (:class:`_DegradingRedisCacheClient`).
    """

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _DegradingRedisCacheClient
