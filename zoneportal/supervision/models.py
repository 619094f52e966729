"""督办事项 (supervision items): one model for every kind of supervision, one lifecycle.

A leader's written instruction (领导批示), a letter's supervision order (来信督办), a meeting's decision
(会议议定) or anything else the office follows up: assigned to one or more departments (one of them leads),
with requirements and a deadline; the departments report progress (:class:`ProgressReport`) until the
office closes the item with a conclusion (已办结) or withdraws it (已撤销). Every step is in Wagtail's log.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.models import Department, Leader
from zoneportal.core.storage import private_storage
from zoneportal.core.workdays import working_days_left


class SupervisionItem(models.Model):
    """督办事项: what the office follows up, for whom, by when."""

    class Source(models.TextChoices):
        INSTRUCTION = "instruction", _("领导批示")
        LETTER = "letter", _("来信督办")
        MEETING = "meeting", _("会议议定")
        OTHER = "other", _("其他")

    class State(models.TextChoices):
        OPEN = "open", _("督办中")
        DONE = "done", _("已办结")
        CANCELLED = "cancelled", _("已撤销")

    title = models.CharField(_("督办事项"), max_length=200)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    leader = models.ForeignKey(
        Leader,
        verbose_name=_("批示领导"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervision_items",
    )
    instruction = models.TextField(_("批示内容"), blank=True)
    instructed_on = models.DateField(_("批示日期"), null=True, blank=True)
    letter = models.ForeignKey(
        "letters.Letter",
        verbose_name=_("来信"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supervision_items",
    )
    source_reference = models.CharField(_("来源说明"), max_length=200, blank=True, help_text=_("会议名称、纪要文号等"))
    lead_department = models.ForeignKey(
        Department, verbose_name=_("牵头部门"), on_delete=models.PROTECT, related_name="led_supervision_items"
    )
    departments = models.ManyToManyField(Department, verbose_name=_("承办部门"), related_name="supervision_items")
    requirements = models.TextField(_("督办要求"))
    due_on = models.DateField(_("督办期限"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("督办人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("督办时间"), default=timezone.now)
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.OPEN)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办结人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("办结（撤销）时间"), null=True, blank=True)
    conclusion = models.TextField(_("办结意见"), blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["state", "due_on"])]
        verbose_name = _("督办事项")
        verbose_name_plural = _("督办事项")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def latest_report(self) -> ProgressReport | None:
        """The last progress report (the lists prefetch ``reports``, so this asks nothing more)."""
        reports = list(self.reports.all())
        return reports[-1] if reports else None

    def working_days_left(self, today: datetime.date | None = None) -> int:
        """Working days until the deadline; negative when it has passed."""
        return working_days_left(self.due_on, today)


class ProgressReport(models.Model):
    """进展反馈: what an assigned department has done, with an optional file."""

    item = models.ForeignKey(
        SupervisionItem, verbose_name=_("督办事项"), on_delete=models.CASCADE, related_name="reports"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("反馈部门"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("办理进展"))
    percent = models.PositiveSmallIntegerField(
        _("完成进度（%）"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    attachment = models.FileField(
        _("附件"), storage=private_storage, upload_to="supervision/%Y/%m/", blank=True, max_length=255
    )
    attachment_name = models.CharField(_("附件名称"), max_length=255, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("反馈人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(_("反馈时间"), default=timezone.now)

    class Meta:
        ordering = ["reported_at", "id"]
        verbose_name = _("进展反馈")
        verbose_name_plural = _("进展反馈")

    def __str__(self) -> str:
        return f"{self.item.title}（{self.reported_at:%Y-%m-%d}）"


class SupervisionNotice(models.Model):
    """One reminder of the daily check: at most one per item per day (the unique constraint)."""

    day = models.DateField(_("日期"))
    item = models.ForeignKey(SupervisionItem, on_delete=models.CASCADE, related_name="+")
    flag = models.CharField(_("提醒类型"), max_length=20)
    sent_at = models.DateTimeField(_("发送时间"), default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "item"], name="supervision_notice_once_per_day")]
        verbose_name = _("督办提醒记录")
        verbose_name_plural = _("督办提醒记录")
