"""With Redis, a page costs one round trip: reading the shared generation.

Everything a page is served or assembled from (the cached page and its
headers, page parts, Wagtail's lookups) is kept under keys carrying the
generation, and each process keeps its own copy of what it read or stored
(``page_cache.LayeredCache``). These tests count the commands the real Redis
executes (MONITOR) per request, so the count cannot creep back up, and check
that a publish made by another process still shows at once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from tests.redis_server import commands_on, forget_prefix, require_redis, unique_prefix
from tests.utils import text_of
from zoneportal.portal.models import ArticlePage
from zoneportal.portal.page_cache import GENERATION_KEY, layered_cache

pytestmark = pytest.mark.django_db

BEHIND_THE_BACK = "未经发布的标题修改"


@pytest.fixture
def shared_cache():
    """The default cache in the real Redis under a prefix of this test; this process's copies emptied."""
    url = require_redis()
    prefix = unique_prefix()
    caches = {"default": {"BACKEND": "zoneportal.portal.page_cache.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}}
    layered_cache.clear_copies()
    try:
        with override_settings(CACHES=caches):
            yield url, prefix
    finally:
        layered_cache.clear_copies()
        forget_prefix(url, prefix)


def only_the_generation(commands: list[str], prefix: str) -> bool:
    """True when ``commands`` is one read of the generation key."""
    return commands == [f"GET {prefix}:1:{GENERATION_KEY}"]


def test_a_cached_page_costs_one_round_trip(zone, client, shared_cache, settings, django_assert_num_queries):
    url, prefix = shared_cache
    settings.PAGE_CACHE_SECONDS = settings.CACHE_MIDDLEWARE_SECONDS = 300
    article = zone.articles["news1"]
    first = client.get(article.url)  # rendered and stored, in Redis and in this process
    assert first.status_code == 200
    ArticlePage.objects.filter(pk=article.pk).update(title=BEHIND_THE_BACK)

    with commands_on(url, prefix) as commands, django_assert_num_queries(0):
        second = client.get(article.url)
    assert second.content == first.content  # the cached page: the change behind its back is not in it
    assert only_the_generation(commands, prefix), commands

    # Another process (a worker that has not served the page yet) finds the page in Redis: the
    # generation, the page's headers and the page; then it has its own copy too.
    layered_cache.clear_copies()
    with commands_on(url, prefix) as commands, django_assert_num_queries(0):
        third = client.get(article.url)
    assert third.content == first.content
    assert len(commands) == 3, commands
    with commands_on(url, prefix) as commands:
        client.get(article.url)
    assert only_the_generation(commands, prefix), commands


def test_an_uncached_render_costs_one_round_trip(zone, client, shared_cache, settings, django_assert_num_queries):
    """With the whole-page cache off (or for a visitor with a session) the page is assembled from cached parts."""
    url, prefix = shared_cache
    settings.PAGE_CACHE_SECONDS = settings.CACHE_MIDDLEWARE_SECONDS = 0
    for page in (zone.home, zone.columns["news"], zone.articles["news1"]):
        client.get(page.url)  # the parts are rendered and stored
        with commands_on(url, prefix) as commands, django_assert_num_queries(0):
            response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in text_of(response)
        assert only_the_generation(commands, prefix), (page.url, commands)


def test_the_traditional_view_of_a_cached_page_costs_one_round_trip(zone, client, shared_cache, settings):
    url, prefix = shared_cache
    settings.PAGE_CACHE_SECONDS = settings.CACHE_MIDDLEWARE_SECONDS = 300
    path = "/zh-hant" + zone.articles["news1"].url
    first = client.get(path)
    assert first.status_code == 200
    with commands_on(url, prefix) as commands:
        second = client.get(path)
    assert second.content == first.content
    assert only_the_generation(commands, prefix), commands


def test_a_publish_in_another_process_shows_at_once(zone, client, shared_cache, settings):
    """This process keeps copies of the page and its parts; another process publishing makes them stale at once."""
    url, prefix = shared_cache
    article = zone.articles["news1"]
    for seconds in (300, 0):  # the cached page, then a page assembled from cached parts
        settings.PAGE_CACHE_SECONDS = settings.CACHE_MIDDLEWARE_SECONDS = seconds
        title = f"{BEHIND_THE_BACK}{seconds}"
        client.get(article.url)
        ArticlePage.objects.filter(pk=article.pk).update(title=title)
        assert title not in text_of(client.get(article.url)), "the page was not kept: the test proves nothing"

        publish_elsewhere(url, prefix)

        assert title in text_of(client.get(article.url))


def publish_elsewhere(url: str, prefix: str) -> None:
    """What a publish handled by another app server does to the shared cache: a new generation."""
    caches = {"default": {"BACKEND": "zoneportal.portal.page_cache.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}}
    code = (
        "import json, sys, django; django.setup(); "
        "from django.test import override_settings; "
        "from zoneportal.portal.page_cache import invalidate_page_cache; "
        "override_settings(CACHES=json.loads(sys.argv[1])).enable(); invalidate_page_cache()"
    )
    env = {**os.environ, "ZONEPORTAL_VAR_DIR": str(django_settings.VAR_DIR)}
    env["DJANGO_SETTINGS_MODULE"] = "zoneportal.settings"
    subprocess.run(
        [sys.executable, "-c", code, json.dumps(caches)], cwd=django_settings.BASE_DIR, env=env, check=True, timeout=120
    )


def test_each_hit_gets_its_own_copy_of_the_page_kept_in_the_process(zone, client, shared_cache, settings):
    """This process keeps a page as a response object (no unpickling): what one answer's middleware
    and server change or close must not reach the next answer."""
    url, prefix = shared_cache
    settings.PAGE_CACHE_SECONDS = settings.CACHE_MIDDLEWARE_SECONDS = 300
    article = zone.articles["news1"]
    first = client.get(article.url)
    ArticlePage.objects.filter(pk=article.pk).update(title=BEHIND_THE_BACK)
    kept = client.get(article.url)  # from Redis's copy in this process, now also kept as a response
    kept["X-Changed-By-One-Answer"] = "1"
    kept.content = b"changed"
    with commands_on(url, prefix) as commands:
        again = client.get(article.url)
    assert only_the_generation(commands, prefix), commands
    assert again.content == first.content and "X-Changed-By-One-Answer" not in again
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Cache-Control"] == "no-cache" and "Age" not in again


def test_a_kept_page_is_served_only_for_its_own_address_and_varying_headers(zone, client, shared_cache, settings):
    """The process's key is Django's in other words: another query string, Cookie or host is another page."""
    settings.PAGE_CACHE_SECONDS = settings.CACHE_MIDDLEWARE_SECONDS = 300
    article = zone.articles["news1"]
    client.get(article.url)
    client.get(article.url)  # kept in the process
    assert not client.get(article.url).templates  # answered from the copy: nothing rendered
    assert client.get(article.url + "?from=weixin").templates
    assert client.get(article.url, HTTP_COOKIE="theme=large").templates
    assert client.get(article.url, HTTP_HOST="localhost").templates
    assert not client.get(article.url).templates
