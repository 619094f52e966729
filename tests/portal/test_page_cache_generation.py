"""The page-cache generation is shared by every process serving pages.

With the embedded local-memory cache each gunicorn worker has a cache of its
own; a publish handled by one worker (or by a management command) must still
make every other worker drop its cached pages.
"""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from tests.redis_server import require_redis, unique_prefix
from zoneportal.portal.page_cache import current_generation, invalidate_page_cache


def test_invalidating_changes_the_generation():
    before = current_generation()
    invalidate_page_cache()
    assert current_generation() != before


def test_a_publish_in_another_process_reaches_this_one():
    before = current_generation()
    env = {**os.environ, "ZONEPORTAL_VAR_DIR": str(settings.VAR_DIR), "DJANGO_SETTINGS_MODULE": "zoneportal.settings"}
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from zoneportal.portal.page_cache import invalidate_page_cache; invalidate_page_cache()",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=120,
    )
    assert current_generation() != before


def test_redis_cache_shares_the_generation_and_reuses_its_client():
    # CI (and `make test`, through .ci/test-deps) starts a Redis: there a missing one is a failure.
    url = require_redis()
    prefix = unique_prefix()
    backend_path = "zoneportal.portal.page_cache.RedisCache"
    redis_cache = {"default": {"BACKEND": backend_path, "LOCATION": url, "KEY_PREFIX": prefix}}
    with override_settings(CACHES=redis_cache):
        backend = caches["default"]
        try:
            before = current_generation()
            invalidate_page_cache()
            assert current_generation() != before
            backend.set("page", {"title": "来凤经济开发区"}, 30)
            assert backend.get("page") == {"title": "来凤经济开发区"}
            # One client object per server, not one per operation.
            assert backend._cache.get_client() is backend._cache.get_client()
        finally:
            backend.delete_many(["page", "zoneportal:page-cache-generation"])
