"""Reminders: the sender's 催办 and the daily task remind only the unsigned, once a day, counting working days."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.notices.conftest import draft
from zoneportal.core.workdays import add_working_days
from zoneportal.notices import services
from zoneportal.notices.models import NoticeReminder

pytestmark = pytest.mark.django_db

#: A Friday and the Monday after it (ordinary working days, no holiday near: 2026-03-06 and 2026-03-09).
FRIDAY = datetime.date(2026, 3, 6)
SATURDAY = datetime.date(2026, 3, 7)
MONDAY = datetime.date(2026, 3, 9)
TUESDAY = datetime.date(2026, 3, 10)


def published(zone, deadline, **kwargs):
    notice = draft(zone, **kwargs)
    notice.deadline = deadline
    notice.save(update_fields=["deadline"])
    return services.publish(notice, user=zone.users["reviewer"])


def test_the_sender_reminds_only_the_unsigned_once_a_day(zone, notice, client, mailoutbox):
    services.sign(notice, user=zone.users["invest_head"])
    client.force_login(zone.users["reviewer"])
    response = client.post(reverse("notices:remind", args=[notice.pk]), follow=True)
    assert "已向 1 名未签收人员发送催办提醒" in response.content.decode()
    assert [message.to for message in mailoutbox] == [["invest_editor@zone.test"]]
    assert notice.title in mailoutbox[0].body

    response = client.post(reverse("notices:remind", args=[notice.pk]), follow=True)
    assert "今天都已催办过" in response.content.decode()
    assert len(mailoutbox) == 1


def test_a_recipient_may_not_remind(zone, notice, client):
    client.force_login(zone.users["invest_editor"])
    assert client.post(reverse("notices:remind", args=[notice.pk])).status_code == 403
    assert not NoticeReminder.objects.exists()


def test_the_daily_task_reminds_within_one_working_day_once(zone, mailoutbox):
    # On Friday, a notice due Monday is 1 working day away (the weekend does not count); Tuesday's is 2.
    due_monday = published(zone, MONDAY, title="周一到期的通知")
    published(zone, TUESDAY, title="周二到期的通知")
    overdue = published(zone, datetime.date(2026, 3, 2), title="已过期的通知")
    services.sign(due_monday, user=zone.users["invest_head"])

    result = services.run_daily(FRIDAY)
    # invest_editor for both notices, invest_head for the overdue one only (signed the other).
    assert result.reminded == 3
    bodies = {message.to[0]: message.body for message in mailoutbox}
    assert set(bodies) == {"invest_editor@zone.test", "invest_head@zone.test"}
    assert "周一到期的通知" in bodies["invest_editor@zone.test"] and "周二到期" not in bodies["invest_editor@zone.test"]
    assert "周一到期" not in bodies["invest_head@zone.test"] and "已过期的通知" in bodies["invest_head@zone.test"]
    assert "已超期 4 个工作日" in bodies["invest_head@zone.test"]
    assert overdue.title in bodies["invest_editor@zone.test"]

    mailoutbox.clear()
    again = services.run_daily(FRIDAY)
    assert (again.reminded, again.already, mailoutbox) == (0, 3, [])


def test_nothing_is_sent_on_a_day_off_and_withdrawn_notices_are_left_alone(zone, mailoutbox):
    notice = published(zone, MONDAY)
    assert services.run_daily(SATURDAY).reminded == 0
    services.withdraw(notice, user=zone.users["reviewer"], reason="撤回重发")
    assert services.run_daily(MONDAY).reminded == 0
    assert mailoutbox == []


def test_the_daily_command(zone):
    published(zone, add_working_days(FRIDAY, 1))
    out = StringIO()
    call_command("notices_daily", "--date", FRIDAY.isoformat(), stdout=out)
    assert "提醒 2 人次" in out.getvalue()
    out = StringIO()
    call_command("notices_daily", "--date", FRIDAY.isoformat(), stdout=out)
    assert "提醒 0 人次（今天已提醒过 2 人次）" in out.getvalue()
