"""站内搜索 in the back office: synonyms as snippets, the 搜索统计 report and who may see it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from tests.utils import admin_form, assert_denied, logged_in_client, soup
from zoneportal.search.engine import rebuild_index
from zoneportal.search.models import SearchQuery, Synonym

pytestmark = pytest.mark.django_db

REPORT = "/admin/search-report/"


def log(text: str, results: int, times: int = 1, days_ago: int = 0) -> None:
    for _ in range(times):
        query = SearchQuery.objects.create(text=text, results=results)
        if days_ago:
            SearchQuery.objects.filter(pk=query.pk).update(created_at=timezone.now() - timedelta(days=days_ago))


def table_rows(response, caption: str) -> list[tuple[str, str]]:
    table = next(t for t in soup(response).select("table") if caption in t.caption.get_text())
    return [tuple(td.get_text(strip=True) for td in tr.select("td")[:2]) for tr in table.select("tbody tr")]


def menu_json(client) -> str:
    """The back office's sidebar menu (rendered by JavaScript from JSON), decoded."""
    props = soup(client.get(reverse("wagtailadmin_home"))).select_one("#wagtail-sidebar-props").get_text()
    return json.dumps(json.loads(props), ensure_ascii=False)


def test_admin_sees_the_menu_group(zone):
    menu = menu_json(logged_in_client(zone.users["admin"]))
    assert "站内搜索" in menu and "同义词" in menu and "搜索统计" in menu


def test_report_shows_top_and_zero_result_queries(zone):
    log("招商引资", 12, times=3)
    log("优惠政策", 4, times=2)
    log("火星基地", 0, times=2)
    log("养老保险", 3, times=5, days_ago=20)
    response = logged_in_client(zone.users["admin"]).get(REPORT, {"days": "7"})
    assert response.status_code == 200
    assert table_rows(response, "热门搜索词")[:3] == [("招商引资", "3"), ("优惠政策", "2"), ("火星基地", "2")]
    assert table_rows(response, "无结果的搜索词") == [("火星基地", "2")]

    month = logged_in_client(zone.users["admin"]).get(REPORT)
    assert table_rows(month, "热门搜索词")[0] == ("养老保险", "5")
    assert soup(month).select_one("[aria-current]").get_text(strip=True) == "最近 30 天"


def test_empty_report_says_so(zone):
    response = logged_in_client(zone.users["admin"]).get(REPORT)
    assert table_rows(response, "无结果的搜索词") == [("这段时间所有搜索都有结果。",)]


def test_editor_without_the_permission_is_refused_and_sees_no_menu_item(zone):
    client = logged_in_client(zone.users["invest_editor"])
    assert_denied(client.get(REPORT))
    assert "搜索统计" not in menu_json(client)


def test_a_group_with_the_permission_sees_the_report(zone):
    analysts = Group.objects.create(name="网站统计")
    analysts.permissions.add(
        Permission.objects.get(codename="view_searchquery", content_type__app_label="search"),
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
    )
    editor = zone.users["invest_editor"]
    editor.groups.add(analysts)
    client = logged_in_client(editor)
    assert client.get(REPORT).status_code == 200
    assert "搜索统计" in menu_json(client)


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_adds_and_lists_synonyms(zone):
    client = logged_in_client(zone.users["admin"])
    add_url = reverse("wagtailsnippets_search_synonym:add")
    form = admin_form(client.get(add_url), form_id="w-editor-form")
    form["rule"] = "厂房 = 标准化厂房"
    form["note"] = "招商网常用说法"
    form["enabled"] = "on"
    response = client.post(add_url, form)
    assert response.status_code == 302
    assert Synonym.objects.get(rule="厂房 = 标准化厂房").enabled
    listing = client.get(reverse("wagtailsnippets_search_synonym:list"))
    assert "厂房 = 标准化厂房" in listing.content.decode()


def test_a_synonym_added_in_the_back_office_widens_the_public_search(zone, client):
    rebuild_index()
    assert not soup(client.get("/search/", {"q": "引凤工程"})).select(".search-result")
    admin = logged_in_client(zone.users["admin"])
    add_url = reverse("wagtailsnippets_search_synonym:add")
    form = admin_form(admin.get(add_url), form_id="w-editor-form")
    form["rule"] = "引凤工程 = 招商引资"
    form["enabled"] = "on"
    assert admin.post(add_url, form).status_code == 302
    links = {a["href"] for a in soup(client.get("/search/", {"q": "引凤工程"})).select(".search-result__title a")}
    assert zone.articles["news1"].url in links


def test_a_rule_that_cannot_be_read_is_refused_in_chinese(zone):
    client = logged_in_client(zone.users["admin"])
    add_url = reverse("wagtailsnippets_search_synonym:add")
    form = admin_form(client.get(add_url), form_id="w-editor-form")
    form["rule"] = "没有等号的规则"
    response = client.post(add_url, form)
    assert response.status_code == 200
    assert "无法识别的规则" in response.content.decode()
    assert not Synonym.objects.filter(rule="没有等号的规则").exists()


def test_editors_cannot_edit_synonyms(zone):
    client = logged_in_client(zone.users["invest_editor"])
    assert_denied(client.get(reverse("wagtailsnippets_search_synonym:list")))
