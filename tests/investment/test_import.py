"""Importing and exporting 招商与园区 as .xlsx: each kind of bad row named, all or nothing, re-import, history."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import ModelLogEntry

from zoneportal.core.tabular import IMPORT_ACTION, ImportFile, write_xlsx
from zoneportal.investment import credit_code
from zoneportal.investment.models import (
    Enterprise,
    EnterpriseYear,
    IndicatorYear,
    Industry,
    Park,
    Project,
    ProjectInvestment,
)
from zoneportal.investment.tabular import FORMATS, TABLES, export_xlsx, import_file

from .conftest import TENCENT, XIAOMI

pytestmark = pytest.mark.django_db


def xlsx(kind: str, *rows: dict[str, Any]) -> bytes:
    """A workbook with ``kind``'s header and ``rows`` (by heading; other cells empty)."""
    headers = TABLES[kind].headers
    output = BytesIO()
    write_xlsx(headers, ([row.get(header, None) for header in headers] for row in rows), output)
    return output.getvalue()


def run(kind: str, data: bytes, **options):
    return import_file(TABLES[kind], ImportFile.from_bytes(f"{kind}.xlsx", data, FORMATS), **options)


def messages(report) -> list[str]:
    return [str(error) for error in report.errors]


ENTERPRISE = {"企业名称": "腾升香料", "统一社会信用代码": TENCENT, "产业集群": "新型建材", "负责部门": "招商发展分局"}


def test_new_enterprise_park_project_and_years(investment):
    report = run("enterprises", xlsx("enterprises", {**ENTERPRISE, "所在园区": "桂花树工业园", "从业人数": 120.0}))
    assert report.ok, messages(report)
    assert (report.new, report.updated, report.written) == (1, 0, True)
    enterprise = Enterprise.objects.get(name="腾升香料")
    assert enterprise.park == investment.park and enterprise.employees == 120
    assert enterprise.organisation_form == "none"

    years = xlsx(
        "enterprise_years",
        {"统一社会信用代码": TENCENT.lower(), "年份": 2015, "主营业务收入（万元）": 2500.5, "纳税额（万元）": "120"},
    )
    assert run("enterprise_years", years).ok
    row = EnterpriseYear.objects.get(enterprise=enterprise, year=2015)
    assert row.main_revenue == Decimal("2500.50") and row.tax == Decimal("120")
    assert enterprise.above_scale

    park = {"园区名称": "龙凤产业园", "基础设施": "道路、供水、供电、土地平整", "主导产业": "新型建材、新能源"}
    report = run("parks", xlsx("parks", {**park, "负责部门": "国土建设分局", "规划面积（平方公里）": 2.5}))
    assert report.ok, messages(report)
    created = Park.objects.get(name="龙凤产业园")
    assert created.infrastructure_label == "三通一平"
    assert sorted(created.industries.values_list("name", flat=True)) == ["新型建材", "新能源"]

    project = {"项目名称": "香精香料深加工", "投资方": "腾升香料", "项目阶段": "签约", "计划总投资（万元）": 12000}
    assert run("projects", xlsx("projects", {**project, "负责部门": "招商发展分局", "签约日期": "2015-03-01"})).ok
    assert Project.objects.get(name="香精香料深加工").major
    money = {"项目名称": "香精香料深加工", "投资方": "腾升香料", "年份": 2015, "到位资金（万元）": 3000}
    assert run("project_investments", xlsx("project_investments", money)).ok
    assert ProjectInvestment.objects.get(project__name="香精香料深加工").amount == 3000
    target = {"指标名称": "工业总产值", "年份": 2016, "目标": 40, "实绩": 38.5}
    assert run("indicator_years", xlsx("indicator_years", target)).ok
    assert IndicatorYear.objects.get(indicator=investment.indicator, year=2016).actual == Decimal("38.5")


