"""导入政策文件 in the back office: upload → preview → confirm, refusals, office only."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from tests.policies.test_import import csv_bytes, record, second
from tests.utils import logged_in_client, soup
from zoneportal.core.storage import private_storage
from zoneportal.policies.import_views import FOLDER, SESSION_KEY
from zoneportal.policies.models import Policy
from zoneportal.search.models import SearchDocument

pytestmark = pytest.mark.django_db

UPLOAD, CONFIRM, CANCEL = (reverse(f"policy_import:{name}") for name in ("upload", "confirm", "cancel"))


def jsonl_upload(*records: dict, name: str = "policies.jsonl") -> SimpleUploadedFile:
    data = "\n".join(json.dumps(item, ensure_ascii=False) for item in records).encode()
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def stored_files() -> list[str]:
    storage = private_storage()
    return storage.listdir(FOLDER)[1] if storage.exists(FOLDER) else []


@pytest.fixture
def office(zone, library_page):
    return logged_in_client(zone.users["reviewer"])


def test_preview_then_confirm(office):
    Policy.objects.create(external_id="H002", title="旧标题", category_id=1)
    page = office.post(UPLOAD, {"file": jsonl_upload(record(), second())})
    assert page.status_code == 200
    html = soup(page)
    assert html.select_one("#import-counts").get_text(" ", strip=True).startswith("共 2 份：新增 1 份，更新 1 份")
    rows = [[cell.get_text(strip=True) for cell in row.select("td")] for row in html.select("#import-preview tbody tr")]
    assert rows[0][:4] == ["1", "H001", "来凤经济开发区招商引资优惠政策实施办法", "来开管发〔2015〕3号"]
    assert rows[0][-2:] == ["有效", "新增"] and rows[1][-2:] == ["失效", "更新"]
    assert Policy.objects.count() == 1  # the preview writes nothing
    assert len(stored_files()) == 1
    done = office.post(CONFIRM, follow=True)
    assert "已导入“policies.jsonl”：新增 1 份，更新 1 份，已加入站内搜索 2 份。" in done.content.decode()
    assert Policy.objects.get(external_id="H002").title == "关于做好2016年企业安全生产检查工作的通知"
    assert SearchDocument.objects.filter(external_id="policy:H001").exists()
    assert stored_files() == [] and SESSION_KEY not in office.session
    again = office.post(CONFIRM, follow=True)  # confirming twice imports nothing more
    assert "没有待确认的导入文件" in again.content.decode()


def test_errors_listed_with_row_and_field_and_nothing_written(office):
    data = csv_bytes(record(), second(validity="作废", issued_on="2016-5-10"))
    page = office.post(UPLOAD, {"file": SimpleUploadedFile("p.csv", data)})
    html = soup(page)
    assert html.select_one("#import-errors-heading").get_text(strip=True) == "发现 2 处错误，没有写入任何文件"
    rows = {tuple(td.get_text(strip=True) for td in row.select("td")[:2]) for row in html.select("#import-errors tr")}
    assert {("3", "issued_on"), ("3", "validity")} <= rows
    assert not html.select(f"form[action='{CONFIRM}']")  # nothing to confirm
    assert not Policy.objects.exists() and stored_files() == []


def test_cancel_deletes_the_file(office):
    office.post(UPLOAD, {"file": jsonl_upload(record())})
    assert len(stored_files()) == 1
    office.post(CANCEL)
    assert stored_files() == [] and not Policy.objects.exists()


def test_disguised_executable_is_refused(office):
    exe = SimpleUploadedFile("policies.xlsx", b"MZ\x90\x00\x03" + b"\x00" * 200)
    page = office.post(UPLOAD, {"file": exe})
    assert "内容与扩展名不符" in soup(page).select_one("#id_file_error").get_text()
    script = SimpleUploadedFile("policies.csv", b"<script>alert(1)</script>")
    assert "内容与扩展名不符" in office.post(UPLOAD, {"file": script}).content.decode()
    assert stored_files() == []


def test_other_file_types_are_refused(office):
    page = office.post(UPLOAD, {"file": SimpleUploadedFile("policies.exe", b"MZ")})
    assert "文件类型不允许" in page.content.decode()


@override_settings(POLICY_IMPORT_MAX_BYTES=20 * 1024 * 1024)
def test_a_30_mb_file_is_refused(office):
    big = SimpleUploadedFile("policies.csv", b"a" * (30 * 1024 * 1024))
    page = office.post(UPLOAD, {"file": big})
    assert "“policies.csv”超过 20 MB，请压缩后再上传。" in page.content.decode()
    assert stored_files() == []


def test_a_broken_workbook_gets_a_chinese_error(office):
    page = office.post(UPLOAD, {"file": SimpleUploadedFile("p.xlsx", b"PK\x03\x04 broken")})
    assert "无法读取 .xlsx 工作簿" in soup(page).select_one("#import-errors").get_text()


def test_office_only(zone, library_page):
    for user in ("invest_editor", "invest_head", "finance_head"):
        client = logged_in_client(zone.users[user])
        assert client.get(UPLOAD).status_code == 403
        assert client.post(UPLOAD, {"file": jsonl_upload(record())}).status_code == 403
        assert client.post(CONFIRM).status_code == 403
    assert not Policy.objects.exists() and stored_files() == []
    anonymous = Client().get(UPLOAD)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    office_client = logged_in_client(zone.users["admin"])
    assert office_client.get(UPLOAD).status_code == 200


def test_menu_item_for_the_office_only(zone, library_page):
    office_menu = logged_in_client(zone.users["reviewer"]).get(reverse("wagtailadmin_home")).content.decode()
    assert UPLOAD in office_menu
    editor_menu = logged_in_client(zone.users["invest_editor"]).get(reverse("wagtailadmin_home")).content.decode()
    assert UPLOAD not in editor_menu


def test_confirm_checks_again(office, zone):
    """A document taking the file's 文号 between preview and confirm: errors shown, nothing written."""
    office.post(UPLOAD, {"file": jsonl_upload(record())})
    Policy.objects.create(external_id="OTHER", title="他人", doc_number="来开管发〔2015〕3号", category_id=1)
    page = office.post(CONFIRM)
    assert "外部编号 OTHER" in soup(page).select_one("#import-errors").get_text()
    assert not Policy.objects.filter(external_id="H001").exists()
