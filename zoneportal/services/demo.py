"""The demo's 办事指南 (``load_demo``): the page under 办事服务, topics, the items with their forms, journeys.

The content is in ``zoneportal/demo/content/services.py``. Each item's application
form is generated twice: a blank Word form (.docx) and a filled sample (.pdf,
drawn like the demo's other PDFs), stored where the public downloads them
through the item's page. Items obey the same rules as the back office's form
(``rules.py``): a content error stops the loader instead of showing nonsense.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction

from zoneportal.core.models import Leader
from zoneportal.demo import documents
from zoneportal.demo.content import services as content

from . import rules
from .models import (
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

if TYPE_CHECKING:
    from zoneportal.demo.builder import DemoBuilder


def steps() -> int:
    """How many progress ticks :func:`build` makes."""
    return 1 + len(content.ITEMS) + len(content.JOURNEYS)


def check(spec: content.ItemSpec) -> None:
    """Refuse an item the back office would refuse (time limits, fees)."""
    standard, basis = spec.fee or ("", "")
    errors = rules.time_limit_errors(spec.statutory_days, spec.promised_days, [days for *_rest, days in spec.steps])
    errors |= rules.fee_errors(spec.fee is not None, standard, basis)
    if errors:
        raise ValueError(f"演示办事事项“{spec.name}”：{'；'.join(errors.values())}")


def form_files(spec: content.ItemSpec, department_name: str) -> tuple[bytes, bytes]:
    """The application form of ``spec``: blank as .docx, filled in as a .pdf sample."""
    fields = (*content.APPLICANT_FIELDS, *spec.form_fields)
    title = spec.materials[0].name
    blank = documents.docx(
        title,
        [*((name, "") for name in fields), ("申请事项", spec.name)],
        [f"受理部门：{department_name}", "申请人（签章）：　　　　　　　　　　年　　月　　日"],
    )
    sample = documents.pdf(
        f"{title}（填写样表）",
        [
            ("h", "填写样表"),
            *(("p", f"{name}：{content.SAMPLE_VALUES.get(name, content.SAMPLE_FILLER)}") for name in fields),
            ("p", f"申请事项：{spec.name}"),
            ("p", "说明：本样表为演示文件，请按实际情况如实填写；空白表格可在办事指南页面下载。"),
        ],
    )
    return blank, sample


def build(builder: DemoBuilder) -> None:
    """Create the 办事指南 page, its topics, items and journeys."""
    department = builder.departments["fuwu"]
    page = ServiceIndexPage(
        title=content.PAGE_TITLE,
        slug=content.PAGE_SLUG,
        department=department,
        intro=f"<p>{html.escape(content.PAGE_INTRO)}</p>",
        keywords="办事指南,一件事一次办,表格下载",
        show_in_menus=True,
    )
    builder.create_page(builder.pages["service"], page, content.PAGE_KEY, department)
    builder.publish(page, department)
    topics = {}
    for kind, specs in ((ServiceTopic.Kind.TOPIC, content.TOPICS), (ServiceTopic.Kind.LIFE_EVENT, content.LIFE_EVENTS)):
        for order, (slug, name) in enumerate(specs, start=1):
            topics[slug] = ServiceTopic.objects.create(slug=slug, name=name, kind=kind, sort_order=order * 10)
    builder.progress.tick()

    items: dict[str, ServiceItem] = {}
    for order, spec in enumerate(content.ITEMS, start=1):
        items[spec.key] = create_item(builder, spec, topics, order)
        builder.progress.tick()
    for order, spec in enumerate(content.JOURNEYS, start=1):
        create_journey(builder, spec, items, order)
        builder.progress.tick()


def create_item(builder: DemoBuilder, spec: content.ItemSpec, topics: dict, order: int) -> ServiceItem:
    """One item with its materials (the first with its blank form and sample), steps and questions."""
    check(spec)
    department = builder.departments[spec.department]
    standard, basis = spec.fee or ("", "")
    item = ServiceItem(
        name=spec.name,
        department=department,
        kind=spec.kind,
        summary=spec.summary,
        legal_basis=spec.legal_basis,
        conditions="\n".join(spec.conditions),
        statutory_days=spec.statutory_days,
        promised_days=spec.promised_days,
        charges_fee=spec.fee is not None,
        fee_standard=standard,
        fee_basis=basis,
        place=spec.place,
        online_url=spec.online_url,
        approver=Leader.objects.filter(department=department).order_by("sort_order").first(),
        published=True,
        sort_order=order * 10,
    )
    item.topics = [topics[slug] for slug in spec.topics]
    item.life_events = [topics[slug] for slug in spec.events]
    blank, sample = form_files(spec, department.name)
    materials = [
        Material(name=m.name, form=m.form, copies=m.copies, required=m.required, note=m.note) for m in spec.materials
    ]
    materials[0].blank_form = ContentFile(blank, name=f"{spec.key}.docx")
    materials[0].sample = ContentFile(sample, name=f"{spec.key}-yangbiao.pdf")
    item.materials = materials
    item.steps = [Step(name=name, handler=handler, days=days) for name, handler, days in spec.steps]
    item.faqs = [ServiceFaq(question=question, answer=answer) for question, answer in spec.faqs]
    item.save()
    first = item.materials.first()
    builder.written_files += [
        (first.blank_form.storage, first.blank_form.name),
        (first.sample.storage, first.sample.name),
    ]
    return item


def create_journey(builder: DemoBuilder, spec: content.JourneySpec, items: dict, order: int) -> Journey:
    """One journey: its items in order and its questions."""
    listed = {key for key, _note in spec.stages}
    journey = Journey(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        department=builder.departments[spec.department],
        published=True,
        sort_order=order * 10,
    )
    journey.stages = [JourneyStage(item=items[key], note=note) for key, note in spec.stages]
    questions = []
    for question in spec.questions:
        if not set(question.yes_items + question.no_items) <= listed:
            raise ValueError(f"演示“{spec.title}”的问题“{question.text}”选了办理顺序以外的事项")
        made = JourneyQuestion(text=question.text, help_text=question.help_text)
        made.yes_items = [items[key] for key in question.yes_items]
        made.no_items = [items[key] for key in question.no_items]
        questions.append(made)
    journey.questions = questions
    journey.save()
    return journey


def remove(departments) -> None:
    """Delete the demo's journeys, items (with their files) and topics; the page goes with the page tree."""
    Journey.objects.filter(department__in=departments).delete()
    files = [
        (stored.storage, stored.name)
        for material in Material.objects.filter(item__department__in=departments)
        for stored in (material.blank_form, material.sample)
        if stored
    ]
    ServiceItem.objects.filter(department__in=departments).delete()
    # The files go once the removal is committed: a reset that fails keeps the old demo whole.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    slugs = [slug for slug, _name in (*content.TOPICS, *content.LIFE_EVENTS)]
    ServiceTopic.objects.filter(slug__in=slugs).delete()
