"""The test zone plus 国土建设分局, industries, a park, an enterprise with yearly figures, a project, an indicator."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.factories import Zone, make_user
from zoneportal.core.models import Department
from zoneportal.investment.models import (
    Enterprise,
    EnterpriseYear,
    Indicator,
    IndicatorYear,
    Industry,
    InvestmentTask,
    Park,
    ParkZone,
    Project,
    ProjectInvestment,
    ProjectMilestone,
    Stage,
)

#: Real, published 统一社会信用代码 (their check characters are right), for enterprises of the tests.
XIAOMI = "91110108551385082Q"
HUAWEI = "914403001922038216"
TENCENT = "9144030071526726XG"


@dataclass
class InvestmentZone:
    zone: Zone
    land: Department  # 国土建设分局, which keeps parks but not projects
    building_materials: Industry
    park: Park
    enterprise: Enterprise
    project: Project
    indicator: Indicator

    def user(self, role: str):
        return self.zone.users[role]


@pytest.fixture
def investment(zone: Zone) -> InvestmentZone:
    invest = zone.departments["invest"]
    land = Department.objects.create(name="国土建设分局", slug="guotu", kind=Department.Kind.BUREAU, sort_order=3)
    zone.users["guotu_editor"] = make_user("guotu_editor", land.editors_group)
    zone.users["guotu_head"] = make_user("guotu_head", land.heads_group)
    building_materials = Industry.objects.create(name="新型建材", sort_order=1)
    Industry.objects.create(name="新能源", sort_order=2)
    park = Park(
        name="桂花树工业园",
        address="翔凤镇桂花树村",
        planned_area_km2=Decimal("1.23"),
        land_acquired_mu=Decimal("2000"),
        land_cost=Decimal("10580"),
        infrastructure=["road", "water", "power", "levelled"],
        department=land,
    )
    park.zones = [ParkZone(name="新材料产业区", area_km2=Decimal("0.8"))]
    park.save()
    enterprise = Enterprise(
        name="金凤建材",
        credit_code=HUAWEI,
        park=park,
        industry=building_materials,
        party_full_members=2,
        department=invest,
    )
    enterprise.years = [
        EnterpriseYear(year=2014, main_revenue=Decimal("1800")),
        EnterpriseYear(year=2015, main_revenue=Decimal("2000")),
    ]
    enterprise.save()
    project = Project(
        name="新型建材生产线",
        investor="帅丰建材",
        industry=building_materials,
        park=park,
        planned_investment=Decimal("16500"),
        stage=Stage.BUILDING,
        department=invest,
    )
    project.investments = [ProjectInvestment(year=2014, amount=Decimal("16500"))]
    project.milestones = [ProjectMilestone(name="厂房封顶", planned_on=datetime.date(2015, 6, 30))]
    project.save()
    InvestmentTask.objects.create(year=2014, target=Decimal("35000"), department=invest)
    indicator = Indicator.objects.create(name="工业总产值", unit="亿元", department=invest)
    IndicatorYear.objects.create(indicator=indicator, year=2014, actual=Decimal("29.84"))
    IndicatorYear.objects.create(indicator=indicator, year=2015, actual=Decimal("34.35"), target=Decimal("33"))
    return InvestmentZone(zone, land, building_materials, park, enterprise, project, indicator)
