"""意见征集: a department puts a draft to the public, moderates the comments and reports what it adopted.

The draft is a page (:class:`ConsultationPage`) under 互动交流 › 意见征集: it is
written in the department's own column, goes through the department's
three-step review before it is published (a draft policy is published
information like any other), has revisions, and is served and cached like every
page. Its comments are records (:class:`ConsultationComment`) moderated in the
back office by the department's staff; the public sees moderated comments
without any personal data, and after closing the feedback summary (采纳情况),
a field of the page published through the same review.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from zoneportal.portal.models import RICH_TEXT_FEATURES, SectionPage

from .moderation import ModerationForm

#: Longest comment the public may send.
COMMENT_MAX_LENGTH = 2000


class ConsultationPage(RoutablePageMixin, SectionPage):
    """征求意见稿: a draft with its consultation window, the public's form, published comments and 采纳情况."""

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("尚未开始")
        OPEN = "open", _("正在征集")
        CLOSED = "closed", _("已结束")

    summary = models.TextField(_("起草说明"), max_length=1000, help_text=_("为什么起草、主要内容，几句话"))
    body = RichTextField(_("征求意见稿正文"), blank=True, features=RICH_TEXT_FEATURES)
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("征求意见稿文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("可上传 PDF 或 Word 文件；正文和文件至少填一项"),
    )
    opens_at = models.DateTimeField(_("开始时间"), help_text=_("北京时间"))
    closes_at = models.DateTimeField(_("截止时间"), help_text=_("北京时间；截止后不再接收意见"))
    feedback_summary = RichTextField(
        _("采纳情况说明"),
        blank=True,
        features=["bold", "ol", "ul", "link"],
        help_text=_("征集结束后填写并提交审核发布；各处理结果的条数由系统根据审核后的意见自动统计"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("department"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("征集时间")),
        FieldPanel("body"),
        FieldPanel("draft_document"),
        MultiFieldPanel([FieldPanel("feedback_summary")], heading=_("采纳情况（征集结束后）")),
    ]
    search_fields = SectionPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("feedback_summary"),
    ]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("意见征集")
        verbose_name_plural = _("意见征集")

    def amend_index_entry(self, entry) -> None:
        """In site search a draft is a 公告 (关于公开征求意见的公告) of its department, dated when it opens."""
        from zoneportal.search.models import DocumentType

        entry.type = DocumentType.NOTICE
        entry.date = self.opens_at
        entry.issuer = self.department.name if self.department_id else ""

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("截止时间须晚于开始时间。")
        if not self.department_id:
            errors["department"] = _("请选择负责征集和审核意见的部门。")
        if not (self.body or "").strip() and not self.draft_document_id:
            errors["body"] = _("请填写征求意见稿正文，或上传征求意见稿文件。")
        if errors:
            raise ValidationError(errors)

    def state(self, now: datetime | None = None) -> str:
        """尚未开始, 正在征集 or 已结束 at ``now`` (default: the current time)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now >= self.closes_at:
            return self.State.CLOSED
        return self.State.OPEN

    def is_open(self, now: datetime | None = None) -> bool:
        return self.state(now) == self.State.OPEN

    def published_comments(self):
        """Comments the department chose to show, oldest first (text, date, outcome, response; no personal data)."""
        return self.comments.filter(status__in=ConsultationComment.PUBLIC_STATUSES).order_by("created_at", "pk")

    def outcome_counts(self) -> dict[str, int]:
        """How many comments were received and how each moderated outcome counts, computed from the comments."""
        counts = dict(self.comments.values_list("status").annotate(n=Count("pk")).order_by())
        result = {status: counts.get(status, 0) for status in ConsultationComment.Status.values}
        result["total"] = sum(counts.values())
        return result

    def outcome_rows(self) -> list[tuple[str, int]]:
        """(label, count) of every moderated outcome, in the order of the statuses (for the summary table)."""
        counts = self.outcome_counts()
        return [
            (label, counts[value])
            for value, label in ConsultationComment.Status.choices
            if value != ConsultationComment.Status.PENDING
        ]

    def seconds_until_change(self, now: datetime | None = None) -> float | None:
        """Seconds until the window opens or closes next, or None once it has closed."""
        now = now or timezone.now()
        state = self.state(now)
        if state == self.State.UPCOMING:
            return (self.opens_at - now).total_seconds()
        if state == self.State.OPEN:
            return (self.closes_at - now).total_seconds()
        return None

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        """The draft and, while open, the comment form (a POST here sends a comment; see views.comment)."""
        from .views import show

        response = show(request, self)
        if request.method == "GET" and "submitted" not in request.GET:
            remaining = self.seconds_until_change()
            if remaining is not None and remaining < settings.PAGE_CACHE_SECONDS:
                # The cached page must not outlive the moment the form opens or closes.
                patch_cache_control(response, max_age=max(int(remaining), 0))
        else:
            add_never_cache_headers(response)
        return response


class ConsultationComment(models.Model):
    """一条意见: a member of the public's comment on a draft, and the department's decision on it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        ADOPTED = "adopted", _("已采纳")
        PARTLY = "partly", _("部分采纳")
        NOT_ADOPTED = "not_adopted", _("未采纳")
        HIDDEN = "hidden", _("不予公开")

    #: Outcomes shown on the draft's page.
    PUBLIC_STATUSES = (Status.ADOPTED, Status.PARTLY, Status.NOT_ADOPTED)

    page = models.ForeignKey(
        ConsultationPage, verbose_name=_("征求意见稿"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("姓名或单位"), max_length=50, blank=True, help_text=_("不公开"))
    contact = models.CharField(_("联系方式"), max_length=100, blank=True, help_text=_("不公开，仅供工作人员联系"))
    text = models.TextField(_("意见内容"), validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)])
    status = models.CharField(
        _("处理结果"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    response = models.TextField(_("处理说明"), blank=True, help_text=_("公开显示在意见下方，例如采纳或未采纳的理由"))
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = ModerationForm

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("created_at", read_only=True),
        MultiFieldPanel(
            [FieldPanel("name", read_only=True), FieldPanel("contact", read_only=True)],
            heading=_("提交人（不公开）"),
        ),
        FieldPanel("text", read_only=True),
        FieldPanel("status"),
        FieldPanel("response"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("征集意见")
        verbose_name_plural = _("征集意见")

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 30 else f"{text[:30]}…"

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES
