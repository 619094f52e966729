"""The ledger in the back office: each department its own items (404 for others), the office all;
the steps through their forms; flags, filters, the dashboard panel and the spreadsheet export."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import PDF_BYTES, make_user, png_bytes
from tests.utils import admin_form, assert_page_denied, logged_in_client, soup, text_of
from zoneportal.rectification import services
from zoneportal.rectification.models import RectificationEvidence, RectificationItem

pytestmark = pytest.mark.django_db
State = RectificationItem.State


def url(name: str, *args) -> str:
    return reverse(f"rectification_item:{name}", args=args)


def listed_titles(response) -> set[str]:
    """The titles of the listing's rows (each a link to its edit view)."""
    assert response.status_code == 200
    links = soup(response).select("td.title a[href]")
    edit = re.compile(r"/admin/rectification/edit/\d+/")
    return {a.get_text(strip=True) for a in links if edit.fullmatch(a["href"]) and a.get_text(strip=True) != "编辑"}


def test_a_department_lists_only_its_own_items_the_office_all(zone, ledger):
    invest = logged_in_client(zone.users["invest_editor"]).get(url("index"))
    assert "到企业现场少" in listed_titles(invest)
    assert not {"集中学习流于形式", "上班时间离岗"} & listed_titles(invest)
    office = logged_in_client(zone.users["reviewer"]).get(url("index"))
    assert {"集中学习流于形式", "到企业现场少", "上班时间离岗"} <= listed_titles(office)


@pytest.mark.parametrize("view", ["edit", "history", "usage", "rectified", "return", "close"])
def test_another_departments_item_is_not_found(zone, ledger, view):
    client = logged_in_client(zone.users["invest_head"])
    assert client.get(url(view, ledger.finance_item.pk)).status_code == 404
    assert client.post(url(view, ledger.finance_item.pk), {"evidence_text": "越权", "note": "x"}).status_code == 404
    ledger.finance_item.refresh_from_db()
    assert ledger.finance_item.state == State.IN_PROGRESS


def test_departments_cannot_delete_and_users_without_a_department_see_nothing(zone, ledger):
    response = logged_in_client(zone.users["invest_head"]).post(url("delete", ledger.invest_item.pk))
    assert_page_denied(response)
    assert RectificationItem.objects.filter(pk=ledger.invest_item.pk).exists()
    # A back-office user of no department has no ledger.
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = logged_in_client(outsider).get(url("index"))
    assert response.status_code in (302, 403)
    assert "整改台账" not in text_of(logged_in_client(outsider).get(reverse("wagtailadmin_home")))


def test_the_listing_flags_overdue_items_and_filters_by_deadline_state_and_department(zone, ledger):
    client = logged_in_client(zone.users["reviewer"])
    page = soup(client.get(url("index")))
    flags = {cell.get_text(strip=True) for cell in page.select("[data-deadline-status=overdue]")}
    assert flags and all(flag.startswith("已逾期") for flag in flags)
    assert listed_titles(client.get(url("index") + "?deadline_status=overdue")) == {"到企业现场少"}
    department = zone.departments["finance"].pk
    assert listed_titles(client.get(url("index") + f"?department={department}")) == {"上班时间离岗"}
    assert listed_titles(client.get(url("index") + "?source_kind=self_check")) == {"集中学习流于形式"}
    services.report_rectified(ledger.office_item, user=zone.users["reviewer"], evidence_text="已整改")
    assert listed_titles(client.get(url("index") + "?state=rectified")) == {"集中学习流于形式"}


def test_export_holds_the_filtered_ledger_of_the_users_items(zone, ledger):
    services.report_rectified(ledger.invest_item, user=zone.users["invest_editor"], evidence_text="已建立走访登记制度")

    def rows(user, query: str) -> list[dict]:
        response = logged_in_client(zone.users[user]).get(url("index") + query)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
        sheet_rows = list(workbook.active.iter_rows(values_only=True))
        return [dict(zip(sheet_rows[0], row, strict=True)) for row in sheet_rows[1:]]

    everything = rows("reviewer", "?export=xlsx")
    assert {row["整改事项"] for row in everything} == {"集中学习流于形式", "到企业现场少", "上班时间离岗"}
    rectified = rows("reviewer", "?export=xlsx&state=rectified")
    assert len(rectified) == 1
    row = rectified[0]
    assert row["整改事项"] == "到企业现场少"
    assert row["整改状态"] == "已整改"
    assert row["责任部门"] == "招商发展分局"
    assert row["责任人"] == "李四"
    assert row["整改措施"] == "1. 班子成员联系企业"
    assert row["整改情况说明"] == "已建立走访登记制度"
    assert row["完成日期"] is not None
    assert {row["整改事项"] for row in rows("finance_editor", "?export=xlsx")} == {"上班时间离岗"}


