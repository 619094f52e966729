"""繁體 view: /zh-hant/... is the same page in traditional characters, and links keep the prefix."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils.encoding import iri_to_uri

from tests.utils import soup, text_of

pytestmark = pytest.mark.django_db

# Paths that are the same file in both scripts and are never prefixed.
UNPREFIXED = ("/static/", "/media/", "/documents/", "/admin/")
LOCAL_HOSTS = {"", "localhost", "testserver", "127.0.0.1"}


def internal_targets(response) -> list[str]:
    """Paths of every link and form on the page that stays on this site."""
    page = soup(response)
    targets = [a["href"] for a in page.find_all("a", href=True)]
    targets += [form.get("action") for form in page.find_all("form") if form.get("action")]
    paths = []
    for target in targets:
        if target.startswith(("#", "mailto:", "tel:", "javascript:", "//")):
            continue
        parts = urlsplit(target)
        if parts.scheme not in ("", "http", "https") or (parts.hostname or "") not in LOCAL_HOSTS:
            continue
        if not parts.path.startswith("/"):
            continue
        paths.append(parts.path)
    return paths


@pytest.mark.parametrize("which", ["home", "column", "article", "content", "sitemap"])
def test_traditional_page_converts_text_and_keeps_the_prefix(zone, client, which):
    page = {
        "home": zone.home,
        "column": zone.columns["news"],
        "article": zone.articles["news1"],
        "content": zone.pages["location"],
        "sitemap": zone.pages["sitemap"],
    }[which]
    response = client.get("/zh-hant" + page.url)
    assert response.status_code == 200
    assert response["Content-Language"] == "zh-Hant"
    assert soup(response).html.get("lang") == "zh-Hant"
    text = text_of(response)
    assert "來鳳經濟開發區" in text
    assert "来凤经济开发区" not in text

    paths = internal_targets(response)
    assert paths, "no internal links at all"
    switch_back = page.url  # the 简体 link: the same page without the prefix
    offenders = [
        path
        for path in paths
        if not path.startswith("/zh-hant/") and not path.startswith(UNPREFIXED) and path != switch_back
    ]
    assert not offenders, offenders


def test_article_text_is_converted(zone, client):
    response = client.get("/zh-hant" + zone.articles["news1"].url)
    text = text_of(response)
    assert "開發區召開2024年招商引資工作會議" in text
    assert "開發區堅持工業強縣戰略。" in text


def test_switch_links_point_to_the_same_page_in_the_other_script(zone, client):
    column = zone.columns["news"]
    simplified = client.get(column.url)
    simplified_links = {a["href"] for a in soup(simplified).find_all("a", href=True)}
    assert "/zh-hant" + column.url in simplified_links

    traditional = client.get("/zh-hant" + column.url)
    traditional_links = {a["href"] for a in soup(traditional).find_all("a", href=True)}
    assert column.url in traditional_links


def test_switch_link_keeps_the_query_string(zone, client):
    response = client.get(zone.columns["news"].url + "?page=2")
    links = {a["href"] for a in soup(response).find_all("a", href=True)}
    assert "/zh-hant" + zone.columns["news"].url + "?page=2" in links


def test_traditional_pagination_stays_traditional(zone, client):
    response = client.get("/zh-hant" + zone.columns["news"].url + "?page=2")
    assert response.status_code == 200
    assert "開發區召開2024年招商引資工作會議" in text_of(response)


@pytest.mark.parametrize("path", ["/zh-hant/admin/", "/zh-hant/admin/pages/", "/zh-hant/documents/1/x.pdf"])
def test_back_office_and_files_are_never_converted(zone, client, path):
    response = client.get(path)
    assert response.status_code in (301, 302)
    assert response["Location"] == path[len("/zh-hant") :]


def test_simplified_page_is_unchanged(zone, client):
    response = client.get("/")
    assert "来凤经济开发区" in text_of(response)
    assert "來鳳經濟開發區" not in text_of(response)
    assert response.get("Content-Language") != "zh-Hant"


@pytest.mark.parametrize(
    "path",
    [
        "/zh-hant/admin/pages/search/?q=招商&p=2",
        "/zh-hant/admin/login/?next=/admin/pages/3/edit/",
        "/zh-hant/documents/1/x.pdf?download=1",
    ],
)
def test_back_office_redirect_keeps_the_query_string(zone, client, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == iri_to_uri(path[len("/zh-hant") :])
