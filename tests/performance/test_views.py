"""部门绩效 in the back office: who sees what, the period filter, the .xlsx, the targets' form."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import back_office_user
from tests.utils import logged_in_client, soup
from zoneportal.performance.models import PerformanceTarget

MARCH = {"kind": "month", "day": "2025-03-18"}


def ranking(response) -> dict[str, list[str]]:
    return {
        row["data-department"]: [cell.get_text(strip=True) for cell in row.select("td, th")]
        for row in soup(response).select("#performance-ranking tbody tr")
    }


def test_the_office_sees_every_department_ranked(planted):
    response = logged_in_client(planted.zone.users["reviewer"]).get(reverse("performance_report"), MARCH)
    assert response.status_code == 200
    rows = ranking(response)
    assert set(rows) == {"office", "invest", "finance"}
    assert rows["invest"][:2] == ["1", "招商发展分局"] and rows["invest"][7] == "70.4%"
    assert "2025-03-01 至 2025-03-31" in response.content.decode()


def test_a_head_sees_only_their_department_and_others_are_refused(planted):
    zone = planted.zone
    response = logged_in_client(zone.users["invest_head"]).get(reverse("performance_report"), MARCH)
    assert set(ranking(response)) == {"invest"}
    export = logged_in_client(zone.users["invest_head"]).get(reverse("performance_export"), MARCH)
    assert {
        row[1]
        for row in load_workbook(io.BytesIO(b"".join(export.streaming_content))).active.iter_rows(
            min_row=2, values_only=True
        )
    } == {"招商发展分局"}
    for user in (zone.users["invest_editor"], back_office_user("outsider")):
        for name in ("performance_report", "performance_export", "performance_targets:index"):
            refused = logged_in_client(user).get(reverse(name))
            assert refused.status_code == 403 and "权限" in refused.content.decode()
    assert logged_in_client(zone.users["invest_head"]).get(reverse("performance_targets:index")).status_code == 403


def test_an_invalid_filter_is_said_in_chinese_and_kept(planted):
    response = logged_in_client(planted.zone.users["reviewer"]).get(
        reverse("performance_report"), {"kind": "month", "day": "2025-13-45"}
    )
    assert response.status_code == 200
    page = soup(response)
    assert "请输入正确的日期" in page.select_one(".error-message").get_text()
    assert page.select_one("#id_day")["value"] == "2025-13-45"


def test_the_xlsx_holds_the_figures(planted):
    response = logged_in_client(planted.zone.users["reviewer"]).get(reverse("performance_export"), MARCH)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("排名", "部门", "栏目")
    total = next(row for row in rows if row[1] == "招商发展分局" and row[2] == "（部门合计）")
    assert total[0] == 1 and total[3:7] == (3, 1, 0, 4) and total[8] == 70.4 and total[12] == 1
    column = next(row for row in rows if row[2] == "招商引资")
    assert column[3] == 3 and column[10] == 10 and column[11] == 2


def test_targets_are_the_offices_and_a_second_one_for_a_year_is_refused(planted):
    client = logged_in_client(planted.zone.users["reviewer"])
    data = {
        "department": planted.zone.departments["invest"].pk,
        "year": "2025",
        "items": "5",
        "items_per": "month",
        "max_days_between_updates": "",
        "max_turnaround_workdays": "",
    }
    response = client.post(reverse("performance_targets:add"), data)
    assert response.status_code == 200 and "该部门这一年度已有考核目标" in response.content.decode()
    assert soup(response).select_one("#id_items")["value"] == "5"
    assert PerformanceTarget.objects.filter(department__slug="invest").get().items == 8
    data["year"] = "2026"
    assert client.post(reverse("performance_targets:add"), data).status_code == 302
    assert PerformanceTarget.objects.filter(department__slug="invest", year=2026).exists()
