"""自查周报: a week's self-inspection runs, each indicator's results over the week, the latest run's offenders.

As .xlsx (``core.tabular.write_xlsx``) and .pdf (ReportLab, text in the Adobe CJK font the policy
PDFs use), downloadable from 自查结果 and sent to the office each week by :func:`send_weekly_report`.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.notifications import admin_address, notify
from zoneportal.core.ownership import office_condition
from zoneportal.core.tabular import write_xlsx

from .models import InspectionRun


@dataclass
class IndicatorWeek:
    """One indicator over the week: its result in each run (``None`` when a run did not check it)."""

    code: str
    label: str
    veto: bool
    results: list[bool | None] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return sum(result is False for result in self.results)


@dataclass
class WeeklyReport:
    """The week from Monday ``start`` to Sunday ``end``."""

    start: datetime.date
    end: datetime.date
    runs: list[InspectionRun]
    indicators: list[IndicatorWeek]

    @property
    def latest(self) -> InspectionRun | None:
        return self.runs[-1] if self.runs else None

    def offenders(self) -> list[tuple[str, str, str, str]]:
        """``(indicator, title, url, detail)`` of every offender of the latest run."""
        if self.latest is None:
            return []
        return [
            (result["label"], offender["title"], offender["url"], offender.get("detail", ""))
            for result in self.latest.results
            for offender in result.get("offenders", [])
        ]


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of ``day``'s week."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def build(day: datetime.date) -> WeeklyReport:
    """The report of the week that ``day`` is in (one query)."""
    start, end = week_of(day)
    zone = timezone.get_current_timezone()
    runs = list(
        InspectionRun.objects.filter(
            started_at__gte=datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
            started_at__lt=datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone),
        ).order_by("started_at", "pk")
    )
    indicators: dict[str, IndicatorWeek] = {}
    for number, run in enumerate(runs):
        for result in run.results:
            indicator = indicators.setdefault(
                result["code"], IndicatorWeek(result["code"], result["label"], result["veto"], [None] * len(runs))
            )
            indicator.results[number] = result["passed"]
    return WeeklyReport(start, end, runs, list(indicators.values()))


def _title(report: WeeklyReport) -> str:
    return _("网站自查周报（%(start)s 至 %(end)s）") % {"start": report.start, "end": report.end}


def _run_label(run: InspectionRun) -> str:
    return timezone.localtime(run.started_at).strftime("%m-%d %H:%M")


def _mark(result: bool | None) -> str:
    return "—" if result is None else (_("通过") if result else _("未通过"))


def _indicator_rows(report: WeeklyReport) -> tuple[list[str], list[list]]:
    header = [_("指标"), _("单项否决"), _("未通过次数"), *(_run_label(run) for run in report.runs)]
    rows = [
        [indicator.label, _("是") if indicator.veto else _("否"), indicator.failures, *map(_mark, indicator.results)]
        for indicator in report.indicators
    ]
    return header, rows


def to_xlsx(report: WeeklyReport) -> bytes:
    """One sheet: the indicators by run, then (after an empty row) the latest run's offending pages."""
    header, rows = _indicator_rows(report)
    rows.append([])
    rows.append([_("最近一次自查的问题页面"), _("标题"), _("网址"), _("说明")])
    rows += [list(offender) for offender in report.offenders()]
    output = io.BytesIO()
    write_xlsx(header, rows, output, title=_("自查周报"))
    return output.getvalue()


def to_pdf(report: WeeklyReport) -> bytes:
    """The same as a text PDF in A4 landscape."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from zoneportal.policies.pdf import FONT

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=12, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=cell, fontSize=13, leading=20, spaceBefore=6)
    title = ParagraphStyle("title", parent=cell, fontSize=17, leading=26, alignment=1)
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )

    def table(rows: list[list]) -> Table:
        cells = [[Paragraph(escape(str(value)), cell) for value in row] for row in rows]
        result = Table(cells, repeatRows=1, hAlign="LEFT")
        result.setStyle(grid)
        return result

    story: list = [Paragraph(escape(_title(report)), title), Spacer(1, 4 * mm)]
    if not report.runs:
        story.append(Paragraph(escape(_("本周没有自查记录。")), cell))
    else:
        header, rows = _indicator_rows(report)
        story += [Paragraph(escape(_("各项指标")), heading), table([header, *rows])]
        offenders = report.offenders()
        label = _("最近一次自查（%(when)s）的问题页面") % {"when": _run_label(report.latest)}
        story += [Spacer(1, 4 * mm), Paragraph(escape(label), heading)]
        if offenders:
            story.append(table([[_("指标"), _("标题"), _("网址"), _("说明")], *map(list, offenders)]))
        else:
            story.append(Paragraph(escape(_("没有问题页面。")), cell))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), title=_title(report), leftMargin=15 * mm, rightMargin=15 * mm
    )
    document.build(story)
    return buffer.getvalue()


def download_url(fmt: str, start: datetime.date) -> str:
    """The absolute address of the week's report in ``fmt`` (``xlsx`` or ``pdf``) in the back office."""
    path = reverse("inspection_weekly_report", args=[fmt])
    return admin_address(f"{path}?week={start.isoformat()}")


def send_weekly_report(day: datetime.date) -> dict:
    """Tell every member of the office (by e-mail) the week's verdict, with the two downloads linked.

    The report is built first so a broken report fails the task instead of sending dead links.
    """
    report = build(day)
    to_xlsx(report), to_pdf(report)
    failing = [indicator.label for indicator in report.indicators if indicator.failures]
    lines = [
        _("本周自查 %(count)d 次。") % {"count": len(report.runs)},
        _("未通过过的指标：%(names)s") % {"names": "、".join(failing)} if failing else _("各项指标均通过。"),
        _("Excel：%(url)s") % {"url": download_url("xlsx", report.start)},
        _("PDF：%(url)s") % {"url": download_url("pdf", report.start)},
    ]
    users = get_user_model().objects.filter(office_condition(superusers=False), is_active=True).exclude(email="")
    emails = sorted(set(users.values_list("email", flat=True)))
    for email in emails:
        notify(subject=_title(report), body="\n".join(lines), email=email)
    return {"week": report.start.isoformat(), "runs": len(report.runs), "sent": len(emails)}
