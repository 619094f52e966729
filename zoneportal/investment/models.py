"""招商与园区: industries, parks with their functional zones, enterprises, projects, yearly tasks and indicators.

These are records, not pages: each belongs to the department that keeps it
(``department``), which edits it in the back office (``wagtail_hooks.py``);
every other department reads it. Every figure that can be computed — areas in
亩, the average land cost, 七通一平, 规模以上, 亿元以上, overdue milestones, money
arrived against a year's task, growth and 完成率 — is a property computed from
the stored figures (:mod:`.figures`), never a field someone types. Money is in
万元; areas in km² or 亩.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from zoneportal.core.models import Department, Leader

from . import credit_code, figures, party
from .forms import EnterpriseForm, InvestmentForm, ParkForm, YearlyInlinePanel

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def money(verbose_name: str, **kwargs) -> models.DecimalField:
    """An amount in 万元 (two decimals: 100 yuan), optional unless told otherwise."""
    kwargs.setdefault("null", True)
    kwargs.setdefault("blank", True)
    return models.DecimalField(
        verbose_name, max_digits=14, decimal_places=2, validators=[MinValueValidator(0)], **kwargs
    )


def area(verbose_name: str, decimal_places: int) -> models.DecimalField:
    """An optional area (km² with three decimals, 亩 with two)."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=decimal_places,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


def owning_department() -> models.ForeignKey:
    """The department that keeps the record (and alone edits it)."""
    return models.ForeignKey(Department, verbose_name=_("负责部门"), on_delete=models.PROTECT, related_name="+")


def year_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(_("年份"), validators=YEAR_VALIDATORS)


