"""The demo's 招商与园区 step, built on its own on an empty database with the real builder and models."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zoneportal.core.models import Department
from zoneportal.core.progress import Progress
from zoneportal.demo.builder import DemoBuilder
from zoneportal.demo.content import facts
from zoneportal.demo.content import investment as content
from zoneportal.investment import credit_code
from zoneportal.investment import demo as investment_demo
from zoneportal.investment.models import (
    Enterprise,
    Indicator,
    Industry,
    InvestmentTask,
    Park,
    Project,
    ProjectInvestment,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def built() -> DemoBuilder:
    lines: list[str] = []
    builder = DemoBuilder(Progress(lines.append, 1))
    for slug, name in (("zhaoshang", "招商发展分局"), ("guotu", "国土建设分局")):
        builder.departments[slug] = Department.objects.create(name=name, slug=slug)
    builder.progress.step("招商与园区", total=investment_demo.steps())
    investment_demo.build(builder)
    return builder


def test_every_step_ticked(built):
    assert built.progress.done == built.progress.total == investment_demo.steps()


def test_parks_from_the_facts(built):
    guihuashu = Park.objects.get(name="桂花树工业园")
    assert guihuashu.planned_area_km2 == Decimal("1.23")
    assert guihuashu.planned_area_mu == Decimal(facts.PARKS["guihuashu"].area_mu)  # 1845, computed
    assert guihuashu.land_acquired_mu == Decimal("2000")
    assert guihuashu.infrastructure_label == facts.PARKS["guihuashu"].infrastructure == "七通一平"
    sihe = Park.objects.get(name="四合工业园")
    assert sihe.planned_area_mu == Decimal(facts.PARKS["sihe"].area_mu)
    assert sihe.infrastructure_label == "三通一平"
    assert [(zone.name, zone.area_km2) for zone in guihuashu.zones.all()] == [
        ("新材料产业区", Decimal("0.8")),
        ("新型建材工业园", Decimal("0.25")),
        ("农副产品加工区", Decimal("0.45")),
    ]
    assert Park.objects.get(name="龙凤产业园").zones.count() == 2
    assert set(Park.objects.values_list("department__slug", flat=True)) == {"guotu"}


def test_enterprises_named_in_the_report_with_generated_codes(built):
    names = set(Enterprise.objects.values_list("name", flat=True))
    for brand in ("金凤", "腾辉", "帅丰", "科隆", "明涛", "凯迪", "凤雅", "三丰", "宝石花", "巴凤楚韵", "腾升香料"):
        assert any(name.startswith(brand) for name in names), brand
    codes = list(Enterprise.objects.values_list("credit_code", flat=True))
    assert len(set(codes)) == len(codes) == len(content.ENTERPRISES)
    assert all(credit_code.is_valid(code) and code.startswith("91422827MA") for code in codes)
    assert all(remarks == content.GENERATED_NOTE for remarks in Enterprise.objects.values_list("remarks", flat=True))
    assert Enterprise.objects.get(name="腾升香料").park.name == "四合工业园"


def test_2014_list_and_task(built):
    assert ProjectInvestment.objects.filter(year=2014).count() == len(facts.INVESTMENT_2014)
    assert Project.objects.get(investor="帅丰建材").arrived_total == 16500
    new = sum(row.amount for row in ProjectInvestment.objects.filter(project__kind="新建"))
    assert new == facts.INVESTMENT_2014_NEW_TOTAL
    task = InvestmentTask.objects.get(year=2014)
    assert task.target == facts.INVESTMENT_2014_TASK
    assert task.arrived == facts.INVESTMENT_2014_ACTUAL  # 49,100 万元, computed from the projects
    assert task.achievement == Decimal("140.3")
    assert Project.objects.get(investor="宝石花红木家具").stage == "producing"
    assert Project.objects.get(investor="荆来建材").remarks == content.ASSUMED_STAGE_NOTE
    signed = Project.objects.get(name="地道药材综合开发项目")
    assert signed.stage == "signed" and signed.major and signed.land_mu == 100


def test_indicators_2015_and_2020(built):
    scale = Indicator.objects.get(name="规模以上工业企业")
    assert [(point.year, point.actual, point.target) for point in scale.series()] == [
        (2015, Decimal("43"), None),
        (2020, None, Decimal("80")),
    ]
    output = Indicator.objects.get(name="工业总产值")
    assert output.unit == "亿元" and output.series()[0].actual == Decimal("34.35")
    assert Indicator.objects.get(name="新型建材产业集群产值").series()[0].target == Decimal("20")
    # Each cluster's output goal belongs to its industry (the 产业集群产值 chart draws them by it), the zone's not.
    assert dict(Indicator.objects.filter(industry__isnull=False).values_list("name", "industry__name")) == {
        f"{cluster}产值": content.CLUSTER_INDUSTRIES[cluster] for cluster, _value in facts.CLUSTERS_2020
    }
    assert output.industry is None and scale.industry is None
    assert Indicator.objects.count() == len(facts.RESULTS_2015) + len(facts.TARGETS_2020) + len(facts.CLUSTERS_2020) - 1


def test_removed_then_built_again(built):
    departments = list(built.departments.values())
    investment_demo.remove(departments)
    for model in (Park, Enterprise, Project, InvestmentTask, Indicator, Industry, ProjectInvestment):
        assert not model.objects.exists(), model
    built.progress.step("again", total=investment_demo.steps())
    investment_demo.build(built)
    assert Enterprise.objects.count() == len(content.ENTERPRISES)
