"""Page parts cached under the page-cache generation: reused while nothing is published, never stale after.

With the whole-page cache off every request renders its page, reusing the
header, navigation, footer, breadcrumbs, meta tags, home blocks, article and
column list — and Wagtail's site and route lookups — from the generation's
caches (``portal/fragments.py``, ``portal/routing.py``).
"""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from tests.utils import logged_in_client, soup, text_of
from zoneportal.portal.models import ArticlePage
from zoneportal.portal.page_cache import invalidate_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def current_links(response) -> dict[str, str]:
    """``{link text: aria-current}`` of the main navigation."""
    nav = soup(response).find("nav", class_="main-nav")
    return {a.get_text(strip=True): a.get("aria-current", "") for a in nav.find_all("a")}


def test_parts_are_reused_until_the_generation_moves_on(zone, client, django_assert_num_queries):
    article = zone.articles["news2"]
    urls = ["/", zone.columns["news"].url, article.url]
    first = {url: client.get(url).content for url in urls}
    # A change behind the portal's back (no publish, no signal) is not seen:
    # every part of these pages comes from the cache, without a single query.
    ArticlePage.objects.filter(pk=article.pk).update(title="未经发布的标题修改")
    with django_assert_num_queries(0):
        again = {url: client.get(url).content for url in urls}
    assert again == first
    # Anything the signals report starts a new generation: all three pages show it.
    invalidate_page_cache()
    for url in urls:
        assert "未经发布的标题修改" in text_of(client.get(url)), url


def test_a_publish_shows_everywhere_on_the_next_request(zone, client):
    article = zone.articles["news1"]
    column = zone.columns["news"]
    column_page = f"{column.url}?page=2"  # two articles per page: news1, the oldest, is on the second
    for url in ("/", column_page, article.url, zone.articles["news2"].url):
        assert client.get(url).status_code == 200

    article.title = "开发区召开招商引资工作会议（更新）"
    article.save_revision().publish()
    column.title = "新闻快讯"
    column.save_revision().publish()

    home = client.get("/")
    assert "开发区召开招商引资工作会议（更新）" in text_of(home)
    assert "新闻快讯" in current_links(home)  # the cached main navigation too
    assert "开发区召开招商引资工作会议（更新）" in text_of(client.get(column_page))
    neighbour = client.get(zone.articles["news2"].url)  # previous/next and breadcrumbs of another article
    assert "开发区召开招商引资工作会议（更新）" in text_of(neighbour)
    assert "新闻快讯" in soup(neighbour).find("nav", class_="breadcrumbs").get_text()


def test_unpublished_and_renamed_pages_leave_their_cached_routes(zone, client):
    gone, renamed = zone.articles["news1"], zone.articles["news2"]
    old_url = renamed.url
    assert client.get(gone.url).status_code == 200
    assert client.get(old_url).status_code == 200

    gone.unpublish()
    renamed.slug = "a-news2-renamed"
    renamed.save_revision().publish()

    assert client.get(gone.url).status_code == 404
    assert client.get(old_url).status_code == 404
    assert client.get(ArticlePage.objects.get(pk=renamed.pk).url).status_code == 200


def test_view_restrictions_apply_at_once_and_on_every_request(zone, client):
    article = zone.articles["news3"]
    assert client.get(article.url).status_code == 200  # route and parts cached as public

    PageViewRestriction.objects.create(page=zone.columns["news"], restriction_type=PageViewRestriction.LOGIN)

    for _ in range(2):  # the second time with every lookup cached
        response = client.get(article.url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert article.title not in text_of(client.get("/"))  # the home page's blocks leave the private column out
    editor = logged_in_client(zone.users["office_editor"])
    assert article.title in text_of(editor.get(article.url))


def test_group_restriction_is_checked_with_warm_caches(zone):
    article = zone.articles["invest1"]
    restriction = PageViewRestriction.objects.create(
        page=zone.columns["investment"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(zone.departments["invest"].editors_group)
    member = logged_in_client(zone.users["invest_editor"])
    outsider = logged_in_client(zone.users["finance_editor"])
    for _ in range(2):
        assert member.get(article.url).status_code == 200
        assert outsider.get(article.url).status_code == 302  # Wagtail sends them to log in as someone else


def test_main_navigation_marks_the_current_section_on_every_page(zone, client):
    news, dynamics = zone.columns["news"].title, zone.columns["dynamics"].title
    # Each page once, then each again with the navigation cached.
    for _ in range(2):
        assert current_links(client.get("/"))["首页"] == "page"
        on_column = current_links(client.get(zone.columns["news"].url))
        assert on_column[news] == "page" and on_column["首页"] == "" and on_column[dynamics] == ""
        in_column = current_links(client.get(zone.articles["news1"].url))
        assert in_column[news] == "true" and in_column[dynamics] == ""
        in_other = current_links(client.get(zone.articles["invest1"].url))
        assert in_other[dynamics] == "true" and in_other[news] == ""


def test_side_navigation_marks_the_current_page(zone, client):
    investment, services = zone.columns["investment"], zone.columns["services"]
    for _ in range(2):
        for column, other in ((investment, services), (services, investment)):
            nav = soup(client.get(column.url)).find("nav", class_="section-nav")
            states = {a.get_text(strip=True): a.get("aria-current", "") for a in nav.find_all("a")}
            assert states[column.title] == "page" and states[other.title] == ""


def test_the_parts_that_follow_the_request_are_never_cached(zone, client):
    column = zone.columns["news"]
    client.get("/")  # the header is cached now
    page_two = soup(client.get(f"{column.url}?page=2&from=rss"))
    switch = page_two.find("li", class_="script-switch")
    assert switch.find("a")["href"] == f"/zh-hant{column.url}?page=2&from=rss"
    # The pager keeps the visitor's other parameters although the list is cached per page.
    pager = {a["href"] for a in page_two.find("nav", class_="pagination").find_all("a")}
    assert "?page=1&from=rss" in pager
    results = soup(client.get("/search/", {"q": "招商引资"}))
    assert results.find("input", id="header-search-q")["value"] == "招商引资"
    assert soup(client.get("/")).find("input", id="header-search-q")["value"] == ""


def test_pages_of_a_column_list_are_cached_apart(zone, client):
    column = zone.columns["news"]  # two articles per page
    first, second = text_of(client.get(column.url)), text_of(client.get(f"{column.url}?page=2"))
    assert zone.articles["news3"].title in first and zone.articles["news3"].title not in second
    assert zone.articles["news1"].title in second and zone.articles["news1"].title not in first
    assert client.get(f"{column.url}?page=3").status_code == 404


def test_traditional_pages_get_their_own_parts(zone, client):
    article = zone.articles["news1"]
    client.get(article.url)
    traditional = soup(client.get(f"/zh-hant{article.url}"))
    # Every site-relative link stays in 繁體, except the switch back to 简体.
    links = [a["href"] for a in traditional.find_all("a", href=True, hreflang=False) if a["href"].startswith("/")]
    assert links and all(href.startswith("/zh-hant/") or href == "/" for href in links), links
    simplified = soup(client.get(article.url))
    assert not [a for a in simplified.find_all("a", href=True, hreflang=False) if a["href"].startswith("/zh-hant/")]


def test_meta_tags_use_the_requests_own_host(zone):
    from django.test import Client

    column = zone.columns["news"]
    for host in ("localhost", "127.0.0.1"):
        page = soup(Client(HTTP_HOST=host).get(column.url))
        assert page.find("link", rel="alternate")["href"] == f"http://{host}{column.url}rss/"


def test_a_preview_shows_the_draft_not_the_cached_page(zone, client):
    article = zone.articles["news2"]
    client.get(article.url)
    draft = article.get_latest_revision_as_object()
    draft.title = "尚未发布的草稿标题"
    preview = soup(draft.make_preview_request())
    assert preview.find("h1", class_="article__title").get_text() == "尚未发布的草稿标题"
    assert "尚未发布的草稿标题" not in text_of(client.get(article.url))


def render(source: str, **context) -> str:
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    return Template("{% load portal_tags %}" + source).render(Context({"request": request, **context}))


def test_fragment_keeps_its_html_and_renders_live_parts_each_time(zone):
    source = '{% fragment "test" key %}<p>{{ cached }}</p>{% live %}<b>{{ fresh }}</b>{% endlive %}{% endfragment %}'
    assert render(source, key=1, cached="一", fresh="甲") == "<p>一</p><b>甲</b>"
    assert render(source, key=1, cached="二", fresh="乙") == "<p>一</p><b>乙</b>"
    assert render(source, key=2, cached="二", fresh="乙") == "<p>二</p><b>乙</b>"
    invalidate_page_cache()
    assert render(source, key=1, cached="三", fresh="丙") == "<p>三</p><b>丙</b>"


def test_fragments_cannot_be_nested():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load portal_tags %}{% fragment "a" %}{% fragment "b" %}{% endfragment %}{% endfragment %}')
