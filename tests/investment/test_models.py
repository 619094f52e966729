"""The figures the records compute: park land, 规模以上, high-tech, 亿元以上, overdue milestones, tasks, series."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zoneportal.investment.models import (
    EnterpriseYear,
    InvestmentTask,
    Project,
    ProjectInvestment,
    ProjectMilestone,
    Stage,
)
from zoneportal.investment.party import OrganisationForm

pytestmark = pytest.mark.django_db


def test_park_figures(investment):
    park = investment.park
    assert park.planned_area_mu == Decimal("1845")
    assert park.average_land_cost == Decimal("5.29")
    assert park.infrastructure_label == "三通一平"
    assert park.zones.get().area_mu == Decimal("1200")
    park.land_acquired_mu = Decimal(0)
    assert park.average_land_cost is None


def test_above_scale_from_the_latest_year(investment):
    enterprise = investment.enterprise
    assert enterprise.latest_year.year == 2015
    assert enterprise.above_scale  # 2015: exactly 2,000 万元
    EnterpriseYear.objects.create(enterprise=enterprise, year=2016, main_revenue=Decimal("1500"))
    enterprise.refresh_from_db()
    assert not enterprise.above_scale
    enterprise.years.all().delete()
    assert not enterprise.above_scale


def test_high_tech_while_the_certificate_is_valid(investment):
    enterprise = investment.enterprise
    assert not enterprise.is_high_tech(datetime.date(2016, 1, 1))
    enterprise.high_tech_certified_on = datetime.date(2015, 10, 1)
    enterprise.high_tech_expires_on = datetime.date(2018, 9, 30)
    assert not enterprise.is_high_tech(datetime.date(2015, 9, 30))
    assert enterprise.is_high_tech(datetime.date(2018, 9, 30))
    assert not enterprise.is_high_tech(datetime.date(2018, 10, 1))
    enterprise.high_tech_expires_on = datetime.date(2015, 1, 1)
    with pytest.raises(ValidationError) as refused:
        enterprise.full_clean()
    assert refused.value.message_dict["high_tech_expires_on"] == ["有效期不能早于发证日期。"]


def test_party_rule_on_the_enterprise(investment):
    enterprise = investment.enterprise  # two full members
    assert enterprise.suggested_organisation_form == OrganisationForm.JOINT
    assert enterprise.suggested_organisation_label == "联合组建"
    assert not enterprise.organisation_follows_rule  # still 无
    enterprise.organisation_form = OrganisationForm.VILLAGE
    assert enterprise.organisation_follows_rule


def test_major_project_and_money_arrived(investment):
    project = investment.project
    assert project.major  # 16,500 万元
    project.planned_investment = Decimal("9999")
    assert not project.major
    ProjectInvestment.objects.create(project=project, year=2015, amount=Decimal("120.50"))
    assert Project.objects.get(pk=project.pk).arrived_total == Decimal("16620.50")


def test_overdue_milestones_against_today(investment):
    project = investment.project
    milestone = project.milestones.get()  # planned 2015-06-30, not done
    assert not milestone.is_overdue(datetime.date(2015, 6, 30))
    assert milestone.is_overdue(datetime.date(2015, 7, 1))
    assert project.has_overdue_milestone  # today is long past 2015
    milestone.completed_on = datetime.date(2015, 7, 10)
    milestone.save()
    assert not Project.objects.get(pk=project.pk).overdue_milestones(datetime.date(2016, 1, 1))
    assert milestone.was_late()
    future = ProjectMilestone.objects.create(project=project, name="投产", planned_on=datetime.date(2100, 1, 1))
    assert not future.is_overdue()


def test_stage_dates_in_order(investment):
    project = investment.project
    project.signed_on = datetime.date(2014, 5, 1)
    project.building_on = datetime.date(2014, 3, 1)
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert refused.value.message_dict["building_on"] == ["“在建”的日期不能早于“签约”的日期。"]
    project.building_on = datetime.date(2014, 8, 1)
    project.full_clean()
    project.stage = Stage.HALTED
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert refused.value.message_dict["halted_on"] == ["项目已中止，请填写中止日期。"]


def test_task_arrived_is_summed_from_the_projects(investment):
    task = InvestmentTask.objects.get(year=2014)
    assert task.arrived == Decimal("16500")
    other = Project.objects.create(name="藤茶二期", department=investment.project.department)
    ProjectInvestment.objects.create(project=other, year=2014, amount=Decimal("400"))
    ProjectInvestment.objects.create(project=other, year=2015, amount=Decimal("999"))
    assert task.arrived == Decimal("16900")
    assert task.achievement == Decimal("48.3")
    empty = InvestmentTask(year=2030, target=Decimal("1000"), department=investment.project.department)
    assert empty.arrived == 0
    assert empty.achievement == Decimal("0.0")


def test_indicator_series(investment):
    series = investment.indicator.series()
    assert [point.year for point in series] == [2014, 2015]
    first, second = series
    assert first.growth is None and first.achievement is None  # no 2013, no target
    assert second.growth == Decimal("15.1")  # 29.84 → 34.35
    assert second.achievement == Decimal("104.1")  # against 33
    # A gap: 2017 has no 2016 to grow from.
    investment.indicator.years.create(year=2017, actual=Decimal("40"), target=Decimal("0"))
    last = investment.indicator.series()[-1]
    assert last.growth is None and last.achievement is None
