"""Who may do what: senders (the office, a department's heads), recipients, and everyone else's Chinese 403."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import make_user
from tests.notices.conftest import draft, editor_body
from zoneportal.notices import services
from zoneportal.notices.models import Notice

pytestmark = pytest.mark.django_db


def test_an_outsider_department_gets_a_chinese_403(zone, notice, client):
    client.force_login(zone.users["finance_head"])
    for name in ("detail", "sign", "withdraw", "remind", "publish", "edit"):
        response = (client.post if name in ("sign", "withdraw", "remind", "publish") else client.get)(
            reverse(f"notices:{name}", args=[notice.pk])
        )
        assert response.status_code == 403, name
        assert "没有权限" in response.content.decode() or "无权" in response.content.decode(), name


def test_staff_without_a_department_and_people_without_back_office_access_are_refused(zone, notice, client):
    staff_group = Group.objects.create(name="只能登录后台")
    staff_group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_user("lonely", staff_group))
    assert client.get(reverse("notices:index")).status_code == 403
    assert client.get(reverse("notices:detail", args=[notice.pk])).status_code == 403

    client.force_login(make_user("citizen"))
    response = client.get(reverse("notices:detail", args=[notice.pk]))
    assert response.status_code in (302, 403)
    assert "已读" not in response.content.decode()


def test_editors_may_read_but_not_send(zone, client):
    client.force_login(zone.users["invest_editor"])
    assert client.get(reverse("notices:index")).status_code == 200
    assert client.get(reverse("notices:add")).status_code == 403
    assert client.get(reverse("notices:sent")).status_code == 403


def test_a_head_sends_in_the_name_of_their_department_only(zone, client):
    head = zone.users["invest_head"]
    client.force_login(head)
    data = {
        "title": "分局内部通知",
        "urgency": "normal",
        "body": editor_body("<p>请按时参会。</p>"),
        "departments": [zone.departments["finance"].pk],
    }
    response = client.post(reverse("notices:add"), {**data, "sender": zone.departments["office"].pk, "action": "save"})
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode() or "不能以该单位" in response.content.decode()
    assert not Notice.objects.exists()

    response = client.post(
        reverse("notices:add"), {**data, "sender": zone.departments["invest"].pk, "action": "publish"}
    )
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert (notice.sender, notice.state) == (zone.departments["invest"], Notice.State.PUBLISHED)
    # The office manages it too; a head of another department does not.
    client.force_login(zone.users["finance_head"])
    assert client.get(reverse("notices:detail", args=[notice.pk])).status_code == 200  # finance is the recipient
    assert client.post(reverse("notices:withdraw", args=[notice.pk]), {"reason": "x"}).status_code == 403
    client.force_login(zone.users["reviewer"])
    assert client.post(reverse("notices:withdraw", args=[notice.pk]), {"reason": "重发"}).status_code == 302


def test_attachments_are_served_to_readers_only(zone, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    notice = draft(zone)
    services.save_draft(
        notice,
        user=zone.users["reviewer"],
        departments=[zone.departments["invest"]],
        files=[SimpleUploadedFile("安排.pdf", b"%PDF-1.4 test", content_type="application/pdf")],
    )
    services.publish(notice, user=zone.users["reviewer"])
    attachment = notice.attachments.get()
    url = reverse("notices:attachment", args=[attachment.pk])
    client.force_login(zone.users["invest_editor"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(zone.users["finance_editor"])
    assert client.get(url).status_code == 403
