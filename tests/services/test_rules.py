"""The models' rules, the narrowing of a journey and the flow chart, as plain functions."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from zoneportal.services import rules
from zoneportal.services.flowchart import FlowStep, fit, flow_svg, text_width, time_limit_text
from zoneportal.services.journeys import needed_stages, read_answers
from zoneportal.services.models import JourneyQuestion, Material, ServiceItem


@pytest.mark.parametrize(
    ("statutory", "promised", "steps", "error"),
    [
        (20, 5, [1, 2, 2], None),
        (20, 20, [], None),
        (20, 0, [0, 0], None),
        (5, 6, [1], "不能超过法定时限"),
        (20, 5, [3, 3], "合计 6 个工作日"),
        (20, 0, [1], "超过了承诺时限 0 个工作日"),
        (None, 5, [9], None),
    ],
)
def test_time_limits(statutory, promised, steps, error):
    errors = rules.time_limit_errors(statutory, promised, steps)
    if error is None:
        assert errors == {}
    else:
        assert list(errors) == ["promised_days"] and error in errors["promised_days"]


def test_fees():
    assert rules.fee_errors(False, "", "") == {}
    assert rules.fee_errors(True, "每宗 100 元", "某价费字文件") == {}
    assert set(rules.fee_errors(True, " ", "")) == {"fee_standard", "fee_basis"}
    assert set(rules.fee_errors(False, "每宗 100 元", "")) == {"charges_fee"}


def test_item_falls_back_to_its_departments_contact():
    from zoneportal.core.models import Department

    department = Department(name="财政分局", address="开发区大道1号", phone="0718-1", office_hours="工作日")
    item = ServiceItem(department=department, conditions="第一条\n\n  第二条  \n")
    assert (item.contact_place(), item.contact_phone(), item.contact_hours()) == ("开发区大道1号", "0718-1", "工作日")
    item.place, item.phone = "服务大厅3号窗口", "0718-2"
    assert (item.contact_place(), item.contact_phone()) == ("服务大厅3号窗口", "0718-2")
    assert item.condition_lines() == ["第一条", "第二条"]


def test_download_name():
    material = Material(name="企业入园申请表")
    material.blank_form.name = "services/forms/abc_XyZ.DOCX"
    material.sample.name = "services/samples/a.pdf"
    assert material.download_name(Material.BLANK) == "企业入园申请表（空白表格）.docx"
    assert material.download_name(Material.SAMPLE) == "企业入园申请表（填写样表）.pdf"


@pytest.mark.django_db
def test_question_rules_out_the_other_answers_items(services):
    question = services.question
    question.no_items.add(services.filing)
    question.save()
    assert question.ruled_out(True) == [services.filing]
    assert question.ruled_out(False) == [services.land]
    assert question.ruled_out(None) == []


def test_read_answers_ignores_anything_but_yes_and_no():
    questions = [JourneyQuestion(pk=pk) for pk in (1, 2, 3, 4)]
    answers = read_answers(questions, {"q1": "yes", "q2": "no", "q3": "maybe", "q5": "yes"})
    assert [entry.answer for entry in answers] == [True, False, None, None]
    assert answers[0].field_name == "q1"


@pytest.mark.django_db
def test_needed_stages_keep_order_and_name_the_question(services):
    stages = list(services.journey.stages.all())
    questions = list(services.journey.questions.all())
    plan = needed_stages(stages, read_answers(questions, {f"q{services.question.pk}": "no"}))
    assert [(entry.stage.item, entry.needed) for entry in plan] == [(services.filing, True), (services.land, False)]
    assert plan[1].ruled_out_by == services.question
    assert all(entry.needed for entry in needed_stages(stages, read_answers(questions, {})))


STEPS = [FlowStep("受理", "综合窗口", 0), FlowStep("审核", "招商发展分局", 3), FlowStep("办结", "综合窗口", 1)]


def test_flow_chart_is_accessible_svg():
    svg = BeautifulSoup(flow_svg(STEPS, "企业投资项目备案办理流程图", "flow-7"), "html.parser").svg
    assert svg["role"] == "img" and svg["aria-labelledby"] == "flow-7-title flow-7-desc"
    assert svg.find("title")["id"] == "flow-7-title" and svg.title.get_text() == "企业投资项目备案办理流程图"
    description = svg.find("desc").get_text()
    assert "第1步受理（综合窗口，即办）" in description and "第2步审核（招商发展分局，3 个工作日）" in description
    assert len(svg.select("rect.flow-step")) == 3 and len(svg.select("rect.flow-terminal")) == 2
    assert len(svg.select("line.flow-arrow")) == 4  # 提交申请 → three steps → 办结
    texts = [text.get_text() for text in svg.find_all("text")]
    assert texts[0] == "提交申请" and texts[-1] == "办结" and "2. 审核" in texts
    height = int(svg["viewbox"].split()[3])
    assert height > 3 * 68 and svg["height"] == str(height)


def test_flow_chart_escapes_and_fits_text():
    steps = [FlowStep("<script>alert(1)</script>" + "审" * 60, "窗口&人员", 2)]
    markup = str(flow_svg(steps, "“<b>”流程图", "f"))
    assert "<script>" not in markup and "<b>" not in markup and "&amp;" in markup
    name = BeautifulSoup(markup, "html.parser").select("text")[1].get_text()
    assert name.endswith("…") and text_width(name, 18) <= 488


def test_time_limit_text_and_fit():
    assert time_limit_text(0) == "即办" and time_limit_text(5) == "5 个工作日"
    assert fit("受理", 18) == "受理"
    assert text_width("ab", 10) < text_width("受理", 10)
