"""公文流转 in the back office: lists, the draft form with attachments checked by content, the steps, refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.letters.test_inbox import sidebar_labels
from zoneportal.circulation import services
from zoneportal.circulation.models import DocumentAttachment, OfficialDocument

from .conftest import make_draft, walk_to

State = OfficialDocument.State
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def draft_data(zone, **overrides) -> dict:
    data = {
        "title": "关于开展消防演练的通知",
        "kind": "notice",
        "urgency": "normal",
        "department": zone.departments["invest"].pk,
        "body": "定于下周三组织消防演练。",
        "handling_days": "5",
    }
    data.update(overrides)
    return data


def test_a_draft_with_an_attachment_is_saved_privately(zone):
    client = client_for(zone.users["invest_editor"])
    upload = SimpleUploadedFile("方案.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("circulation:new"), {**draft_data(zone), "attachments": [upload]})
    document = OfficialDocument.objects.get(title="关于开展消防演练的通知")
    assert response.status_code == 302 and response["Location"] == reverse("circulation:document", args=[document.pk])
    attachment = document.attachments.get()
    assert attachment.original_name == "方案.pdf" and attachment.file.name.startswith("circulation/")
    download = client.get(reverse("circulation:attachment", args=[attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == "attachment; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf"
    assert download["X-Content-Type-Options"] == "nosniff" and "no-store" in download["Cache-Control"]
    # Nobody off the route gets it.
    outsider = client_for(zone.users["finance_editor"]).get(reverse("circulation:attachment", args=[attachment.pk]))
    assert outsider.status_code == 403
    # A file gone from the disk is a 404 in Chinese, not a server error.
    attachment.file.storage.delete(attachment.file.name)
    gone = client.get(reverse("circulation:attachment", args=[attachment.pk]))
    assert gone.status_code == 404


def test_the_drafter_removes_an_attachment_from_the_draft(zone, django_capture_on_commit_callbacks):
    client = client_for(zone.users["invest_editor"])
    uploads = [SimpleUploadedFile(name, PDF, content_type="application/pdf") for name in ("旧方案.pdf", "新方案.pdf")]
    client.post(reverse("circulation:new"), {**draft_data(zone), "attachments": uploads})
    document = OfficialDocument.objects.get()
    old, new = (document.attachments.get(original_name=name) for name in ("旧方案.pdf", "新方案.pdf"))
    edit = reverse("circulation:edit", args=[document.pk])
    form = client.get(edit).content.decode()
    assert "删除附件" in form and "旧方案.pdf" in form
    # Another draft's attachment is not one of this form's choices: refused, nothing removed, the text kept.
    other = make_draft(zone, title="另一份草稿")
    other_file = DocumentAttachment.objects.create(document=other, file=SimpleUploadedFile("别的.pdf", PDF))
    refused = client.post(edit, {**draft_data(zone, title="改过的标题"), "remove_attachments": [other_file.pk]})
    assert refused.status_code == 400 and "改过的标题" in refused.content.decode()
    assert DocumentAttachment.objects.count() == 3
    storage, stored = old.file.storage, old.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, {**draft_data(zone), "remove_attachments": [old.pk]})
    assert response.status_code == 302
    assert list(document.attachments.values_list("original_name", flat=True)) == ["新方案.pdf"]
    assert not storage.exists(stored) and new.file.storage.exists(new.file.name)
    entry = ModelLogEntry.objects.filter(action="circulation.edit").latest("pk")
    assert entry.data["removed"] == ["旧方案.pdf"]


def test_a_disguised_program_is_refused_and_the_text_kept(zone):
    client = client_for(zone.users["invest_editor"])
    upload = SimpleUploadedFile("通知.pdf", EXE, content_type="application/pdf")
    response = client.post(reverse("circulation:new"), {**draft_data(zone), "attachments": [upload]})
    assert response.status_code == 400
    page = response.content.decode()
    assert "“通知.pdf”的内容与扩展名不符" in page
    assert "关于开展消防演练的通知" in page and "定于下周三组织消防演练。" in page
    assert not OfficialDocument.objects.exists() and not DocumentAttachment.objects.exists()


def test_a_draft_for_another_department_is_refused_in_the_form(zone):
    client = client_for(zone.users["invest_editor"])
    response = client.post(reverse("circulation:new"), draft_data(zone, department=zone.departments["finance"].pk))
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not OfficialDocument.objects.exists()


def test_the_steps_through_the_pages(zone, draft):
    editor, head = client_for(zone.users["invest_editor"]), client_for(zone.users["invest_head"])
    assert editor.post(reverse("circulation:submit", args=[draft.pk])).status_code == 302
    # 退回 without an opinion: the reason, in Chinese, and nothing changes.
    refused = head.post(reverse("circulation:return", args=[draft.pk]), {"opinion": ""})
    assert refused.status_code == 409
    assert "退回时请填写意见" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.state == State.REVIEW
    assert head.post(reverse("circulation:approve", args=[draft.pk]), {"opinion": "同意"}).status_code == 302
    reviewer = client_for(zone.users["reviewer"])
    signed = reviewer.post(reverse("circulation:sign", args=[draft.pk]), {"number": "来开管发〔2026〕7号"})
    assert signed.status_code == 302
    finance = zone.departments["finance"]
    assert (
        reviewer.post(reverse("circulation:distribute", args=[draft.pk]), {"departments": [finance.pk]}).status_code
        == 302
    )
    copy = draft.distributions.get()
    recipient = client_for(zone.users["finance_editor"])
    assert recipient.post(reverse("circulation:receive", args=[copy.pk])).status_code == 302
    no_note = recipient.post(reverse("circulation:complete", args=[copy.pk]), {"note": ""})
    assert no_note.status_code == 409 and "请填写办结情况" in no_note.content.decode()
    assert recipient.post(reverse("circulation:complete", args=[copy.pk]), {"note": "已落实"}).status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.ARCHIVED
    page = recipient.get(reverse("circulation:document", args=[draft.pk])).content.decode()
    for label in (
        "流转记录",
        "拟稿",
        "送审",
        "审核通过",
        "签发",
        "分发",
        "签收",
        "办结",
        "归档",
        "来开管发〔2026〕7号",
        "已落实",
    ):
        assert label in page


def test_who_sees_what(zone, draft):
    document = walk_to(draft, zone, State.REVIEW)
    url = reverse("circulation:document", args=[document.pk])
    # An outsider (another department, not on the route): 403 in Chinese.
    outsider = client_for(zone.users["finance_editor"]).get(url)
    assert outsider.status_code == 403 and "没有权限" in outsider.content.decode()
    # The drafter is on the route: read-only while the head reviews.
    drafter = client_for(zone.users["invest_editor"])
    page = drafter.get(url).content.decode()
    assert "关于做好园区安全生产检查的通知" in page and "审核通过" not in page
    forged = drafter.post(reverse("circulation:approve", args=[document.pk]), {"opinion": "我自己同意"})
    assert forged.status_code == 403
    document.refresh_from_db()
    assert document.state == State.REVIEW
    # The head sees the step.
    assert "审核通过" in client_for(zone.users["invest_head"]).get(url).content.decode()


@pytest.mark.parametrize("name", ["circulation:all"])
def test_the_office_list_is_the_offices(zone, draft, name):
    assert client_for(zone.users["invest_head"]).get(reverse(name)).status_code == 403
    response = client_for(zone.users["reviewer"]).get(reverse(name))
    assert response.status_code == 200 and draft.title in response.content.decode()


def test_a_long_list_is_paged(zone, monkeypatch):
    from zoneportal.circulation import views

    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 2)  # three drafts make two pages
    for number in range(3):
        make_draft(zone, title=f"第{number + 1}份草稿")
    editor = client_for(zone.users["invest_editor"])
    first = editor.get(reverse("circulation:mine")).content.decode()
    assert "第3份草稿" in first and "第2份草稿" in first and "第1份草稿" not in first  # newest first
    assert 'class="pagination"' in first and "?p=2" in first
    second = editor.get(reverse("circulation:mine"), {"p": 2}).content.decode()
    assert "第1份草稿" in second and "第3份草稿" not in second
    assert "第3份草稿" in editor.get(reverse("circulation:mine"), {"p": "x"}).content.decode()  # malformed: page 1


def test_lists_and_the_menu_count(zone, draft):
    head = client_for(zone.users["invest_head"])
    assert draft.title not in head.get(reverse("circulation:pending")).content.decode()
    services.submit(draft, user=zone.users["invest_editor"])
    assert draft.title in head.get(reverse("circulation:pending")).content.decode()
    assert "公文流转（1）" in sidebar_labels(head.get(reverse("wagtailadmin_home")))
    mine = client_for(zone.users["invest_editor"]).get(reverse("circulation:mine")).content.decode()
    assert draft.title in mine
    # Only the drafter edits a draft, and only while it is one.
    assert client_for(zone.users["invest_editor"]).get(reverse("circulation:edit", args=[draft.pk])).status_code == 403
