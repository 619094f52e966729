"""自查周报: the week's runs, indicators by run, the latest offenders; .xlsx, .pdf, the office's download and task."""

from __future__ import annotations

import io

from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.factories import back_office_user, shanghai
from tests.utils import logged_in_client
from zoneportal.inspection.models import InspectionRun
from zoneportal.inspection.tasks import inspection_weekly_report
from zoneportal.inspection.weekly_report import build, to_pdf, to_xlsx


def result(code: str, label: str, passed: bool, veto: bool = False, offenders=()) -> dict:
    return {
        "code": code,
        "label": label,
        "veto": veto,
        "passed": passed,
        "summary": "",
        "offenders": [{"title": title, "url": url, "detail": detail} for title, url, detail in offenders],
    }


def plant_week() -> None:
    """Monday 2 and Wednesday 4 June 2025, and one run of the week before that must be left out."""
    InspectionRun.objects.create(
        started_at=shanghai(2025, 5, 30, 6, 30), results=[result("home_updated", "旧指标", False)]
    )
    InspectionRun.objects.create(
        started_at=shanghai(2025, 6, 2, 6, 30),
        results=[
            result("home_updated", "首页更新（14 天内）", True, veto=True),
            result(
                "empty_columns", "空白栏目（少于 5 个）", False, veto=True, offenders=[("旧栏目", "http://x/old/", "")]
            ),
        ],
    )
    InspectionRun.objects.create(
        started_at=shanghai(2025, 6, 4, 6, 30),
        results=[
            result("home_updated", "首页更新（14 天内）", False, veto=True),
            result(
                "empty_columns",
                "空白栏目（少于 5 个）",
                False,
                veto=True,
                offenders=[("招商政策", "http://localhost/zszc/", "栏目无任何内容")],
            ),
        ],
    )


def test_the_week_by_indicator_and_the_latest_offenders(db):
    plant_week()
    import datetime

    report = build(datetime.date(2025, 6, 5))
    assert (report.start, report.end, len(report.runs)) == (datetime.date(2025, 6, 2), datetime.date(2025, 6, 8), 2)
    assert [(item.label, item.results, item.failures) for item in report.indicators] == [
        ("首页更新（14 天内）", [True, False], 1),
        ("空白栏目（少于 5 个）", [False, False], 2),
    ]
    assert report.offenders() == [("空白栏目（少于 5 个）", "招商政策", "http://localhost/zszc/", "栏目无任何内容")]

    rows = list(load_workbook(io.BytesIO(to_xlsx(report))).active.iter_rows(values_only=True))
    assert rows[0] == ("指标", "单项否决", "未通过次数", "06-02 06:30", "06-04 06:30")
    assert rows[1] == ("首页更新（14 天内）", "是", 1, "通过", "未通过")
    assert ("空白栏目（少于 5 个）", "招商政策", "http://localhost/zszc/", "栏目无任何内容") in [
        row[:4] for row in rows
    ]

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(to_pdf(report))).pages)
    for expected in (
        "网站自查周报",
        "首页更新（14 天内）",
        "空白栏目（少于 5 个）",
        "招商政策",
        "http://localhost/zszc/",
    ):
        assert expected in text
    assert "旧栏目" not in text and "旧指标" not in text


def test_downloads_are_the_offices(zone):
    plant_week()
    office = logged_in_client(zone.users["reviewer"])
    xlsx = office.get(reverse("inspection_weekly_report", args=["xlsx"]), {"week": "2025-06-03"})
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"].startswith("attachment")
    assert load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active["D1"].value == "06-02 06:30"
    pdf = office.get(reverse("inspection_weekly_report", args=["pdf"]), {"week": "2025-06-03"})
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert office.get(reverse("inspection_weekly_report", args=["doc"])).status_code == 404
    assert 'href="/admin/inspection/weekly.pdf"' in office.get(reverse("inspection_runs")).content.decode()
    for user in (zone.users["invest_head"], back_office_user("outsider")):
        refused = logged_in_client(user).get(reverse("inspection_weekly_report", args=["pdf"]))
        assert refused.status_code == 403 and "权限" in refused.content.decode()


def test_the_weekly_task_mails_the_office_the_links(zone):
    plant_week()
    mail.outbox.clear()
    outcome = inspection_weekly_report.call("2025-06-05")
    assert outcome["runs"] == 2 and outcome["sent"] >= 1
    message = next(message for message in mail.outbox if message.to == [zone.users["reviewer"].email])
    assert message.subject == "网站自查周报（2025-06-02 至 2025-06-08）"
    assert "首页更新（14 天内）、空白栏目（少于 5 个）" in message.body
    assert "/admin/inspection/weekly.pdf?week=2025-06-02" in message.body
    assert zone.users["invest_editor"].email not in {address for message in mail.outbox for address in message.to}
