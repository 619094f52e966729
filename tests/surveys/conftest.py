"""Surveys built with the real models: one of every question kind, with a conditional question."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from zoneportal.surveys.models import Question, Survey

Kind = Question.Kind


def make_survey(department, slug: str = "kaocha", **kwargs) -> Survey:
    """A published, open survey of ``department`` with every kind of question.

    1 single (是/否), 2 long text shown only when 1 is 是, 3 multiple (min 1, max 2), 4 rating,
    5 matrix, 6 ranking, 7 short text (optional), 8 number (optional), 9 file (optional).
    """
    now = timezone.now()
    defaults = {
        "title": "作风建设问卷",
        "department": department,
        "intro": "请如实填写。",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=7),
        "is_published": True,
    }
    defaults.update(kwargs)
    survey = Survey(slug=slug, **defaults)
    questions = [
        Question(section="一、总体评价", kind=Kind.SINGLE, text="您是否到开发区办过事？", choices="是\n否"),
        Question(kind=Kind.LONG_TEXT, text="办事中遇到了什么问题？", show_if_number=1, show_if_choice="是"),
        Question(kind=Kind.MULTIPLE, text="您最关心哪些方面？", choices="办事效率\n服务态度\n政策落实\n公开透明",
                 min_choices=1, max_choices=2),
        Question(kind=Kind.RATING, text="总体满意度"),
        Question(section="二、具体评价", kind=Kind.MATRIX, text="请评价以下方面", choices="满意\n一般\n不满意",
                 rows="窗口服务\n审批时限"),
        Question(kind=Kind.RANKING, text="请按重要程度排序", choices="减少材料\n缩短时限\n网上办理"),
        Question(kind=Kind.SHORT_TEXT, text="您的行业", required=False),
        Question(kind=Kind.NUMBER, text="企业职工人数", required=False),
        Question(kind=Kind.FILE, text="相关材料", required=False),
    ]  # fmt: skip
    for order, question in enumerate(questions):
        question.sort_order = order
    survey.questions = questions
    survey.save()
    return survey


def valid_answers(survey: Survey, **overrides) -> dict:
    """POST data answering every required question of :func:`make_survey` correctly."""
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    # Choices are sent by position (0 = the first choice), as the page's radio buttons and checkboxes do.
    data = {
        q[1]: "0",  # 是
        q[2]: "窗口排队时间长。",
        q[3]: ["0", "2"],  # 办事效率, 政策落实
        q[4]: "4",
        f"{q[5]}_r0": "0",  # 窗口服务: 满意
        f"{q[5]}_r1": "1",  # 审批时限: 一般
        f"{q[6]}_i0": "2",
        f"{q[6]}_i1": "1",
        f"{q[6]}_i2": "3",
        q[7]: "制造业",
        q[8]: "120",
        "action": "submit",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def survey(zone) -> Survey:
    return make_survey(zone.departments["invest"])
