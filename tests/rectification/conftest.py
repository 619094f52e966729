"""The ledger's fixtures: a few items of the test zone's departments, evidence files kept apart."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from zoneportal.rectification import services
from zoneportal.rectification.models import RectificationItem


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Evidence files of the tests go to a temporary folder, never into var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@dataclass
class Ledger:
    office_item: RectificationItem  # 管委会办公室, public, due in a month
    invest_item: RectificationItem  # 招商发展分局, public, overdue
    finance_item: RectificationItem  # 财政分局, internal


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def ledger(zone) -> Ledger:
    reviewer = zone.users["reviewer"]
    office_item = services.open_item(
        title="集中学习流于形式",
        description="集中学习只读文件不讨论。",
        source_kind=RectificationItem.SourceKind.SELF_CHECK,
        department=zone.departments["office"],
        user=reviewer,
        measures=["每月集中学习一次", "学后测试"],
        responsible_person="张三",
        deadline=days(30),
        is_public=True,
    )
    invest_item = services.open_item(
        title="到企业现场少",
        description="意见箱反映干部很少到园区企业。",
        source_kind=RectificationItem.SourceKind.OPINION_BOX,
        source_reference="意见箱第3号意见",
        source_url="/admin/letters/3/",
        department=zone.departments["invest"],
        user=reviewer,
        measures=["班子成员联系企业"],
        responsible_person="李四",
        deadline=days(-10),
        is_public=True,
    )
    finance_item = services.open_item(
        title="上班时间离岗",
        description="明查暗访发现有人离岗。",
        source_kind=RectificationItem.SourceKind.INSPECTION,
        department=zone.departments["finance"],
        user=reviewer,
        measures=["提醒谈话"],
        responsible_person="王五",
        deadline=days(30),
        is_public=False,
    )
    return Ledger(office_item, invest_item, finance_item)
