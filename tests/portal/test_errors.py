"""404 and 500 pages in Chinese; malformed URLs never give a 500."""

from __future__ import annotations

import pytest

from tests.utils import CJK, soup, text_of

pytestmark = pytest.mark.django_db


def test_unknown_page_is_a_chinese_404(zone, client):
    response = client.get("/no-such-column/no-such-article/")
    assert response.status_code == 404
    text = text_of(response)
    assert CJK.search(text)
    assert any(word in text for word in ("不存在", "找不到", "未找到")), text[:200]
    assert "Not Found" not in text
    # A way back: a link home and the search box.
    assert soup(response).find("a", href="/") is not None
    assert soup(response).select('input[name="q"]')


def test_unknown_traditional_page_is_a_traditional_404(zone, client):
    response = client.get("/zh-hant/no-such-page/")
    assert response.status_code == 404
    text = text_of(response)
    assert CJK.search(text)
    assert "页面" not in text  # simplified 页 would mean it was not converted


@pytest.mark.urls("tests.portal.failing_urls")
def test_server_error_is_a_chinese_500(zone, client):
    client.raise_request_exception = False
    response = client.get("/__broken__/")
    assert response.status_code == 500
    text = text_of(response)
    assert CJK.search(text)
    assert "Server Error" not in text
    assert "deliberate failure" not in response.content.decode()


MALFORMED = [
    "/%ff/",
    "/%ff%fe%fd/",
    "/%E4%B8/",  # a cut UTF-8 sequence
    "/..%2f..%2fetc%2fpasswd",
    "/news/..%2f..%2f",
    "/%2e%2e/%2e%2e/",
    "/" + "a" * 4000 + "/",
    "/" + "/".join(["长路径"] * 300) + "/",
    "/news/?page=%ff",
    "/news/?page=-1",
    "/news/?page=1e9999",
    "/news/?page=" + "9" * 400,
    "/news/rss/?page=%00",
    "/%00/",
    "/zh-hant/%ff/",
    "/zh-hant/..%2f",
    "/zh-hant" + "/x" * 1000,
    "/sitemap.xml?p=%ff",
    "/search/?q=%ff%fe",
    "/search/?q=" + "招商" * 2000,
    "/search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/documents/999999/none.pdf",
    "/documents/%ff/",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_urls_never_give_a_server_error(zone, client, url):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code < 500, (url[:80], response.status_code)
    if url.startswith("/search/?q=%3Cscript"):
        assert b"<script>alert(1)</script>" not in response.content


def test_anonymous_admin_goes_to_the_login(zone, client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
