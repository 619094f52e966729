"""Seven languages on the 招商网: Chinese URLs unchanged, the others under their prefix, decided by the URL alone."""

from __future__ import annotations

import pytest

from tests.investsite.conftest import INVEST_HOST
from tests.utils import soup

pytestmark = pytest.mark.django_db


def get(client, path: str, host: str = INVEST_HOST, **headers):
    return client.get(path, headers={"host": host, **headers})


def test_chinese_pages_keep_their_urls_and_english_ones_have_a_prefix(invest, client):
    assert invest.guide.get_url() == "http://invest.localhost/touzizhinan/"
    assert invest.guide_en.get_url() == "http://invest.localhost/en/guide/"
    assert invest.contact_ru.get_url() == "http://invest.localhost/ru/contact/"
    chinese = get(client, "/touzizhinan/")
    assert chinese.status_code == 200
    assert soup(chinese).html["lang"] == "zh-Hans"
    english = get(client, "/en/guide/")
    assert english.status_code == 200
    assert soup(english).html["lang"] == "en"
    assert soup(english).h1.get_text(strip=True) == "Investment guide"
    assert get(client, "/en/").status_code == 200
    assert soup(get(client, "/ru/")).html["lang"] == "ru"


def test_the_main_portal_is_not_served_under_a_language_prefix(invest, client):
    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 404
    assert client.get(f"/en{invest.zone.pages['sitemap'].get_url()}").status_code == 404
    # A 招商网 page that has no Japanese translation is not shown in Chinese under /ja/ either.
    assert get(client, "/ja/").status_code == 404
    assert get(client, "/en/touzizhinan/").status_code == 404


def test_browser_language_never_changes_a_chinese_page(invest, client):
    response = get(client, "/touzizhinan/", **{"accept-language": "en-GB,en;q=0.9", "cookie": "django_language=en"})
    assert response.status_code == 200
    assert soup(response).html["lang"] == "zh-Hans"
    assert "Accept-Language" not in response.get("Vary", "")
    assert "Accept-Language" not in get(client, "/en/guide/").get("Vary", "")


def test_head_lists_every_translation_with_hreflang(invest, client):
    page = soup(get(client, "/en/guide/"))
    links = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}
    assert links == {"zh-Hans": "http://invest.localhost/touzizhinan/", "en": "http://invest.localhost/en/guide/"}
    # The switcher: the other language is a link with its lang, the current one is marked.
    switch = page.select_one(".language-switch")
    chinese = switch.select_one('a[hreflang="zh-Hans"]')
    assert chinese["lang"] == "zh-Hans" and chinese["href"] == "/touzizhinan/"
    assert switch.select_one('[aria-current="true"]')["lang"] == "en"
    # A page in one language only, and the main portal, have neither.
    assert not soup(client.get("/")).select("head link[hreflang]")
    assert not soup(client.get("/")).select(".language-switch")


def test_sitemap_lists_translations_as_alternates(invest, client):
    xml = get(client, "/sitemap.xml").content.decode()
    assert "<loc>http://invest.localhost/en/guide/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://invest.localhost/en/guide/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="zh-Hans" href="http://invest.localhost/touzizhinan/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://invest.localhost/touzizhinan/"/>' in xml
    main = client.get("/sitemap.xml").content.decode()
    assert "/en/" not in main and "hreflang" not in main


def test_the_same_path_in_two_languages_is_routed_per_language(invest, client):
    """Routes are cached per site and path (portal/routing.py): the language is part of the key."""
    assert soup(get(client, "/en/contact/")).h1.get_text(strip=True) == "Contact us"
    assert soup(get(client, "/ru/contact/")).h1.get_text(strip=True) == "Контакты"
    assert soup(get(client, "/en/contact/")).h1.get_text(strip=True) == "Contact us"
