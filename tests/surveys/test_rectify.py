"""开立整改事项 from a survey in the back office: the confirmation, the item it opens, who may."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.utils import logged_in_client, message_texts, soup
from zoneportal.rectification.models import RectificationItem
from zoneportal.surveys.models import Survey

pytestmark = pytest.mark.django_db


def rectify_url(survey: Survey) -> str:
    return reverse("wagtailsnippets_surveys_survey:rectify", args=[survey.pk])


def test_a_ledger_item_is_opened_from_a_survey(zone, survey):
    survey.results_published = True
    survey.save()
    editor = logged_in_client(zone.users["invest_editor"])
    listing = soup(editor.get(reverse("wagtailsnippets_surveys_survey:list")))
    assert rectify_url(survey) in {a.get("href") for a in listing.find_all("a")}

    confirm = editor.get(rectify_url(survey))
    assert confirm.status_code == 200
    page = soup(confirm)
    assert page.find(id="survey-rectify-form").find("button").get_text(strip=True) == "开立整改事项"
    assert "作风建设问卷" in page.find(id="survey-rectify-facts").get_text()
    assert not RectificationItem.objects.exists()  # looking creates nothing

    response = editor.post(rectify_url(survey))
    item = RectificationItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rectification_item:edit", args=[item.pk])
    assert any("已根据问卷" in text for text in message_texts(response))
    assert item.source_kind == RectificationItem.SourceKind.SURVEY
    assert item.source_reference == "作风建设问卷" and item.source_url == survey.results_url()
    assert "作风建设问卷" in item.title and item.department == zone.departments["invest"]
    assert item.state == RectificationItem.State.IN_PROGRESS and not item.is_public
    assert item.created_by == zone.users["invest_editor"]
    assert editor.get(response["Location"]).status_code == 200
    # The confirmation now lists the item opened.
    listed = soup(editor.get(rectify_url(survey))).find(id="survey-rectify-items")
    assert listed.a["href"] == response["Location"]


def test_an_unpublished_survey_points_the_item_at_its_builder(zone, survey):
    survey.is_published = False
    survey.save()
    logged_in_client(zone.users["invest_head"]).post(rectify_url(survey))
    item = RectificationItem.objects.get()
    assert item.source_url == reverse("wagtailsnippets_surveys_survey:edit", args=[survey.pk])


def test_other_departments_may_not_open_items_from_a_survey(zone, survey):
    for name in ("finance_editor", "finance_head"):
        client = logged_in_client(zone.users[name])
        assert client.get(rectify_url(survey)).status_code == 403
        assert client.post(rectify_url(survey)).status_code == 403
    # The office department's editor sees no survey of another department either.
    assert logged_in_client(zone.users["office_editor"]).post(rectify_url(survey)).status_code == 403
    assert not RectificationItem.objects.exists()
    # Administrators may (they see every survey).
    assert logged_in_client(zone.users["admin"]).post(rectify_url(survey)).status_code == 302
    assert RectificationItem.objects.get().department == zone.departments["invest"]


def test_the_confirmation_is_in_chinese(zone, survey):
    from tests.core.test_admin_chinese import english_words

    response = logged_in_client(zone.users["invest_editor"]).get(rectify_url(survey))
    assert response.status_code == 200
    assert english_words(response.content.decode(), set()) == []
