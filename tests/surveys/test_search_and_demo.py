"""Surveys as site-search entries, and the demo's surveys: generated once, counted as the material says."""

from __future__ import annotations

import pytest

from zoneportal.core.models import Department
from zoneportal.demo.content.surveys import ACCOUNTABILITY, ACCOUNTABILITY_RESPONSES
from zoneportal.surveys import results
from zoneportal.surveys.demo import load_surveys, remove_surveys
from zoneportal.surveys.models import Survey, SurveyResponse
from zoneportal.surveys.search import all_entries, entries_for

from .conftest import make_survey

pytestmark = pytest.mark.django_db


def test_published_surveys_are_search_entries(zone):
    survey = make_survey(zone.departments["invest"], slug="sousuo")
    draft = make_survey(zone.departments["invest"], slug="caogao", is_published=False)
    (entry,) = entries_for(survey)
    assert (entry.external_id, entry.type, entry.url) == (f"survey:{survey.pk}", "survey", "/hudong/diaocha/sousuo/")
    assert "您最关心哪些方面？" in entry.text and entry.issuer == "招商发展分局"
    assert entries_for(draft) == []
    assert [item.external_id for item in all_entries()] == [f"survey:{survey.pk}"]


def test_demo_surveys_load_once_with_generated_answers(zone):
    Department.objects.create(name="管委会办公室（演示）", slug="bangongshi")
    ticks: list[int] = []
    created = load_surveys(ticks.append)
    assert sum(ticks) == ACCOUNTABILITY_RESPONSES
    assert {survey.slug for survey in created} == {"zhiyong-wenze-wenjuan", "wangzhan-yijian"}
    campaign = Survey.objects.get(slug=ACCOUNTABILITY.slug)
    assert campaign.status() == Survey.Status.CLOSED and campaign.results_published and campaign.is_generated_demo
    assert Survey.objects.get(slug="wangzhan-yijian").is_open()
    assert campaign.responses.count() == 630 and not campaign.responses.filter(is_generated=False).exists()

    _total, items = results.tally(campaign)
    by_text = {item.question.text: item for item in items}
    # The follow-up is asked only of those who had business with the offices.
    visited = dict((row[0], row[1]) for row in by_text["最近一年，您是否到管委会或各分局办过事？"].rows)["是"]
    assert by_text["办事时，您遇到过下列哪些情况？"].answered == visited
    assert by_text["您对治庸问责工作还有哪些意见和建议？"].answered == 5  # 共征求到各类意见、建议5条
    first = [row[1] for row in items[0].rows]

    assert load_surveys(ticks.append) == []  # a second run adds nothing
    assert SurveyResponse.objects.filter(survey__slug=ACCOUNTABILITY.slug).count() == 630
    remove_surveys()
    load_surveys(ticks.append)  # the same seed gives the same answers
    assert [row[1] for row in results.tally(Survey.objects.get(slug=ACCOUNTABILITY.slug))[1][0].rows] == first
