"""办事指南: service items, their materials, steps and questions, and the 一件事 journeys that chain them.

Items are records, not pages (like 便民问答): a department keeps its own items in
the back office (``wagtail_hooks.py``) and ticks 公开 to publish one. The public
reads them on a :class:`~zoneportal.services.pages.ServiceIndexPage` placed in the
column tree (办事服务 › 办事指南 in the demo). The rules the forms enforce are in
:mod:`zoneportal.services.rules`.
"""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from zoneportal.core.models import Department, Leader
from zoneportal.core.storage import private_storage

from .forms import JourneyForm, PrivateFileInput, ServiceItemForm


class ServiceTopic(models.Model):
    """A heading the public browses items by: a topic (企业开办, 项目建设 …) or a life event (企业设立 …)."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("主题")
        LIFE_EVENT = "event", _("企业生命周期")

    name = models.CharField(_("名称"), max_length=40)
    slug = models.SlugField(_("英文标识"), max_length=40, unique=True, help_text=_("用于网址中的筛选，例如 kaiban"))
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["kind", "sort_order", "id"]
        verbose_name = _("办事主题")
        verbose_name_plural = _("办事主题与生命周期")
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="services_topic_unique_name")]

    def __str__(self) -> str:
        return self.name


class ServiceItemQuerySet(models.QuerySet):
    def published(self) -> ServiceItemQuerySet:
        """Items the public may read."""
        return self.filter(published=True)

    def matching(self, text: str) -> ServiceItemQuerySet:
        """Items whose name, summary or conditions contain every word of ``text`` (split at spaces)."""
        queryset = self
        for word in text.split()[:5]:
            queryset = queryset.filter(
                Q(name__icontains=word) | Q(summary__icontains=word) | Q(conditions__icontains=word)
            )
        return queryset


class ServiceItem(ClusterableModel):
    """办事事项: what a citizen or company applies for, with everything needed to apply in one visit."""

    class Kind(models.TextChoices):
        LICENSE = "license", _("行政许可")
        CONFIRMATION = "confirmation", _("行政确认")
        FILING = "filing", _("备案")
        PAYMENT = "payment", _("行政给付")
        PUBLIC_SERVICE = "public_service", _("公共服务")
        OTHER = "other", _("其他行政权力")

    name = models.CharField(_("事项名称"), max_length=100)
    department = models.ForeignKey(
        Department, verbose_name=_("实施部门"), on_delete=models.PROTECT, related_name="service_items"
    )
    kind = models.CharField(_("事项类型"), max_length=20, choices=Kind.choices, default=Kind.PUBLIC_SERVICE)
    summary = models.CharField(_("简要说明"), max_length=200, blank=True, help_text=_("一句话说明这件事是什么"))
    topics = ParentalManyToManyField(
        ServiceTopic,
        verbose_name=_("主题"),
        blank=True,
        related_name="items",
        limit_choices_to={"kind": ServiceTopic.Kind.TOPIC},
    )
    life_events = ParentalManyToManyField(
        ServiceTopic,
        verbose_name=_("企业生命周期"),
        blank=True,
        related_name="event_items",
        limit_choices_to={"kind": ServiceTopic.Kind.LIFE_EVENT},
    )
    legal_basis = models.TextField(_("设定依据"), help_text=_("法律、法规、规章或规范性文件的名称和条款"))
    conditions = models.TextField(_("受理条件"), help_text=_("纯文本；每行一条"))
    statutory_days = models.PositiveSmallIntegerField(_("法定办结时限（工作日）"), validators=[MinValueValidator(1)])
    promised_days = models.PositiveSmallIntegerField(
        _("承诺办结时限（工作日）"), help_text=_("不得超过法定时限；0 表示即办")
    )
    charges_fee = models.BooleanField(_("收费"), default=False, help_text=_("不勾选即显示“不收费”"))
    fee_standard = models.TextField(_("收费标准"), blank=True)
    fee_basis = models.TextField(_("收费依据"), blank=True)
    place = models.CharField(_("办理地点"), max_length=200, blank=True, help_text=_("留空则显示实施部门的办公地址"))
    hours = models.CharField(_("办理时间"), max_length=100, blank=True, help_text=_("留空则显示实施部门的办公时间"))
    phone = models.CharField(_("咨询电话"), max_length=50, blank=True, help_text=_("留空则显示实施部门的电话"))
    approver = models.ForeignKey(
        Leader,
        verbose_name=_("审批负责人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("从“领导班子”中选择"),
    )
    online_url = models.URLField(_("网上办理地址"), blank=True, help_text=_("以 https:// 开头；没有则留空"))
    published = models.BooleanField(_("公开"), default=False, help_text=_("勾选后在网站“办事指南”中显示"))
    sort_order = models.PositiveIntegerField(_("排序"), default=100, help_text=_("数字小的排在前面"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = ServiceItemQuerySet.as_manager()
    base_form_class = ServiceItemForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("department"), FieldPanel("kind")]),
                FieldPanel("summary"),
                FieldRowPanel(
                    [
                        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
                    ]
                ),
            ],
            heading=_("基本信息"),
        ),
        FieldPanel("legal_basis"),
        FieldPanel("conditions"),
        InlinePanel("materials", heading=_("申请材料"), label=_("材料"), min_num=1),
        InlinePanel("steps", heading=_("办理流程"), label=_("环节"), min_num=1),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("statutory_days"), FieldPanel("promised_days")])], heading=_("办结时限")
        ),
        MultiFieldPanel(
            [FieldPanel("charges_fee"), FieldPanel("fee_standard"), FieldPanel("fee_basis")], heading=_("收费")
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("hours"), FieldPanel("phone")]),
                FieldPanel("approver"),
                FieldPanel("online_url"),
            ],
            heading=_("办理地点与咨询"),
        ),
        InlinePanel("faqs", heading=_("常见问题"), label=_("问题")),
        FieldRowPanel([FieldPanel("published"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "name", "id"]
        verbose_name = _("办事事项")
        verbose_name_plural = _("办事事项")

    def __str__(self) -> str:
        return self.name

    def condition_lines(self) -> list[str]:
        """The conditions, one per non-empty line."""
        return [line.strip() for line in self.conditions.splitlines() if line.strip()]

    def contact_place(self) -> str:
        """Where to apply: the item's own place, else its department's address."""
        return self.place or self.department.address

    def contact_hours(self) -> str:
        """When to apply: the item's own hours, else its department's office hours."""
        return self.hours or self.department.office_hours

    def contact_phone(self) -> str:
        """Whom to call: the item's own number, else its department's."""
        return self.phone or self.department.phone


class Material(Orderable):
    """申请材料: one document the applicant brings, with a blank form and a filled sample to download."""

    class Form(models.TextChoices):
        ORIGINAL = "original", _("原件")
        COPY = "copy", _("复印件")
        BOTH = "both", _("原件和复印件")
        ELECTRONIC = "electronic", _("电子文档")

    #: Which file of a material a download asks for, as the address names it.
    BLANK, SAMPLE = "blank", "sample"

    item = ParentalKey(ServiceItem, verbose_name=_("办事事项"), on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(_("材料形式"), max_length=20, choices=Form.choices, default=Form.ORIGINAL)
    copies = models.PositiveSmallIntegerField(_("份数"), default=1, validators=[MinValueValidator(1)])
    required = models.BooleanField(_("必须提交"), default=True, help_text=_("不勾选表示“视情况提交”"))
    note = models.CharField(_("说明"), max_length=200, blank=True, help_text=_("如：加盖公章；在什么情况下需要"))
    # Kept where no URL leads: the public downloads them through the item's page, which checks 公开.
    blank_form = models.FileField(
        _("空白表格"), storage=private_storage, upload_to="services/forms/", blank=True, max_length=200
    )
    sample = models.FileField(
        _("填写样表"), storage=private_storage, upload_to="services/samples/", blank=True, max_length=200
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("note"),
        FieldRowPanel(
            [FieldPanel("blank_form", widget=PrivateFileInput), FieldPanel("sample", widget=PrivateFileInput)]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self) -> str:
        return self.name

    def file(self, which: str):
        """The blank form (``BLANK``) or the sample (``SAMPLE``); an empty file when there is none."""
        return {self.BLANK: self.blank_form, self.SAMPLE: self.sample}[which]

    def download_name(self, which: str) -> str:
        """The name a downloaded file gets: the material's name, what the file is, its extension."""
        label = _("空白表格") if which == self.BLANK else _("填写样表")
        extension = PurePath(self.file(which).name).suffix.lower()
        return f"{self.name}（{label}）{extension}"


