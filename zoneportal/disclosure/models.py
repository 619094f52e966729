"""依申请公开: requests for government information, how they are handled, and the yearly report's narrative.

A person or an organisation files a :class:`DisclosureRequest` online; it is committed
with a tracking number (``GK20261207-0001``) and a query code before the page says
"received". The office moves it through the states of :mod:`zoneportal.disclosure.workflow`,
each step a :class:`RequestEvent`; the deadline counts China's working days with the
pauses and the extension the regulations allow (:mod:`zoneportal.disclosure.deadlines`).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.storage import private_storage

from . import deadlines


class RequestCounter(models.Model):
    """The last serial number given to a request on one day (``letters.numbers.allocate_tracking_number``)."""

    day = models.DateField(unique=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("申请编号计数")
        verbose_name_plural = _("申请编号计数")


class DisclosureRequest(models.Model):
    """政府信息公开申请: one request as filed, and how far it has been handled."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("待登记")
        REGISTERED = "registered", _("办理中")
        CORRECTION = "correction", _("待补正")
        CONSULTING = "consulting", _("征求第三方意见")
        ANSWERED = "answered", _("已答复")
        WITHDRAWN = "withdrawn", _("视为放弃申请")

    class ApplicantKind(models.TextChoices):
        CITIZEN = "citizen", _("公民")
        ORGANISATION = "organisation", _("法人或其他组织")

    class Medium(models.TextChoices):
        PAPER = "paper", _("纸质")
        ELECTRONIC = "electronic", _("电子文档")
        DISC = "disc", _("光盘")
        OTHER = "other", _("其他")

    class Delivery(models.TextChoices):
        POST = "post", _("邮寄")
        PICKUP = "pickup", _("自行领取")
        EMAIL = "email", _("电子邮件")
        WEBSITE = "website", _("网站查询")

    class AnswerKind(models.TextChoices):
        DISCLOSED = "disclosed", _("予以公开")
        PARTIAL = "partial", _("部分公开")
        REFUSED = "refused", _("不予公开")
        NONEXISTENT = "nonexistent", _("信息不存在")
        NOT_OURS = "not_ours", _("非本机关负责")

    tracking_number = models.CharField(_("申请编号"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(_("查询码（散列）"), max_length=128, editable=False)
    # The form page's token: a resent form makes no second request.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    applicant_kind = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantKind.choices)
    name = models.CharField(_("姓名 / 联系人"), max_length=50)
    id_number = models.CharField(_("身份证件号码"), max_length=30, blank=True)
    organisation = models.CharField(_("组织名称"), max_length=100, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人或负责人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)

    description = models.TextField(_("所需信息的内容描述"))
    document_reference = models.CharField(_("文件名称或文号"), max_length=200, blank=True)
    purpose = models.TextField(_("用途"), blank=True)
    medium = models.CharField(_("提供形式"), max_length=20, choices=Medium.choices)
    delivery = models.CharField(_("获取方式"), max_length=20, choices=Delivery.choices)

    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    received_at = models.DateTimeField(_("收到时间"), default=timezone.now)
    # The day the 20 working days count from: the receipt, or the day the correction arrived.
    clock_start = models.DateField(_("计时起点"))
    paused_days = models.PositiveSmallIntegerField(_("征求意见不计算的工作日"), default=0)
    due_on = models.DateField(_("答复期限"), null=True, blank=True, help_text=_("征求第三方意见或等待补正时暂停计时"))

    correction_request = models.TextField(_("补正要求"), blank=True)
    correction_asked_on = models.DateField(_("告知补正日期"), null=True, blank=True)
    correction_due_on = models.DateField(_("补正期限"), null=True, blank=True)
    correction_text = models.TextField(_("补正内容"), blank=True)
    correction_received_on = models.DateField(_("收到补正日期"), null=True, blank=True)

    consultation_party = models.CharField(_("征求意见的第三方"), max_length=100, blank=True)
    consultation_started_on = models.DateField(_("征求意见开始日期"), null=True, blank=True)

    extension_days = models.PositiveSmallIntegerField(_("延长工作日"), default=0)
    extension_reason = models.TextField(_("延长理由"), blank=True)
    extension_approver = models.CharField(_("延长批准人"), max_length=50, blank=True)

    answer_kind = models.CharField(_("答复类型"), max_length=20, choices=AnswerKind.choices, blank=True)
    legal_basis = models.TextField(_("法律依据和理由"), blank=True)
    referral = models.CharField(_("负责公开的机关"), max_length=200, blank=True)
    reply = models.TextField(_("答复内容"), blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "due_on"]), models.Index(fields=["received_at"])]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.applicant_name}"

    @property
    def applicant_name(self) -> str:
        """The organisation's name for an organisation, else the person's."""
        if self.applicant_kind == self.ApplicantKind.ORGANISATION and self.organisation:
            return self.organisation
        return self.name

    @property
    def is_open(self) -> bool:
        """Not answered and not withdrawn."""
        return self.status in OPEN_STATUSES

    def compute_due_on(self) -> datetime.date | None:
        """The answer deadline, or None while the clock stands still (correction asked, third party consulted)."""
        if self.status in (self.Status.CORRECTION, self.Status.CONSULTING):
            return None
        return deadlines.answer_due(self.clock_start, self.paused_days, self.extension_days)

    def deadline_flag(self, today: datetime.date | None = None) -> str:
        """``deadlines.OVERDUE``, ``deadlines.NEAR`` or "" (answered, withdrawn or paused requests: "")."""
        if not self.is_open:
            return ""
        return deadlines.deadline_flag(self.due_on, today or timezone.localdate())

    def public_timeline(self) -> models.QuerySet:
        """The steps the applicant may see, oldest first."""
        return self.events.filter(is_public=True)


