"""The survey builder in the back office: checks, locking once answered, departments, exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.utils import admin_form, assert_page_denied, logged_in_client, soup
from zoneportal.surveys.models import Question, Survey, SurveyResponse

from .conftest import make_survey, valid_answers

pytestmark = pytest.mark.django_db

EDITOR_FORM = "w-editor-form"


def editor_form(client, url: str):
    """The builder's fields as a browser posts them: a ticked checkbox without a value sends "on"."""
    response = client.get(url)
    form = admin_form(response, EDITOR_FORM)
    for box in soup(response).select("input[type=checkbox][checked]"):
        if not box.has_attr("value") and form.get(box["name"]) == "":
            form[box["name"]] = "on"
    return form


def edit_url(survey: Survey) -> str:
    return reverse("wagtailsnippets_surveys_survey:edit", args=[survey.pk])


def add_url() -> str:
    return reverse("wagtailsnippets_surveys_survey:add")


def export_url(survey: Survey, fmt: str) -> str:
    return reverse("wagtailsnippets_surveys_survey:export", args=[survey.pk, fmt])


def answer(survey: Survey, **overrides) -> None:
    response = Client().post(survey.get_absolute_url(), valid_answers(survey, **overrides))
    assert response.status_code == 302, response.content.decode()[:500]


def question_prefix(form, text: str) -> str:
    """``questions-N`` of the inline form holding the question ``text``."""
    for key, value in form.items():
        if key.startswith("questions-") and key.endswith("-text") and value == text:
            return key[: -len("-text")]
    raise KeyError(text)


def field_errors(response) -> str:
    """The error texts of an admin form shown again (for assertion messages)."""
    page = soup(response)
    found = page.select(".error-message, .help-critical, [role=alert], .messages, .w-field__errors")
    return " | ".join(tag.get_text(" ", strip=True) for tag in found)


