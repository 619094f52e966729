"""领导驾驶舱: the statistics on a hand-made zone with exact numbers, the filters, who may read, exports, queries."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Site

from tests.factories import make_user
from tests.utils import logged_in_client, soup, text_of
from zoneportal.investment import credit_code, dashboard, statistics
from zoneportal.investment.models import (
    Enterprise,
    EnterpriseYear,
    Indicator,
    IndicatorYear,
    Industry,
    InvestmentTask,
    Park,
    Project,
    ProjectInvestment,
    ProjectMilestone,
    Stage,
)
from zoneportal.investment.party import FIVE_ONES_KEYS, OrganisationForm
from zoneportal.investment.statistics import Filters
from zoneportal.portal.models import PortalSettings

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 1)
D = Decimal
INDEX = reverse("investment_dashboard:index")


def export_url(key: str, fmt: str, **query) -> str:
    url = reverse("investment_dashboard:export", args=[key, fmt])
    return url + "?" + "&".join(f"{name}={value}" for name, value in query.items()) if query else url


class Data:
    """The hand-made zone: two parks, two industries, four enterprises, four projects, two tasks, two indicators."""

    def __init__(self, zone) -> None:
        self.zone = zone
        invest = zone.departments["invest"]
        self.building = Industry.objects.create(name="建材", sort_order=1)
        self.energy = Industry.objects.create(name="能源", sort_order=2)
        self.east = Park.objects.create(name="东园", department=invest)
        self.west = Park.objects.create(name="西园", department=invest)
        serial = iter(range(1, 100))

        def enterprise(name, park, industry, form, years, settled_on=None, five_ones=()):
            record = Enterprise(
                name=name,
                five_ones=list(five_ones),
                credit_code=credit_code.with_check_character(f"91422827MA{next(serial):07d}"),
                park=park,
                industry=industry,
                organisation_form=form,
                settled_on=settled_on,
                department=invest,
            )
            record.years = [
                EnterpriseYear(year=year, **{k: D(v) for k, v in figures.items()}) for year, figures in years
            ]
            record.save()
            return record

        enterprise(
            "甲企业",
            self.east,
            self.building,
            OrganisationForm.OWN,
            [
                (2014, {"output": 5000, "main_revenue": 3000, "tax": 300}),
                (2015, {"output": 6000, "main_revenue": 2500, "tax": 400, "export": 100}),
            ],
            settled_on=datetime.date(2010, 5, 1),
            five_ones=FIVE_ONES_KEYS,
        )
        enterprise(
            "乙企业",
            self.east,
            self.energy,
            OrganisationForm.JOINT,
            [(2015, {"output": 8000, "main_revenue": 1500, "tax": 200})],
            # Three of five; a key that merely starts like one does not count.
            five_ones=["organisation", "venue", "rules", "activity-plan"],
        )
        enterprise(
            "丙企业",
            self.west,
            self.building,
            OrganisationForm.LIAISON,
            [
                (2014, {"output": 900, "main_revenue": 1900, "tax": 50}),
                (2015, {"output": 1000, "main_revenue": 2000, "tax": 500}),
            ],
            five_ones=FIVE_ONES_KEYS,  # all five, but no party organisation: not counted
        )
        enterprise(
            "丁企业",
            self.west,
            self.energy,
            OrganisationForm.NONE,
            [(2016, {"output": 100})],
            settled_on=datetime.date(2016, 3, 1),
        )

        def project(name, park, industry, planned, stage, money, milestones, **dates):
            record = Project(
                name=name,
                park=park,
                industry=industry,
                planned_investment=D(planned),
                stage=stage,
                department=invest,
                **dates,
            )
            record.investments = [ProjectInvestment(year=year, amount=D(amount)) for year, amount in money]
            record.milestones = [
                ProjectMilestone(name=title, planned_on=planned_on, completed_on=done)
                for title, planned_on, done in milestones
            ]
            record.save()
            return record

        project(
            "东园建材项目",
            self.east,
            self.building,
            20000,
            Stage.BUILDING,
            [(2014, 3000), (2015, 5000)],
            [
                ("开工", datetime.date(2015, 3, 1), None),
                ("封顶", datetime.date(2015, 10, 1), datetime.date(2015, 9, 1)),
            ],
        )
        project(
            "东园能源项目",
            self.east,
            self.energy,
            8000,
            Stage.SIGNED,
            [(2014, 1000)],
            [("签约", datetime.date(2015, 6, 1), None)],
            signed_on=datetime.date(2015, 5, 1),
        )
        project(
            "西园建材项目",
            self.west,
            self.building,
            12000,
            Stage.PRODUCING,
            [(2015, 2500)],
            [("投产", datetime.date(2016, 2, 1), None)],
        )
        project(
            "中止项目",
            None,
            self.energy,
            500,
            Stage.HALTED,
            [(2015, 100)],
            [("设计", datetime.date(2015, 1, 1), None)],
            halted_on=datetime.date(2015, 2, 1),
        )
        InvestmentTask.objects.create(year=2014, target=D(5000), department=invest)
        InvestmentTask.objects.create(year=2015, target=D(10000), department=invest)
        scale = Indicator.objects.create(name=statistics.ABOVE_SCALE_INDICATOR, unit="家", department=invest)
        IndicatorYear.objects.create(indicator=scale, year=2014, target=D(2))
        IndicatorYear.objects.create(indicator=scale, year=2015, target=D(3), actual=D(2))
        output = Indicator.objects.create(name="工业总产值", unit="亿元", department=invest, sort_order=1)
        IndicatorYear.objects.create(indicator=output, year=2014, actual=D(20))
        IndicatorYear.objects.create(indicator=output, year=2015, actual=D(23), target=D(22))


@pytest.fixture
def data(zone) -> Data:
    return Data(zone)


# ---- the statistics ---------------------------------------------------------------------------------


def test_investment_target_against_arrived_by_year(data):
    rows = statistics.investment_by_year(Filters(2015))
    assert [(row.year, row.target, row.arrived, row.achievement) for row in rows] == [
        (2014, D(5000), D("4000.00"), D("80.0")),
        (2015, D(10000), D("7600.00"), D("76.0")),
    ]
    # A park's money, without the zone's task (set for the whole zone).
    rows = statistics.investment_by_year(Filters(2015, park=data.east.pk))
    assert [(row.year, row.target, row.arrived, row.achievement) for row in rows] == [
        (2014, None, D("4000.00"), None),
        (2015, None, D("5000.00"), None),
    ]
    # The series ends with the chosen year.
    assert [row.year for row in statistics.investment_by_year(Filters(2014))] == [2014]


def test_investment_by_park_and_industry(data):
    by_park = statistics.investment_by(Filters(2015), "park")
    assert [(row.label, row.projects, row.planned, row.arrived, row.achievement) for row in by_park] == [
        ("东园", 1, D("20000.00"), D("5000.00"), D("25.0")),
        ("西园", 1, D("12000.00"), D("2500.00"), D("20.8")),
        ("未定园区", 1, D("500.00"), D("100.00"), D("20.0")),
    ]
    by_industry = statistics.investment_by(Filters(2015), "industry")
    assert [(row.label, row.projects, row.planned, row.arrived) for row in by_industry] == [
        ("建材", 2, D("32000.00"), D("7500.00")),
        ("能源", 1, D("500.00"), D("100.00")),
    ]
    only_energy = statistics.investment_by(Filters(2014, industry=data.energy.pk), "park")
    assert [(row.label, row.arrived) for row in only_energy] == [("东园", D("1000.00"))]


def test_projects_by_stage_counts_the_years_projects(data):
    rows = {row.stage: row for row in statistics.projects_by_stage(Filters(2015))}
    assert list(rows) == [stage.value for stage in Stage]  # every stage, in order
    assert {stage: row.projects for stage, row in rows.items()} == {
        "negotiating": 0,
        "signed": 1,  # no money in 2015, but signed that year
        "pending": 0,
        "building": 1,
        "producing": 1,
        "halted": 1,
    }
    assert rows["building"].major == 1 and rows["building"].planned == D("20000.00")
    assert rows["signed"].major == 0
    east = statistics.projects_by_stage(Filters(2015, park=data.east.pk))
    assert sum(row.projects for row in east) == 2
    # 2014: the two projects with money that year.
    assert sum(row.projects for row in statistics.projects_by_stage(Filters(2014))) == 2


def test_overdue_milestones_longest_first(data):
    overdue = statistics.overdue_milestones(Filters(2015), TODAY)
    assert (overdue.count, overdue.projects) == (2, 2)  # the halted project's and the completed ones do not count
    assert [(row.project, row.park, row.milestone, row.days_overdue) for row in overdue.worst] == [
        ("东园建材项目", "东园", "开工", (TODAY - datetime.date(2015, 3, 1)).days),
        ("东园能源项目", "东园", "签约", (TODAY - datetime.date(2015, 6, 1)).days),
    ]
    assert statistics.overdue_milestones(Filters(2016), TODAY).count == 3
    assert statistics.overdue_milestones(Filters(2016, park=data.west.pk), TODAY).count == 1
    # Not overdue yet the day before and on the planned day.
    assert statistics.overdue_milestones(Filters(2015), datetime.date(2015, 3, 1)).count == 0
    assert statistics.overdue_milestones(Filters(2015), TODAY, limit=1).worst[0].milestone == "开工"


def test_top_enterprises_by_output_and_tax(data):
    output = statistics.top_enterprises(Filters(2015), "output")
    assert [(row.rank, row.name, row.park, row.industry, row.value) for row in output] == [
        (1, "乙企业", "东园", "能源", D("8000.00")),
        (2, "甲企业", "东园", "建材", D("6000.00")),
        (3, "丙企业", "西园", "建材", D("1000.00")),
    ]
    tax = statistics.top_enterprises(Filters(2015, industry=data.building.pk), "tax")
    assert [(row.name, row.value) for row in tax] == [("丙企业", D("500.00")), ("甲企业", D("400.00"))]
    assert [row.name for row in statistics.top_enterprises(Filters(2015), "output", limit=1)] == ["乙企业"]
    with pytest.raises(ValueError):
        statistics.top_enterprises(Filters(2015), "employees")


def test_enterprise_totals_and_above_scale_against_the_target(data):
    totals = statistics.enterprise_totals(Filters(2015))
    assert [(row.year, row.enterprises, row.above_scale, row.output, row.tax, row.export) for row in totals] == [
        (2014, 2, 1, D("5900.00"), D("350.00"), D("0.00")),
        (2015, 3, 2, D("15000.00"), D("1100.00"), D("100.00")),
    ]
    rows = statistics.above_scale(Filters(2015))
    assert [(row.year, row.count, row.target, row.achievement) for row in rows] == [
        (2014, 1, D(2), D("50.0")),
        (2015, 2, D(3), D("66.7")),
    ]
    east = statistics.above_scale(Filters(2015, park=data.east.pk))
    assert [(row.year, row.count, row.target) for row in east] == [(2014, 1, None), (2015, 1, None)]


def test_party_coverage_of_the_enterprises_settled_by_the_year(data):
    coverage = statistics.party_coverage(Filters(2015))
    assert coverage.enterprises == 3  # 丁 settled in 2016
    assert (coverage.organisation_rate, coverage.work_rate) == (D("66.7"), D("100.0"))
    assert dict((form, count) for form, _label, count in coverage.by_form) == {
        "own": 1,
        "joint": 1,
        "village": 0,
        "liaison": 1,
        "none": 0,
    }
    later = statistics.party_coverage(Filters(2016))
    assert (later.enterprises, later.organisation_rate, later.work_rate) == (4, D("50.0"), D("75.0"))
    east = statistics.party_coverage(Filters(2015, park=data.east.pk))
    assert (east.enterprises, east.organisation_rate) == (2, D("100.0"))
    assert statistics.party_coverage(Filters(2015, park=data.east.pk, industry=data.building.pk)).enterprises == 1


def test_five_ones_rate_of_the_enterprises_with_a_party_organisation(data):
    coverage = statistics.party_coverage(Filters(2015))
    assert coverage.organised == 2  # 甲 (单独组建) and 乙 (联合组建); 丙 has a liaison officer only
    assert coverage.five_ones == {
        "organisation": 2,
        "instructor": 1,
        "venue": 2,
        "rules": 2,
        "activity": 1,
        statistics.FIVE_ONES_COMPLETE: 1,
    }
    assert coverage.five_ones_rate == D("50.0")
    west = statistics.party_coverage(Filters(2015, park=data.west.pk))
    assert (west.organised, west.five_ones_rate) == (0, None)  # 丙 has all five but no organisation
    Enterprise.objects.filter(name="乙企业").update(five_ones=FIVE_ONES_KEYS)
    assert statistics.party_coverage(Filters(2015)).five_ones_rate == D("100.0")


def test_indicator_trends_with_growth_and_achievement(data):
    trends = {trend.name: trend for trend in statistics.indicator_trends(Filters(2015))}
    output = trends["工业总产值"]
    assert output.unit == "亿元"
    assert [(p.year, p.actual, p.growth, p.achievement) for p in output.points] == [
        (2014, D(20), None, None),
        (2015, D(23), D("15.0"), D("104.5")),
    ]
    assert [p.year for p in statistics.indicator_trends(Filters(2014))[0].points] == [2014]


def test_available_years_newest_first(data):
    assert statistics.available_years() == [2016, 2015, 2014]


def test_the_overview_reads_each_figure_once(data):
    overview = statistics.Overview(Filters(2015), TODAY)
    assert overview.year_investment.arrived == D("7600.00")
    assert overview.year_projects == 4
    with CaptureQueriesContext(connection) as queries:
        dashboard.all_charts(overview)
    # The year's investment row is read already; the rest: one query per figure, two for overdue and indicators.
    assert len(queries) <= 12, [query["sql"] for query in queries]
    with CaptureQueriesContext(connection) as again:
        dashboard.all_charts(overview)
    assert len(again) == 0


# ---- the page ----------------------------------------------------------------------------------------


def figure(page, name: str) -> str:
    return page.find(attrs={"data-figure": name}).get_text(strip=True)


def test_the_dashboard_shows_every_figure_for_the_newest_year(data, zone):
    response = logged_in_client(zone.users["invest_editor"]).get(INDEX)
    assert response.status_code == 200
    page = soup(response)
    assert page.find("select", attrs={"name": "year"}).find("option", selected=True)["value"] == "2016"
    response = logged_in_client(zone.users["invest_editor"]).get(INDEX, {"year": 2015})
    page = soup(response)
    assert figure(page, "arrived") == "7,600.00"
    assert figure(page, "achievement") == "76.0%"
    assert figure(page, "projects") == "4"
    assert figure(page, "overdue") == "2"
    assert figure(page, "above-scale") == "2 / 3"
    assert figure(page, "party") == "66.7%"
    assert figure(page, "five-ones") == "50.0%"
    sections = page.select("section.dashboard-chart")
    assert [section["id"] for section in sections] == list(dashboard.CHARTS)
    parks = page.find(id="investment-parks")
    assert [th.get_text() for th in parks.select("tbody th")] == ["东园", "西园", "未定园区"]
    assert parks.find(attrs={"data-chart": "investment-parks-options"})["role"] == "img"
    assert parks.find("script", id="investment-parks-options", type="application/json")
    # Each chart's exports carry the filters.
    links = [a["href"] for a in parks.select(".dashboard-chart__exports a")]
    assert links == [
        export_url("investment-parks", "xlsx", year=2015),
        export_url("investment-parks", "csv", year=2015),
    ]
    assert "金额单位为万元" in text_of(response)
    assert not page.select("script:not([src]):not([type='application/json'])")  # no inline scripts of ours


def test_filters_change_every_figure(data, zone):
    client = logged_in_client(zone.users["invest_editor"])
    page = soup(client.get(INDEX, {"year": 2015, "park": data.east.pk}))
    assert figure(page, "arrived") == "5,000.00"
    assert figure(page, "achievement") == "—"
    assert figure(page, "projects") == "2"
    assert figure(page, "overdue") == "2"
    assert figure(page, "above-scale") == "1"
    assert figure(page, "party") == "100.0%"
    assert figure(page, "five-ones") == "50.0%"
    top = page.find(id="top-output")
    assert [row.select("td")[0].get_text() for row in top.select("tbody tr")] == ["乙企业", "甲企业"]
    assert "东园 · 全部产业" in page.find(attrs={"data-dashboard-filters": True}).get_text()
    page = soup(client.get(INDEX, {"year": 2015, "industry": data.building.pk}))
    assert figure(page, "arrived") == "7,500.00"
    assert [row.select("td")[0].get_text() for row in page.find(id="top-tax").select("tbody tr")] == [
        "丙企业",
        "甲企业",
    ]


def test_bad_filters_are_named_in_chinese_and_kept(data, zone):
    client = logged_in_client(zone.users["invest_editor"])
    response = client.get(INDEX, {"year": 1999, "park": 999999})
    assert response.status_code == 200
    page = soup(response)
    assert "没有1999年的数据" in page.find(id="id_year_error").get_text()
    assert "所选的项目不存在" in page.find(id="id_park_error").get_text()
    assert not page.select("section.dashboard-chart")
    response = client.get(export_url("top-tax", "csv", year="abc"))
    assert response.status_code == 400 and "年" in response.content.decode()


def test_who_may_read_it(data, zone, client):
    response = client.get(INDEX)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.get(export_url("top-tax", "xlsx"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    for role in ("finance_editor", "invest_head", "reviewer", "admin"):
        assert logged_in_client(zone.users[role]).get(INDEX).status_code == 200, role
    plain = Group.objects.create(name="没有部门的编辑")
    plain.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = logged_in_client(make_user("plain_editor", plain))
    response = outsider.get(INDEX)
    assert response.status_code == 403 and "领导驾驶舱仅向各部门工作人员开放" in text_of(response)
    assert outsider.get(export_url("top-tax", "xlsx", year=2015)).status_code == 403
    # The menu: under 招商与园区 for department staff, not for the outsider.
    home = reverse("wagtailadmin_home")
    assert INDEX in logged_in_client(zone.users["finance_editor"]).get(home).content.decode()
    assert INDEX not in outsider.get(home).content.decode()


def test_exports_hold_the_charts_table(data, zone):
    client = logged_in_client(zone.users["finance_editor"])
    response = client.get(export_url("investment-industries", "xlsx", year=2015))
    assert response.status_code == 200
    assert response["Content-Type"] == dashboard.XLSX_TYPE
    assert 'filename="investment-industries-2015.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["产业集群", "项目数", "计划总投资（万元）", "当年到位资金（万元）", "到位率（%）"],
        ["建材", 2, 32000, 7500, 23.4],
        ["能源", 1, 500, 100, 20],
    ]
    response = client.get(export_url("top-output", "csv", year=2015, park=data.east.pk))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="top-output-2015-park{data.east.pk}.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [
        ["名次", "企业", "园区", "产业集群", "工业总产值（万元）"],
        ["1", "乙企业", "东园", "能源", "8000.00"],
        ["2", "甲企业", "东园", "建材", "6000.00"],
    ]
    # The overdue list (a table without a chart) exports too; an unknown chart or format is 404.
    sheet = load_workbook(io.BytesIO(client.get(export_url("overdue-milestones", "xlsx", year=2015)).content)).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["开工", "签约"]
    # The 五个一: each item among the enterprises with a party organisation, then all five.
    response = client.get(export_url("party-five-ones", "csv", year=2015))
    assert list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:])))[-2:] == [
        ["一项党建特色活动", "1", "50.0"],
        ["五项全部具备", "1", "50.0"],
    ]
    assert client.get(export_url("nothing", "csv")).status_code == 404
    assert client.get(reverse("investment_dashboard:export", args=["top-tax", "pdf"])).status_code == 404


def test_a_name_like_a_formula_is_exported_as_text(data, zone):
    Enterprise.objects.filter(name="乙企业").update(name="=HYPERLINK(1)")
    client = logged_in_client(zone.users["finance_editor"])
    sheet = load_workbook(io.BytesIO(client.get(export_url("top-output", "xlsx", year=2015)).content)).active
    assert sheet["B2"].value == "'=HYPERLINK(1)"


def investment_queries(captured: CaptureQueriesContext) -> list[str]:
    """The SQL of ``captured`` that reads the investment tables: the figures' own queries."""
    return [query["sql"] for query in captured if '"investment_' in query["sql"]]


