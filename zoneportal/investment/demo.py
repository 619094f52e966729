"""The demo's 招商与园区 (``load_demo``): industries, parks, enterprises, projects, the 2014 task, indicators.

The content is in ``zoneportal/demo/content/investment.py``, its figures in
``facts.py``. Parks belong to 国土建设分局 (land and infrastructure), the rest to
招商发展分局. Records are saved with the models' own checks (``full_clean``), so a
content error stops the loader instead of showing nonsense; the 2014 money
arrived, summed from the projects, must equal the report's total.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from zoneportal.demo.content import facts
from zoneportal.demo.content import investment as content

from . import credit_code
from .models import (
    Enterprise,
    Indicator,
    IndicatorYear,
    Industry,
    InvestmentTask,
    Park,
    ParkZone,
    Project,
    ProjectInvestment,
)

if TYPE_CHECKING:
    from zoneportal.demo.builder import DemoBuilder

LAND_DEPARTMENT = "guotu"
INVESTMENT_DEPARTMENT = "zhaoshang"
#: 亿元 → 万元.
WAN_PER_YI = Decimal(10000)


def steps() -> int:
    """How many progress ticks :func:`build` makes."""
    return 1 + len(content.PARKS) + len(content.ENTERPRISES) + len(facts.INVESTMENT_2014) + 1 + 1


def generated_credit_code(number: int) -> str:
    """The demo's ``number``-th registration code: valid in shape and check character, registered to no one."""
    return credit_code.with_check_character(f"{content.CREDIT_CODE_PREFIX}{number:07d}")


def saved(record):
    """``record`` checked as the back office would check it, then saved."""
    record.full_clean()
    record.save()
    return record


def build(builder: DemoBuilder) -> None:
    """Create the demo's investment records."""
    tick = builder.progress.tick
    land, invest = builder.departments[LAND_DEPARTMENT], builder.departments[INVESTMENT_DEPARTMENT]
    industries = {
        name: saved(Industry(name=name, description=description, sort_order=order))
        for order, (name, description) in enumerate(content.INDUSTRIES, start=1)
    }
    tick()
    parks = {}
    for spec in content.PARKS:
        parks[spec.name] = build_park(spec, land, industries)
        tick()
    for number, spec in enumerate(content.ENTERPRISES, start=1):
        saved(
            Enterprise(
                name=spec.name,
                credit_code=generated_credit_code(number),
                park=parks.get(spec.park),
                industry=industries[spec.industry],
                department=invest,
                remarks=content.GENERATED_NOTE,
            )
        )
        tick()
    for item in facts.INVESTMENT_2014:
        stage = content.PROJECT_STAGES.get(item.company, content.DEFAULT_STAGE)
        project = Project(
            name=f"{item.company}项目",
            investor=item.company,
            kind=item.kind,
            industry=industries[content.PROJECT_INDUSTRIES[item.company]],
            stage=stage,
            department=invest,
            remarks="" if item.company in content.PROJECT_STAGES else content.ASSUMED_STAGE_NOTE,
        )
        project.investments = [ProjectInvestment(year=content.INVESTMENT_YEAR, amount=Decimal(item.amount))]
        saved(project)
        tick()
    signed = dict(content.SIGNED_2015)
    industry = industries[signed.pop("industry")]
    saved(Project(**signed, industry=industry, department=invest))
    task = saved(
        InvestmentTask(
            year=content.INVESTMENT_YEAR,
            target=Decimal(facts.INVESTMENT_2014_TASK),
            department=invest,
            note=facts.SOURCE,
        )
    )
    if task.arrived != facts.INVESTMENT_2014_ACTUAL:
        raise ValueError(
            f"演示项目2014年到位资金合计{task.arrived}万元，与报告的{facts.INVESTMENT_2014_ACTUAL}万元不符"
        )
    tick()
    build_indicators(invest, industries)
    tick()


def build_park(spec: content.ParkSpec, department, industries: dict[str, Industry]) -> Park:
    """A park with its functional zones (facts.ZONING) and industries."""
    stated = facts.PARKS.get(spec.fact) if spec.fact else None
    park = Park(name=spec.name, department=department, remarks=spec.remarks)
    if stated is not None:
        park.address = stated.location
        park.founded = stated.since
        park.planned_area_km2 = Decimal(stated.area_km2)
        park.land_acquired_mu = Decimal(stated.land_acquired_mu)
        park.infrastructure = content.INFRASTRUCTURE[stated.infrastructure]
    park.zones = [
        ParkZone(name=name, area_km2=Decimal(area) if area else None, location=where, sort_order=order)
        for order, (name, park_name, area, where) in enumerate(facts.ZONING)
        if park_name == spec.name
    ]
    saved(park)
    park.industries.set([industries[name] for name in spec.industries])
    park.save()
    return park


def build_indicators(department, industries: dict[str, Industry]) -> None:
    """2015's results as that year's actual figures, the 2020 goals as targets, the clusters' output goals."""
    rows: dict[str, tuple[str, str]] = {}  # indicator name → (unit, note)
    industry_of: dict[str, Industry] = {}
    values: dict[str, dict[int, dict[str, Decimal]]] = {}

    def add(name: str, unit: str, note: str, year: int, kind: str, value) -> None:
        name = content.SAME_INDICATOR.get(name, name)
        rows.setdefault(name, (unit, note))
        values.setdefault(name, {}).setdefault(year, {})[kind] = Decimal(str(value))

    for name, value, unit, note in facts.RESULTS_2015:
        add(name, unit, note, content.RESULT_YEAR, "actual", value)
    for name, value, unit, note in facts.TARGETS_2020:
        add(name, unit, note, content.TARGET_YEAR, "target", value)
    for name, value in facts.CLUSTERS_2020:
        add(f"{name}产值", content.CLUSTER_UNIT, "", content.TARGET_YEAR, "target", value)
        industry_of[f"{name}产值"] = industries[content.CLUSTER_INDUSTRIES[name]]
    for order, (name, (unit, note)) in enumerate(rows.items(), start=1):
        indicator = saved(
            Indicator(
                name=name, unit=unit, note=note, industry=industry_of.get(name), department=department, sort_order=order
            )
        )
        for year, figures in values[name].items():
            saved(IndicatorYear(indicator=indicator, year=year, **figures))


def remove(departments) -> None:
    """Delete the demo's investment records (before the departments they belong to)."""
    for model in (Project, Enterprise, Park, InvestmentTask, Indicator):
        model.objects.filter(department__in=departments).delete()
    Industry.objects.filter(name__in=[name for name, _description in content.INDUSTRIES]).delete()
