"""安置与失地保障: households relocated by village, resettlement housing sites, landless farmers insured.

Records of 国土建设分局, edited by it in the back office and read by every
department (the investment app's access rule). Counts are typed as the ledger
states them; the 5:2:3 split of contributions, totals and rates are computed
(:mod:`.figures`), never typed.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from zoneportal.investment.forms import InvestmentForm
from zoneportal.investment.models import YEAR_VALIDATORS, owning_department

from . import figures


def count(verbose_name: str, **kwargs) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(verbose_name, null=True, blank=True, **kwargs)


class Relocation(models.Model):
    """拆迁安置: the households and people a village (or the zone's total) moved for the parks and works."""

    village = models.CharField(_("村"), max_length=60, help_text=_("行政村名称；全区合计时填“全区合计”"))
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True, validators=YEAR_VALIDATORS)
    administrative_villages = count(_("涉及行政村（个）"), help_text=_("全区合计时填写"))
    natural_villages = count(_("涉及自然湾（个）"))
    whole_villages_moved = count(_("整体搬迁自然湾（个）"))
    households = models.PositiveIntegerField(_("拆迁户数"))
    people = count(_("转移村民（人）"))
    approximate = models.BooleanField(_("约数"), default=False, help_text=_("户数和人数为“多”“余”的约数"))
    department = owning_department()
    note = models.CharField(_("说明"), max_length=200, blank=True)

    base_form_class = InvestmentForm
    panels = [
        FieldRowPanel([FieldPanel("village"), FieldPanel("year"), FieldPanel("department")]),
        FieldRowPanel(
            [FieldPanel("administrative_villages"), FieldPanel("natural_villages"), FieldPanel("whole_villages_moved")]
        ),
        FieldRowPanel([FieldPanel("households"), FieldPanel("people"), FieldPanel("approximate")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["village"]
        verbose_name = _("拆迁安置")
        verbose_name_plural = _("拆迁安置")

    def __str__(self) -> str:
        return self.village

    def clean(self) -> None:
        if (
            self.natural_villages is not None
            and self.whole_villages_moved is not None
            and self.whole_villages_moved > self.natural_villages
        ):
            raise ValidationError({"whole_villages_moved": _("整体搬迁的自然湾不能多于涉及的自然湾。")})


class SiteStage(models.TextChoices):
    COMPLETED = "completed", _("已竣工")
    BUILDING = "building", _("在建")
    PLANNED = "planned", _("即将开工")


class HousingSite(models.Model):
    """还建点 (or a group of them at one stage): floor area, households moved in."""

    name = models.CharField(_("还建点"), max_length=80)
    stage = models.CharField(_("建设阶段"), max_length=10, choices=SiteStage.choices)
    site_count = models.PositiveIntegerField(_("还建点数（处）"), default=1, validators=[MinValueValidator(1)])
    floor_area = models.DecimalField(
        _("建筑面积（万平方米）"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    households_moved_in = count(_("已入住（户）"))
    department = owning_department()
    note = models.CharField(_("说明"), max_length=200, blank=True)

    base_form_class = InvestmentForm
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("stage"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("site_count"), FieldPanel("floor_area"), FieldPanel("households_moved_in")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["stage", "name"]
        verbose_name = _("还建点")
        verbose_name_plural = _("还建点")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.households_moved_in and self.stage != SiteStage.COMPLETED:
            raise ValidationError({"households_moved_in": _("只有已竣工的还建点才能有入住户数。")})


class InsuranceBatch(models.Model):
    """被征地农民基本生活保障: a year's (or batch's) farmers insured, their one-off contribution and monthly benefit.

    The contribution is typed as its total; the shares of the government, the
    village collective and the farmer (5:2:3) are computed from it.
    """

    year = models.PositiveSmallIntegerField(
        _("年份"), null=True, blank=True, validators=YEAR_VALIDATORS, help_text=_("来源未写明年份时不填")
    )
    batch = models.CharField(_("批次"), max_length=60, help_text=_("如 第一批、截至年底累计"))
    insured = models.PositiveIntegerField(_("参保人数"))
    contribution = models.DecimalField(
        _("一次性缴费总额（元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("按市政府、村集体、个人 5:2:3 分担，各方金额自动计算"),
    )
    monthly_benefit = models.DecimalField(
        _("人均基本生活保障金（元/月）"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    department = owning_department()
    note = models.CharField(_("说明"), max_length=200, blank=True)

    base_form_class = InvestmentForm
    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("year"), FieldPanel("batch"), FieldPanel("department")]), FieldPanel("insured")],
            heading=_("参保"),
        ),
        FieldRowPanel([FieldPanel("contribution"), FieldPanel("monthly_benefit")], heading=_("缴费与待遇")),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-year", "batch", "id"]
        verbose_name = _("失地农民参保")
        verbose_name_plural = _("失地农民参保")

    def __str__(self) -> str:
        return f"{self.year}年{self.batch}" if self.year else self.batch

    @property
    def split(self) -> figures.Split | None:
        """The contribution's 5:2:3 parts, or None while no total is recorded."""
        return None if self.contribution is None else figures.split_contribution(self.contribution)

    @property
    def government_share(self) -> Decimal | None:
        return self.split and self.split.government

    @property
    def collective_share(self) -> Decimal | None:
        return self.split and self.split.collective

    @property
    def individual_share(self) -> Decimal | None:
        return self.split and self.split.individual