def test_a_department_reports_rectified_with_checked_files(zone, ledger):
    client = logged_in_client(zone.users["invest_editor"])
    item = ledger.invest_item
    form_page = client.get(url("rectified", item.pk))
    assert form_page.status_code == 200
    # Neither text nor files: refused next to the field, nothing changes.
    refused = client.post(url("rectified", item.pk), {"evidence_text": ""})
    assert refused.status_code == 200
    # The error sits next to its field and the field points at it.
    textarea = soup(refused).find("textarea", attrs={"name": "evidence_text"})
    described = " ".join(soup(refused).find(id=ref).get_text() for ref in textarea["aria-describedby"].split())
    assert "请填写整改情况说明或上传佐证材料" in described
    # A program renamed .pdf: refused by content, the typed text kept.
    disguised = SimpleUploadedFile("记录.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    refused = client.post(url("rectified", item.pk), {"evidence_text": "已走访企业", "files": [disguised]})
    assert "内容与扩展名不符" in text_of(refused)
    assert "已走访企业" in refused.content.decode()
    exe = SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    assert "文件类型不允许" in text_of(client.post(url("rectified", item.pk), {"files": [exe]}))
    item.refresh_from_db()
    assert item.state == State.IN_PROGRESS and not RectificationEvidence.objects.exists()

    files = [
        SimpleUploadedFile("照片.png", png_bytes(), content_type="image/png"),
        SimpleUploadedFile("记录.pdf", PDF_BYTES, content_type="application/pdf"),
    ]
    done = client.post(url("rectified", item.pk), {"evidence_text": "已走访企业", "files": files})
    assert done.status_code == 302 and done["Location"] == url("edit", item.pk)
    item.refresh_from_db()
    assert item.state == State.RECTIFIED
    evidence = list(RectificationEvidence.objects.filter(item=item).order_by("pk"))
    assert [e.original_name for e in evidence] == ["照片.png", "记录.pdf"]
    # The files are the staff's: the department downloads them, another department does not find them.
    download = client.get(url("evidence", evidence[1].pk))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    assert logged_in_client(zone.users["finance_editor"]).get(url("evidence", evidence[1].pk)).status_code == 404
    # The edit page shows the progress and who did what.
    edit = text_of(client.get(url("edit", item.pk)))
    assert "已整改" in edit and "照片.png" in edit and "报告整改完成" in edit


def test_only_the_office_returns_and_closes_in_the_back_office(zone, ledger):
    item = ledger.invest_item
    services.report_rectified(item, user=zone.users["invest_editor"], evidence_text="已整改")
    department = logged_in_client(zone.users["invest_head"])
    for view, data in (("return", {"reason": "自己退回"}), ("close", {"note": "自己销号"})):
        assert_page_denied(department.get(url(view, item.pk)))
        assert_page_denied(department.post(url(view, item.pk), data))
    item.refresh_from_db()
    assert item.state == State.RECTIFIED

    office = logged_in_client(zone.users["reviewer"])
    refused = office.post(url("close", item.pk), {"note": ""})
    assert refused.status_code == 200 and "请填写销号意见" in text_of(refused)
    returned = office.post(url("return", item.pk), {"reason": "佐证材料不足"})
    assert returned.status_code == 302
    item.refresh_from_db()
    assert item.state == State.IN_PROGRESS
    # Closing an item in progress: refused server-side, whatever the form says.
    refused = office.post(url("close", item.pk), {"note": "强行销号"})
    assert refused.status_code == 409
    item.refresh_from_db()
    assert item.state == State.IN_PROGRESS
    assert office.get(url("close", item.pk)).status_code == 409
    services.report_rectified(item, user=zone.users["invest_editor"], evidence_text="补充材料")
    assert office.post(url("close", item.pk), {"note": "同意销号"}).status_code == 302
    item.refresh_from_db()
    assert item.state == State.CLOSED and item.close_note == "同意销号"


def test_the_edit_form_cannot_move_an_item_to_another_department_or_change_its_state(zone, ledger):
    client = logged_in_client(zone.users["invest_editor"])
    item = ledger.invest_item
    data = admin_form(client.get(url("edit", item.pk)), form_id="w-editor-form")
    assert "state" not in data
    data["department"] = str(zone.departments["finance"].pk)
    data["state"] = State.CLOSED
    response = client.post(url("edit", item.pk), data)
    assert response.status_code == 200  # the form again, with the error
    item.refresh_from_db()
    assert item.department == zone.departments["invest"] and item.state == State.IN_PROGRESS
    data["department"] = str(zone.departments["invest"].pk)
    data["title"] = "到企业现场少（已修改）"
    assert client.post(url("edit", item.pk), data).status_code == 302
    item.refresh_from_db()
    assert item.title == "到企业现场少（已修改）" and item.state == State.IN_PROGRESS


def test_a_department_adds_an_item_with_measures(zone):
    client = logged_in_client(zone.users["finance_editor"])
    data = admin_form(client.get(url("add")), form_id="w-editor-form")
    data.update(
        {
            "title": "专项资金拨付慢",
            "description": "企业反映拨付环节多。",
            "source_kind": "letter",
            "department": str(zone.departments["finance"].pk),
            "responsible_person": "赵六",
            "deadline": "2030-06-28",
            "measures-TOTAL_FORMS": "1",
            "measures-0-text": "精简审批环节",
            "measures-0-ORDER": "1",
        }
    )
    response = client.post(url("add"), data)
    assert response.status_code == 302, text_of(response)[:500]
    item = RectificationItem.objects.get(title="专项资金拨付慢")
    assert item.created_by == zone.users["finance_editor"]
    assert item.measure_list == ["精简审批环节"]
    assert item.state == State.IN_PROGRESS


def test_the_dashboard_panel_shows_overdue_items_to_the_office_and_the_department(zone, ledger):
    def panel_text(user) -> str:
        page = soup(logged_in_client(zone.users[user]).get(reverse("wagtailadmin_home")))
        panel = page.find(id="rectification-deadlines") or page.find(id="rectification-deadlines-content")
        return "" if panel is None else panel.get_text(" ", strip=True)

    assert "到企业现场少" in panel_text("reviewer")
    assert "到企业现场少" in panel_text("invest_head")
    finance = panel_text("finance_head")
    assert finance and "到企业现场少" not in finance and "没有逾期" in finance


def test_a_closed_item_is_read_only_for_its_department(zone, ledger):
    item = ledger.invest_item
    services.report_rectified(item, user=zone.users["invest_editor"], evidence_text="已整改")
    services.close_item(item, user=zone.users["reviewer"], note="同意销号")
    department = logged_in_client(zone.users["invest_editor"])
    assert_page_denied(department.get(url("edit", item.pk)))
    assert_page_denied(department.post(url("edit", item.pk), {"title": "改掉"}))
    item.refresh_from_db()
    assert item.title == "到企业现场少"
    # The listing opens it read-only, with its history.
    listing = soup(department.get(url("index")))
    assert listing.find("a", href=url("inspect", item.pk))
    inspect = department.get(url("inspect", item.pk))
    assert inspect.status_code == 200 and "同意销号" in text_of(inspect) and "班子成员联系企业" in text_of(inspect)
    assert logged_in_client(zone.users["finance_editor"]).get(url("inspect", item.pk)).status_code == 404
    # The office still corrects it.
    assert logged_in_client(zone.users["reviewer"]).get(url("edit", item.pk)).status_code == 200


def test_deleting_an_item_removes_its_evidence_files(zone, ledger, django_capture_on_commit_callbacks):
    item = ledger.invest_item
    upload = SimpleUploadedFile("记录.pdf", PDF_BYTES, content_type="application/pdf")
    services.report_rectified(item, user=zone.users["invest_editor"], files=[upload])
    evidence = RectificationEvidence.objects.get(item=item)
    storage, name = evidence.file.storage, evidence.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in_client(zone.users["reviewer"]).post(url("delete", item.pk))
    assert response.status_code == 302
    assert not RectificationItem.objects.filter(pk=item.pk).exists()
    assert not storage.exists(name)
