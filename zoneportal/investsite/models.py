"""The 招商网's contact page with its inquiry form, and the investor leads the form feeds."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from zoneportal.core.models import Department
from zoneportal.portal.models import SectionPage

from .admin_forms import LeadForm


def lead_department_slug() -> str:
    """The department receiving the 招商网's inquiries (``INVESTOR_LEAD_DEPARTMENT``); it and the office see leads."""
    return settings.INVESTOR_LEAD_DEPARTMENT


def new_tracking_number() -> str:
    """``ZS-20261207-4F7A2C``: the day and six random hex digits, shown to the visitor after sending."""
    return f"ZS-{timezone.localdate():%Y%m%d}-{secrets.token_hex(3).upper()}"


class InvestContactPage(SectionPage):
    """招商网 联系我们: the contact details and the inquiry form, in each language's page tree."""

    body = RichTextField(_("联系方式"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    template = "investsite/invest_contact_page.html"

    class Meta:
        verbose_name = _("招商网联系页（投资咨询表单）")
        verbose_name_plural = _("招商网联系页")

    def serve(self, request, *args, **kwargs):
        from .views import contact

        return contact(request, self)


class InvestorLead(ClusterableModel):
    """投资线索: one inquiry from the 招商网, followed up by 招商发展分局 until it becomes a project or is closed."""

    class Status(models.TextChoices):
        NEW = "new", _("新线索")
        FOLLOWING = "following", _("跟进中")
        CONVERTED = "converted", _("已转化")
        INVALID = "invalid", _("无效")

    tracking_number = models.CharField(_("查询编号"), max_length=20, unique=True, default=new_tracking_number)
    name = models.CharField(_("姓名"), max_length=80)
    company = models.CharField(_("公司"), max_length=160)
    country = models.CharField(_("国家或地区"), max_length=80)
    email = models.EmailField(_("电子邮箱"), blank=True)
    phone = models.CharField(_("电话"), max_length=40, blank=True)
    industry = models.CharField(_("意向产业"), max_length=120, blank=True)
    planned_investment = models.CharField(_("计划投资额"), max_length=80, blank=True)
    message = models.TextField(_("留言"), max_length=4000)
    language = models.CharField(_("咨询语言"), max_length=10, choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    page = models.ForeignKey(
        Page, verbose_name=_("来源页面"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.NEW)
    department = models.ForeignKey(Department, verbose_name=_("负责部门"), on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("跟进人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    project = models.OneToOneField(
        "investment.Project",
        verbose_name=_("转化的项目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="investor_lead",
    )
    created_at = models.DateTimeField(_("收到时间"), auto_now_add=True)

    base_form_class = LeadForm

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("company", read_only=True)]),
                FieldRowPanel([FieldPanel("country", read_only=True), FieldPanel("language", read_only=True)]),
                FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("phone", read_only=True)]),
                FieldRowPanel(
                    [FieldPanel("industry", read_only=True), FieldPanel("planned_investment", read_only=True)]
                ),
                FieldPanel("message", read_only=True),
                FieldPanel("tracking_number", read_only=True),
            ],
            heading=_("咨询内容"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("owner")]),
        FieldPanel("project", read_only=True),
        InlinePanel("follow_ups", heading=_("跟进记录"), label=_("跟进记录")),
    ]

    class Meta:
        verbose_name = _("投资线索")
        verbose_name_plural = _("投资线索")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company}（{self.name}）"


class LeadFollowUp(Orderable):
    """One follow-up of a lead: when, by whom, what happened."""

    lead = ParentalKey(InvestorLead, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("日期"), default=timezone.localdate)
    who = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("跟进人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(_("跟进情况"), max_length=2000)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("who")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("跟进记录")
        verbose_name_plural = _("跟进记录")
