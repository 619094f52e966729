"""The back office: every department reads, the owning one edits (国土建设分局 cannot edit projects), one row a year."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.core.test_admin_chinese import _sidebar_labels, data_words, english_words
from tests.utils import CJK, admin_form, assert_denied, logged_in_client, soup, text_of
from zoneportal.investment import credit_code
from zoneportal.investment.models import (
    Enterprise,
    EnterpriseYear,
    Indicator,
    Industry,
    InvestmentTask,
    Park,
    Project,
    ProjectInvestment,
    ProjectMilestone,
)

pytestmark = pytest.mark.django_db

FORM = "w-editor-form"


def url(model, name: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def add_row(data, prefix: str, **values) -> int:
    """Append an inline row to the posted ``data`` (as the 添加 button would), with ``values``; its index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for key in [key for key in data if key.startswith(f"{prefix}-__prefix__-")]:
        data[key.replace("__prefix__", str(index))] = ""
    if f"{prefix}-0-ORDER" in data:
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    for field, value in values.items():
        data[f"{prefix}-{index}-{field}"] = value
    return index


def posted(data) -> dict[str, list[str]]:
    """``data`` with every value of a repeated field (a QueryDict's ``items()`` gives only the last)."""
    return {key: data.getlist(key) for key in data}


def field_errors(response, name: str) -> str:
    """The error text Wagtail shows next to the field named ``name``."""
    field = soup(response).find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(class_="w-field__wrapper") or field.find_parent(class_="w-field")
    errors = wrapper.select(".error-message, .w-field__errors") if wrapper else []
    return " ".join(error.get_text(" ", strip=True) for error in errors)


# ---- who may do what ----------------------------------------------------------


def test_land_bureau_cannot_edit_projects(investment):
    project = investment.project
    client = logged_in_client(investment.user("guotu_editor"))
    assert_denied(client.get(url(Project, "edit", project.pk)))
    # The office's own form, posted by 国土建设分局: refused on the server, nothing written.
    data = admin_form(logged_in_client(investment.user("reviewer")).get(url(Project, "edit", project.pk)), FORM)
    data["name"] = "被改掉的名称"
    assert_denied(client.post(url(Project, "edit", project.pk), posted(data)))
    assert_denied(client.post(url(Project, "delete", project.pk)))
    assert Project.objects.get(pk=project.pk).name == "新型建材生产线"
    assert not ModelLogEntry.objects.filter(object_id=str(project.pk), action="wagtail.edit").exists()


def test_land_bureau_reads_projects_and_edits_its_parks(investment):
    client = logged_in_client(investment.user("guotu_head"))
    listing = client.get(url(Project, "list"))
    assert listing.status_code == 200
    assert "新型建材生产线" in text_of(listing)
    park = investment.park
    data = admin_form(client.get(url(Park, "edit", park.pk)), FORM)
    data.setlist("infrastructure", ["road", "water", "power", "gas", "telecom", "cable_tv", "broadband", "levelled"])
    response = client.post(url(Park, "edit", park.pk), posted(data))
    assert response.status_code == 302, text_of(response)
    assert Park.objects.get(pk=park.pk).infrastructure_label == "七通一平"


@pytest.mark.parametrize("role", ["invest_editor", "reviewer"])
def test_investment_bureau_and_office_save_projects(investment, role):
    project = investment.project
    client = logged_in_client(investment.user(role))
    data = admin_form(client.get(url(Project, "edit", project.pk)), FORM)
    data["stage"] = "producing"
    data["producing_on"] = "2015-12-20"
    add_row(data, "investments", year="2015", amount="300")
    response = client.post(url(Project, "edit", project.pk), posted(data))
    assert response.status_code == 302, text_of(response)
    saved = Project.objects.get(pk=project.pk)
    assert saved.stage == "producing"
    assert saved.arrived_total == 16800
    # Wagtail's audit log keeps the change, with who made it.
    entry = ModelLogEntry.objects.filter(object_id=str(project.pk), action="wagtail.edit").get()
    assert entry.user == investment.user(role)


def test_finance_bureau_cannot_add_a_project_for_another_department(investment):
    client = logged_in_client(investment.user("finance_editor"))
    data = admin_form(client.get(url(Project, "add")), FORM)
    data["name"] = "财政分局代填的项目"
    data["department"] = str(investment.project.department_id)
    response = client.post(url(Project, "add"), posted(data))
    assert response.status_code == 200
    assert "department" in response.context["form"].errors
    assert not Project.objects.filter(name="财政分局代填的项目").exists()


def test_creating_is_logged(investment):
    client = logged_in_client(investment.user("invest_editor"))
    data = admin_form(client.get(url(InvestmentTask, "add")), FORM)
    data.update({"year": "2015", "target": "40000", "department": str(investment.project.department_id)})
    assert client.post(url(InvestmentTask, "add"), posted(data)).status_code == 302
    task = InvestmentTask.objects.get(year=2015)
    assert ModelLogEntry.objects.filter(object_id=str(task.pk), action="wagtail.create").exists()
    # The same year again: a Chinese error, not an IntegrityError.
    response = client.post(url(InvestmentTask, "add"), posted(data))
    assert response.status_code == 200
    assert response.context["form"].errors["year"] == ["这一年的任务已经填写过。"]