def test_editor_builds_a_survey_for_own_department(zone):
    editor = logged_in_client(zone.users["invest_editor"])
    form = editor_form(editor, add_url())
    department = soup(editor.get(add_url())).find("select", attrs={"name": "department"})
    assert [option.get_text() for option in department.find_all("option") if option.get("value")] == ["招商发展分局"]
    form.update(
        {
            "title": "企业用工需求调查",
            "slug": "yonggong",
            "department": str(zone.departments["invest"].pk),
            "is_published": "on",
            "questions-TOTAL_FORMS": "2",
            "questions-0-kind": "single",
            "questions-0-text": "是否需要招工？",
            "questions-0-choices": "是\r\n否",
            "questions-0-required": "on",
            "questions-0-ORDER": "1",
            "questions-0-id": "",
            "questions-0-DELETE": "",
            "questions-1-kind": "number",
            "questions-1-text": "需要多少人？",
            "questions-1-show_if_number": "1",
            "questions-1-show_if_choice": "是",
            "questions-1-ORDER": "2",
            "questions-1-id": "",
            "questions-1-DELETE": "",
        }
    )
    response = editor.post(add_url(), form)
    assert response.status_code == 302, field_errors(response)
    survey = Survey.objects.get(slug="yonggong")
    assert [q.text for q in survey.ordered_questions()] == ["是否需要招工？", "需要多少人？"]
    assert survey.ordered_questions()[1].show_if_number == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"questions-0-choices": "只有一个"}, "至少需要两个选项"),
        ({"questions-0-kind": "matrix"}, "矩阵题至少需要一行"),
        ({"questions-2-min_choices": "3", "questions-2-max_choices": "2"}, "最少选择的项数不能大于最多选择的项数"),
        ({"questions-2-max_choices": "9"}, "最多选择的项数不能超过选项数"),
        ({"questions-1-show_if_number": "2"}, "只能依据本题之前的题目"),
        ({"questions-1-show_if_choice": "也许"}, "第1题没有“也许”这个选项"),
        ({"questions-4-show_if_number": "4", "questions-4-show_if_choice": "5分"}, "只能依据单选题或多选题"),
    ],
)
def test_builder_refuses_inconsistent_questions(zone, changes, message):
    survey = make_survey(zone.departments["invest"], slug="jiancha")
    editor = logged_in_client(zone.users["invest_editor"])
    form = editor_form(editor, edit_url(survey))
    # Inline forms are numbered in the stored order: questions-0 is question 1.
    assert form["questions-0-text"] == "您是否到开发区办过事？"
    form.update(changes)
    response = editor.post(edit_url(survey), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Survey.objects.get(pk=survey.pk).questions.get(sort_order=0).choices == "是\n否"


def test_questions_are_locked_once_answered(zone):
    survey = make_survey(zone.departments["invest"], slug="suoding")
    editor = logged_in_client(zone.users["invest_editor"])
    unchanged = editor_form(editor, edit_url(survey))
    assert "这份问卷已经有答卷" not in editor.get(edit_url(survey)).content.decode()
    answer(survey)
    assert "这份问卷已经有答卷，题目已锁定" in editor.get(edit_url(survey)).content.decode()  # said before trying

    # Survey-level fields and a question's help text may still change; the form as loaded saves.
    form = unchanged.copy()
    form["closes_at"] = ""
    form[f"{question_prefix(form, '总体满意度')}-help_text"] = "1分最低，5分最高"
    response = editor.post(edit_url(survey), form)
    assert response.status_code == 302, field_errors(response)
    assert Question.objects.get(survey=survey, text="总体满意度").help_text == "1分最低，5分最高"

    attempts = {
        "wording": {"questions-0-text": "您是否到开发区办过事情？"},
        "choices": {"questions-0-choices": "是\r\n否\r\n不确定"},
        "delete": {"questions-6-DELETE": "on"},
        "order": {"questions-0-ORDER": "2", "questions-1-ORDER": "1"},
        "kind": {"questions-3-kind": "single"},
    }
    for name, changes in attempts.items():
        form = editor_form(editor, edit_url(survey))
        form.update(changes)
        response = editor.post(edit_url(survey), form)
        assert response.status_code == 200, name
        assert "题目已锁定：不能增加" in response.content.decode(), name
    form = editor_form(editor, edit_url(survey))
    total = int(form["questions-TOTAL_FORMS"])
    form.update({"questions-TOTAL_FORMS": str(total + 1), f"questions-{total}-kind": "short_text",
                 f"questions-{total}-text": "新增题", f"questions-{total}-ORDER": str(total + 1)})  # fmt: skip
    assert "题目已锁定：不能增加" in editor.post(edit_url(survey), form).content.decode()
    stored = survey.ordered_questions()
    assert [q.text for q in stored][:2] == ["您是否到开发区办过事？", "办事中遇到了什么问题？"]
    assert len(stored) == 9 and stored[0].choices == "是\n否"


def test_other_departments_get_403(zone):
    survey = make_survey(zone.departments["invest"], slug="bumen")
    other = logged_in_client(zone.users["finance_editor"])
    for target in (
        edit_url(survey),
        reverse("wagtailsnippets_surveys_survey:delete", args=[survey.pk]),
        reverse("wagtailsnippets_surveys_survey:copy", args=[survey.pk]),
        reverse("wagtailsnippets_surveys_survey:history", args=[survey.pk]),
        export_url(survey, "xlsx"),
    ):
        assert_page_denied(other.get(target))
    form = editor_form(logged_in_client(zone.users["invest_editor"]), edit_url(survey))
    form["title"] = "改掉别人的问卷"
    assert_page_denied(other.post(edit_url(survey), form))
    assert Survey.objects.get(pk=survey.pk).title == "作风建设问卷"
    listing = other.get(reverse("wagtailsnippets_surveys_survey:list"))
    assert listing.status_code == 200 and "作风建设问卷" not in listing.content.decode()
    # Nor can they create one for another department.
    form = editor_form(other, add_url())
    form.update({"title": "冒名问卷", "slug": "maoming", "department": str(zone.departments["invest"].pk),
                 "questions-TOTAL_FORMS": "1", "questions-0-kind": "short_text", "questions-0-text": "题",
                 "questions-0-ORDER": "1"})  # fmt: skip
    assert other.post(add_url(), form).status_code == 200
    assert not Survey.objects.filter(slug="maoming").exists()
    # The department's own head and the administrator are allowed.
    assert logged_in_client(zone.users["invest_head"]).get(edit_url(survey)).status_code == 200
    assert logged_in_client(zone.users["admin"]).get(export_url(survey, "csv")).status_code == 200


def test_exports_parse_back(zone):
    survey = make_survey(zone.departments["invest"], slug="daochu")
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    answer(survey)
    answer(survey, **{q[1]: "1", q[3]: ["1"], q[7]: '=HYPERLINK("http://x")'})  # 否, 服务态度
    editor = logged_in_client(zone.users["invest_editor"])

    data = json.loads(editor.get(export_url(survey, "json")).content)
    assert [item["answers"]["3"] for item in data["responses"]] == [["办事效率", "政策落实"], ["服务态度"]]
    assert "2" not in data["responses"][1]["answers"]  # hidden by its condition, so not stored
    assert data["questions"][4]["rows"] == ["窗口服务", "审批时限"]

    response = editor.get(export_url(survey, "csv"))
    assert response["Content-Disposition"].endswith('survey-daochu.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["答卷编号", "提交时间", "1. 您是否到开发区办过事？"]
    assert "5. 请评价以下方面 — 窗口服务" in rows[0]
    assert rows[1][4] == "办事效率；政策落实" and rows[2][2] == "否"
    assert rows[2][rows[0].index("7. 您的行业")].startswith("'=")  # never a live formula

    book = load_workbook(io.BytesIO(editor.get(export_url(survey, "xlsx")).content))
    sheet = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert sheet[0] == rows[0]
    assert sheet[1][rows[0].index("6. 请按重要程度排序")] == "缩短时限 > 减少材料 > 网上办理"
    assert len(sheet) == 3


def test_results_count_respondents_not_ticks(client, zone):
    survey = make_survey(zone.departments["invest"], slug="jieguo", results_published=True)
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    answer(survey, **{q[3]: ["0", "2"]})  # 办事效率, 政策落实
    answer(survey, **{q[3]: ["0"]})
    answer(survey, **{q[3]: ["1", "0", "0"], q[1]: "1"})  # 服务态度, 办事效率 (sent twice: counted once); 否
    assert SurveyResponse.objects.count() == 3
    page = soup(client.get(survey.results_url()))
    tables = page.select("table.survey-table")
    multiple = {
        row.th.get_text(): [td.get_text() for td in row.find_all("td")] for row in tables[1].tbody.find_all("tr")
    }
    assert multiple["办事效率"] == ["3", "100.0%"]
    assert multiple["政策落实"] == ["1", "33.3%"]
    assert multiple["公开透明"] == ["0", "0.0%"]
    single = {row.th.get_text(): [td.get_text() for td in row.find_all("td")] for row in tables[0].tbody.find_all("tr")}
    assert single == {"是": ["2", "66.7%"], "否": ["1", "33.3%"]}
    assert "多选题：比例按答题人数计算" in page.get_text()
    assert page.find("script", id=f"chart-{survey.ordered_questions()[2].pk}-options")
    assert "2人作答" in page.get_text()  # question 2 was put to two people only


def test_results_hidden_until_published(client, survey):
    assert client.get(survey.results_url()).status_code == 404
    survey.results_published = True
    survey.save()
    assert client.get(survey.results_url()).status_code == 200


@pytest.mark.parametrize("view", ["list", "add", "edit", "history"])
def test_builder_screens_are_in_chinese(zone, view):
    from tests.core.test_admin_chinese import english_words

    survey = make_survey(zone.departments["invest"], slug="zhongwen")
    answer(survey)
    name = f"wagtailsnippets_surveys_survey:{view}"
    target = reverse(name, args=[survey.pk]) if view in ("edit", "history") else reverse(name)
    response = logged_in_client(zone.users["invest_editor"]).get(target)
    assert response.status_code == 200
    assert english_words(response.content.decode(), {"JSON"}) == []  # 导出 JSON: a format's name