@pytest.mark.parametrize(
    ("kind", "row", "expected"),
    [
        ("enterprises", {**ENTERPRISE, "企业名称": ""}, "「企业名称」：不能为空"),
        ("enterprises", {**ENTERPRISE, "统一社会信用代码": TENCENT[:-1] + "Y"}, "按前17位应为“G”"),
        ("enterprises", {**ENTERPRISE, "统一社会信用代码": "123"}, "「统一社会信用代码」：统一社会信用代码应为18位"),
        ("enterprises", {**ENTERPRISE, "从业人数": "许多"}, "「从业人数」：“许多”不是数字"),
        ("enterprises", {**ENTERPRISE, "从业人数": -3}, "「从业人数」：不能为负数"),
        ("enterprises", {**ENTERPRISE, "所在园区": "火星园"}, "「所在园区」：园区“火星园”不存在"),
        ("enterprises", {**ENTERPRISE, "产业集群": "造船"}, "「产业集群」：产业集群“造船”不存在"),
        ("enterprises", {**ENTERPRISE, "负责部门": "外交部"}, "「负责部门」：部门“外交部”不存在"),
        ("enterprises", {**ENTERPRISE, "入园日期": "2015/13/01"}, "「入园日期」：日期“2015/13/01”不对"),
        ("enterprises", {**ENTERPRISE, "党组织组建形式": "自己组建"}, "「党组织组建形式」：“自己组建”应为 单独组建"),
        ("enterprises", {**ENTERPRISE, "企业名称": "长" * 101}, "「企业名称」：确保该变量包含不超过 100 字符"),
        (
            "parks",
            {"园区名称": "新园", "负责部门": "国土建设分局", "基础设施": "道路、地铁"},
            "「基础设施」：“地铁”不是可选项",
        ),
        (
            "parks",
            {"园区名称": "新园", "负责部门": "国土建设分局", "征地资金（万元）": -1},
            "「征地资金（万元）」：不能为负数",
        ),
        (
            "parks",
            {"园区名称": "新园", "负责部门": "国土建设分局", "主导产业": "新能源、造船"},
            "「主导产业」：产业集群“造船”不存在",
        ),
        ("parks", {"园区名称": "新园"}, "「负责部门」：不能为空"),
        ("projects", {"项目名称": "甲", "负责部门": "招商发展分局", "项目阶段": "中止"}, "「中止日期」：项目已中止"),
        (
            "projects",
            {"项目名称": "甲", "负责部门": "招商发展分局", "签约日期": "2015-05-01", "洽谈日期": "2015-06-01"},
            "「签约日期」：",
        ),
        (
            "enterprise_years",
            {"统一社会信用代码": XIAOMI, "年份": 2015},
            "「统一社会信用代码」：统一社会信用代码为“" + XIAOMI,
        ),
        (
            "enterprise_years",
            {"统一社会信用代码": "914403001922038216", "年份": 1980},
            "「年份」：年份应在 1990 至 2100 之间",
        ),
        ("enterprise_years", {"统一社会信用代码": "914403001922038216", "年份": 2015.5}, "「年份」：应为整数"),
        ("enterprise_years", {"统一社会信用代码": "914403001922038216"}, "「年份」：不能为空"),
        (
            "project_investments",
            {"项目名称": "无此项目", "年份": 2015, "到位资金（万元）": 1},
            "「项目名称」：项目“无此项目”",
        ),
        (
            "project_investments",
            {"项目名称": "新型建材生产线", "投资方": "帅丰建材", "年份": 2015},
            "「到位资金（万元）」：不能为空",
        ),
        ("indicator_years", {"指标名称": "幸福指数", "年份": 2015}, "「指标名称」：指标“幸福指数”不存在"),
    ],
)
def test_each_bad_row_is_named_and_nothing_is_written(investment, kind, row, expected):
    good = {
        "enterprises": {**ENTERPRISE, "企业名称": "好企业", "统一社会信用代码": XIAOMI},
        "parks": {"园区名称": "好园区", "负责部门": "国土建设分局"},
        "projects": {"项目名称": "好项目", "负责部门": "招商发展分局"},
        "enterprise_years": {"统一社会信用代码": "914403001922038216", "年份": 2020, "纳税额（万元）": 5},
        "project_investments": {
            "项目名称": "新型建材生产线",
            "投资方": "帅丰建材",
            "年份": 2020,
            "到位资金（万元）": 5,
        },
        "indicator_years": {"指标名称": "工业总产值", "年份": 2020, "实绩": 50},
    }[kind]
    model = TABLES[kind].model
    before = model.objects.count()
    report = run(kind, xlsx(kind, good, row))
    assert not report.written
    assert any(expected in message and message.startswith("第 3 行") for message in messages(report)), messages(report)
    assert model.objects.count() == before  # the good first row is not written either


