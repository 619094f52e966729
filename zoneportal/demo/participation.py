"""The demo's 互动交流 additions: the 便民问答 page with its entries, 意见征集 with two drafts.

Called by :class:`zoneportal.demo.builder.DemoBuilder` inside the demo's one
transaction, so a second ``load_demo`` finds the demo present and adds nothing.
"""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from zoneportal.consultations.models import ConsultationComment, ConsultationPage
from zoneportal.core.models import Department
from zoneportal.core.ownership import assign_column
from zoneportal.faq.models import FaqEntry, FaqIndexPage, FaqTopic
from zoneportal.portal.models import ColumnPage

from .content.participation import (
    CONSULTATION_COLUMN,
    CONSULTATIONS,
    FAQ_ENTRIES,
    FAQ_PAGE,
    FAQ_TOPICS,
    ConsultationSpec,
)

if TYPE_CHECKING:
    from .builder import DemoBuilder

#: Drafts open at 9:00 and close at 17:30, Beijing time.
OPENING_TIME, CLOSING_TIME = time(9, 0), time(17, 30)


def steps() -> int:
    """How many progress ticks :func:`build` makes."""
    return len(FAQ_ENTRIES) + len(CONSULTATIONS) + 2


def build(builder: DemoBuilder) -> None:
    """Create the FAQ page, topics and entries, the 意见征集 column and its drafts with their comments."""
    interaction = builder.pages["interaction"]
    title, slug, department_slug, intro = FAQ_PAGE
    department = builder.departments[department_slug]
    faq_page = FaqIndexPage(
        title=title, slug=slug, department=department, intro=f"<p>{html.escape(intro)}</p>", show_in_menus=True
    )
    builder.create_page(interaction, faq_page, "faq-list", department)
    builder.publish(faq_page, department)
    topics = {
        slug: FaqTopic.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})[0]
        for order, (slug, name) in enumerate(FAQ_TOPICS, start=1)
    }
    builder.progress.tick()
    for order, spec in enumerate(FAQ_ENTRIES, start=1):
        FaqEntry.objects.create(
            department=builder.departments[spec.department],
            topic=topics[spec.topic],
            question=spec.question,
            answer=spec.answer,
            published=True,
            sort_order=order,
            created_by=builder.editors.get(spec.department),
        )
        builder.progress.tick()

    title, slug, department_slug, intro = CONSULTATION_COLUMN
    department = builder.departments[department_slug]
    column = ColumnPage(
        title=title,
        slug=slug,
        department=department,
        intro=f"<p>{html.escape(intro)}</p>",
        column_type=ColumnPage.ColumnType.INTERACTION,
        content_kind=ColumnPage.ContentKind.NOTICE,
        keywords=title,
        show_in_menus=True,
    )
    builder.create_page(interaction, column, "consultations", department)
    builder.publish(column, department)
    assign_column(department, column)
    builder.progress.tick()
    today = timezone.localdate()
    for spec in CONSULTATIONS:
        consultation(builder, column, spec, today)
        builder.progress.tick()


def _at(day, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def consultation(builder: DemoBuilder, column: ColumnPage, spec: ConsultationSpec, today) -> ConsultationPage:
    """One draft, published through the department's editor and the office, with its (generated) comments."""
    department: Department = builder.departments[spec.department]
    page = ConsultationPage(
        title=spec.title,
        slug=spec.slug,
        department=department,
        summary=spec.summary,
        body="".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in spec.body),
        opens_at=_at(today + timedelta(days=spec.opens_in_days), OPENING_TIME),
        closes_at=_at(today + timedelta(days=spec.closes_in_days), CLOSING_TIME),
        feedback_summary="".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in spec.feedback_summary),
        keywords="意见征集,征求意见稿",
    )
    builder.create_page(column, page, f"consultation-{spec.key}", department)
    builder.publish(page, department)
    head = department.heads_group.user_set.first() if department.heads_group else None
    for index, comment in enumerate(spec.comments):
        moderated = comment.status != ConsultationComment.Status.PENDING
        created = ConsultationComment.objects.create(
            page=page,
            text=comment.text,
            status=comment.status,
            response=comment.response,
            name=f"演示用户{index + 1}",
            moderated_by=head if moderated else None,
            moderated_at=page.closes_at if moderated else None,
        )
        # Sent while the draft was open (auto_now_add set "now").
        ConsultationComment.objects.filter(pk=created.pk).update(
            created_at=page.opens_at + timedelta(days=index + 1, hours=index)
        )
    return page


def remove() -> None:
    """What ``remove_demo`` must delete before the departments: the FAQ entries (they protect their department)."""
    FaqEntry.objects.filter(department__slug__in={spec.department for spec in FAQ_ENTRIES}).delete()
    FaqTopic.objects.filter(slug__in=[slug for slug, _name in FAQ_TOPICS]).delete()


def texts():
    """Every text of this part of the demo, as (where, text), for the figure check."""
    yield FAQ_PAGE[0], f"{FAQ_PAGE[0]} {FAQ_PAGE[3]}"
    yield CONSULTATION_COLUMN[0], f"{CONSULTATION_COLUMN[0]} {CONSULTATION_COLUMN[3]}"
    for spec in FAQ_ENTRIES:
        yield spec.question, f"{spec.question} {spec.answer}"
    for spec in CONSULTATIONS:
        parts = [spec.title, spec.summary, *spec.body, *spec.feedback_summary]
        parts += [f"{comment.text} {comment.response}" for comment in spec.comments]
        yield spec.title, " ".join(parts)
