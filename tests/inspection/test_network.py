"""Over the network, against a real local HTTP server: external links (optional, cached a day) and reachability."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache

from tests.browser.conftest import free_port
from tests.inspection.test_site import WEEK_AFTER, article, result
from zoneportal.inspection.site import inspect_site

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    """``/gone`` answers 404, ``/no-head`` refuses HEAD, ``/search/`` answers after ``slow`` seconds, else 200."""

    slow = 0.0
    requests: list[tuple[str, str]] = []

    def answer(self, method: str) -> None:
        type(self).requests.append((method, self.path))
        if self.path.startswith("/search/"):
            time.sleep(type(self).slow)
        if self.path == "/gone":
            status = 404
        elif self.path == "/no-head" and method == "HEAD":
            status = 405
        else:
            status = 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.answer("HEAD")

    def do_GET(self) -> None:
        self.answer("GET")

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def server(slow: float = 0.0) -> Iterator[str]:
    Handler.slow, Handler.requests = slow, []
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def external_offenders(report) -> list[str]:
    return sorted(o.detail for o in result(report, "dead_links").offenders if "外部链接" in o.detail)


def test_external_links_are_checked_when_asked_and_cached_for_a_day(zone):
    cache.clear()
    with server() as base:
        body = (
            f'<p><a href="{base}/ok">好链接</a><a href="{base}/gone">坏链接</a><a href="{base}/no-head">只认GET</a></p>'
        )
        article(zone.columns["news"], "外链测试", "external", WEEK_AFTER, body=body)

        assert external_offenders(inspect_site(WEEK_AFTER)) == []  # off by default
        assert Handler.requests == []

        report = inspect_site(WEEK_AFTER, external_links=True)
        assert external_offenders(report) == [f"外部链接“坏链接”（{base}/gone）无法打开：返回 404"]
        assert ("GET", "/no-head") in Handler.requests  # HEAD refused, GET answered: alive
        asked = len(Handler.requests)

        report = inspect_site(WEEK_AFTER, external_links=True)
        assert len(external_offenders(report)) == 1
        assert len(Handler.requests) == asked  # the answers were kept: nothing asked again


def test_an_unreachable_external_address_times_out_quickly(zone, settings):
    cache.clear()
    settings.INSPECTION_LINK_TIMEOUT = 0.5
    port = free_port()  # nothing listens there
    article(
        zone.columns["news"],
        "外链测试",
        "external",
        WEEK_AFTER,
        body=f'<p><a href="http://127.0.0.1:{port}/">外站</a></p>',
    )
    started = time.perf_counter()
    (detail,) = external_offenders(inspect_site(WEEK_AFTER, external_links=True))
    assert detail.endswith("无法打开：无法连接") and time.perf_counter() - started < 30


def test_reachability_counts_a_slow_key_page_as_down(zone, settings):
    settings.INSPECTION_DOWN_SECONDS = 1.0
    assert "reachable" not in {item.code for item in inspect_site(WEEK_AFTER).results}  # no address: not measured

    with server(slow=1.5) as base:
        settings.INSPECTION_SITE_URL = base
        reachable = result(inspect_site(WEEK_AFTER), "reachable")
        assert not reachable.passed and reachable.veto
        assert [o.url for o in reachable.offenders] == [f"{base}/search/?q=%E5%BC%80%E5%8F%91%E5%8C%BA"]
        assert ("GET", "/") in Handler.requests and len(Handler.requests) == 3  # home, a column, search

    with server(slow=0.0) as base:
        settings.INSPECTION_SITE_URL = base
        reachable = result(inspect_site(WEEK_AFTER), "reachable")
        assert reachable.passed and reachable.summary.startswith("关键页面均可访问")

    settings.INSPECTION_SITE_URL = f"http://127.0.0.1:{free_port()}"
    reachable = result(inspect_site(WEEK_AFTER), "reachable")
    assert not reachable.passed and {o.detail for o in reachable.offenders} == {"无法访问"}
