"""The public investment pages: lists with filters, a park and a project, downloads, safe fields, the page cache."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import add_page
from zoneportal.investment.models import Enterprise, IndicatorYear, InvestmentDataPage, Project, ProjectPhoto, Stage

pytestmark = pytest.mark.django_db

URL = "/zwgk/zhaoshangshuju/"


@pytest.fixture
def data_page(investment):
    zone = investment.zone
    investment.enterprise.contact_person = "王经理"
    investment.enterprise.contact_phone = "13971801234"
    investment.enterprise.settled_on = datetime.date(2013, 5, 1)
    investment.enterprise.save()
    page = InvestmentDataPage(title="招商数据", slug="zhaoshangshuju", department=zone.departments["invest"])
    return add_page(zone.columns["disclosure"], page)


def make_secret_project(investment) -> Project:
    return Project.objects.create(
        name="保密洽谈项目", stage=Stage.NEGOTIATING, park=investment.park, department=investment.project.department
    )


def test_overview_links_the_four_lists(data_page, client):
    html = client.get(URL).content.decode()
    for route in ("yuanqu", "qiye", "xiangmu", "zhibiao"):
        assert f'href="{URL}{route}/"' in html
    assert '<meta name="ColumnName"' in html or "<meta name=" in html


def test_parks_list_shows_computed_figures(data_page, investment, client):
    html = client.get(f"{URL}yuanqu/").content.decode()
    assert "桂花树工业园" in html
    assert "1845" in html  # 1.23 km² = 1845 亩, computed
    assert "三通一平" in html
    assert "当前位置" in html and "园区" in html


def test_available_land_subtracts_public_projects_only(data_page, investment, client):
    investment.project.land_mu = Decimal("300")
    investment.project.save()
    secret = make_secret_project(investment)
    secret.land_mu = Decimal("500")
    secret.save()
    rows = read_csv(client.get(f"{URL}yuanqu/daochu/?format=csv"))
    assert rows[1][rows[0].index("可供土地（亩）")] == "1700"


def test_park_page_lists_zones_enterprises_and_public_projects(data_page, investment, client):
    make_secret_project(investment)
    html = client.get(f"{URL}yuanqu/{investment.park.pk}/").content.decode()
    assert "新材料产业区" in html and "金凤建材" in html and "新型建材生产线" in html
    assert "保密洽谈项目" not in html
    assert client.get(f"{URL}yuanqu/999999/").status_code == 404


def test_enterprise_directory_never_shows_contact_or_business_figures(data_page, investment, client):
    html = client.get(f"{URL}qiye/").content.decode()
    assert "金凤建材" in html and "2013-05-01" in html
    for secret in ("13971801234", "王经理", investment.enterprise.credit_code):
        assert secret not in html
        for fmt in ("csv", "xlsx"):
            assert secret.encode() not in client.get(f"{URL}qiye/daochu/?format={fmt}").content


def test_enterprise_filters_by_park_industry_and_year(data_page, investment, client):
    other = Enterprise.objects.create(
        name="凯迪新能源", credit_code="9144030071526726XG", department=investment.enterprise.department
    )
    assert "凯迪新能源" in client.get(f"{URL}qiye/").content.decode()
    for query in (f"park={investment.park.pk}", f"industry={investment.building_materials.pk}", "year=2013"):
        html = client.get(f"{URL}qiye/?{query}").content.decode()
        assert "金凤建材" in html and other.name not in html, query


def test_a_bad_filter_is_named_and_ignored(data_page, client):
    html = client.get(f"{URL}xiangmu/?stage=negotiating&year=abc").content.decode()
    assert "项目阶段只能是" in html and "年份须是" in html
    assert "新型建材生产线" in html


def test_projects_hide_negotiations_and_filter_by_stage_and_year(data_page, investment, client):
    secret = make_secret_project(investment)
    html = client.get(f"{URL}xiangmu/").content.decode()
    assert "新型建材生产线" in html and "保密洽谈项目" not in html
    assert client.get(f"{URL}xiangmu/{secret.pk}/").status_code == 404
    assert "新型建材生产线" not in client.get(f"{URL}xiangmu/?stage=producing").content.decode()
    assert "新型建材生产线" in client.get(f"{URL}xiangmu/?stage=building&year=2014").content.decode()
    assert "新型建材生产线" not in client.get(f"{URL}xiangmu/?year=2015").content.decode()


def test_project_page_shows_stage_money_and_progress_photos(data_page, investment, client):
    image = Image.objects.create(title="厂房", file=get_test_image_file())
    ProjectPhoto.objects.create(
        project=investment.project, image=image, caption="主体厂房封顶", taken_on=datetime.date(2015, 7, 1)
    )
    html = client.get(f"{URL}xiangmu/{investment.project.pk}/").content.decode()
    assert "在建" in html and "16500" in html and "亿元以上项目" in html
    assert 'alt="主体厂房封顶"' in html and "2015-07-01" in html
    assert "厂房封顶" not in html.replace("主体厂房封顶", "")  # milestones are the back office's


def test_indicators_page_has_a_chart_and_its_table_without_inline_script(data_page, investment, client):
    html = client.get(f"{URL}zhibiao/").content.decode()
    assert 'data-chart="indicator-' in html and "js/charts.js" in html
    assert 'type="application/json"' in html
    assert "15.1" in html  # growth 29.84 → 34.35, computed
    assert "104.1" in html  # 34.35 of the target 33
    assert "<script>" not in html and "style=" not in html
    html_2014 = client.get(f"{URL}zhibiao/?year=2014").content.decode()
    assert "29.84" in html_2014 and "34.35" not in html_2014


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_downloads_hold_the_filtered_table(data_page, investment, client):
    rows = read_csv(client.get(f"{URL}xiangmu/daochu/?year=2014&format=csv"))
    assert rows[0][0] == "项目名称" and "2014年到位资金（万元）" in rows[0]
    assert rows[1][0] == "新型建材生产线" and rows[1][rows[0].index("亿元以上")] == "是"
    assert len(rows) == 2
    assert len(read_csv(client.get(f"{URL}xiangmu/daochu/?year=2015&format=csv"))) == 1
    workbook = client.get(f"{URL}zhibiao/daochu/?format=xlsx")
    assert workbook["Content-Disposition"] == 'attachment; filename="indicators.xlsx"'
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["指标", "单位", "年份"]
    assert ["工业总产值", "亿元", 2015, 33, 34.35, 15.1, 104.1] in values
    assert client.get(f"{URL}xiangmu/daochu/?format=exe").status_code == 404
    assert client.get(f"{URL}mimi/daochu/?format=csv").status_code == 404


def test_a_corrected_figure_shows_at_once_through_the_page_cache(
    data_page, investment, client, django_capture_on_commit_callbacks
):
    first = client.get(f"{URL}zhibiao/").content.decode()
    assert "34.35" in first
    row = IndicatorYear.objects.get(indicator=investment.indicator, year=2015)
    # Written without signals: the cached page must still show the old figure (so the page is cached) …
    IndicatorYear.objects.filter(pk=row.pk).update(actual=Decimal("35.5"))
    assert "34.35" in client.get(f"{URL}zhibiao/").content.decode()
    # … and saved as the back office saves it, the next visitor sees the correction.
    with django_capture_on_commit_callbacks(execute=True):  # the generation moves once the row is committed
        row.actual = Decimal("35.12")
        row.save()
    html = client.get(f"{URL}zhibiao/").content.decode()
    assert "35.12" in html and "34.35" not in html


def test_deleting_a_record_refreshes_the_cached_list(data_page, investment, client, django_capture_on_commit_callbacks):
    assert "金凤建材" in client.get(f"{URL}qiye/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Enterprise.objects.get(pk=investment.enterprise.pk).delete()
    assert "金凤建材" not in client.get(f"{URL}qiye/").content.decode()


def test_overview_block_reads_the_records_and_follows_a_correction(
    investment, client, django_capture_on_commit_callbacks
):
    """A content page's 招商与经济数据 block shows the records; an edited amount changes the cached page."""
    from zoneportal.portal.models import ContentPage

    body = [
        {"type": "investment", "value": {"dataset": "projects", "year": 2014, "caption": "2014年到位资金"}},
        {"type": "investment", "value": {"dataset": "indicators", "year": 2015, "caption": ""}},
    ]
    page = add_page(investment.zone.columns["disclosure"], ContentPage(title="招商概况", slug="gaikuang", body=body))
    url = page.url
    from zoneportal.search.indexers import page_text

    assert "帅丰建材" in page_text(page) and "工业总产值" in page_text(page)  # searchable as the page shows it
    html = client.get(url).content.decode()
    assert "帅丰建材" in html and "16500" in html  # the project's investor and its 2014 money
    assert "35000" in html and "47.1" in html  # the task and 完成率, computed (16500 of 35000)
    assert "2015年主要经济指标" in html and "34.35" in html and "104.1" in html
    assert 'data-chart="investment-projects-2014-options"' in html and "<script>" not in html
    row = investment.project.investments.get(year=2014)
    with django_capture_on_commit_callbacks(execute=True):
        row.amount = Decimal("17000")
        row.save()
    html = client.get(url).content.decode()
    assert "17000" in html and "16500" not in html


