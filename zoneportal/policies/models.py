"""政策法规库: policy documents as records, their categories, issuers, topics and interpretations.

A policy is a record rather than a page: a zone holds thousands of them (10,000+
after years of imports), they arrive by the file (``importing.py``) and are listed,
filtered and counted as a table. The public reads them through a
:class:`PolicyLibraryPage` in the column tree (政务公开 › 政策法规), which gives
them addresses, navigation, breadcrumbs, the sitemap and the page cache.

Every document has an ``external_id``: the id of the file it was imported from
(``H001``), or one made up when staff create it in the back office (``zp-…``). Search
knows a document by it (``policy:H001``), so re-importing the same file updates the
same entries.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from zoneportal.core.models import Department
from zoneportal.portal.models import RICH_TEXT_FEATURES, ArticlePage

#: One vocabulary of validity across articles and policies (search facets by these values).
Validity = ArticlePage.Validity


class PolicyCategory(models.Model):
    """政策分类: an editable list (开发区优惠政策, 税务政策 …); its code goes into index numbers."""

    name = models.CharField(_("分类名称"), max_length=40, unique=True)
    code = models.CharField(
        _("分类代码"), max_length=10, unique=True, help_text=_("用于生成索引号，例如 01；只用字母和数字")
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("政策分类")
        verbose_name_plural = _("政策分类")

    def __str__(self) -> str:
        return self.name


class PolicyIssuer(models.Model):
    """发文机关: a body that issues documents (国务院, 湖北省人民政府, 来凤经济开发区管委会 …)."""

    name = models.CharField(_("机关名称"), max_length=100, unique=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("发文机关")
        verbose_name_plural = _("发文机关")

    def __str__(self) -> str:
        return self.name


class PolicyTopic(models.Model):
    """主题词 (主题分类): 招商引资, 税收优惠, 土地, 人才 …; a document has several."""

    name = models.CharField(_("主题"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("政策主题")
        verbose_name_plural = _("政策主题")

    def __str__(self) -> str:
        return self.name


class PolicyQuerySet(models.QuerySet):
    def public(self) -> PolicyQuerySet:
        """Documents the public may read (published)."""
        return self.filter(live=True)


def new_external_id() -> str:
    """The external id of a document created in the back office (an imported one keeps the file's)."""
    return f"zp-{uuid.uuid4().hex[:12]}"


class Policy(ClusterableModel):
    """政策文件: one document of the library with the metadata a disclosure page shows."""

    external_id = models.CharField(
        _("外部编号"),
        max_length=64,
        unique=True,
        default=new_external_id,
        help_text=_("导入文件中的编号；重新导入同一编号会更新这份文件，而不是新增"),
    )
    title = models.CharField(_("标题"), max_length=255)
    doc_number = models.CharField(_("文号"), max_length=60, blank=True, help_text=_("如“来开管发〔2015〕3号”"))
    index_number = models.CharField(_("索引号"), max_length=60, unique=True, editable=False)
    category = models.ForeignKey(
        PolicyCategory, verbose_name=_("分类"), on_delete=models.PROTECT, related_name="policies"
    )
    issuers = ParentalManyToManyField(PolicyIssuer, verbose_name=_("发文机关"), related_name="policies")
    topics = ParentalManyToManyField(PolicyTopic, verbose_name=_("主题"), blank=True, related_name="policies")
    department = models.ForeignKey(
        Department,
        verbose_name=_("责任部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("负责维护这份文件的部门"),
    )
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    issued_on = models.DateField(_("发布日期"), null=True, blank=True)
    effective_on = models.DateField(_("生效日期"), null=True, blank=True)
    expires_on = models.DateField(_("失效日期"), null=True, blank=True)
    validity = models.CharField(_("有效性"), max_length=20, choices=Validity.choices, default=Validity.VALID)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("修订后的文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text=_("有效性为“已修订”时，指向取代它的文件"),
    )
    body = RichTextField(_("正文"), features=RICH_TEXT_FEATURES, blank=True)
    source_url = models.URLField(_("来源链接"), max_length=500, blank=True)
    related = ParentalManyToManyField("self", verbose_name=_("相关文件"), blank=True, symmetrical=True)
    live = models.BooleanField(_("已发布"), default=True)
    is_demo = models.BooleanField(_("演示数据"), default=False, editable=False)
    #: The ArticlePage this document was moved from (migration 0002), kept to redirect its old address.
    legacy_page_id = models.IntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")
        constraints = [
            # Two documents never share a 文号; many have none.
            models.UniqueConstraint(
                fields=["doc_number"], condition=~Q(doc_number=""), name="policies_unique_doc_number"
            ),
        ]
        indexes = [
            models.Index(fields=["live", "category", "issued_on"]),
            models.Index(fields=["live", "validity", "issued_on"]),
            models.Index(fields=["live", "issued_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def year(self) -> int | None:
        """The year the document was issued (the library's 年份 filter)."""
        return self.issued_on.year if self.issued_on else None

    @property
    def issued_at(self) -> datetime | None:
        """The issue date as a moment (9:00 Beijing time), for feeds and search, which want one."""
        if self.issued_on is None:
            return None
        return timezone.make_aware(datetime.combine(self.issued_on, time(9)))

    @property
    def is_in_force(self) -> bool:
        """Whether the document still applies (a banner says so on the others)."""
        return self.validity == Validity.VALID

    def clean(self) -> None:
        """Dates in their order; 已修订 needs the replacing document, and only then."""
        errors = date_order_errors(self.written_on, self.issued_on, self.effective_on, self.expires_on)
        if self.validity == Validity.AMENDED and self.replaced_by_id is None and self.pk:
            errors.setdefault("replaced_by", []).append(_("有效性为“已修订”时，请选择修订后的文件"))
        if self.replaced_by_id is not None and self.replaced_by_id == self.pk:
            errors.setdefault("replaced_by", []).append(_("文件不能被自己取代"))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        if not self.index_number:
            from .index_numbers import next_index_number

            self.index_number = next_index_number(self.category, self.issued_on or date.today())
        super().save(*args, **kwargs)


#: The dates of a document, in the order they must come.
DATE_FIELDS = ("written_on", "issued_on", "effective_on", "expires_on")


def date_order_errors(*dates: date | None) -> dict[str, list[str]]:
    """Errors by field where a later date of :data:`DATE_FIELDS` comes before an earlier one (empty ones skipped)."""
    errors: dict[str, list[str]] = {}
    labels = {name: Policy._meta.get_field(name).verbose_name for name in DATE_FIELDS}
    seen: list[tuple[str, date]] = []
    for name, value in zip(DATE_FIELDS, dates, strict=True):
        if value is None:
            continue
        for earlier_name, earlier in seen:
            if value < earlier:
                errors.setdefault(name, []).append(
                    _("%(later)s（%(value)s）不能早于%(earlier)s（%(earlier_value)s）")
                    % {"later": labels[name], "value": value, "earlier": labels[earlier_name], "earlier_value": earlier}
                )
                break
        seen.append((name, value))
    return errors


class PolicyAttachment(Orderable):
    """A file attached to a document (附件), a Wagtail document checked by content on upload."""

    policy = ParentalKey(Policy, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("附件名称"), max_length=255, blank=True, help_text=_("留空则用文件的标题"))

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class PolicyInterpretation(ClusterableModel):
    """政策解读: an explanation of one or several documents — text, a 图解 image, a video."""

    class Kind(models.TextChoices):
        TEXT = "text", _("文字解读")
        GRAPHIC = "graphic", _("图解")
        VIDEO = "video", _("视频解读")

    title = models.CharField(_("标题"), max_length=255)
    kind = models.CharField(_("形式"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    policies = ParentalManyToManyField(Policy, verbose_name=_("解读的文件"), related_name="interpretations")
    department = models.ForeignKey(
        Department, verbose_name=_("解读部门"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_on = models.DateField(_("发布日期"), default=date.today)
    body = RichTextField(_("解读内容"), features=RICH_TEXT_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("图解图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_text = models.TextField(_("图解文字说明"), blank=True, help_text=_("图解的文字版本，供读屏软件和打印使用"))
    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("视频文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(_("视频文字稿"), blank=True)
    live = models.BooleanField(_("已发布"), default=True)
    is_demo = models.BooleanField(_("演示数据"), default=False, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")

    def __str__(self) -> str:
        return self.title


class IndexNumberCounter(models.Model):
    """The last serial handed out per category and year, so index numbers never repeat (``index_numbers.py``)."""

    category = models.ForeignKey(PolicyCategory, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["category", "year"], name="policies_one_counter")]


# The page type serving the library lives in its own module; imported here so Django registers it.
from .pages import PolicyLibraryPage  # noqa: E402, F401