# ---- forms ---------------------------------------------------------------------


def test_the_same_year_twice_is_a_chinese_error_with_the_input_kept(investment):
    enterprise = investment.enterprise
    client = logged_in_client(investment.user("invest_editor"))
    data = admin_form(client.get(url(Enterprise, "edit", enterprise.pk)), FORM)
    index = add_row(data, "years", year="2015", main_revenue="12345.67", tax="89.5")
    response = client.post(url(Enterprise, "edit", enterprise.pk), posted(data))
    assert response.status_code == 200
    errors = field_errors(response, f"years-{index}-year")
    assert "2015年已经填写过一行，同一年份只能填写一行。" in errors
    page = soup(response)
    assert page.find(attrs={"name": f"years-{index}-main_revenue"})["value"] == "12345.67"
    assert page.find(attrs={"name": f"years-{index}-tax"})["value"] == "89.5"
    assert EnterpriseYear.objects.filter(enterprise=enterprise).count() == 2  # nothing half-written
    assert not ModelLogEntry.objects.filter(object_id=str(enterprise.pk), action="wagtail.edit").exists()


def test_the_same_year_twice_in_a_new_project(investment):
    client = logged_in_client(investment.user("invest_editor"))
    data = admin_form(client.get(url(Project, "add")), FORM)
    data.update({"name": "地道药材综合开发", "department": str(investment.project.department_id)})
    add_row(data, "investments", year="2016", amount="100")
    second = add_row(data, "investments", year="2016", amount="250")
    response = client.post(url(Project, "add"), posted(data))
    assert response.status_code == 200
    assert "2016年已经填写过一行" in field_errors(response, f"investments-{second}-year")
    assert soup(response).find(attrs={"name": "name"})["value"] == "地道药材综合开发"
    assert not Project.objects.filter(name="地道药材综合开发").exists()
    assert not ProjectInvestment.objects.filter(year=2016).exists()


def test_indicator_years_once_each(investment):
    indicator = investment.indicator
    client = logged_in_client(investment.user("reviewer"))
    data = admin_form(client.get(url(Indicator, "edit", indicator.pk)), FORM)
    index = add_row(data, "years", year="2014", target="30")
    response = client.post(url(Indicator, "edit", indicator.pk), posted(data))
    assert response.status_code == 200
    assert "2014年已经填写过一行" in field_errors(response, f"years-{index}-year")


def test_credit_code_checked_and_written_in_capitals(investment):
    enterprise = investment.enterprise
    client = logged_in_client(investment.user("invest_editor"))
    data = admin_form(client.get(url(Enterprise, "edit", enterprise.pk)), FORM)
    data["credit_code"] = "91110108551385082R"
    response = client.post(url(Enterprise, "edit", enterprise.pk), posted(data))
    assert response.status_code == 200
    assert "按前17位应为“Q”，现为“R”" in field_errors(response, "credit_code")
    assert soup(response).find(attrs={"name": "credit_code"})["value"] == "91110108551385082R"
    data["credit_code"] = " 91110108551385082q "
    data.setlist("five_ones", ["venue", "rules"])
    data["organisation_form"] = "village"
    response = client.post(url(Enterprise, "edit", enterprise.pk), posted(data))
    assert response.status_code == 302, text_of(response)
    saved = Enterprise.objects.get(pk=enterprise.pk)
    assert saved.credit_code == "91110108551385082Q"
    assert saved.five_ones == ["venue", "rules"]


def test_a_credit_code_already_registered(investment):
    client = logged_in_client(investment.user("invest_editor"))
    data = admin_form(client.get(url(Enterprise, "add")), FORM)
    data.update(
        {
            "name": "腾辉建材",
            "credit_code": investment.enterprise.credit_code,
            "department": str(investment.enterprise.department_id),
        }
    )
    response = client.post(url(Enterprise, "add"), posted(data))
    assert response.status_code == 200
    assert "已有企业使用这个统一社会信用代码。" in field_errors(response, "credit_code")


# ---- the office's screens ---------------------------------------------------------


def screens(investment) -> list[tuple[str, str]]:
    return [
        ("项目列表", url(Project, "list")),
        ("编辑项目", url(Project, "edit", investment.project.pk)),
        ("添加项目", url(Project, "add")),
        ("企业列表", url(Enterprise, "list")),
        ("编辑企业", url(Enterprise, "edit", investment.enterprise.pk)),
        ("园区列表", url(Park, "list")),
        ("编辑园区", url(Park, "edit", investment.park.pk)),
        ("任务列表", url(InvestmentTask, "list")),
        ("指标列表", url(Indicator, "list")),
        ("编辑指标", url(Indicator, "edit", investment.indicator.pk)),
        ("产业集群", url(Industry, "list")),
        ("项目历史", url(Project, "history", investment.project.pk)),
    ]


