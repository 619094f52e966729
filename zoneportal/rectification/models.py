"""整改台账: rectification items, their measures and evidence, and the public ledger page.

An item (整改事项) is a problem found through a letter, a questionnaire, the opinion
box, an inspection or the department's own check, with the measures taken against
it, a responsible department and person, and a deadline. Its state moves
整改中 → 已整改 (with evidence) → 已销号 (by the committee office, with a note); the
office may return an 已整改 item to 整改中 with a reason. Only
``zoneportal.rectification.services`` changes the state, and Wagtail's audit log
(``ModelLogEntry``) records every step.
"""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from zoneportal.core.models import Department, StaffAttachment
from zoneportal.core.storage import private_storage
from zoneportal.portal.models import SectionPage
from zoneportal.portal.paging import page_of


def validate_source_url(value: str) -> None:
    """A link to the source: an address on this site (``/admin/letters/12/``) or an http(s) URL."""
    if value and not re.match(r"^(/|https?://)\S+$", value):
        raise ValidationError(_("请填写以 / 开头的站内地址或以 http:// 、https:// 开头的网址。"), code="invalid")


class RectificationItem(ClusterableModel):
    """整改事项: one problem, its measures, who answers for it and by when."""

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("整改中")
        RECTIFIED = "rectified", _("已整改")
        CLOSED = "closed", _("已销号")

    class SourceKind(models.TextChoices):
        LETTER = "letter", _("来信")
        SURVEY = "survey", _("问卷调查")
        OPINION_BOX = "opinion_box", _("意见箱")
        INSPECTION = "inspection", _("督查检查")
        SELF_CHECK = "self_check", _("自查")
        OTHER = "other", _("其他")

    title = models.CharField(_("整改事项"), max_length=200)
    description = models.TextField(_("问题描述"), help_text=_("发现了什么问题。如向社会公开，请勿写入个人信息。"))
    source_kind = models.CharField(_("问题来源"), max_length=20, choices=SourceKind.choices)
    source_reference = models.CharField(
        _("来源编号或说明"), max_length=200, blank=True, help_text=_("如来信的查询编号、问卷名称；不向社会公开")
    )
    source_url = models.CharField(
        _("来源链接"),
        max_length=500,
        blank=True,
        validators=[validate_source_url],
        help_text=_("如来信或问卷在后台的地址；不向社会公开"),
    )
    department = models.ForeignKey(
        Department, verbose_name=_("责任部门"), on_delete=models.PROTECT, related_name="rectification_items"
    )
    responsible_person = models.CharField(_("责任人"), max_length=50, help_text=_("不向社会公开"))
    deadline = models.DateField(_("整改时限"))
    state = models.CharField(_("整改状态"), max_length=20, choices=State.choices, default=State.IN_PROGRESS)
    is_public = models.BooleanField(
        _("向社会公开"), default=False, help_text=_("公开后，事项、整改措施、时限和进展显示在网站“整改台账”页面")
    )
    evidence_text = models.TextField(_("整改情况说明"), blank=True)
    rectified_at = models.DateTimeField(_("整改完成时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True)
    close_note = models.TextField(_("销号意见"), blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The state and the evidence change only through the transitions (services.py), never in this form.
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("source_kind"), FieldPanel("source_reference"), FieldPanel("source_url")],
            heading=_("问题来源"),
        ),
        InlinePanel("measures", heading=_("整改措施"), label=_("整改措施"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("department"), FieldPanel("responsible_person")]),
                FieldPanel("deadline"),
            ],
            heading=_("责任与时限"),
        ),
        FieldPanel("is_public"),
    ]

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("整改事项")
        verbose_name_plural = _("整改台账")
        indexes = [models.Index(fields=["state", "deadline"], name="rectification_state_deadline")]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that withdrawing an item from the public ledger also refreshes its cached pages.
        instance._loaded_public = instance.is_public
        return instance

    @property
    def was_public(self) -> bool:
        """Whether the item was public when it was loaded from the database."""
        return getattr(self, "_loaded_public", False)

    @cached_property
    def measure_list(self) -> list[str]:
        """The measures' texts, in order."""
        return [measure.text for measure in self.measures.all()]

    def measures_text(self) -> str:
        """The measures as numbered lines (for the spreadsheet export)."""
        return "\n".join(f"{number}. {text}" for number, text in enumerate(self.measure_list, start=1))

    measures_text.short_description = _("整改措施")

    def completion_date(self) -> datetime.date | None:
        """The day the rectification was reported done (已整改), in the zone's time."""
        return timezone.localdate(self.rectified_at) if self.rectified_at else None

    completion_date.short_description = _("完成日期")

    def deadline_label(self) -> str:
        """已逾期 N 个工作日 / 临近期限 / empty (see ``deadlines.deadline_status``)."""
        from .deadlines import deadline_label

        return deadline_label(self)

    deadline_label.short_description = _("期限提醒")


class RectificationMeasure(Orderable):
    """整改措施: one measure of an item."""

    item = ParentalKey(RectificationItem, verbose_name=_("整改事项"), on_delete=models.CASCADE, related_name="measures")
    text = models.TextField(_("措施内容"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("整改措施")
        verbose_name_plural = _("整改措施")

    def __str__(self) -> str:
        return self.text


class RectificationEvidence(StaffAttachment):
    """佐证材料: a file attached when an item is reported rectified (staff only, checked by content)."""

    item = models.ForeignKey(
        RectificationItem, verbose_name=_("整改事项"), on_delete=models.CASCADE, related_name="evidence_files"
    )
    file = models.FileField(_("文件"), storage=private_storage, upload_to="rectification/%Y/%m/")

    class Meta(StaffAttachment.Meta):
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")


class LedgerPage(RoutablePageMixin, SectionPage):
    """整改台账 (public): the items marked public with their progress, filtered by state and department.

    No personal data: the responsible person, the source's reference and link, the
    evidence and the office's notes stay in the back office.
    """

    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("department")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("整改台账页")
        verbose_name_plural = _("整改台账页")

    @staticmethod
    def public_items():
        """Items marked public, with what the page shows loaded."""
        return (
            RectificationItem.objects.filter(is_public=True)
            .select_related("department")
            .prefetch_related("measures")
            .order_by("state", "deadline", "pk")
        )

    @path("")
    def index(self, request):
        """The list, filtered by ``?state=`` and ``?department=`` (unknown values are ignored)."""
        items = self.public_items()
        states = dict(RectificationItem.State.choices)
        state = request.GET.get("state", "")
        if state in states:
            items = items.filter(state=state)
        else:
            state = ""
        departments = list(
            Department.objects.filter(rectification_items__is_public=True).distinct().order_by("sort_order", "pk")
        )
        department = request.GET.get("department", "")
        if department not in {str(d.pk) for d in departments}:
            department = ""
        if department:
            items = items.filter(department_id=int(department))
        paginator = Paginator(items, self.per_page)
        page_of_items = page_of(paginator, request)
        return self.render(
            request,
            context_overrides={
                "items": page_of_items,
                "state_choices": RectificationItem.State.choices,
                "departments": departments,
                "selected_state": state,
                "selected_department": department,
                "filtered": bool(state or department),
            },
        )

    @path("<int:item_id>/")
    def item(self, request, item_id: int):
        """One public item."""
        item = self.public_items().filter(pk=item_id).first()
        if item is None:
            raise Http404(_("没有这个整改事项"))
        return self.render(
            request,
            context_overrides={"item": item},
            template="rectification/ledger_item.html",
        )
