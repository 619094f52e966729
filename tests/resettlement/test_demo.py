"""The demo's 安置与失地保障 step, built alone with the real builder: the report's figures, all in the facts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zoneportal.core.models import Department
from zoneportal.core.progress import Progress
from zoneportal.demo.builder import DemoBuilder
from zoneportal.demo.content import facts
from zoneportal.resettlement import demo as resettlement_demo
from zoneportal.resettlement.models import HousingSite, InsuranceBatch, Relocation
from zoneportal.resettlement.summary import summary


@pytest.fixture
def built(db) -> DemoBuilder:
    builder = DemoBuilder(Progress([].append, 1))
    builder.departments["guotu"] = Department.objects.create(name="国土建设分局", slug="guotu")
    builder.progress.step("安置与失地保障", total=resettlement_demo.steps())
    resettlement_demo.build(builder)
    return builder


def test_every_step_ticked(built):
    assert built.progress.done == built.progress.total == resettlement_demo.steps()


def test_the_reports_figures(built):
    result = summary()
    assert result.households_relocated == 4200 and result.people_relocated == 15000 and result.approximate
    assert result.sites == facts.HOUSING_PLANNED_SITES == 19  # 7 + 6 + 6, computed
    assert result.floor_area == Decimal(facts.HOUSING_PLANNED_AREA)  # 30 + 53 + 27 = 110 万平方米
    assert (result.completed_sites, result.completed_area, result.households_moved_in) == (7, Decimal("30"), 1860)
    assert result.insured == 2400 and result.latest_monthly_benefit == 252
    relocation = Relocation.objects.get()
    assert (relocation.administrative_villages, relocation.natural_villages, relocation.whole_villages_moved) == (
        25,
        42,
        25,
    )
    assert all(
        record.department.slug == "guotu"
        for model in (Relocation, HousingSite, InsuranceBatch)
        for record in model.objects.all()
    )


def test_every_figure_is_in_the_facts_table():
    stated = {fact.figure for fact in facts.FACTS if fact.where.startswith("大冶考察报告")}
    numbers = [
        f"{facts.RELOCATION['households']}",
        f"{facts.RELOCATION['administrative_villages']}个",
        f"{facts.RELOCATION['natural_villages']}个",
        "1.5万余人",
        f"{facts.HOUSING_PLANNED_SITES}个",
        f"{facts.HOUSING_PLANNED_AREA}万平方米",
        facts.HOUSING_INVESTMENT,
        f"{facts.HOUSING_MOVING_IN_BY_YEAR_END}户",
        facts.INSURANCE_SHARES,
        f"{facts.INSURED}名",
        f"{facts.MONTHLY_BENEFIT}元",
        f"{facts.TRAINED}",
        f"{facts.EMPLOYED}",
    ]
    numbers += [f"{sites}处" for _stage, sites, _area, _moved in facts.HOUSING_SITES]
    numbers += [f"{area}万平方米" for _stage, _sites, area, _moved in facts.HOUSING_SITES]
    numbers += [f"{moved}户" for _stage, _sites, _area, moved in facts.HOUSING_SITES if moved]
    assert [number for number in numbers if number not in stated] == []
    assert facts.RELOCATION["people"] == 15000  # 1.5万余人


def test_remove(built):
    resettlement_demo.remove([built.departments["guotu"]])
    assert not (Relocation.objects.exists() or HousingSite.objects.exists() or InsuranceBatch.objects.exists())