class Industry(models.Model):
    """产业集群: 新型建材, 新材料, 新能源 … — a list administrators keep."""

    name = models.CharField(_("名称"), max_length=40, unique=True)
    description = models.CharField(_("说明"), max_length=200, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("产业集群")
        verbose_name_plural = _("产业集群")

    def __str__(self) -> str:
        return self.name


class Park(ClusterableModel):
    """园区: land, its cost, infrastructure, functional zones and industries."""

    name = models.CharField(_("园区名称"), max_length=60, unique=True)
    address = models.CharField(_("位置"), max_length=200, blank=True)
    founded = models.CharField(_("建园时间"), max_length=40, blank=True, help_text=_("如 2008年"))
    planned_area_km2 = area(_("规划面积（平方公里）"), 3)
    land_acquired_mu = area(_("已征用土地（亩）"), 2)
    land_cost = money(_("征地资金（万元）"))
    infrastructure = models.JSONField(_("基础设施"), default=list, blank=True)
    leader = models.ForeignKey(
        Leader, verbose_name=_("责任领导"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    department = owning_department()
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("园区规划图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    industries = ParentalManyToManyField(Industry, verbose_name=_("主导产业"), blank=True, related_name="parks")
    remarks = models.TextField(_("备注"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    base_form_class = ParkForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("address"), FieldPanel("founded"), FieldPanel("department")],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("planned_area_km2"), FieldPanel("land_acquired_mu"), FieldPanel("land_cost")]
                ),
                FieldPanel("infrastructure"),
            ],
            heading=_("土地与基础设施"),
        ),
        InlinePanel("zones", heading=_("功能分区"), label=_("功能分区")),
        FieldPanel("industries"),
        FieldPanel("leader"),
        FieldPanel("map_image"),
        FieldPanel("remarks"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("园区")
        verbose_name_plural = _("园区")

    def __str__(self) -> str:
        return self.name

    @property
    def planned_area_mu(self) -> Decimal | None:
        """规划面积 in 亩 (1 km² = 1,500 亩)."""
        return figures.km2_to_mu(self.planned_area_km2)

    @property
    def average_land_cost(self) -> Decimal | None:
        """征地亩均价 (万元 per 亩)."""
        return figures.average_cost_per_mu(self.land_cost, self.land_acquired_mu)

    @property
    def infrastructure_label(self) -> str:
        """七通一平, 三通一平, or the items there are."""
        return figures.infrastructure_label(self.infrastructure or [])


class ParkZone(Orderable):
    """A park's functional zone (新材料产业区 0.8 km² …)."""

    park = ParentalKey(Park, on_delete=models.CASCADE, related_name="zones")
    name = models.CharField(_("分区名称"), max_length=60)
    area_km2 = area(_("规划面积（平方公里）"), 3)
    location = models.CharField(_("位置"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("area_km2")]), FieldPanel("location")]

    class Meta(Orderable.Meta):
        verbose_name = _("功能分区")
        verbose_name_plural = _("功能分区")

    def __str__(self) -> str:
        return self.name

    @property
    def area_mu(self) -> Decimal | None:
        return figures.km2_to_mu(self.area_km2)


class Enterprise(ClusterableModel):
    """入园企业: registration, park and industry, people, yearly figures and party-building coverage."""

    name = models.CharField(_("企业名称"), max_length=100, unique=True)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[credit_code.validate_credit_code],
        error_messages={"unique": _("已有企业使用这个统一社会信用代码。")},
    )
    park = models.ForeignKey(
        Park, verbose_name=_("所在园区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="enterprises"
    )
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("产业集群"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
    )
    settled_on = models.DateField(_("入园日期"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("从业人数"), null=True, blank=True)
    high_tech_certified_on = models.DateField(_("高新技术企业证书发证日期"), null=True, blank=True)
    high_tech_expires_on = models.DateField(_("高新技术企业证书有效期至"), null=True, blank=True)
    party_full_members = models.PositiveIntegerField(_("正式党员人数"), default=0)
    party_probationary_members = models.PositiveIntegerField(_("预备党员人数"), default=0)
    organisation_form = models.CharField(
        _("党组织组建形式"),
        max_length=10,
        choices=party.OrganisationForm.choices,
        default=party.OrganisationForm.NONE,
        help_text=_("正式党员3名及以上的单独组建；1至2名的联合组建或挂靠村支部；没有正式党员的派驻党建联络员。"),
    )
    five_ones = models.JSONField(_("“五个一”建设"), default=list, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=40, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    department = owning_department()
    remarks = models.TextField(_("备注"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    base_form_class = EnterpriseForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("credit_code"),
                FieldRowPanel([FieldPanel("park"), FieldPanel("industry")]),
                FieldRowPanel([FieldPanel("settled_on"), FieldPanel("employees")]),
                FieldPanel("department"),
            ],
            heading=_("基本信息"),
        ),
        FieldRowPanel(
            [FieldPanel("high_tech_certified_on"), FieldPanel("high_tech_expires_on")], heading=_("高新技术企业")
        ),
        YearlyInlinePanel("years", heading=_("年度经济数据（万元）"), label=_("年度数据")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("party_full_members"), FieldPanel("party_probationary_members")]),
                FieldPanel("organisation_form"),
                FieldPanel("five_ones"),
            ],
            heading=_("党建覆盖"),
        ),
        FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contact_phone")], heading=_("联系方式")),
        FieldPanel("remarks"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("企业")
        verbose_name_plural = _("企业")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.high_tech_certified_on
            and self.high_tech_expires_on
            and self.high_tech_expires_on < self.high_tech_certified_on
        ):
            raise ValidationError({"high_tech_expires_on": _("有效期不能早于发证日期。")})

    def is_high_tech(self, on: datetime.date | None = None) -> bool:
        """Whether the high-tech certificate is valid on ``on`` (today by default)."""
        on = on or timezone.localdate()
        if not self.high_tech_certified_on or self.high_tech_certified_on > on:
            return False
        return self.high_tech_expires_on is None or on <= self.high_tech_expires_on

    @property
    def latest_year(self) -> EnterpriseYear | None:
        """The most recent year with figures."""
        return max(self.years.all(), key=lambda row: row.year, default=None)

    @property
    def above_scale(self) -> bool:
        """规模以上, judged on the most recent year's main business revenue."""
        latest = self.latest_year
        return latest is not None and latest.above_scale

    @property
    def party_members(self) -> int:
        return self.party_full_members + self.party_probationary_members

    @property
    def suggested_organisation_form(self) -> party.OrganisationForm:
        """The form the coverage rule suggests for the full members."""
        return party.suggested_form(self.party_full_members)

    @property
    def suggested_organisation_label(self) -> str:
        """The suggested form's name (联合组建 …), for listings."""
        return str(self.suggested_organisation_form.label)

    @property
    def organisation_follows_rule(self) -> bool:
        return party.follows_rule(self.organisation_form, self.party_full_members)


