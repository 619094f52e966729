"""意见征集: the window in the zone's time, the comment form, moderation per department, 采纳情况 and privacy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import add_page, shanghai
from tests.utils import admin_form, logged_in_client, soup, text_of
from zoneportal.consultations.models import ConsultationComment, ConsultationPage
from zoneportal.portal.models import ColumnPage
from zoneportal.search.indexers import all_page_entries, page_entries_for_ids, page_external_id
from zoneportal.search.models import DocumentType

pytestmark = pytest.mark.django_db

NAME, CONTACT = "张三丰", "13812345678"


@pytest.fixture
def interaction(zone):
    return add_page(
        zone.home,
        ColumnPage(title="互动交流", slug="hudong", column_type=ColumnPage.ColumnType.INTERACTION),
    )


def consultation(zone, parent, slug, opens, closes, department="invest", **kwargs) -> ConsultationPage:
    return add_page(
        parent,
        ConsultationPage(
            title=f"关于征求《支持中小企业发展的若干措施》意见的公告{slug}",
            slug=slug,
            department=zone.departments[department],
            summary="为支持园区中小企业发展，起草了本措施。",
            body="<p>第一条 开发区设立中小企业服务窗口。</p>",
            opens_at=opens,
            closes_at=closes,
            **kwargs,
        ),
    )


@pytest.fixture
def open_page(zone, interaction):
    now = timezone.now()
    return consultation(zone, interaction, "open", now - timedelta(days=1), now + timedelta(days=10))


def test_window_in_the_zones_time_zone(zone, interaction):
    page = consultation(zone, interaction, "w", shanghai(2026, 12, 1, 9, 0), shanghai(2026, 12, 31, 17, 30))
    # 2026-12-01 00:59 UTC is 08:59 in Beijing: not open yet; 01:00 UTC is 09:00: open.
    assert page.state(shanghai(2026, 12, 1, 8, 59)) == "upcoming"
    assert page.state(shanghai(2026, 12, 1, 9, 0)) == "open"
    assert page.state(shanghai(2026, 12, 31, 17, 29)) == "open"
    assert page.state(shanghai(2026, 12, 31, 17, 30)) == "closed"
    # Shown in Beijing time whatever the server's clock zone.
    assert "2026年12月31日 17:30" in text_of(Client().get(page.url))


def test_page_validation(zone, interaction):
    page = ConsultationPage(
        title="无正文",
        slug="bad",
        summary="说明",
        opens_at=shanghai(2026, 12, 2),
        closes_at=shanghai(2026, 12, 1),
    )
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert {"closes_at", "department", "body"} <= set(raised.value.message_dict)


def test_comment_is_stored_then_acknowledged(open_page):
    client = Client()
    response = client.post(open_page.url, {"text": "建议增加融资担保支持。", "name": NAME, "contact": CONTACT})
    assert response.status_code == 302
    assert response["Location"] == f"{open_page.url}?submitted=1#comment-form"
    comment = ConsultationComment.objects.get(page=open_page)
    assert comment.status == ConsultationComment.Status.PENDING
    assert (comment.name, comment.contact, comment.text) == (NAME, CONTACT, "建议增加融资担保支持。")
    page = client.get(response["Location"])
    assert "您的意见已收到，正在等待审核" in text_of(page)
    assert "private" in page["Cache-Control"]
    assert "建议增加融资担保支持" not in text_of(page)  # not public before moderation


def test_invalid_comment_keeps_input_and_ties_errors_to_fields(open_page):
    long_text = "长" * 2001
    response = Client().post(open_page.url, {"text": long_text, "name": NAME, "contact": CONTACT})
    assert response.status_code == 400
    html = soup(response)
    textarea = html.select_one("textarea[name=text]")
    assert textarea.get_text().strip() == long_text
    assert html.select_one("input[name=name]")["value"] == NAME
    assert html.select_one("input[name=contact]")["value"] == CONTACT
    assert textarea["aria-invalid"] == "true"
    error_id = textarea["aria-describedby"].split()[0]
    assert "不能超过 2000 字（现在是 2001 字）" in html.find(id=error_id).get_text()
    empty = soup(Client().post(open_page.url, {"text": "   ", "name": NAME}))
    assert (
        "请填写意见内容"
        in empty.find(id=empty.select_one("textarea[name=text]")["aria-describedby"].split()[0]).get_text()
    )
    assert not ConsultationComment.objects.exists()


def test_closed_and_upcoming_refuse_comments(zone, interaction):
    now = timezone.now()
    upcoming = consultation(zone, interaction, "later", now + timedelta(days=1), now + timedelta(days=5))
    closed = consultation(zone, interaction, "past", now - timedelta(days=5), now - timedelta(minutes=1))
    assert "尚未开始" in text_of(Client().get(upcoming.url))
    assert soup(Client().get(upcoming.url)).select_one("textarea") is None
    assert "已于" in text_of(Client().get(closed.url)) and "结束" in text_of(Client().get(closed.url))
    for page, word in ((upcoming, "尚未开始"), (closed, "已经结束")):
        response = Client().post(page.url, {"text": "迟到的意见"})
        assert response.status_code == 409
        assert word in text_of(response)
    assert not ConsultationComment.objects.exists()


@override_settings(CONSULTATION_RATE="2/m")
def test_rate_limited(open_page):
    for _ in range(2):
        assert Client().post(open_page.url, {"text": "意见"}).status_code == 302
    refused = Client().post(open_page.url, {"text": "第三条意见", "name": NAME})
    assert refused.status_code == 429
    assert soup(refused).select_one("textarea[name=text]").get_text().strip() == "第三条意见"
    assert ConsultationComment.objects.count() == 2


def test_seconds_until_the_window_changes(zone, interaction):
    """What keeps a cached page from outliving the moment the form opens or closes."""
    page = consultation(zone, interaction, "soon", shanghai(2026, 12, 1, 9, 0), shanghai(2026, 12, 2, 9, 0))
    assert page.seconds_until_change(shanghai(2026, 12, 1, 8, 58)) == 120
    assert page.seconds_until_change(shanghai(2026, 12, 2, 8, 59)) == 60
    assert page.seconds_until_change(shanghai(2026, 12, 2, 9, 0)) is None


def comment(page, text, status, name=NAME, contact=CONTACT, response=""):
    return ConsultationComment.objects.create(
        page=page, text=text, status=status, name=name, contact=contact, response=response
    )


def test_summary_counts_and_hidden_personal_data(zone, interaction):
    now = timezone.now()
    page = consultation(
        zone,
        interaction,
        "done",
        now - timedelta(days=30),
        now - timedelta(days=1),
        feedback_summary="<p>主要意见已吸收进正式文件。</p>",
    )
    S = ConsultationComment.Status
    comment(page, "意见甲", S.ADOPTED, response="已写入第二条。")
    comment(page, "意见乙", S.ADOPTED)
    comment(page, "意见丙", S.PARTLY)
    comment(page, "意见丁", S.NOT_ADOPTED)
    comment(page, "带有骂人话的意见", S.HIDDEN)
    comment(page, "还没审核的意见", S.PENDING)
    assert page.outcome_counts() == {
        "pending": 1, "adopted": 2, "partly": 1, "not_adopted": 1, "hidden": 1, "total": 6
    }  # fmt: skip
    response = Client().get(page.url)
    text = text_of(response)
    rows = {
        row.th.get_text(strip=True): row.td.get_text(strip=True) for row in soup(response).select("#feedback tbody tr")
    }
    assert rows == {"已采纳": "2", "部分采纳": "1", "未采纳": "1", "不予公开": "1"}
    assert "共收到意见 6 条" in text and "主要意见已吸收进正式文件" in text
    assert "意见甲" in text and "已写入第二条" in text and "意见丁" in text
    assert "骂人话" not in text and "还没审核" not in text
    assert NAME not in text and CONTACT not in text


def test_moderation_per_department(zone, open_page):
    mine = comment(open_page, "招商的意见", ConsultationComment.Status.PENDING)
    list_url = reverse(ConsultationComment.snippet_viewset.get_url_name("list"))
    edit_url = reverse(ConsultationComment.snippet_viewset.get_url_name("edit"), args=(mine.pk,))
    other = logged_in_client(zone.users["finance_editor"])
    assert other.get(edit_url).status_code == 404
    assert "招商的意见" not in text_of(other.get(list_url))
    assert other.post(edit_url, {"status": "adopted"}).status_code == 404
    assert ConsultationComment.objects.get(pk=mine.pk).status == "pending"

    head = logged_in_client(zone.users["invest_head"])
    assert "招商的意见" in text_of(head.get(list_url))
    data = admin_form(head.get(edit_url), form_id="w-editor-form")
    data.update({"status": "partly", "response": "部分内容已吸收。", "text": "被篡改", "name": "改名"})
    assert head.post(edit_url, data).status_code == 302
    moderated = ConsultationComment.objects.get(pk=mine.pk)
    assert moderated.status == "partly" and moderated.response == "部分内容已吸收。"
    assert moderated.text == "招商的意见" and moderated.name == NAME  # read-only for staff
    assert moderated.moderated_by == zone.users["invest_head"] and moderated.moderated_at is not None
    # Comments come from the public: nobody adds them in the back office.
    assert head.get(reverse(ConsultationComment.snippet_viewset.get_url_name("add"))).status_code in (302, 403)
    assert logged_in_client(zone.users["reviewer"]).get(edit_url).status_code == 200


def test_search_entries(zone, open_page, interaction):
    """A draft is searchable as its department's 公告 through the pages source, until it is withdrawn."""
    entries = [e for e in all_page_entries() if e.external_id == page_external_id(open_page.pk)]
    assert len(entries) == 1
    entry = entries[0]
    assert entry.type == DocumentType.NOTICE and entry.issuer == "招商发展分局"
    assert entry.url == "/hudong/open/" and "中小企业服务窗口" in entry.text
    open_page.unpublish()
    assert not page_entries_for_ids([open_page.pk])