def test_duplicate_rows_in_the_file(investment):
    report = run("enterprises", xlsx("enterprises", ENTERPRISE, {**ENTERPRISE, "企业名称": "腾升"}))
    assert messages(report) == ["第 3 行「统一社会信用代码」：与第 2 行重复（同一条记录只能出现一次）"]
    rows = [{"统一社会信用代码": "914403001922038216", "年份": 2016}] * 2
    assert "与第 2 行重复" in messages(run("enterprise_years", xlsx("enterprise_years", *rows)))[0]


def test_unreadable_files(investment):
    assert "缺少列" in messages(run("parks", xlsx("enterprises", ENTERPRISE)))[0]
    broken = import_file(TABLES["parks"], ImportFile.from_bytes("p.xlsx", b"MZ not a workbook", FORMATS))
    assert "无法读取 .xlsx 工作簿" in messages(broken)[0]
    other = import_file(TABLES["parks"], ImportFile.from_bytes("p.csv", b"a,b", FORMATS))
    assert messages(other) == ["文件：不支持的文件类型“p.csv”：只能导入 .xlsx 文件。"]
    assert messages(run("parks", xlsx("parks"))) == ["文件：文件中没有任何数据行。"]


def test_reimport_updates_by_natural_key_and_logs_it(investment):
    renamed = {**ENTERPRISE, "企业名称": "金凤新型建材", "统一社会信用代码": investment.enterprise.credit_code}
    report = run("enterprises", xlsx("enterprises", renamed), user=investment.user("invest_editor"))
    assert (report.new, report.updated) == (0, 1), messages(report)
    investment.enterprise.refresh_from_db()
    assert investment.enterprise.name == "金凤新型建材"
    entry = ModelLogEntry.objects.for_instance(investment.enterprise).get(action=IMPORT_ACTION)
    assert entry.user == investment.user("invest_editor")
    assert entry.message == "从表格“enterprises.xlsx”导入更新"

    years = {"统一社会信用代码": investment.enterprise.credit_code, "年份": 2015, "主营业务收入（万元）": 2100}
    report = run("enterprise_years", xlsx("enterprise_years", years))
    assert (report.new, report.updated) == (0, 1)
    assert investment.enterprise.years.get(year=2015).main_revenue == 2100
    assert investment.enterprise.years.count() == 2
    messages_ = [entry.message for entry in ModelLogEntry.objects.for_instance(investment.enterprise)]
    assert "从表格“enterprise_years.xlsx”导入更新（年份：2015）" in messages_


def test_new_record_logged_as_created(investment):
    run("parks", xlsx("parks", {"园区名称": "龙凤物流园", "负责部门": "国土建设分局"}))
    entry = ModelLogEntry.objects.for_instance(Park.objects.get(name="龙凤物流园")).get()
    assert entry.action == IMPORT_ACTION and entry.message == "从表格“parks.xlsx”新建"


