"""Read receipts: opening a notice is 已读 (once), 签收 is 已签收; only recipients; the sender's overview."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.notices.conftest import draft, editor_body
from zoneportal.notices import access, services
from zoneportal.notices.models import Notice, NoticeReceipt

pytestmark = pytest.mark.django_db


def test_opening_marks_read_once_and_signing_marks_signed(zone, notice, client):
    editor = zone.users["invest_editor"]
    client.force_login(editor)
    url = reverse("notices:detail", args=[notice.pk])

    response = client.get(url)
    assert response.status_code == 200
    receipt = NoticeReceipt.objects.get(notice=notice, user=editor)
    first_read = receipt.read_at
    assert receipt.signed_at is None
    assert "签收" in response.content.decode()

    client.get(url)  # a second opening keeps the first time
    receipt.refresh_from_db()
    assert receipt.read_at == first_read

    response = client.post(reverse("notices:sign", args=[notice.pk]), follow=True)
    receipt.refresh_from_db()
    assert receipt.signed_at is not None
    assert "已签收" in response.content.decode()
    actions = list(ModelLogEntry.objects.for_instance(notice).values_list("action", flat=True))
    assert actions.count(services.ACTION_READ) == 1 and actions.count(services.ACTION_SIGN) == 1


def test_only_recipients_get_a_receipt_or_may_sign(zone, notice, client):
    # The sender (office) opens it: no receipt; a finance editor (not addressed) is refused.
    client.force_login(zone.users["reviewer"])
    assert client.get(reverse("notices:detail", args=[notice.pk])).status_code == 200
    outsider = zone.users["finance_editor"]
    client.force_login(outsider)
    assert client.get(reverse("notices:detail", args=[notice.pk])).status_code == 403
    response = client.post(reverse("notices:sign", args=[notice.pk]))
    assert response.status_code == 403
    assert "权限" in response.content.decode() or "无权" in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.sign(notice, user=outsider)
    assert not NoticeReceipt.objects.exists()


def test_a_draft_is_invisible_to_recipients_and_a_withdrawn_one_cannot_be_signed(zone, client):
    notice = draft(zone)
    editor = zone.users["invest_editor"]
    client.force_login(editor)
    assert client.get(reverse("notices:detail", args=[notice.pk])).status_code == 403
    assert access.unread_count(editor) == 0

    services.publish(notice, user=zone.users["reviewer"])
    assert access.unread_count(editor) == 1
    services.withdraw(notice, user=zone.users["reviewer"], reason="内容有误，重新发文")
    assert access.unread_count(editor) == 0
    with pytest.raises(services.NoticeRefused):
        services.sign(notice, user=editor)
    page = client.get(reverse("notices:detail", args=[notice.pk])).content.decode()
    assert "内容有误，重新发文" in page


def test_published_notices_do_not_change(zone, notice, client):
    client.force_login(zone.users["reviewer"])
    response = client.post(
        reverse("notices:edit", args=[notice.pk]),
        {"title": "改过的标题", "urgency": "normal", "sender": notice.sender_id, "body": editor_body("<p>新</p>")},
    )
    assert response.status_code == 400
    notice.refresh_from_db()
    assert notice.title == "关于做好安全生产工作的通知"
    with pytest.raises(services.NoticeRefused):
        services.withdraw(notice, user=zone.users["reviewer"], reason=" ")
    with pytest.raises(services.NoticeRefused):
        services.publish(notice, user=zone.users["reviewer"])


def test_the_sender_sees_each_person_and_the_completion(zone, notice, client):
    services.open_notice(notice, user=zone.users["invest_editor"])
    services.sign(notice, user=zone.users["invest_head"])
    overview = services.receipt_overview(notice)
    [row] = overview.departments
    statuses = {person.user.username: person.label for person in row.people}
    assert statuses == {"invest_editor": "已读", "invest_head": "已签收"}
    assert (overview.signed, overview.total, overview.percent) == (1, 2, 50)

    client.force_login(zone.users["reviewer"])
    page = client.get(reverse("notices:detail", args=[notice.pk])).content.decode()
    assert "完成 50%" in page and "invest_head" in page
    # A recipient does not see the others' receipts.
    client.force_login(zone.users["invest_editor"])
    assert "notice-receipts" not in client.get(reverse("notices:detail", args=[notice.pk])).content.decode()


def test_the_inbox_and_the_menu_count_unread(zone, notice, client, django_assert_max_num_queries):
    editor = zone.users["invest_editor"]
    draft(zone, title="第二份通知")  # a draft: not counted
    second = services.publish(draft(zone, title="第三份通知"), user=zone.users["reviewer"])
    with django_assert_max_num_queries(1):
        assert access.unread_count(editor) == 2
    client.force_login(editor)
    inbox = client.get(reverse("notices:index")).content.decode()
    assert "第三份通知" in inbox and "第二份通知" not in inbox
    # The sidebar's menu is JSON in the page (non-ASCII escaped).
    assert json.dumps("通知（2 条未读）")[1:-1] in client.get(reverse("wagtailadmin_home")).content.decode()
    client.get(reverse("notices:detail", args=[second.pk]))
    assert access.unread_count(editor) == 1
    assert Notice.objects.count() == 3
