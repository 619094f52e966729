"""招商开放数据 API: public fields, pagination, filters, errors in Chinese, the OpenAPI schema."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zoneportal.investment.api import PER_PAGE
from zoneportal.investment.models import Enterprise, Project, Stage

pytestmark = pytest.mark.django_db

API = "/api/v1"


def test_parks_with_computed_figures(investment, client):
    body = client.get(f"{API}/parks").json()
    assert body["total"] == 1 and body["page"] == 1 and body["per_page"] == PER_PAGE
    park = body["results"][0]
    assert park["name"] == "桂花树工业园"
    assert Decimal(park["planned_area_mu"]) == Decimal("1845")
    assert park["infrastructure"] == "三通一平"
    assert "land_cost" not in park


def test_enterprises_have_public_fields_only(investment, client):
    investment.enterprise.contact_phone = "13971801234"
    investment.enterprise.save()
    response = client.get(f"{API}/enterprises")
    assert response.status_code == 200
    enterprise = response.json()["results"][0]
    assert set(enterprise) == {"id", "name", "park", "industry", "settled_on", "above_scale"}
    assert enterprise["above_scale"] is True  # 2015's 2000 万元 of main business revenue
    assert b"13971801234" not in response.content and investment.enterprise.credit_code.encode() not in response.content


def test_enterprises_are_paginated(investment, client):
    department = investment.enterprise.department
    from zoneportal.investment.credit_code import with_check_character

    for number in range(PER_PAGE + 3):
        Enterprise.objects.create(
            name=f"生成企业{number:02d}",
            credit_code=with_check_character(f"91422827MA{number:07d}"),
            department=department,
        )
    first = client.get(f"{API}/enterprises").json()
    last = client.get(f"{API}/enterprises?page=2").json()
    assert first["total"] == PER_PAGE + 4 and first["num_pages"] == 2
    assert len(first["results"]) == PER_PAGE and len(last["results"]) == 4
    assert not {row["id"] for row in first["results"]} & {row["id"] for row in last["results"]}
    assert client.get(f"{API}/enterprises?page=3").json()["results"] == []
    assert client.get(f"{API}/enterprises?page=0").status_code == 422


def test_projects_filters(investment, client):
    Project.objects.create(name="保密洽谈项目", stage=Stage.NEGOTIATING, department=investment.project.department)
    names = [row["name"] for row in client.get(f"{API}/projects").json()["results"]]
    assert names == ["新型建材生产线"]
    row = client.get(f"{API}/projects?year=2014&stage=building&park={investment.park.pk}").json()["results"][0]
    assert Decimal(row["arrived"]) == Decimal("16500") and row["major"] is True and row["stage_label"] == "在建"
    assert client.get(f"{API}/projects?year=2015").json()["total"] == 0
    other = investment.building_materials.__class__.objects.get(name="新能源")
    assert client.get(f"{API}/projects?industry={other.pk}").json()["total"] == 0


def test_indicators_by_year_with_growth_and_achievement(investment, client):
    rows = client.get(f"{API}/indicators?year=2015").json()["results"]
    assert len(rows) == 1
    assert Decimal(rows[0]["growth"]) == Decimal("15.1") and Decimal(rows[0]["achievement"]) == Decimal("104.1")


@pytest.mark.parametrize(
    ("path", "param", "words"),
    [
        ("projects?stage=negotiating", "stage", "项目阶段只能是"),
        ("projects?park=999999", "park", "没有编号为"),
        ("enterprises?industry=abc", "industry", "没有编号为"),
        ("indicators?year=20x5", "year", "年份须是"),
        ("enterprises?year=1800", "year", "年份须是"),
        ("parks?industry=99999999999999999999999", "industry", "没有编号为"),
    ],
)
def test_bad_filters_are_400_in_chinese(investment, client, path, param, words):
    response = client.get(f"{API}/{path}")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "筛选参数有误"
    assert body["errors"][0]["param"] == param and words in body["errors"][0]["message"]


def test_documented_in_the_openapi_schema(client):
    schema = client.get(f"{API}/openapi.json").json()
    for path in ("/api/v1/parks", "/api/v1/enterprises", "/api/v1/projects", "/api/v1/indicators"):
        operation = schema["paths"][path]["get"]
        assert {"200", "400"} <= set(operation["responses"])
        assert {parameter["name"] for parameter in operation["parameters"]} >= {"page"}
