"""Bad input: the form says in Chinese what is wrong, keeps what was typed and saves nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.notices.conftest import editor_body
from zoneportal.notices.models import Notice, NoticeAttachment

pytestmark = pytest.mark.django_db


def form_data(zone, **changes) -> dict:
    data = {
        "title": "关于报送年度总结的通知",
        "urgency": "urgent",
        "sender": zone.departments["office"].pk,
        "body": editor_body("<p>请于本周内报送年度工作总结。</p>"),
        "departments": [zone.departments["invest"].pk],
        "action": "save",
    }
    data.update(changes)
    return data


def test_an_empty_title_is_refused_and_the_text_kept(zone, client):
    client.force_login(zone.users["reviewer"])
    response = client.post(reverse("notices:add"), form_data(zone, title="   "))
    page = response.content.decode()
    assert response.status_code == 400
    assert "请填写通知标题" in page
    # The editor gets its content back (Draftail's content state, JSON-escaped in the page).
    assert json.dumps("请于本周内报送年度工作总结")[1:-1] in page
    assert not Notice.objects.exists()


def test_a_disguised_attachment_is_refused_and_nothing_saved(zone, client):
    client.force_login(zone.users["reviewer"])
    fake = SimpleUploadedFile("安排.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = client.post(reverse("notices:add"), {**form_data(zone), "files": [fake]})
    page = response.content.decode()
    assert response.status_code == 400
    assert "内容与扩展名不符" in page
    assert "关于报送年度总结的通知" in page and json.dumps("请于本周内报送年度工作总结")[1:-1] in page
    assert not Notice.objects.exists() and not NoticeAttachment.objects.exists()


def test_publishing_needs_a_recipient_and_a_past_deadline_is_refused(zone, client):
    client.force_login(zone.users["reviewer"])
    response = client.post(reverse("notices:add"), form_data(zone, departments=[], action="publish"))
    assert response.status_code == 400 and "请至少选择一个接收单位" in response.content.decode()
    response = client.post(reverse("notices:add"), form_data(zone, deadline="2020-01-02"))
    assert response.status_code == 400 and "签收期限不能早于今天" in response.content.decode()
    assert not Notice.objects.exists()


def test_the_body_is_sanitised_and_a_draft_saved_with_its_attachment(zone, client):
    client.force_login(zone.users["reviewer"])
    body = '<p onclick="steal()">正文<script>alert(1)</script></p>'
    pdf = SimpleUploadedFile("安排.pdf", b"%PDF-1.4 demo", content_type="application/pdf")
    response = client.post(reverse("notices:add"), {**form_data(zone, body=editor_body(body)), "files": [pdf]})
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert notice.state == Notice.State.DRAFT
    page = client.get(reverse("notices:detail", args=[notice.pk])).content.decode()
    assert "<script" not in notice.body and "onclick" not in notice.body and "正文" in notice.body
    assert "steal()" not in page and "<script>alert" not in page
    assert notice.attachments.get().original_name == "安排.pdf"
