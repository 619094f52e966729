"""通知: a notice from the office or a department to departments and parks, its attachments and read receipts.

A notice is a 草稿 while its sender edits it; once 已发布 it never changes again, except that it may be
撤回 with a reason. Each recipient person's receipt records when they first opened it (已读) and when
they confirmed it (已签收). Every step is in Wagtail's log (``services.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from zoneportal.core.models import Department, PersonReminder
from zoneportal.core.storage import private_storage

#: What the body of a notice may contain (Wagtail's rich-text features: everything else is stripped).
BODY_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class Notice(models.Model):
    """通知: title, body, attachments, sender, urgency, an optional deadline and the recipient departments."""

    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        WITHDRAWN = "withdrawn", _("已撤回")

    class Urgency(models.TextChoices):
        MOST_URGENT = "most_urgent", _("特急")
        URGENT = "urgent", _("急")
        NORMAL = "normal", _("普通")

    title = models.CharField(_("标题"), max_length=200)
    body = RichTextField(_("正文"), features=BODY_FEATURES)
    sender = models.ForeignKey(
        Department, verbose_name=_("发文单位"), on_delete=models.PROTECT, related_name="sent_notices"
    )
    urgency = models.CharField(_("紧急程度"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    deadline = models.DateField(_("签收期限"), null=True, blank=True, help_text=_("须在此日期前签收（可不填）"))
    departments = models.ManyToManyField(
        Department, verbose_name=_("接收单位"), related_name="received_notices", blank=True
    )
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("起草人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("起草时间"), auto_now_add=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdraw_reason = models.TextField(_("撤回理由"), blank=True)

    class Meta:
        # Drafts (not published yet) first on every database: PostgreSQL and SQLite put NULLs apart otherwise.
        ordering = [models.F("published_at").desc(nulls_first=True), "-created_at", "-pk"]
        verbose_name = _("通知")
        verbose_name_plural = _("通知")

    def __str__(self) -> str:
        return self.title


class NoticeAttachment(models.Model):
    """通知附件: a file checked by its content, kept where no URL leads (served to the notice's readers only)."""

    notice = models.ForeignKey(Notice, verbose_name=_("通知"), on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), storage=private_storage, upload_to="notices/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=255)
    size = models.PositiveBigIntegerField(_("大小（字节）"), default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("通知附件")
        verbose_name_plural = _("通知附件")

    def __str__(self) -> str:
        return self.original_name


class NoticeReceipt(models.Model):
    """回执: one recipient person's 已读 (first opened) and 已签收 (confirmed) times for one notice."""

    notice = models.ForeignKey(Notice, verbose_name=_("通知"), on_delete=models.CASCADE, related_name="receipts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="notice_receipts"
    )
    read_at = models.DateTimeField(_("阅读时间"))
    signed_at = models.DateTimeField(_("签收时间"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="notices_one_receipt_per_person")]
        verbose_name = _("通知回执")
        verbose_name_plural = _("通知回执")

    def __str__(self) -> str:
        return f"{self.notice} · {self.user}"


class NoticeReminder(PersonReminder):
    """催办记录: one reminder of one person about one notice on one day (never two the same day)."""

    notice = models.ForeignKey(Notice, verbose_name=_("通知"), on_delete=models.CASCADE, related_name="reminders")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notice", "user", "day"], name="notices_one_reminder_per_person_day")
        ]
        verbose_name = _("催办记录")
        verbose_name_plural = _("催办记录")

    def __str__(self) -> str:
        return f"{self.day} {self.notice} · {self.user}"
