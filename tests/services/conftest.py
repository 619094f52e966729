"""The test zone plus 办事服务 › 办事指南 with items of two departments, topics, a journey and form files."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from tests.factories import Zone, add_page
from zoneportal.core.ownership import assign_column
from zoneportal.portal.models import ColumnPage
from zoneportal.services.models import (
    Journey,
    JourneyQuestion,
    JourneyStage,
    Material,
    ServiceFaq,
    ServiceIndexPage,
    ServiceItem,
    ServiceTopic,
    Step,
)

DOCX_BYTES = b"PK\x03\x04" + b"\x00" * 200  # what the upload check looks at: a ZIP signature
PDF_BYTES = b"%PDF-1.4\n%demo\n" + b"0" * 200


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Form files of the tests go to a temporary folder, never into var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@dataclass
class ServicesZone:
    zone: Zone
    page: ServiceIndexPage
    startup: ServiceTopic  # topic 企业开办
    founding: ServiceTopic  # life event 企业设立
    filing: ServiceItem  # 招商发展分局, published, with a blank form and a sample
    land: ServiceItem  # 财政分局 (for the test), published, charges a fee
    draft: ServiceItem  # 招商发展分局, not published
    material: Material  # filing's first material, with both files
    journey: Journey  # filing then land; one question rules land out when answered 否
    question: JourneyQuestion


def make_item(department, name: str, *, published: bool = True, steps=((("受理", "综合窗口", 1)),), **fields):
    """An item with its steps (name, handler, days) and one material without files."""
    fields.setdefault("legal_basis", "《企业投资项目核准和备案管理条例》")
    fields.setdefault("conditions", "在开发区内投资的企业\n项目符合产业政策")
    fields.setdefault("statutory_days", 20)
    fields.setdefault("promised_days", 5)
    item = ServiceItem(department=department, name=name, published=published, **fields)
    item.steps = [Step(name=step, handler=handler, days=days) for step, handler, days in steps]
    item.materials = [Material(name=f"{name}申请表", form=Material.Form.ORIGINAL, copies=1)]
    item.save()
    return item


@pytest.fixture
def services(zone: Zone) -> ServicesZone:
    office, invest, finance = (zone.departments[key] for key in ("office", "invest", "finance"))
    column = add_page(
        zone.home,
        ColumnPage(title="办事服务", slug="banshi", department=office, column_type=ColumnPage.ColumnType.SERVICE),
    )
    assign_column(office, column)
    page = add_page(column, ServiceIndexPage(title="办事指南", slug="zhinan", department=office))
    startup = ServiceTopic.objects.create(name="企业开办", slug="kaiban", kind=ServiceTopic.Kind.TOPIC)
    founding = ServiceTopic.objects.create(name="企业设立", slug="sheli", kind=ServiceTopic.Kind.LIFE_EVENT)
    filing = make_item(
        invest,
        "企业投资项目备案",
        kind=ServiceItem.Kind.FILING,
        summary="在开发区内投资建设的企业投资项目，开工前办理备案。",
        steps=(("受理", "综合窗口", 0), ("审核", "招商发展分局", 2), ("办结", "综合窗口", 1)),
    )
    filing.topics.add(startup)
    filing.life_events.add(founding)
    filing.save()  # parental many-to-many relations are written when the item is saved
    material = filing.materials.first()
    material.blank_form.save("beian.docx", ContentFile(DOCX_BYTES), save=False)
    material.sample.save("beian-yangbiao.pdf", ContentFile(PDF_BYTES), save=False)
    material.save()
    ServiceFaq.objects.create(item=filing, question="备案要多久？", answer="材料齐全的，三个工作日内办结。")
    land = make_item(
        finance,
        "土地出让金缴纳",
        kind=ServiceItem.Kind.OTHER,
        charges_fee=True,
        fee_standard="按出让合同约定的金额缴纳",
        fee_basis="《中华人民共和国城镇国有土地使用权出让和转让暂行条例》",
    )
    draft = make_item(invest, "尚未公开的事项", published=False)
    journey = Journey.objects.create(
        title="项目落地“一件事”", slug="xiangmu", summary="从备案到缴纳出让金。", department=invest, published=True
    )
    JourneyStage.objects.create(journey=journey, item=filing, sort_order=0, note="先办理备案")
    JourneyStage.objects.create(journey=journey, item=land, sort_order=1)
    question = JourneyQuestion.objects.create(journey=journey, text="项目是否需要新征用地？")
    question.yes_items.add(land)
    question.save()
    return ServicesZone(zone, page, startup, founding, filing, land, draft, material, journey, question)
