"""Whole-page cache for anonymous visitors.

Django's cache middleware does the work (it skips requests with cookies that
vary the page, responses that set cookies, and private/no-cache responses such
as the admin). What it lacks is invalidation: here every cache key carries a
generation number, and publishing anything bumps the generation, so stale
pages are never served and nothing has to enumerate keys. Old entries expire
on their own.
"""

from django.conf import settings
from django.core.cache import cache
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

GENERATION_KEY = "zoneportal:page-cache-generation"


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_page_cache() -> None:
    """Make every cached page stale (called when content is published or removed)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


class _GenerationKeyMixin:
    def _use_current_generation(self, request) -> None:
        # The prefix is per request; two requests straddling a publish may
        # briefly disagree, which at worst caches one page under the old key.
        self.key_prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{current_generation()}"
        request._page_cache_prefix = self.key_prefix

    def _enabled(self) -> bool:
        return settings.PAGE_CACHE_SECONDS > 0


class FetchPageFromCacheMiddleware(_GenerationKeyMixin, FetchFromCacheMiddleware):
    def process_request(self, request):
        if not self._enabled():
            request._cache_update_cache = False
            return None
        self._use_current_generation(request)
        return super().process_request(request)


class UpdatePageCacheMiddleware(_GenerationKeyMixin, UpdateCacheMiddleware):
    def process_response(self, request, response):
        if not self._enabled():
            return response
        self.key_prefix = getattr(request, "_page_cache_prefix", self.key_prefix)
        return super().process_response(request, response)