def test_office_screens_render_in_chinese(investment):
    client = logged_in_client(investment.user("reviewer"))
    for name, address in screens(investment):
        if name == "产业集群":
            continue  # administrators only (an ordinary model permission)
        response = client.get(address)
        assert response.status_code == 200, (name, response.status_code)
        title = soup(response).title.get_text()
        assert CJK.search(title), (name, title)


def test_admin_screens_and_menu(investment):
    client = logged_in_client(investment.user("admin"))
    for name, address in screens(investment):
        assert client.get(address).status_code == 200, name
    # The sidebar is drawn by JavaScript from the menu's JSON island.
    labels = _sidebar_labels(soup(client.get(reverse("wagtailadmin_home"))))
    assert "招商与园区" in labels


def test_listing_figures_and_filters(investment):
    client = logged_in_client(investment.user("reviewer"))
    listing = text_of(client.get(url(InvestmentTask, "list")))
    assert re.search(r"2014 编辑 删除 35000\.00 16500\.00 47\.1 ", listing), listing
    stage = client.get(url(Project, "list"), {"stage": "signed"})
    assert "新型建材生产线" not in text_of(stage)
    assert "新型建材生产线" in text_of(client.get(url(Project, "list"), {"stage": "building"}))
    by_year = client.get(url(Project, "list"), {"year": "2014"})
    assert by_year.status_code == 200
    assert "新型建材生产线" in text_of(by_year)
    assert "新型建材生产线" not in text_of(client.get(url(Project, "list"), {"year": "2013"}))
    indicators = client.get(url(Indicator, "list"), {"year": "2015"})
    assert "工业总产值" in text_of(indicators)
    assert "工业总产值" not in text_of(client.get(url(Indicator, "list"), {"year": "2016"}))
    enterprises = text_of(client.get(url(Enterprise, "list")))
    assert "金凤建材" in enterprises and "联合组建" in enterprises  # the rule's suggestion for two members
    parks = text_of(client.get(url(Park, "list")))
    assert "1845" in parks and "三通一平" in parks


@pytest.mark.parametrize("role", ["admin", "reviewer", "invest_editor", "guotu_editor"])
def test_screens_have_no_english(investment, role):
    client = logged_in_client(investment.user(role))
    for name, address in screens(investment):
        response = client.get(address)
        if response.status_code in (302, 403):
            continue  # not this role's screen (refusals are tested above)
        assert response.status_code == 200, (name, response.status_code)
        words = english_words(response.content.decode(), data_words())
        assert not words, f"{name} ({role}) shows English: {', '.join(words)}"


def test_an_enterprise_chooses_another_departments_park(investment):
    # Parks are 国土建设分局's; 招商发展分局 places its enterprises in them through the snippet chooser.
    client = logged_in_client(investment.user("invest_editor"))
    response = client.get(reverse(Park.snippet_viewset.chooser_viewset.get_url_name("choose")))
    assert response.status_code == 200
    assert "桂花树工业园" in response.json()["html"]


def queries_for(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_listings_do_not_query_per_row(investment):
    client = logged_in_client(investment.user("reviewer"))
    queries_for(client, url(Enterprise, "list"))  # the first request fills per-process caches (site, holidays)
    before = {model: queries_for(client, url(model, "list")) for model in (Enterprise, Project)}
    for number in range(5):
        code = credit_code.with_check_character(f"91422827MA{number + 100:07d}")
        enterprise = Enterprise(name=f"企业{number}", credit_code=code, department=investment.enterprise.department)
        enterprise.years = [EnterpriseYear(year=2015, main_revenue=Decimal(3000))]
        enterprise.save()
        project = Project(name=f"项目{number}", department=investment.project.department)
        project.milestones = [ProjectMilestone(name="开工", planned_on=datetime.date(2015, 1, 1))]
        project.save()
    # Saving moved the page-cache generation on (signals.py): the per-process caches fill again first.
    queries_for(client, url(Enterprise, "list"))
    after = {model: queries_for(client, url(model, "list")) for model in (Enterprise, Project)}
    assert after == before


def test_progress_photos_are_edited_in_the_projects_form(investment):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="厂房", file=get_test_image_file())
    client = logged_in_client(investment.user("invest_editor"))
    data = admin_form(client.get(url(Project, "edit", investment.project.pk)), FORM)
    assert "photos-TOTAL_FORMS" in data
    add_row(data, "photos", image=str(image.pk), caption="主体厂房封顶", taken_on="2015-07-01")
    response = client.post(url(Project, "edit", investment.project.pk), posted(data))
    assert response.status_code == 302, text_of(response)
    photo = investment.project.photos.get()
    assert (photo.image, photo.caption, photo.taken_on) == (image, "主体厂房封顶", datetime.date(2015, 7, 1))