class EnterpriseYear(models.Model):
    """An enterprise's figures for one year (万元)."""

    enterprise = ParentalKey(Enterprise, on_delete=models.CASCADE, related_name="years")
    year = year_field()
    output = money(_("工业总产值"))
    value_added = money(_("工业增加值"))
    main_revenue = money(_("主营业务收入"))
    tax = money(_("纳税额"))
    export = money(_("出口额"))

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("output"), FieldPanel("value_added")]),
        FieldRowPanel([FieldPanel("main_revenue"), FieldPanel("tax"), FieldPanel("export")]),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("企业年度数据")
        verbose_name_plural = _("企业年度数据")
        constraints = [models.UniqueConstraint(fields=["enterprise", "year"], name="investment_enterprise_year_unique")]
        # The dashboard's top lists read a year's rows largest first (statistics.top_enterprises): with
        # these the database walks the largest figures until ten are of the year, instead of sorting all
        # rows. Not led by the year, so the per-year totals still read the table straight through.
        indexes = [
            models.Index(fields=["output"], name="investment_ey_output"),
            models.Index(fields=["tax"], name="investment_ey_tax"),
        ]

    def __str__(self) -> str:
        return f"{self.year}"

    @property
    def above_scale(self) -> bool:
        return figures.above_scale(self.main_revenue)


class Stage(models.TextChoices):
    """A project's stage: 洽谈 → 签约 → 待建 → 在建 → 投产, or 中止."""

    NEGOTIATING = "negotiating", _("洽谈")
    SIGNED = "signed", _("签约")
    PENDING = "pending", _("待建")
    BUILDING = "building", _("在建")
    PRODUCING = "producing", _("投产")
    HALTED = "halted", _("中止")


#: The stages in order with the field holding the date each was reached.
STAGE_DATES: tuple[tuple[Stage, str], ...] = (
    (Stage.NEGOTIATING, "negotiated_on"),
    (Stage.SIGNED, "signed_on"),
    (Stage.PENDING, "pending_on"),
    (Stage.BUILDING, "building_on"),
    (Stage.PRODUCING, "producing_on"),
)


