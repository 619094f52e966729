"""Letters (来信) to the zone's mailboxes: 主任信箱, 投诉信箱, 咨询, 建议, 工作纪律举报.

A citizen writes to a :class:`Mailbox`; the :class:`Letter` is committed with a
tracking number and a query code before the page says "received"; staff move it
through the states of :mod:`zoneportal.letters.workflow`, each step a
:class:`LetterEvent`. Deadlines count China's working days (``core.workdays``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.models import Department
from zoneportal.core.storage import private_storage
from zoneportal.core.workdays import add_working_days, working_days_between, working_days_left


class Mailbox(models.Model):
    """信箱: where a letter is addressed, and who answers it by default."""

    slug = models.SlugField(_("英文标识"), max_length=40, unique=True)
    name = models.CharField(_("信箱名称"), max_length=50)
    description = models.TextField(_("说明"), blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("默认承办部门"), on_delete=models.PROTECT, related_name="mailboxes"
    )
    allows_anonymous = models.BooleanField(_("允许匿名来信"), default=False)
    reply_days = models.PositiveSmallIntegerField(_("答复期限（工作日）"), default=5)
    is_active = models.BooleanField(_("开放"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("信箱")
        verbose_name_plural = _("信箱")

    def __str__(self) -> str:
        return self.name


class LetterCategory(models.Model):
    """信件类别 of a mailbox (e.g. 投资环境, 劳动保障); it may set its own reply deadline."""

    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("类别名称"), max_length=50)
    reply_days = models.PositiveSmallIntegerField(
        _("答复期限（工作日）"), null=True, blank=True, help_text=_("留空则使用信箱的期限")
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "id"]
        constraints = [models.UniqueConstraint(fields=["mailbox", "name"], name="letters_category_unique_name")]
        verbose_name = _("信件类别")
        verbose_name_plural = _("信件类别")

    def __str__(self) -> str:
        return self.name


class TrackingCounter(models.Model):
    """The last serial number given out on one day (see ``numbers.allocate_tracking_number``)."""

    day = models.DateField(unique=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("编号计数")
        verbose_name_plural = _("编号计数")


class LetterQuerySet(models.QuerySet):
    def published(self) -> LetterQuerySet:
        """Answered letters whose writers agreed to publish and that staff chose to show (公开信件)."""
        return self.filter(
            is_public=True,
            is_published=True,
            merged_into__isnull=True,
            status__in=("replied", "rated", "archived"),
        ).exclude(reply="")


class Letter(models.Model):
    """来信: one letter as received, and how it is being handled."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待受理")
        ACCEPTED = "accepted", _("已受理")
        REJECTED = "rejected", _("不予受理")
        PROCESSING = "processing", _("办理中")
        REVIEWING = "reviewing", _("待审核")
        REPLIED = "replied", _("已答复")
        RATED = "rated", _("已评价")
        ARCHIVED = "archived", _("已归档")

    class Disposition(models.TextChoices):
        DIRECT = "direct", _("直办")
        FORWARD = "forward", _("转办")
        ASSIGN = "assign", _("交办")

    class Satisfaction(models.TextChoices):
        SATISFIED = "satisfied", _("满意")
        BASICALLY = "basically", _("基本满意")
        DISSATISFIED = "dissatisfied", _("不满意")

    tracking_number = models.CharField(_("信件编号"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(_("查询码（散列）"), max_length=128, editable=False)
    # A token from the form page (or the API's Idempotency-Key): a resent form makes no second letter.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.PROTECT, related_name="letters")
    category = models.ForeignKey(
        LetterCategory, verbose_name=_("类别"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("标题"), max_length=100)
    content = models.TextField(_("内容"))
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    is_public = models.BooleanField(_("同意公开"), default=False, help_text=_("答复后可在网站上公开（个人信息隐去）"))
    is_anonymous = models.BooleanField(_("匿名"), default=False)

    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING)
    department = models.ForeignKey(
        Department, verbose_name=_("承办部门"), on_delete=models.PROTECT, related_name="letters"
    )
    disposition = models.CharField(_("办理方式"), max_length=10, choices=Disposition.choices, blank=True)
    forwarded_to = models.CharField(_("转办单位"), max_length=100, blank=True, help_text=_("转至外单位时填写"))
    received_at = models.DateTimeField(_("收信时间"), default=timezone.now)
    due_on = models.DateField(_("答复期限"))
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    reply = models.TextField(_("答复内容"), blank=True)
    draft_reply = models.TextField(_("拟答复内容"), blank=True)
    reply_department = models.ForeignKey(
        Department, verbose_name=_("答复部门"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reason = models.TextField(_("不予受理理由"), blank=True)
    held_for_review = models.BooleanField(
        _("待人工审查"), default=False, help_text=_("内容含敏感词，需人工审查后才能受理")
    )
    held_words = models.CharField(_("命中的敏感词"), max_length=200, blank=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("并入信件"), null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    is_published = models.BooleanField(
        _("在网站公开"), default=False, help_text=_("来信人同意公开且答复后，由工作人员决定是否公开")
    )
    satisfaction = models.CharField(_("满意度"), max_length=20, choices=Satisfaction.choices, blank=True)
    satisfaction_comment = models.TextField(_("评价意见"), blank=True)
    rated_at = models.DateTimeField(_("评价时间"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("重新办理次数"), default=0)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["department", "status"]),
            models.Index(fields=["is_published", "replied_at"]),
        ]
        verbose_name = _("来信")
        verbose_name_plural = _("来信")

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.subject}"

    @property
    def reply_days(self) -> int:
        """The reply deadline in working days: the category's, else the mailbox's."""
        if self.category_id and self.category.reply_days:
            return self.category.reply_days
        return self.mailbox.reply_days

    def compute_due_on(self) -> datetime.date:
        """The reply deadline: ``reply_days`` working days after receipt."""
        return add_working_days(self.received_at, self.reply_days)

    @property
    def is_open(self) -> bool:
        """Still waiting for an answer (the clock runs)."""
        return self.status in OPEN_STATUSES

    def working_days_left(self, today: datetime.date | None = None) -> int:
        """Working days until the deadline; negative when it has passed."""
        return working_days_left(self.due_on, today)

    def public_timeline(self) -> models.QuerySet:
        """The steps the writer may see, oldest first."""
        return self.events.filter(is_public=True).select_related("department")

    def working_days_open(self, until: datetime.datetime | None = None) -> int:
        """Working days from receipt to the reply (or to now, while open)."""
        return working_days_between(self.received_at, until or self.replied_at or timezone.now())


OPEN_STATUSES = (
    Letter.Status.PENDING,
    Letter.Status.ACCEPTED,
    Letter.Status.PROCESSING,
    Letter.Status.REVIEWING,
)


def letter_upload_to(instance: LetterAttachment, filename: str) -> str:
    # The citizen's file name is kept in ``original_name``; the stored name reveals nothing.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"letters/{timezone.now():%Y/%m}/{instance.letter.tracking_number}-{instance.position}.{extension}"


class LetterAttachment(models.Model):
    """附件 of a letter (an image or a PDF, checked by its content)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="attachments")
    position = models.PositiveSmallIntegerField(default=1)
    # Not under MEDIA_ROOT: no URL reaches these files (see storage.py).
    file = models.FileField(_("文件"), upload_to=letter_upload_to, storage=private_storage)
    original_name = models.CharField(_("原文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))

    class Meta:
        ordering = ["position"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.original_name


class LetterEvent(models.Model):
    """办理记录: one step in a letter's handling — who, when, what; ``is_public`` ones form the public timeline."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("时间"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(_("操作"), max_length=30)
    from_status = models.CharField(_("原状态"), max_length=20, choices=Letter.Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=Letter.Status.choices, blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("部门"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("说明"), blank=True)
    is_public = models.BooleanField(_("向来信人公开"), default=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.letter.tracking_number} {self.action}"


class SensitiveWord(models.Model):
    """敏感词: a letter containing one is held for manual review, never rejected automatically."""

    word = models.CharField(_("敏感词"), max_length=50, unique=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")

    def __str__(self) -> str:
        return self.word


# ---- 督办 (letters-oversight) ------------------------------------------------------------------------------


class OversightNotice(models.Model):
    """One reminder of the daily check (``oversight.run_daily``): at most one per letter per day.

    Supervision orders are 督办事项 now (``supervision.SupervisionItem``), reminded by ``supervision.reminders``.

    The unique constraint makes a second run on the same day (or two at once) send nothing twice.
    """

    day = models.DateField(_("日期"))
    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    flag = models.CharField(_("提醒类型"), max_length=20)
    sent_at = models.DateTimeField(_("发送时间"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "letter"], name="letters_notice_once_per_letter_day"),
        ]
        verbose_name = _("督办提醒记录")
        verbose_name_plural = _("督办提醒记录")

    def __str__(self) -> str:
        return f"{self.day} {self.flag}"


# The page type serving the public letter pages lives in its own module; imported here so Django registers it.
from .pages import MailboxIndexPage  # noqa: E402, F401
