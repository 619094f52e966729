"""The public ledger: items marked public with their progress, filters, no personal data, the page cache."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import add_page
from tests.utils import soup, text_of
from zoneportal.portal.models import ColumnPage
from zoneportal.rectification import search, services
from zoneportal.rectification.models import LedgerPage, RectificationItem

pytestmark = pytest.mark.django_db
State = RectificationItem.State


@pytest.fixture
def ledger_page(zone) -> LedgerPage:
    interaction = add_page(
        zone.home,
        ColumnPage(title="互动交流", slug="hudong", column_type=ColumnPage.ColumnType.INTERACTION, show_in_menus=True),
    )
    return add_page(interaction, LedgerPage(title="整改台账", slug="ledger", department=zone.departments["office"]))


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [h.get_text(strip=True) for h in soup(response).select(".ledger-item__title")]


def test_only_public_items_with_their_progress_and_no_personal_data(zone, ledger, ledger_page):
    services.report_rectified(ledger.office_item, user=zone.users["reviewer"], evidence_text="内部说明：张三已写检查")
    response = Client().get("/hudong/ledger/")
    assert set(titles(response)) == {"集中学习流于形式", "到企业现场少"}
    text = text_of(response)
    # Progress: state, measures, deadline, completion date.
    assert "已整改" in text and "整改中" in text
    assert "每月集中学习一次" in text and "班子成员联系企业" in text
    assert ledger.office_item.deadline.strftime("%Y-%m-%d") in text
    # Nothing personal or internal: responsible people, the source's reference and link, evidence.
    for private in ("张三", "李四", "王五", "意见箱第3号意见", "/admin/letters/3/", "内部说明", "上班时间离岗"):
        assert private not in response.content.decode(), private


def test_filters_by_state_and_department(zone, ledger, ledger_page):
    services.report_rectified(ledger.office_item, user=zone.users["reviewer"], evidence_text="已整改")
    client = Client()
    assert titles(client.get("/hudong/ledger/?state=rectified")) == ["集中学习流于形式"]
    assert titles(client.get("/hudong/ledger/?state=in_progress")) == ["到企业现场少"]
    assert titles(client.get("/hudong/ledger/?state=closed")) == []
    invest = zone.departments["invest"].pk
    assert titles(client.get(f"/hudong/ledger/?department={invest}")) == ["到企业现场少"]
    assert titles(client.get(f"/hudong/ledger/?department={invest}&state=rectified")) == []
    # Unknown values are ignored, not errors; a private item's department is not offered.
    assert len(titles(client.get("/hudong/ledger/?state=bogus&department=x"))) == 2
    options = {o.get_text(strip=True) for o in soup(client.get("/hudong/ledger/")).select("#ledger-department option")}
    assert options == {"全部部门", "管委会办公室", "招商发展分局"}
    # The filter form is labelled.
    page = soup(client.get("/hudong/ledger/"))
    for select in page.select(".ledger-filter select"):
        assert page.find("label", attrs={"for": select["id"]})


def test_an_item_has_its_own_page_a_private_one_none(zone, ledger, ledger_page):
    client = Client()
    response = client.get(f"/hudong/ledger/{ledger.invest_item.pk}/")
    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == "到企业现场少"
    assert "李四" not in response.content.decode()
    assert client.get(f"/hudong/ledger/{ledger.finance_item.pk}/").status_code == 404
    assert client.get("/hudong/ledger/999999/").status_code == 404


def test_changes_to_public_items_reach_the_cached_page(
    zone, ledger, ledger_page, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    client = Client()
    assert "上班时间离岗" not in titles(client.get("/hudong/ledger/"))
    item = RectificationItem.objects.get(pk=ledger.finance_item.pk)
    # A change to an internal item leaves the cached page alone …
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        item.title = "上班时间离岗（内部）"
        item.save()
    assert callbacks == []
    # … publishing it, withdrawing it and a public item's new state refresh it.
    with django_capture_on_commit_callbacks(execute=True):
        item.is_public = True
        item.save()
    assert "上班时间离岗（内部）" in titles(client.get("/hudong/ledger/"))
    with django_capture_on_commit_callbacks(execute=True):
        item = RectificationItem.objects.get(pk=item.pk)
        item.is_public = False
        item.save()
    assert "上班时间离岗（内部）" not in titles(client.get("/hudong/ledger/"))
    with django_capture_on_commit_callbacks(execute=True):
        services.report_rectified(ledger.invest_item, user=zone.users["invest_editor"], evidence_text="已整改")
    assert "已整改" in text_of(client.get("/hudong/ledger/?state=rectified"))
    assert titles(client.get("/hudong/ledger/?state=rectified")) == ["到企业现场少"]


def test_search_entries_are_the_public_items_under_the_ledger_page(zone, ledger, ledger_page):
    entries = {entry.external_id: entry for entry in search.all_entries()}
    assert set(entries) == {f"rectification:{ledger.office_item.pk}", f"rectification:{ledger.invest_item.pk}"}
    entry = entries[f"rectification:{ledger.invest_item.pk}"]
    assert entry.title == "到企业现场少"
    assert entry.url == f"/hudong/ledger/{ledger.invest_item.pk}/"
    assert entry.site_id == zone.site.pk
    assert "班子成员联系企业" in entry.text and "李四" not in entry.text and "意见箱第3号" not in entry.text
    assert Client().get(entry.url).status_code == 200
    assert search.entries_for(ledger.finance_item) == []
    assert [e.external_id for e in search.entries_for(ledger.office_item)] == [f"rectification:{ledger.office_item.pk}"]


def test_no_search_entries_without_a_live_ledger_page(zone, ledger, ledger_page):
    ledger_page.unpublish()
    assert list(search.all_entries()) == []
    assert search.entries_for(ledger.office_item) == []


def test_the_page_needs_few_queries_however_many_items(zone, ledger, ledger_page, django_assert_max_num_queries):
    for number in range(15):
        services.open_item(
            title=f"公开事项{number}",
            description="描述",
            source_kind="survey",
            measures=["措施一", "措施二"],
            department=zone.departments["finance"],
            is_public=True,
        )
    with django_assert_max_num_queries(20):
        response = Client().get("/hudong/ledger/")
    assert len(titles(response)) == 17
