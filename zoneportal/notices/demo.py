"""The demo's notices (网上办公 › 通知) from the committee office, some read and signed (``load_demo``).

Made through ``services`` as the office and the departments' staff would: drafted and published by the
office's head, opened and signed by some of the recipients, so each has its history and its receipts.
Deadlines are counted in working days from the day the demo is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.utils import timezone

from zoneportal.core.workdays import add_working_days

from . import services
from .models import Notice

if TYPE_CHECKING:
    from zoneportal.demo.builder import DemoBuilder

Urgency = Notice.Urgency
SENDER = "bangongshi"


@dataclass(frozen=True)
class NoticeSpec:
    """One demo notice: ``due`` in working days from the load day (None: no deadline); who read and signed it."""

    title: str
    paragraphs: tuple[str, ...]
    urgency: str
    recipients: tuple[str, ...]
    due: int | None
    read_by: tuple[str, ...] = ()
    signed_by: tuple[str, ...] = ()


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        title="关于做好节日期间安全生产工作的通知",
        paragraphs=(
            "各分局、中心：",
            "节日临近，园区企业赶工和人员流动增多。请各单位在节前组织一次安全生产检查，重点检查在建项目工地、"
            "危险化学品使用企业和人员密集场所，发现隐患当场督促整改。",
            "节日期间严格执行领导带班和值班制度，值班人员保持通讯畅通，遇有突发情况立即报告管委会办公室。",
        ),
        urgency=Urgency.MOST_URGENT,
        recipients=("zhaoshang", "caizheng", "guotu", "fuwu"),
        due=1,
        read_by=("caizheng_editor", "guotu_head"),
        signed_by=("zhaoshang_editor", "zhaoshang_head", "fuwu_head"),
    ),
    NoticeSpec(
        title="关于报送年度工作总结和下一年度工作计划的通知",
        paragraphs=(
            "各分局、中心：",
            "请各单位总结本年度工作完成情况、主要做法和存在的问题，提出下一年度工作思路和重点任务，"
            "经单位负责人审核后报送管委会办公室。",
            "材料力求简明扼要，电子版通过内网邮箱报送。",
        ),
        urgency=Urgency.URGENT,
        recipients=("zhaoshang", "caizheng", "guotu", "fuwu"),
        due=5,
        read_by=("zhaoshang_editor", "caizheng_head"),
    ),
    NoticeSpec(
        title="关于召开招商工作调度会的通知",
        paragraphs=(
            "招商发展分局、国土建设分局、招商引资服务中心：",
            "管委会定于下周一上午在管委会会议室召开招商工作调度会，听取在谈项目进展和项目用地保障情况。",
            "请各单位主要负责人参会，并提前准备在谈项目清单。",
        ),
        urgency=Urgency.NORMAL,
        recipients=("zhaoshang", "guotu", "fuwu"),
        due=None,
        signed_by=("zhaoshang_head", "guotu_head", "fuwu_head"),
    ),
)


def steps() -> int:
    """How many progress ticks :func:`build` makes."""
    return len(NOTICES)


def build(builder: DemoBuilder) -> None:
    """Publish the demo notices from the office, then open and sign them as the spec says."""
    users = get_user_model().objects.in_bulk(field_name="username")
    sender = builder.departments[SENDER]
    office_head = users[f"{SENDER}_head"]
    today = timezone.localdate()
    for spec in NOTICES:
        notice = Notice(
            title=spec.title,
            body="".join(f"<p>{text}</p>" for text in spec.paragraphs),
            sender=sender,
            urgency=spec.urgency,
            deadline=add_working_days(today, spec.due) if spec.due is not None else None,
        )
        departments = [builder.departments[slug] for slug in spec.recipients]
        services.save_draft(notice, user=office_head, departments=departments)
        notice = services.publish(notice, user=office_head)
        for username in spec.read_by:
            services.open_notice(notice, user=users[username])
        for username in spec.signed_by:
            services.open_notice(notice, user=users[username])
            services.sign(notice, user=users[username])
        builder.progress.tick()


def remove(departments) -> None:
    """Delete the notices the demo's departments sent (before the departments, which they keep)."""
    Notice.objects.filter(sender__in=departments).delete()