@pytest.mark.parametrize("kind", list(TABLES))
def test_export_then_import_changes_nothing(investment, kind):
    # Dates, a checklist, several industries and a choice go through Excel's own cell types and back.
    Project.objects.filter(pk=investment.project.pk).update(
        negotiated_on="2014-01-06", signed_on="2014-03-01", remarks="=1+1 不是公式"
    )
    investment.park.industries.set([investment.building_materials, *Industry.objects.filter(name="新能源")])
    investment.park.save()
    table = TABLES[kind]
    parents = (table.model if not table.parent else table.model._meta.get_field(table.parent).related_model).objects
    data = export_xlsx(table, parents.all())
    before = [[str(cell) for cell in row] for row in table.rows(parents.all())]
    assert before, "the test zone has rows of every kind"
    report = run(kind, data)
    assert report.ok, messages(report)
    assert report.new == 0 and report.updated == len(before)
    assert [[str(cell) for cell in row] for row in table.rows(parents.all())] == before
    assert export_xlsx(table, parents.all()) == data or _same_cells(export_xlsx(table, parents.all()), data)


def _same_cells(first: bytes, second: bytes) -> bool:
    from openpyxl import load_workbook

    def cells(data: bytes) -> list:
        return list(load_workbook(BytesIO(data), read_only=True).worksheets[0].iter_rows(values_only=True))

    return cells(first) == cells(second)


def test_land_bureau_cannot_import_projects(investment):
    project = {"项目名称": "新型建材生产线", "投资方": "帅丰建材", "负责部门": "招商发展分局", "计划总投资（万元）": 1}
    report = run("projects", xlsx("projects", project), user=investment.user("guotu_editor"))
    assert messages(report) == ["第 2 行「项目名称」：“新型建材生产线”属于招商发展分局，你所在的部门不能修改它"]
    new = {"项目名称": "新项目", "负责部门": "招商发展分局"}
    report = run("projects", xlsx("projects", new), user=investment.user("guotu_editor"))
    assert messages(report) == ["第 2 行「负责部门」：你所在的部门不能导入属于招商发展分局的记录"]
    money = {"项目名称": "新型建材生产线", "投资方": "帅丰建材", "年份": 2016, "到位资金（万元）": 1}
    report = run("project_investments", xlsx("project_investments", money), user=investment.user("guotu_editor"))
    assert "你所在的部门不能修改它的数据" in messages(report)[0]
    assert Project.objects.get().planned_investment == Decimal("16500")
    # Its own parks it imports; an empty 负责部门 is its own department.
    report = run(
        "parks", xlsx("parks", {"园区名称": "桂花树工业园", "位置": "翔凤镇"}), user=investment.user("guotu_editor")
    )
    assert report.ok, messages(report)
    assert Park.objects.get(name="桂花树工业园").address == "翔凤镇"


def test_command_reports_rows_and_exits_non_zero(investment, tmp_path, capsys):
    path = tmp_path / "parks.xlsx"
    path.write_bytes(xlsx("parks", {"园区名称": "新园", "负责部门": "国土建设分局", "规划面积（平方公里）": "大"}))
    with pytest.raises(CommandError, match="发现 1 处错误"):
        call_command("import_investment", "parks", str(path))
    assert "第 2 行「规划面积（平方公里）」：“大”不是数字" in capsys.readouterr().err
    path.write_bytes(xlsx("parks", {"园区名称": "新园", "负责部门": "国土建设分局"}))
    call_command("import_investment", "parks", str(path), "--dry-run")
    assert "检查通过（未写入）" in capsys.readouterr().out
    assert not Park.objects.filter(name="新园").exists()
    call_command("import_investment", "parks", str(path))
    assert "导入完成：园区共 1 行，新增 1 条" in capsys.readouterr().out
    assert Park.objects.filter(name="新园").exists()
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("import_investment", "parks", str(tmp_path / "none.xlsx"))


def test_credit_code_helper_matches_the_message():
    assert credit_code.check_character(TENCENT[:17]) == "G"