class Step(Orderable):
    """办理环节: one step of the procedure, who does it and in how many working days."""

    item = ParentalKey(ServiceItem, verbose_name=_("办事事项"), on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(_("环节名称"), max_length=40)
    handler = models.CharField(_("承办人员或窗口"), max_length=60)
    days = models.PositiveSmallIntegerField(_("时限（工作日）"), default=1, help_text=_("0 表示即办"))
    description = models.CharField(_("办理内容"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("handler"), FieldPanel("days")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("办理环节")
        verbose_name_plural = _("办理环节")

    def __str__(self) -> str:
        return self.name


class ServiceFaq(Orderable):
    """A question applicants often ask about this item, with its answer."""

    item = ParentalKey(ServiceItem, verbose_name=_("办事事项"), on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("问题"), max_length=200)
    answer = models.TextField(_("解答"))

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("常见问题")
        verbose_name_plural = _("常见问题")

    def __str__(self) -> str:
        return self.question


class Journey(ClusterableModel):
    """一件事: several items in the order a company does them, narrowed by a few yes/no questions."""

    title = models.CharField(_("名称"), max_length=60, help_text=_("如：开办企业“一件事”"))
    slug = models.SlugField(_("英文标识"), max_length=60, unique=True, help_text=_("用于网址，例如 kaiban-qiye"))
    summary = models.TextField(_("说明"), help_text=_("这件事包括什么、适合谁"))
    department = models.ForeignKey(
        Department, verbose_name=_("牵头部门"), on_delete=models.PROTECT, related_name="service_journeys"
    )
    published = models.BooleanField(_("公开"), default=False)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    base_form_class = JourneyForm

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("department")]),
        FieldPanel("summary"),
        InlinePanel("stages", heading=_("办理顺序"), label=_("事项"), min_num=1),
        InlinePanel("questions", heading=_("问题（用于筛选需要办理的事项）"), label=_("问题")),
        FieldRowPanel([FieldPanel("published"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("一件事")
        verbose_name_plural = _("一件事一次办")

    def __str__(self) -> str:
        return self.title


class JourneyStage(Orderable):
    """One item of a journey, in order, with what to know at this point."""

    journey = ParentalKey(Journey, verbose_name=_("一件事"), on_delete=models.CASCADE, related_name="stages")
    item = models.ForeignKey(ServiceItem, verbose_name=_("办事事项"), on_delete=models.CASCADE, related_name="+")
    note = models.CharField(_("提示"), max_length=200, blank=True, help_text=_("如：取得营业执照后办理"))

    panels = [FieldRowPanel([FieldPanel("item"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        verbose_name = _("办理顺序")
        verbose_name_plural = _("办理顺序")

    def __str__(self) -> str:
        return str(self.item)


class JourneyQuestion(ClusterableModel, Orderable):
    """A yes/no question: some of the journey's items are needed only on a 是, others only on a 否."""

    journey = ParentalKey(Journey, verbose_name=_("一件事"), on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("问题"), max_length=200, help_text=_("可以用“是”或“否”回答，如：项目是否需要新征用地？"))
    help_text = models.CharField(_("补充说明"), max_length=200, blank=True)
    yes_items = ParentalManyToManyField(
        ServiceItem,
        verbose_name=_("回答“是”才需要办理的事项"),
        blank=True,
        related_name="+",
        help_text=_("只能选本“一件事”办理顺序中的事项"),
    )
    no_items = ParentalManyToManyField(
        ServiceItem, verbose_name=_("回答“否”才需要办理的事项"), blank=True, related_name="+"
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("yes_items", widget=forms.CheckboxSelectMultiple),
        FieldPanel("no_items", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("问题")
        verbose_name_plural = _("问题")

    def __str__(self) -> str:
        return self.text

    def ruled_out(self, answer: bool | None) -> list[ServiceItem]:
        """The items ``answer`` (None: not answered) makes unnecessary: the other answer's items."""
        if answer is None:
            return []
        return list((self.no_items if answer else self.yes_items).all())


from .pages import ServiceIndexPage  # noqa: E402,F401  (the page type is a model of this app)
