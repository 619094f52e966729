"""The test zone plus 互动交流 › 便民问答 with topics and entries of two departments."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.factories import Zone, add_page
from zoneportal.core.ownership import assign_column
from zoneportal.faq.models import FaqEntry, FaqIndexPage, FaqTopic
from zoneportal.portal.models import ColumnPage


@dataclass
class FaqZone:
    zone: Zone
    page: FaqIndexPage
    land: FaqTopic
    registration: FaqTopic
    invest_entry: FaqEntry
    finance_entry: FaqEntry
    draft_entry: FaqEntry


@pytest.fixture
def faq(zone: Zone) -> FaqZone:
    office, invest, finance = (zone.departments[key] for key in ("office", "invest", "finance"))
    interaction = add_page(
        zone.home,
        ColumnPage(title="互动交流", slug="hudong", department=office, column_type=ColumnPage.ColumnType.INTERACTION),
    )
    assign_column(office, interaction)
    page = add_page(interaction, FaqIndexPage(title="便民问答", slug="wenda", department=office))
    land = FaqTopic.objects.create(name="土地与规划", slug="land", sort_order=1)
    registration = FaqTopic.objects.create(name="企业登记", slug="registration", sort_order=2)
    invest_entry = FaqEntry.objects.create(
        department=invest,
        topic=registration,
        question="新办企业在哪里领取营业执照？",
        answer="在开发区政务服务大厅的企业登记窗口办理。\n\n材料齐全的当场受理。",
        published=True,
        sort_order=1,
    )
    finance_entry = FaqEntry.objects.create(
        department=finance,
        topic=land,
        question="征地补偿款什么时候发放？",
        answer="补偿方案公告后，由财政分局按程序拨付到户。",
        published=True,
        sort_order=2,
    )
    draft_entry = FaqEntry.objects.create(
        department=invest, topic=land, question="尚未公开的问题", answer="尚未公开的答复", published=False
    )
    return FaqZone(zone, page, land, registration, invest_entry, finance_entry, draft_entry)