class Project(ClusterableModel):
    """招商项目 / 重点项目, run by the “four ones”: a responsible leader, a responsible person, a work plan, a team."""

    name = models.CharField(_("项目名称"), max_length=120)
    investor = models.CharField(_("投资方"), max_length=120, blank=True)
    industry = models.ForeignKey(
        Industry, verbose_name=_("产业集群"), null=True, blank=True, on_delete=models.SET_NULL, related_name="projects"
    )
    park = models.ForeignKey(
        Park, verbose_name=_("所在园区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="projects"
    )
    kind = models.CharField(_("建设性质"), max_length=10, blank=True, help_text=_("如 新建、续建"))
    planned_investment = money(_("计划总投资（万元）"))
    land_mu = area(_("用地（亩）"), 2)
    stage = models.CharField(_("项目阶段"), max_length=12, choices=Stage.choices, default=Stage.NEGOTIATING)
    negotiated_on = models.DateField(_("洽谈日期"), null=True, blank=True)
    signed_on = models.DateField(_("签约日期"), null=True, blank=True)
    pending_on = models.DateField(_("待建日期"), null=True, blank=True)
    building_on = models.DateField(_("开工日期"), null=True, blank=True)
    producing_on = models.DateField(_("投产日期"), null=True, blank=True)
    halted_on = models.DateField(_("中止日期"), null=True, blank=True)
    leader = models.ForeignKey(
        Leader, verbose_name=_("责任领导"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responsible_person = models.CharField(_("责任人"), max_length=40, blank=True)
    work_plan = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("工作方案"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_team = models.CharField(_("服务专班"), max_length=200, blank=True)
    department = owning_department()
    remarks = models.TextField(_("备注"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    base_form_class = InvestmentForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("investor"),
                FieldRowPanel([FieldPanel("industry"), FieldPanel("park"), FieldPanel("kind")]),
                FieldRowPanel([FieldPanel("planned_investment"), FieldPanel("land_mu")]),
                FieldPanel("department"),
            ],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("stage"),
                FieldRowPanel([FieldPanel("negotiated_on"), FieldPanel("signed_on"), FieldPanel("pending_on")]),
                FieldRowPanel([FieldPanel("building_on"), FieldPanel("producing_on"), FieldPanel("halted_on")]),
            ],
            heading=_("项目进度"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("leader"),
                FieldPanel("responsible_person"),
                FieldPanel("work_plan"),
                FieldPanel("service_team"),
            ],
            heading=_("“四个一”工作机制"),
        ),
        YearlyInlinePanel("investments", heading=_("到位资金（万元）"), label=_("年度到位资金")),
        InlinePanel("milestones", heading=_("节点计划"), label=_("节点")),
        InlinePanel("issues", heading=_("问题协调"), label=_("协调事项")),
        InlinePanel("photos", heading=_("进度照片"), label=_("照片")),
        FieldPanel("remarks"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("招商项目")
        verbose_name_plural = _("招商项目")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        reached = [(stage, field, getattr(self, field)) for stage, field in STAGE_DATES if getattr(self, field)]
        for (earlier, _field, before), (later, field, after) in itertools.pairwise(reached):
            if after < before:
                errors[field] = _("“%(later)s”的日期不能早于“%(earlier)s”的日期。") % {
                    "later": later.label,
                    "earlier": earlier.label,
                }
        if self.stage == Stage.HALTED and not self.halted_on:
            errors["halted_on"] = _("项目已中止，请填写中止日期。")
        if errors:
            raise ValidationError(errors)

    @property
    def major(self) -> bool:
        """亿元以上项目."""
        return figures.major_project(self.planned_investment)

    @property
    def arrived_total(self) -> Decimal:
        """累计到位资金 (万元)."""
        return sum((row.amount for row in self.investments.all()), Decimal(0))

    def overdue_milestones(self, today: datetime.date | None = None) -> list[ProjectMilestone]:
        """Milestones past their planned date and not done."""
        return [milestone for milestone in self.milestones.all() if milestone.is_overdue(today)]

    @property
    def has_overdue_milestone(self) -> bool:
        return bool(self.overdue_milestones())


class ProjectInvestment(Orderable):
    """Money that arrived for a project in one year (到位资金)."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="investments")
    year = year_field()
    amount = money(_("到位资金（万元）"), null=False, blank=False)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("amount")])]

    class Meta(Orderable.Meta):
        verbose_name = _("年度到位资金")
        verbose_name_plural = _("年度到位资金")
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="investment_project_year_unique")]

    def __str__(self) -> str:
        return f"{self.year}"


class ProjectMilestone(Orderable):
    """A milestone with its planned and actual dates; overdue while past the plan and not done."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(_("节点"), max_length=100)
    planned_on = models.DateField(_("计划完成日期"))
    completed_on = models.DateField(_("实际完成日期"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("planned_on"), FieldPanel("completed_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("节点")
        verbose_name_plural = _("节点计划")

    def __str__(self) -> str:
        return self.name

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Not done and its planned date has passed (today is still in time)."""
        today = today or timezone.localdate()
        return self.completed_on is None and self.planned_on < today

    def was_late(self) -> bool:
        """Done after its planned date."""
        return self.completed_on is not None and self.completed_on > self.planned_on


class ProjectIssue(Orderable):
    """问题协调: a problem raised about a project and how it was solved."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="issues")
    raised_on = models.DateField(_("提出日期"))
    problem = models.TextField(_("问题"))
    solution = models.TextField(_("解决办法"), blank=True)
    solved_on = models.DateField(_("解决日期"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("raised_on"), FieldPanel("solved_on")]),
        FieldPanel("problem"),
        FieldPanel("solution"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("协调事项")
        verbose_name_plural = _("问题协调")

    def __str__(self) -> str:
        return self.problem[:30]

    def clean(self) -> None:
        if self.solved_on and self.raised_on and self.solved_on < self.raised_on:
            raise ValidationError({"solved_on": _("解决日期不能早于提出日期。")})

    @property
    def solved(self) -> bool:
        return self.solved_on is not None


class ProjectPhoto(Orderable):
    """A progress photo of a project (shown on the project's public page)."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("照片"), on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("说明"), max_length=120, help_text=_("照片内容，也是图片的替代文字"))
    taken_on = models.DateField(_("拍摄日期"), null=True, blank=True)

    panels = [FieldPanel("image"), FieldRowPanel([FieldPanel("caption"), FieldPanel("taken_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("进度照片")
        verbose_name_plural = _("进度照片")

    def __str__(self) -> str:
        return self.caption


class InvestmentTask(models.Model):
    """招商引资任务 of a year; the money arrived is summed from the projects, never typed."""

    year = models.PositiveSmallIntegerField(
        _("年份"), unique=True, validators=YEAR_VALIDATORS, error_messages={"unique": _("这一年的任务已经填写过。")}
    )
    target = money(_("任务（万元）"), null=False, blank=False)
    department = owning_department()
    note = models.CharField(_("说明"), max_length=200, blank=True)

    base_form_class = InvestmentForm

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("target")]), FieldPanel("department"), FieldPanel("note")]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("招商引资任务")
        verbose_name_plural = _("招商引资任务")

    def __str__(self) -> str:
        return _("%(year)d年招商引资任务") % {"year": self.year}

    @property
    def arrived(self) -> Decimal:
        """到位资金: what the projects' rows of this year add up to (万元)."""
        total = ProjectInvestment.objects.filter(year=self.year).aggregate(total=Sum("amount"))["total"]
        # Quantized: SQLite's SUM drops the field's two decimals, PostgreSQL's keeps them.
        return (total or Decimal(0)).quantize(figures.TWO_DECIMALS)

    @property
    def achievement(self) -> Decimal | None:
        return figures.achievement(self.arrived, self.target)


@dataclass(frozen=True)
class IndicatorPoint:
    """One year of an indicator with what is computed from it."""

    year: int
    target: Decimal | None
    actual: Decimal | None
    growth: Decimal | None  # over the previous year's actual figure, when that year is recorded
    achievement: Decimal | None  # actual against target


class Indicator(ClusterableModel):
    """经济指标: the zone's yearly targets and actual figures (生产总值, 税收, 规上企业 …)."""

    name = models.CharField(_("指标名称"), max_length=60, unique=True)
    unit = models.CharField(_("单位"), max_length=20)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("产业集群"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("产业集群的产值指标选其产业；全区经济指标留空"),
    )
    department = owning_department()
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    base_form_class = InvestmentForm

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit")]),
        FieldPanel("note"),
        FieldPanel("industry"),
        FieldPanel("department"),
        FieldPanel("sort_order"),
        YearlyInlinePanel("years", heading=_("年度目标与实绩"), label=_("年度")),
    ]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("经济指标")
        verbose_name_plural = _("经济指标")

    def __str__(self) -> str:
        return self.name

    def series(self) -> list[IndicatorPoint]:
        """The years in order, each with growth over the year before (when recorded) and 完成率."""
        return indicator_series(self.years.all())


class IndicatorYear(models.Model):
    """An indicator's target and actual figure for one year."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="years")
    year = year_field()
    target = models.DecimalField(_("目标"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("实绩"), max_digits=14, decimal_places=2, null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("target"), FieldPanel("actual")])]

    class Meta:
        ordering = ["year"]
        verbose_name = _("指标年度数据")
        verbose_name_plural = _("指标年度数据")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="investment_indicator_year_unique")]

    def __str__(self) -> str:
        return f"{self.year}"


def indicator_series(rows: Iterable[IndicatorYear]) -> list[IndicatorPoint]:
    """An indicator's years (``rows``) in order, each with growth over the year before (when recorded) and 完成率."""
    points: list[IndicatorPoint] = []
    previous: dict[int, Decimal | None] = {}
    for row in sorted(rows, key=lambda row: row.year):
        points.append(
            IndicatorPoint(
                year=row.year,
                target=row.target,
                actual=row.actual,
                growth=figures.growth_rate(row.actual, previous.get(row.year - 1)),
                achievement=figures.achievement(row.actual, row.target),
            )
        )
        previous[row.year] = row.actual
    return points


# The page type showing the records to the public lives in its own module; imported here so Django registers it.
from .pages import InvestmentDataPage  # noqa: E402, F401
