"""分配栏目: an administrator hands columns to a department in the back office."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowPage

from tests.utils import admin_form, assert_page_denied, logged_in_client, soup

pytestmark = pytest.mark.django_db


def columns_url(department) -> str:
    return reverse("department_columns", args=[department.pk])


def can_edit(user, page: Page) -> bool:
    """Asked afresh: Wagtail caches a user's page permissions on the user object."""
    fresh = type(user).objects.get(pk=user.pk)
    return Page.objects.get(pk=page.pk).permissions_for_user(fresh).can_edit()


def test_the_form_lists_every_column_and_ticks_the_departments_own(zone):
    client = logged_in_client(zone.users["admin"])
    page = soup(client.get(columns_url(zone.departments["invest"])))
    assert zone.departments["invest"].name in page.select_one("h1").get_text()
    boxes = {
        box.find_parent("label").get_text(" ", strip=True): box.has_attr("checked")
        for box in page.select("input[type=checkbox]")
    }
    ticked = sorted(label for label, checked in boxes.items() if checked)
    assert ticked == ["来凤经济开发区 › 开发区动态 › 企业服务", "来凤经济开发区 › 开发区动态 › 招商引资"]
    # Every page of the first two levels below the home page is offered in tree order (articles are
    # content, not columns), another department's named as its present owner.
    assert list(boxes) == [
        "来凤经济开发区 › 政务公开（现属：管委会办公室）",
        "来凤经济开发区 › 政务公开 › 财政预决算（现属：财政分局）",
        "来凤经济开发区 › 政务公开 › 地理位置",
        "来凤经济开发区 › 政务公开 › 机构设置",
        "来凤经济开发区 › 政务公开 › 部门职能",
        "来凤经济开发区 › 政务公开 › 领导班子",
        "来凤经济开发区 › 政务公开 › 办公地点",
        "来凤经济开发区 › 公告与通知（现属：管委会办公室）",
        "来凤经济开发区 › 新闻快递（现属：管委会办公室）",
        "来凤经济开发区 › 开发区动态（现属：管委会办公室）",
        "来凤经济开发区 › 开发区动态 › 招商引资",
        "来凤经济开发区 › 开发区动态 › 企业服务",
        "来凤经济开发区 › 多媒体展厅",
        "来凤经济开发区 › 网站地图",
    ]


def test_ticking_moves_a_column_and_unticking_releases_one(zone):
    invest, office = zone.departments["invest"], zone.departments["office"]
    news, services = zone.columns["news"], zone.columns["services"]
    assert can_edit(zone.users["office_editor"], news) and not can_edit(zone.users["invest_editor"], news)

    client = logged_in_client(zone.users["admin"])
    form = admin_form(client.get(columns_url(invest)), form_id="department-columns-form")
    chosen = [value for value in form.getlist("columns") if value != str(services.pk)] + [str(news.pk)]
    form.setlist("columns", chosen)
    # As lists: the test client would post only the last value of a QueryDict key.
    response = client.post(columns_url(invest), dict(form.lists()), follow=True)
    assert response.status_code == 200
    assert any("新增 1 个，移出 1 个" in str(m) for m in response.context["messages"])

    assert WorkflowPage.objects.get(page=news).workflow == invest.workflow
    assert can_edit(zone.users["invest_editor"], news) and not can_edit(zone.users["office_editor"], news)
    assert not WorkflowPage.objects.filter(page=services).exists()
    assert not can_edit(zone.users["invest_editor"], services)
    assert office.workflow.workflow_pages.filter(page=zone.columns["notices"]).exists()  # the rest stays

    # Auditors see who moved which column: 报告 → 网站历史.
    history = client.get(reverse("wagtailadmin_reports:site_history"), {"action": "zoneportal.assign_columns"})
    text = history.content.decode()
    assert "分配栏目：新增 新闻快递；移出 企业服务" in text and "admin" in text


@pytest.mark.parametrize("user", ["invest_head", "office_editor", "reviewer"])
def test_only_administrators_may_hand_out_columns(zone, user):
    client = logged_in_client(zone.users[user])
    url = columns_url(zone.departments["invest"])
    assert_page_denied(client.get(url))
    assert_page_denied(client.post(url, {"columns": [zone.columns["news"].pk]}))
    assert WorkflowPage.objects.get(page=zone.columns["news"]).workflow == zone.departments["office"].workflow


def test_the_department_list_offers_the_button(zone):
    client = logged_in_client(zone.users["admin"])
    listing = soup(client.get(reverse("wagtailsnippets_core_department:list")))
    for department in zone.departments.values():
        buttons = listing.select(f'a[href="{columns_url(department)}"]')
        assert [button.get_text(" ", strip=True) for button in buttons] == ["分配栏目"], department.name
