"""Planted figures: pages published on known dates, reviews decided at known times, targets for 2025."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from wagtail.models import Page, TaskState

from tests.factories import add_page, shanghai
from zoneportal.performance.models import PerformanceTarget
from zoneportal.policies.models import Policy, PolicyCategory
from zoneportal.portal.models import ArticlePage

BODY = "<p>开发区招商引资工作稳步推进。</p>"


def published(zone, column: str, slug: str, when) -> ArticlePage:
    """An article first (and last) published at ``when``."""
    page = add_page(zone.columns[column], ArticlePage(title=f"信息{slug}", slug=slug, publish_at=when, body=BODY))
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return page


@dataclass
class Planted:
    zone: object
    reviewed: ArticlePage


@pytest.fixture
def planted(zone) -> Planted:
    """March 2025, 招商发展分局: 3 articles 10 days apart, 1 policy, a review approved in 2 working days, rejected.

    Its other column (企业服务) was last updated on 10 February. Targets: 招商 8 items a quarter, columns
    at most 30 days old, reviews at most 1 working day; 财政 1 item a month and nothing else.
    """
    invest, finance = zone.departments["invest"], zone.departments["finance"]
    for day, slug in ((3, "m1"), (13, "m2"), (23, "m3")):
        published(zone, "investment", slug, shanghai(2025, 3, day, 10, 0))
    published(zone, "services", "feb", shanghai(2025, 2, 10))
    Policy.objects.create(
        title="招商引资奖励办法",
        category=PolicyCategory.objects.first(),
        department=invest,
        issued_on=shanghai(2025, 3, 5).date(),
    )
    draft = add_page(zone.columns["investment"], ArticlePage(title="待审信息", slug="review", body=BODY), publish=False)
    state = invest.workflow.start(draft, zone.users["invest_editor"])
    head_step = state.current_task_state
    head_step.approve(user=zone.users["invest_head"])
    TaskState.objects.filter(pk=head_step.pk).update(
        started_at=shanghai(2025, 3, 10, 9, 0), finished_at=shanghai(2025, 3, 12, 16, 0)
    )
    state.refresh_from_db()
    office_step = state.current_task_state
    office_step.reject(user=zone.users["reviewer"], comment="请补充图片说明")
    TaskState.objects.filter(pk=office_step.pk).update(
        started_at=shanghai(2025, 3, 12, 16, 0), finished_at=shanghai(2025, 3, 14, 11, 0)
    )
    PerformanceTarget.objects.create(
        department=invest,
        year=2025,
        items=8,
        items_per=PerformanceTarget.Per.QUARTER,
        max_days_between_updates=30,
        max_turnaround_workdays=1,
    )
    PerformanceTarget.objects.create(department=finance, year=2025, items=1, items_per=PerformanceTarget.Per.MONTH)
    return Planted(zone, draft)