#: The whole page's queries, the back office's frame included (docs/benchmarks.md names each): 9 for the
#: figures, 1 for the filters' choices, 12 for the frame (Wagtail's own permission and profile reads among them,
#: and the 网上办公 menu's counts — unread notices, documents waiting for the user — in one).
PAGE_QUERIES = 22


def test_the_page_takes_a_bounded_number_of_queries(data, zone):
    # A zone's 网站设置 exist (the first read creates them, which moves the page-cache generation on).
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    client = logged_in_client(zone.users["invest_editor"])
    client.get(INDEX)  # the brand cached under this generation, as on any later page
    with CaptureQueriesContext(connection) as first:
        assert client.get(INDEX, {"year": 2015, "park": data.east.pk, "industry": data.building.pk}).status_code == 200
    assert len(first) <= PAGE_QUERIES, "\n".join(query["sql"] for query in first)
    assert len(investment_queries(first)) <= 10
    # Ten times the enterprises and projects: not one query more.
    invest = zone.departments["invest"]
    for number in range(30):
        enterprise = Enterprise(
            name=f"加测企业{number}",
            credit_code=credit_code.with_check_character(f"91422827MB{number:07d}"),
            park=data.west,
            industry=data.energy,
            department=invest,
        )
        enterprise.years = [EnterpriseYear(year=2015, output=D(number), tax=D(1), main_revenue=D(3000))]
        enterprise.save()
        project = Project(name=f"加测项目{number}", park=data.west, department=invest, planned_investment=D(1))
        project.investments = [ProjectInvestment(year=2015, amount=D(1))]
        project.milestones = [ProjectMilestone(name="节点", planned_on=datetime.date(2015, 1, 2))]
        project.save()
    client.get(INDEX)  # the saves moved the page-cache generation on: the brand and site are read once again
    with CaptureQueriesContext(connection) as more:
        response = client.get(INDEX, {"year": 2015})
    assert len(more) <= PAGE_QUERIES, "\n".join(query["sql"] for query in more)
    assert len(investment_queries(more)) == len(investment_queries(first))
    assert figure(soup(response), "overdue") == "32"
