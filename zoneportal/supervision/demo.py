"""The demo's 督办事项 (``load_demo``): the director's written instruction on a zone project, with a progress report.

The letters' demo supervision order (``letters.oversight.issue_demo_order``) is a 督办事项 too, so the
shared list shows both kinds. Made through ``services`` as staff would, so each step is in the history.
"""

from __future__ import annotations

from django.utils import timezone

from zoneportal.core.models import Leader
from zoneportal.investment.models import Project

from . import services
from .models import SupervisionItem

#: The departments of the demo (``demo/content``): 招商 leads, 国土 helps.
LEAD_DEPARTMENT = "zhaoshang"
HELPING_DEPARTMENT = "guotu"
INSTRUCTION = (
    "该项目是园区今年的重点项目，请招商分局牵头、国土分局配合，协调解决用地报批和厂房建设中的问题，"
    "倒排工期，按月报告进展。"
)
REQUIREMENTS = "每月 25 日前反馈项目用地报批和建设进展；遇到需管委会协调的问题及时报告。"
PROGRESS = "已与企业对接，用地预审材料已报国土分局，厂房设计方案正在修改。"
#: A meeting decision due on the next working day: the office's and 招商's dashboards flag it (督办事项提醒).
MEETING_TITLE = "落实管委会主任办公会议定：入园企业用电报装协调"
MEETING_REFERENCE = "管委会主任办公会议纪要（演示）"
MEETING_REQUIREMENTS = "会同供电部门梳理入园企业用电报装清单，明确完成时限，办结后书面报告管委会办公室。"


def steps() -> int:
    return 1


def build(builder) -> None:
    """The director's instruction on the first demo project with the lead department's first report, and a
    meeting decision due on the next working day."""
    leader = Leader.objects.order_by("sort_order", "pk").first()
    project = Project.objects.order_by("pk").first()
    lead = builder.departments[LEAD_DEPARTMENT]
    if leader is None or project is None:
        builder.progress.tick()
        return
    item = services.assign(
        user=builder.reviewer,
        title=f"{project.name}建设推进",
        source=SupervisionItem.Source.INSTRUCTION,
        leader=leader,
        instruction=INSTRUCTION,
        instructed_on=timezone.localdate(),
        lead_department=lead,
        departments=[builder.departments[HELPING_DEPARTMENT]],
        requirements=REQUIREMENTS,
        working_days=10,
    )
    services.report_progress(item, lead.heads_group.user_set.order_by("pk").first(), text=PROGRESS, percent=20)
    services.assign(
        user=builder.reviewer,
        title=MEETING_TITLE,
        source=SupervisionItem.Source.MEETING,
        source_reference=MEETING_REFERENCE,
        lead_department=lead,
        requirements=MEETING_REQUIREMENTS,
        working_days=1,
    )
    builder.progress.tick()


def remove(departments) -> None:
    """Delete the demo's items (they keep, PROTECT, their lead departments)."""
    SupervisionItem.objects.filter(lead_department__in=departments).delete()
