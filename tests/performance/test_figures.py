"""The figures of 目标管理 from planted pages, reviews, policies and targets; the query bound."""

from __future__ import annotations

import datetime

from zoneportal.core.models import Department
from zoneportal.performance.figures import MONTH, WEEK, YEAR, Period, compute, period_target
from zoneportal.performance.models import PerformanceTarget

MARCH = Period.containing(MONTH, datetime.date(2025, 3, 18))


def by_slug(rows) -> dict:
    return {row.department.slug: row for row in rows}


def test_periods():
    assert MARCH == Period(MONTH, datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    week = Period.containing(WEEK, datetime.date(2025, 3, 13))
    assert (week.start, week.end) == (datetime.date(2025, 3, 10), datetime.date(2025, 3, 16))
    assert Period.containing(YEAR, datetime.date(2024, 2, 29)).end == datetime.date(2024, 12, 31)
    assert Period.containing(MONTH, datetime.date(2024, 2, 10)).end == datetime.date(2024, 2, 29)


def test_a_department_and_its_columns_in_a_month(planted):
    rows = by_slug(compute(MARCH, today=datetime.date(2026, 1, 1)))
    invest = rows["invest"]
    columns = {column.title: column for column in invest.columns}
    assert (invest.pages, invest.policies, invest.letters, invest.items) == (3, 1, 0, 4)
    assert columns["招商引资"].published == 3
    assert columns["招商引资"].average_interval == 10.0
    assert columns["招商引资"].days_since_update == 8  # 23 → 31 March
    assert columns["企业服务"].days_since_update == 49  # 10 February → 31 March
    assert invest.days_since_update == 49
    assert (columns["招商引资"].turnaround, columns["招商引资"].rejections) == (2.0, 1)
    assert (invest.turnaround, invest.rejections) == (2.0, 1)
    # Items 4 of 2.7 (full), freshness 30/49, review 1/2: the mean.
    assert invest.target_items == 2.7
    assert invest.achievement == round(100 * (1 + 30 / 49 + 0.5) / 3, 1) == 70.4


def test_ranking_puts_departments_without_a_target_last(planted):
    rows = compute(MARCH, today=datetime.date(2026, 1, 1))
    assert [(row.department.slug, row.rank) for row in rows] == [("invest", 1), ("finance", 2), ("office", None)]
    assert rows[1].achievement == 0.0  # nothing published, its column never updated within the period


def test_ties_are_broken_by_the_faster_review(planted):
    finance = Department.objects.get(slug="finance")
    PerformanceTarget.objects.filter(department=finance).update(items=1, items_per=PerformanceTarget.Per.YEAR)
    PerformanceTarget.objects.filter(department__slug="invest").update(
        max_days_between_updates=None, max_turnaround_workdays=None
    )
    # Both now at 100% or 0%: give 财政 one item in March so both reach 100%.
    from tests.performance.conftest import published

    published(planted.zone, "finance", "f1", datetime.datetime(2025, 3, 20, 2, tzinfo=datetime.UTC))
    rows = compute(MARCH, today=datetime.date(2026, 1, 1))
    assert [row.achievement for row in rows[:2]] == [100.0, 100.0]
    # 财政 had no review (unknown turnaround ranks after a known one).
    assert [row.department.slug for row in rows[:2]] == ["invest", "finance"]


def test_a_week_and_a_year(planted):
    week = by_slug(compute(Period.containing(WEEK, datetime.date(2025, 3, 13)), today=datetime.date(2026, 1, 1)))
    assert week["invest"].pages == 1 and week["invest"].rejections == 1 and week["invest"].turnaround == 2.0
    assert week["invest"].target_items == round(8 * (12 / 52) / 3, 1)
    year = by_slug(compute(Period.containing(YEAR, datetime.date(2025, 6, 1)), today=datetime.date(2025, 4, 1)))
    assert year["invest"].pages == 4 and year["invest"].target_items == 32
    # While the year runs, days since the last update count to today.
    assert {column.title: column.days_since_update for column in year["invest"].columns}["招商引资"] == 9


def test_period_target():
    target = PerformanceTarget(items=120, items_per=PerformanceTarget.Per.YEAR)
    assert (period_target(target, MONTH), period_target(target, YEAR), period_target(target, WEEK)) == (10, 120, 2.3)


def test_a_fixed_number_of_queries_whatever_the_departments(planted, django_assert_max_num_queries):
    for number in range(6):
        Department.objects.create(name=f"新部门{number}", slug=f"new{number}")
    with django_assert_max_num_queries(9):
        rows = compute(MARCH, today=datetime.date(2026, 1, 1))
    assert len(rows) == 9