OPEN_STATUSES = (
    DisclosureRequest.Status.SUBMITTED,
    DisclosureRequest.Status.REGISTERED,
    DisclosureRequest.Status.CORRECTION,
    DisclosureRequest.Status.CONSULTING,
)


def request_file_to(instance: RequestFile, filename: str) -> str:
    # The original name is kept in ``original_name``; the stored name reveals nothing.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    stem = f"{instance.request.tracking_number}-{instance.role}-{instance.position}"
    return f"disclosure/{timezone.now():%Y/%m}/{stem}.{extension}"


class RequestFile(models.Model):
    """A file of a request: the applicant's proof of identity, or a file sent with the answer."""

    class Role(models.TextChoices):
        APPLICANT = "applicant", _("申请人上传")
        REPLY = "reply", _("答复附件")

    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(_("类别"), max_length=10, choices=Role.choices)
    position = models.PositiveSmallIntegerField(default=1)
    # Not under MEDIA_ROOT: no URL reaches these files; staff download them through the back office.
    file = models.FileField(_("文件"), upload_to=request_file_to, storage=private_storage, max_length=200)
    original_name = models.CharField(_("原文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))

    class Meta:
        ordering = ["role", "position"]
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")

    def __str__(self) -> str:
        return self.original_name


class RequestEvent(models.Model):
    """办理记录: one step of a request — who, when, what; ``is_public`` ones form the applicant's timeline."""

    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("时间"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(_("操作"), max_length=30)
    from_status = models.CharField(_("原状态"), max_length=20, choices=DisclosureRequest.Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=DisclosureRequest.Status.choices, blank=True)
    note = models.TextField(_("说明"), blank=True)
    is_public = models.BooleanField(_("申请人可见"), default=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.request.tracking_number} {self.action}"


class AnnualReport(models.Model):
    """政府信息公开工作年度报告: the narrative of one year; its statistics table is computed from the requests."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    summary = models.TextField(_("总体情况"), help_text=_("每段一行"))
    proactive = models.TextField(_("主动公开情况"), blank=True, help_text=_("每段一行"))
    problems = models.TextField(_("存在的问题及改进情况"), blank=True, help_text=_("每段一行"))
    is_published = models.BooleanField(_("在网站公开"), default=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")

    def __str__(self) -> str:
        return _("%(year)s年政府信息公开工作年度报告") % {"year": self.year}

    def sections(self) -> list[tuple[str, list[str]]]:
        """The narrative's titled sections with their paragraphs (empty sections left out)."""
        parts = [(_("一、总体情况"), self.summary), (_("二、主动公开政府信息情况"), self.proactive)]
        parts.append((_("四、存在的主要问题及改进情况"), self.problems))
        return [(str(title), [line.strip() for line in text.splitlines() if line.strip()]) for title, text in parts]


# The page type serving the public pages lives in its own module; imported here so Django registers it.
from .pages import DisclosureIndexPage  # noqa: E402, F401
