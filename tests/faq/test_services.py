"""entry_from_reply for the letters, the search index entries and similar answers."""

from __future__ import annotations

import pytest

from zoneportal.faq.models import FaqEntry, FaqIndexPage
from zoneportal.faq.search import all_entries, entries_for, similar_entries
from zoneportal.faq.services import entry_from_reply
from zoneportal.search.models import DocumentType

pytestmark = pytest.mark.django_db


def test_entry_from_reply_creates_an_unpublished_entry_linked_to_the_letter(faq):
    user = faq.zone.users["invest_editor"]
    entry = entry_from_reply(
        question="  我公司想在开发区   新建厂房，\n用地手续怎么办？ ",
        answer="请到国土建设分局窗口咨询用地预审。\n",
        department=faq.zone.departments["invest"],
        topic=faq.land,
        source_reference="ZR20261127-0001",
        user=user,
    )
    entry = FaqEntry.objects.get(pk=entry.pk)
    assert entry.question == "我公司想在开发区 新建厂房， 用地手续怎么办？"
    assert entry.answer == "请到国土建设分局窗口咨询用地预审。"
    assert entry.source_reference == "ZR20261127-0001"
    assert entry.topic == faq.land and entry.created_by == user
    assert entry.published is False
    assert entries_for(entry) == []  # not in search until the department publishes it


def test_entry_from_reply_shortens_a_long_question_and_refuses_an_empty_answer(faq):
    entry = entry_from_reply(question="问" * 500, answer="答复", department=faq.zone.departments["finance"])
    assert len(entry.question) == 200 and entry.question.endswith("…")
    assert entry.topic is None and entry.created_by is None
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        entry_from_reply(question="问题", answer="  ", department=faq.zone.departments["finance"])


def test_search_entries(faq):
    entries = {entry.external_id: entry for entry in all_entries()}
    assert set(entries) == {f"faq:{faq.invest_entry.pk}", f"faq:{faq.finance_entry.pk}"}
    item = entries[f"faq:{faq.invest_entry.pk}"]
    assert item.type == DocumentType.FAQ == "faq"
    assert item.title == faq.invest_entry.question
    assert item.url == f"/hudong/wenda/{faq.invest_entry.pk}/"
    assert "当场受理" in item.text and item.keywords == "企业登记"
    assert item.site_id == faq.zone.site.pk and item.issuer == "招商发展分局"
    assert [e.external_id for e in entries_for(faq.finance_entry)] == [f"faq:{faq.finance_entry.pk}"]
    assert entries_for(faq.draft_entry) == []


def test_no_search_entries_without_a_live_faq_page(faq):
    FaqIndexPage.objects.get(pk=faq.page.pk).unpublish()
    assert list(all_entries()) == []
    assert entries_for(faq.invest_entry) == []


def test_similar_entries(faq):
    found = similar_entries("请问我们新办了一家企业，营业执照到哪里去领？")
    assert found[0] == faq.invest_entry
    assert similar_entries("征地补偿款") == [faq.finance_entry]
    assert similar_entries("尚未公开") == []  # unpublished entries are never suggested
    assert similar_entries("") == [] and similar_entries("营业执照", limit=0) == []
    assert len(similar_entries("营业执照 征地 补偿", limit=1)) == 1


def test_public_url_for_letters_to_link_to(faq):
    assert faq.invest_entry.public_url() == f"/hudong/wenda/{faq.invest_entry.pk}/"
    FaqIndexPage.objects.get(pk=faq.page.pk).unpublish()
    assert faq.invest_entry.public_url() is None
