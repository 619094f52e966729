"""Counting the answers of a survey: one table per question, and a chart's options beside it.

Percentages are of the people who answered the question (a hidden conditional
question was not put to everyone), never of ticks: on a multiple-choice
question the shares add up to more than 100 %. Text and file answers are only
counted; their content is not published.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from .models import Question, Survey

Kind = Question.Kind


@dataclass
class QuestionResult:
    """A question's counts as a table (the chart's text alternative) and, for choice kinds, a chart."""

    question: Question
    answered: int
    headers: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    chart: dict | None = None
    note: str = ""

    @property
    def chart_height(self) -> int:
        """Pixels for a horizontal bar chart with one bar per category."""
        categories = len(self.chart["yAxis"]["data"]) if self.chart else 0
        return 80 + 40 * categories


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as "42.9%" (one decimal), "0%" when nobody answered."""
    if not whole:
        return "0%"
    return f"{part * 100 / whole:.1f}%"


def bar_chart(categories: list[str], counts: list[int | float], labels: list[str], name: str) -> dict:
    """ECharts options: horizontal bars, first category on top, each bar labelled."""
    return {
        "aria": {"enabled": True},
        "animation": False,
        "grid": {"left": 8, "right": 96, "top": 8, "bottom": 24, "containLabel": True},
        "tooltip": {"trigger": "item"},
        "xAxis": {"type": "value", "minInterval": 1},
        "yAxis": {"type": "category", "data": categories[::-1], "axisLabel": {"width": 220, "overflow": "break"}},
        "series": [
            {
                "type": "bar",
                "name": name,
                "barMaxWidth": 26,
                "itemStyle": {"color": "#1f5fa8"},
                "data": [
                    {"value": count, "label": {"show": True, "position": "right", "formatter": label}}
                    for count, label in zip(counts[::-1], labels[::-1], strict=True)
                ],
            }
        ],
    }


def stacked_chart(rows: list[str], columns: list[str], counts: dict[str, Counter]) -> dict:
    """ECharts options for a matrix question: one stacked bar per row, one colour per column."""
    palette = ["#1f5fa8", "#4f8fd6", "#9cc3ea", "#f0b35a", "#d9534f", "#7a7a7a"]
    return {
        "aria": {"enabled": True},
        "animation": False,
        "legend": {"top": 0},
        "grid": {"left": 8, "right": 24, "top": 36, "bottom": 24, "containLabel": True},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "xAxis": {"type": "value", "minInterval": 1},
        "yAxis": {"type": "category", "data": rows[::-1], "axisLabel": {"width": 220, "overflow": "break"}},
        "series": [
            {
                "type": "bar",
                "name": column,
                "stack": "total",
                "barMaxWidth": 26,
                "itemStyle": {"color": palette[index % len(palette)]},
                "data": [counts[row][column] for row in rows[::-1]],
            }
            for index, column in enumerate(columns)
        ],
    }


def question_result(question: Question, values: list[Any]) -> QuestionResult:
    """Count ``values`` (the stored answers to ``question``, one per response that answered it)."""
    answered = len(values)
    result = QuestionResult(question, answered)
    kind = question.kind
    people = _("人数")
    if kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.RATING):
        if kind == Kind.RATING:
            categories = [_("%(score)d分") % {"score": score} for score in range(1, 6)]
            keys: list[Any] = list(range(1, 6))
        else:
            categories = question.choice_list
            keys = categories
        counts: Counter = Counter()
        for value in values:
            # A set: a choice ticked twice by a forged form still counts once per person.
            counts.update(set(value) if isinstance(value, list) else {value})
        numbers = [counts[key] for key in keys]
        shares = [percent(number, answered) for number in numbers]
        result.headers = [_("选项"), people, _("占答题人数")]
        result.rows = [
            [category, number, share] for category, number, share in zip(categories, numbers, shares, strict=True)
        ]
        labels = [f"{number}（{share}）" for number, share in zip(numbers, shares, strict=True)]
        result.chart = bar_chart(categories, numbers, labels, people)
        if kind == Kind.MULTIPLE:
            result.note = _("多选题：比例按答题人数计算，各项相加可超过100%。")
        if kind == Kind.RATING and answered:
            average = sum(int(value) for value in values) / answered
            result.note = _("平均%(average).2f分。") % {"average": average}
    elif kind == Kind.MATRIX:
        rows, columns = question.row_list, question.choice_list
        matrix: dict[str, Counter] = {row: Counter() for row in rows}
        for value in values:
            for row, column in (value or {}).items():
                if row in matrix:
                    matrix[row][column] += 1
        result.headers = [_("评价对象"), *columns, _("答题人数")]
        result.rows = [[row, *(matrix[row][column] for column in columns), sum(matrix[row].values())] for row in rows]
        result.chart = stacked_chart(rows, columns, matrix)
    elif kind == Kind.RANKING:
        items = question.choice_list
        places: dict[str, list[int]] = {item: [] for item in items}
        for value in values:
            for place, item in enumerate(value or [], start=1):
                if item in places:
                    places[item].append(place)
        averages = {item: (sum(found) / len(found) if found else 0.0) for item, found in places.items()}
        order = sorted(items, key=lambda item: (averages[item] or len(items) + 1, item))
        firsts = {item: places[item].count(1) for item in items}
        result.headers = [_("选项"), _("平均名次"), _("排第1位的人数")]
        result.rows = [[item, f"{averages[item]:.2f}", firsts[item]] for item in order]
        scores = [round(len(items) + 1 - averages[item], 2) if places[item] else 0 for item in order]
        labels = [_("平均第%(place).2f位") % {"place": averages[item]} for item in order]
        result.chart = bar_chart(order, scores, labels, _("综合得分"))
        result.note = _("平均名次越小越靠前；图中的综合得分 = 选项数 + 1 − 平均名次。")
    elif kind == Kind.NUMBER:
        numbers = []
        for value in values:
            try:
                numbers.append(Decimal(str(value)))
            except InvalidOperation:
                continue
        result.headers = [_("答题人数"), _("平均值"), _("最小值"), _("最大值")]
        if numbers:
            average = sum(numbers) / len(numbers)
            result.rows = [[len(numbers), f"{average:.2f}", f"{min(numbers):f}", f"{max(numbers):f}"]]
        else:
            result.rows = [[0, "—", "—", "—"]]
    elif kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        result.note = _("共收到%(count)d条文字答复，内容不公开，由主办部门整理采纳。") % {"count": answered}
    elif kind == Kind.FILE:
        result.note = _("共收到%(count)d份附件，不公开。") % {"count": answered}
    return result


def tally(survey: Survey) -> tuple[int, list[QuestionResult]]:
    """The number of responses and each question's result, in question order."""
    questions = survey.ordered_questions()
    values: dict[str, list[Any]] = {question.key: [] for question in questions}
    total = 0
    for answers in survey.responses.values_list("answers", flat=True).iterator(chunk_size=1000):
        total += 1
        for key, value in (answers or {}).items():
            if key in values and value not in (None, "", [], {}):
                values[key].append(value)
    return total, [question_result(question, values[question.key]) for question in questions]