def test_cluster_block_charts_the_clusters_output_and_the_indicator_table_leaves_them_out(investment, client):
    """产业集群产值: indicators tied to an industry are charted by industry; the zone's own table keeps the rest."""
    from zoneportal.investment.models import Indicator
    from zoneportal.portal.models import ContentPage

    cluster = Indicator.objects.create(
        name="新型建材产业集群产值",
        unit="亿元",
        industry=investment.building_materials,
        department=investment.indicator.department,
    )
    IndicatorYear.objects.create(indicator=cluster, year=2015, target=Decimal("20"), actual=Decimal("21.5"))
    body = [
        {"type": "investment", "value": {"dataset": "clusters", "year": 2015, "caption": ""}},
        {"type": "investment", "value": {"dataset": "indicators", "year": 2015, "caption": ""}},
    ]
    page = add_page(investment.zone.columns["disclosure"], ContentPage(title="产业目标", slug="chanye", body=body))
    html = client.get(page.url).content.decode()
    clusters, indicators = html.split("2015年主要经济指标")
    assert "2015年产业集群产值" in clusters and 'data-chart="investment-clusters-2015-options"' in clusters
    assert "新型建材产业集群产值" in clusters and "107.5" in clusters  # 完成率 computed: 21.5 of 20
    options = json.loads(re.search(r'id="investment-clusters-2015-options"[^>]*>(.*?)</script>', clusters).group(1))
    assert options["xAxis"]["data"] == ["新型建材"]  # drawn by industry
    assert [series["data"] for series in options["series"]] == [[20.0], [21.5]]  # target, actual
    assert "工业总产值" not in clusters
    assert "工业总产值" in indicators and "新型建材产业集群产值" not in indicators
