"""The back office's import (upload → checked preview → confirm) and the listings' .xlsx exports."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from tests.utils import logged_in_client, soup, text_of
from zoneportal.core.tabular import IMPORT_ACTION
from zoneportal.investment.models import Enterprise, Park, Project

from .test_import import ENTERPRISE, xlsx

pytestmark = pytest.mark.django_db

UPLOAD = reverse("investment_import:upload")


def upload(client, kind: str, data: bytes, name: str = "data.xlsx"):
    return client.post(UPLOAD, {"table": kind, "file": SimpleUploadedFile(name, data)})


def test_preview_then_confirm_writes_and_logs(investment):
    client = logged_in_client(investment.user("invest_editor"))
    response = upload(client, "enterprises", xlsx("enterprises", ENTERPRISE))
    assert response.status_code == 200
    page = soup(response)
    assert "新增 1 条，更新 0 条" in page.select_one("#import-counts").get_text()
    assert "腾升香料" in page.select_one("#import-preview").get_text()
    assert not Enterprise.objects.filter(name="腾升香料").exists()  # only previewed
    response = client.post(reverse("investment_import:confirm"))
    assert response.status_code == 302
    enterprise = Enterprise.objects.get(name="腾升香料")
    entry = ModelLogEntry.objects.for_instance(enterprise).get()
    assert entry.action == IMPORT_ACTION and entry.user == investment.user("invest_editor")
    history = client.get(reverse(Enterprise.snippet_viewset.get_url_name("history"), args=[enterprise.pk]))
    assert "从表格“data.xlsx”新建" in text_of(history)
    # Confirming again finds nothing pending.
    response = client.post(reverse("investment_import:confirm"), follow=True)
    assert "没有待确认的导入文件" in text_of(response)


def test_errors_shown_by_row_and_column_and_cancel(investment):
    client = logged_in_client(investment.user("invest_editor"))
    response = upload(client, "enterprises", xlsx("enterprises", {**ENTERPRISE, "从业人数": -1}))
    cells = [td.get_text() for td in soup(response).select("#import-errors td")]
    assert cells == ["2", "从业人数", "不能为负数（现为 -1）"]
    assert client.post(reverse("investment_import:confirm")).status_code == 302
    assert not Enterprise.objects.filter(name="腾升香料").exists()
    upload(client, "enterprises", xlsx("enterprises", ENTERPRISE))
    client.post(reverse("investment_import:cancel"))
    client.post(reverse("investment_import:confirm"))
    assert not Enterprise.objects.filter(name="腾升香料").exists()


def test_disguised_file_refused(investment):
    client = logged_in_client(investment.user("invest_editor"))
    response = upload(client, "parks", b"MZ\x90\x00 an executable", "parks.xlsx")
    assert soup(response).select_one(".error-message") is not None
    assert not soup(response).select("#import-preview")


def test_land_bureau_cannot_import_projects_in_the_back_office(investment):
    client = logged_in_client(investment.user("guotu_editor"))
    project = {"项目名称": "新型建材生产线", "投资方": "帅丰建材", "负责部门": "招商发展分局", "计划总投资（万元）": 1}
    response = upload(client, "projects", xlsx("projects", project))
    assert "你所在的部门不能修改它" in soup(response).select_one("#import-errors").get_text()
    client.post(reverse("investment_import:confirm"))
    assert Project.objects.get().planned_investment == 16500
    # Its parks it may import.
    upload(client, "parks", xlsx("parks", {"园区名称": "桂花树工业园", "位置": "翔凤镇"}))
    client.post(reverse("investment_import:confirm"))
    assert Park.objects.get().address == "翔凤镇"


def test_only_department_staff_may_open_the_import(investment):
    from django.contrib.auth.models import Group, Permission

    from tests.factories import make_user

    readers = Group.objects.create(name="只读后台")
    readers.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = make_user("outsider", readers)
    assert logged_in_client(outsider).get(UPLOAD).status_code == 403
    assert logged_in_client(outsider).post(reverse("investment_import:confirm")).status_code == 403
    assert logged_in_client(investment.user("reviewer")).get(UPLOAD).status_code == 200


def test_listing_exports_the_filtered_records_and_their_years(investment):
    client = logged_in_client(investment.user("guotu_editor"))
    index = reverse(Enterprise.snippet_viewset.get_url_name("list"))
    page = client.get(index)
    assert "导出企业（.xlsx）" in text_of(page) and "导出企业年度数据（.xlsx）" in text_of(page)
    response = client.get(index, {"export": "xlsx", "table": "enterprise_years"})
    assert response["Content-Disposition"] == 'attachment; filename="enterprise_years.xlsx"'
    rows = list(load_workbook(BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("统一社会信用代码", "企业名称", "年份")
    assert [row[2] for row in rows[1:]] == [2014, 2015]
    empty = Park.objects.create(name="空园", department=investment.land)
    for park, rows in ((empty, 1), (investment.park, 2)):
        filtered = client.get(index, {"export": "xlsx", "table": "enterprises", "park": park.pk})
        assert len(list(load_workbook(BytesIO(filtered.content)).worksheets[0].iter_rows())) == rows
    assert client.get(index, {"export": "csv"}).status_code == 404
