"""搜索统计: administrators hide terms; junk never reaches the report, the hot words or the suggestions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.search.test_search_admin import REPORT, log, table_rows
from tests.utils import assert_denied, logged_in_client, soup
from zoneportal.search import engine
from zoneportal.search.models import HiddenSearchTerm
from zoneportal.search.query_log import is_junk

pytestmark = pytest.mark.django_db

JUNK = [
    "<script>alert(1)</script>",
    "1' or '1'='1",
    "招商 union select password from auth_user",
    "admin'--",
    "aaaaaaa",
    "哈哈哈哈哈",
    "招商引资" * 11,
]
FINE = ["招商引资", "优惠政策", "州机编发(2006)35号", "zsyz", "2024年财政预算", "selection of projects"]


@pytest.mark.parametrize("text", JUNK)
def test_junk_is_recognised(text):
    assert is_junk(text)


@pytest.mark.parametrize("text", FINE)
def test_real_queries_are_not_junk(text):
    assert not is_junk(text)


def test_junk_is_left_out_of_the_report_and_hot_words(zone):
    log("招商引资", 12, times=2)
    for text in JUNK:
        log(text, 1, times=3)
        log(text, 0, times=3)
    response = logged_in_client(zone.users["admin"]).get(REPORT)
    assert [text for text, _count in table_rows(response, "热门搜索词")] == ["招商引资"]
    assert table_rows(response, "无结果的搜索词") == [("这段时间所有搜索都有结果。",)]
    assert engine.hot_queries() == ["招商引资"]
    assert "aaaaaaa" not in engine.suggest("aaa")


def test_an_administrator_hides_a_term_everywhere(zone):
    log("招商引资", 12, times=3)
    log("某某领导电话", 2, times=5)
    admin = logged_in_client(zone.users["admin"])
    assert "某某领导电话" in engine.hot_queries()
    assert "某某领导电话" in engine.suggest("某某")

    report = admin.get(REPORT)
    row = next(tr for tr in soup(report).select("tbody tr") if "某某领导电话" in tr.get_text())
    form = row.select_one("form")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    response = admin.post(form["action"], fields)
    assert response.status_code == 302 and response["Location"] == REPORT

    assert HiddenSearchTerm.objects.filter(text="某某领导电话").exists()
    report = admin.get(REPORT)
    assert [text for text, _count in table_rows(report, "热门搜索词")] == ["招商引资"]
    assert ("某某领导电话",) == table_rows(report, "已隐藏的搜索词")[0][:1]
    assert engine.hot_queries() == ["招商引资"]
    assert "某某领导电话" not in engine.suggest("某某")

    # … and can show it again.
    admin.post(reverse("search_report_hide"), {"text": "某某领导电话", "restore": "1"})
    assert "某某领导电话" in engine.hot_queries()


def test_who_may_hide(zone):
    log("招商引资", 12)
    reviewer = logged_in_client(zone.users["reviewer"])
    assert_denied(reviewer.post(reverse("search_report_hide"), {"text": "招商引资"}))
    assert not HiddenSearchTerm.objects.exists()


def test_a_report_reader_without_the_right_sees_no_hide_buttons(zone):
    from django.contrib.auth.models import Group, Permission

    readers = Group.objects.create(name="网站统计")
    readers.permissions.add(
        Permission.objects.get(codename="view_searchquery", content_type__app_label="search"),
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
    )
    editor = zone.users["invest_editor"]
    editor.groups.add(readers)
    log("招商引资", 12)
    response = logged_in_client(editor).get(REPORT)
    assert response.status_code == 200
    assert not soup(response).select("form[action$='/hide/']")
