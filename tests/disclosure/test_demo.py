"""The demo's 信息公开: the page under 政务公开 with its guide and parts, the 2025 report's table from the demo
requests, requests in every state with one overdue and one near, the printed number and code that look one up."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.utils import soup, text_of
from zoneportal.demo.content import disclosure as content
from zoneportal.demo.figures import unknown_figures
from zoneportal.disclosure import deadlines
from zoneportal.disclosure import demo as disclosure_demo
from zoneportal.disclosure.models import DisclosureRequest
from zoneportal.disclosure.pages import DisclosureIndexPage
from zoneportal.disclosure.statistics import year_table
from zoneportal.portal.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            assert not HomePage.objects.exists(), "the database is not empty"
            out = io.StringIO()
            call_command("load_demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_every_figure_of_the_demo_texts_is_a_fact():
    for where, text in content.demo_texts():
        assert not unknown_figures(text), where


def test_the_page_sits_under_zhengwu_with_its_parts(demo):
    page = DisclosureIndexPage.objects.get()
    url = "/zhengwu/xinxigongkai/"
    assert page.live and page.url.endswith(url)
    client = Client()
    guide = client.get(url)
    assert "自收到申请之日起20个工作日内答复" in text_of(guide)
    catalogue = text_of(client.get(f"{url}mulu/"))
    for category in ("政策法规", "政策解读", "财政信息"):
        assert category in catalogue
    column = soup(client.get("/zhengwu/")).find("a", href=url)
    assert column is not None  # listed among 政务公开's sub-columns


def test_the_2025_report_counts_the_demo_requests(demo):
    table = year_table(2025)
    assert table.value("received") == 6
    assert table.value("partial") == 1 and table.value("nonexistent") == 1 and table.value("withdrawn") == 1
    assert table.value("carried_forward") == 1  # filed on 24 December, answered in January
    response = Client().get("/zhengwu/xinxigongkai/nianbao/2025/")
    row = soup(response).find("tr", attrs={"data-row": "received"})
    assert row.find_all("td")[-1].get_text() == "6"


def test_requests_in_every_state_one_overdue_one_near(demo):
    requests = list(DisclosureRequest.objects.all())
    assert len(requests) == len(content.REQUESTS)
    assert {request.status for request in requests} == set(DisclosureRequest.Status.values)
    flags = [request.deadline_flag() for request in requests]
    assert deadlines.OVERDUE in flags and deadlines.NEAR in flags
    assert all(request.events.exists() for request in requests)


def test_the_printed_number_and_code_look_a_request_up(demo):
    match = re.search(r"申请编号 (GK\d{8}-\d{4})，查询码 ([A-Z2-9]{8})", demo)
    assert match, demo[-400:]
    number, code = match.groups()
    assert (number, code) == disclosure_demo.example_lookup()
    client = Client()
    response = client.post("/zhengwu/xinxigongkai/chaxun/", {"tracking_number": number, "query_code": code})
    assert response.status_code == 302
    assert "办理中" in text_of(client.get(response["Location"]))


def test_a_second_run_adds_nothing(demo):
    before = DisclosureRequest.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert DisclosureRequest.objects.count() == before
