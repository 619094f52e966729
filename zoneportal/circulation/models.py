"""公文流转: an official document (公文), its attachments and its recipient departments.

States: 拟稿 → 审核 → 签发 → 待分发 → 已分发 → 已归档, with 退回 from 审核 and 签发 back to 拟稿.
Only ``services.py`` changes a state; every step is an entry of Wagtail's audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zoneportal.core.models import Department, PersonReminder, StaffAttachment
from zoneportal.core.storage import private_storage


class OfficialDocument(models.Model):
    """公文: drafted by a department, reviewed, signed by a leader or the office, distributed, archived."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("通知")
        REQUEST = "request", _("请示")
        REPORT = "report", _("报告")
        LETTER = "letter", _("函")
        MINUTES = "minutes", _("纪要")
        OPINION = "opinion", _("意见")

    class Urgency(models.TextChoices):
        EXTRA_URGENT = "extra", _("特急")
        URGENT = "urgent", _("加急")
        NORMAL = "normal", _("平件")

    class State(models.TextChoices):
        DRAFT = "draft", _("拟稿")
        REVIEW = "review", _("审核")
        SIGNING = "signing", _("签发")
        SIGNED = "signed", _("待分发")
        DISTRIBUTED = "distributed", _("已分发")
        ARCHIVED = "archived", _("已归档")

    title = models.CharField(_("标题"), max_length=200)
    number = models.CharField(
        _("文号"),
        max_length=60,
        null=True,
        blank=True,
        unique=True,
        help_text=_("签发时填写，如 来开管发〔2026〕5号"),
    )
    kind = models.CharField(_("文种"), max_length=20, choices=Kind.choices, default=Kind.NOTICE)
    urgency = models.CharField(_("紧急程度"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    department = models.ForeignKey(
        Department, verbose_name=_("拟稿部门"), on_delete=models.PROTECT, related_name="official_documents"
    )
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("拟稿人"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("正文"))
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        blank=True,
        related_name="+",
        help_text=_("不指定时由拟稿部门负责人审核"),
    )
    signers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签发人"),
        blank=True,
        related_name="+",
        help_text=_("不指定时由管委会办公室签发"),
    )
    handling_days = models.PositiveSmallIntegerField(
        _("办理时限（工作日）"), default=5, help_text=_("分发后各收文部门签收、办结的期限")
    )
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    step_deadline = models.DateField(_("本环节期限"), null=True, blank=True)
    created_at = models.DateTimeField(_("拟稿时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    signed_at = models.DateTimeField(_("签发时间"), null=True, blank=True)
    archived_at = models.DateTimeField(_("归档时间"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("公文")
        verbose_name_plural = _("公文")

    def __str__(self) -> str:
        return self.title


class DocumentAttachment(StaffAttachment):
    """公文附件: stored privately, served only to people on the document's route."""

    document = models.ForeignKey(
        OfficialDocument, verbose_name=_("公文"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("文件"), storage=private_storage, upload_to="circulation/%Y/%m/")

    class Meta(StaffAttachment.Meta):
        verbose_name = _("公文附件")
        verbose_name_plural = _("公文附件")


class Distribution(models.Model):
    """分发: one recipient department of a document, its receipt (签收) and its completion (办结)."""

    document = models.ForeignKey(
        OfficialDocument, verbose_name=_("公文"), on_delete=models.CASCADE, related_name="distributions"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("收文部门"), on_delete=models.PROTECT, related_name="received_documents"
    )
    deadline = models.DateField(_("办理期限"))
    received_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签收人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办结人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_note = models.TextField(_("办结情况"), blank=True)

    class Meta:
        ordering = ["department__sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "department"], name="circulation_one_distribution_each")
        ]
        verbose_name = _("分发")
        verbose_name_plural = _("分发")

    def __str__(self) -> str:
        return f"{self.document} → {self.department}"


class StepReminder(PersonReminder):
    """办理提醒记录: one reminder of one person about one document's step on one day (never two the same day)."""

    document = models.ForeignKey(
        OfficialDocument, verbose_name=_("公文"), on_delete=models.CASCADE, related_name="reminders"
    )
    state = models.CharField(_("所处环节"), max_length=20, choices=OfficialDocument.State.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "user", "day"], name="circulation_one_reminder_per_person_day")
        ]
        verbose_name = _("办理提醒记录")
        verbose_name_plural = _("办理提醒记录")

    def __str__(self) -> str:
        return f"{self.day} {self.document} · {self.user}"
