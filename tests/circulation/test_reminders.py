"""公文办理提醒: the people a step waits for are reminded when it is due within one working day or past — once a
day, never on a day off, and not once the step has moved on."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from zoneportal.circulation import reminders, services
from zoneportal.circulation.models import OfficialDocument, StepReminder

from .conftest import make_draft, walk_to

pytestmark = pytest.mark.django_db

State = OfficialDocument.State
#: Ordinary working days with no holiday near (2026-03-06 is a Friday).
FRIDAY, SATURDAY, MONDAY, TUESDAY = (datetime.date(2026, 3, day) for day in (6, 7, 9, 10))


def in_review(zone, title: str, deadline: datetime.date) -> OfficialDocument:
    document = services.submit(make_draft(zone, title=title), user=zone.users["invest_editor"])
    OfficialDocument.objects.filter(pk=document.pk).update(step_deadline=deadline)
    return document


def test_a_step_due_tomorrow_or_past_is_reminded_once_a_day(zone, mailoutbox):
    due = in_review(zone, "明天到期的公文", TUESDAY)
    late = in_review(zone, "已超期的公文", FRIDAY)
    in_review(zone, "下周到期的公文", datetime.date(2026, 3, 20))  # not yet
    archived = walk_to(make_draft(zone, title="已归档的公文"), zone, State.DISTRIBUTED)
    services.archive(archived, user=zone.users["reviewer"])
    OfficialDocument.objects.filter(pk=archived.pk).update(step_deadline=FRIDAY)  # an old clock: never reminded

    result = reminders.run_daily(MONDAY)
    assert (result.reminded, result.already, result.emails) == (2, 0, 1)  # the head, of two documents, one e-mail
    [message] = mailoutbox
    assert message.to == [zone.users["invest_head"].email] and "公文办理提醒（2026-03-09）" in message.subject
    assert "明天到期的公文" in message.body and "剩余 1 个工作日" in message.body
    assert "已超期的公文" in message.body and "已超期 1 个工作日" in message.body
    assert "下周到期的公文" not in message.body and f"/admin/circulation/{late.pk}/" in message.body

    again = reminders.run_daily(MONDAY)  # a second run the same day sends nothing twice
    assert (again.reminded, again.already, again.emails) == (0, 2, 0) and len(mailoutbox) == 1
    assert set(StepReminder.objects.values_list("document__title", "state")) == {
        ("明天到期的公文", State.REVIEW),
        ("已超期的公文", State.REVIEW),
    }

    # The head approves one: from then it waits for the office's 签发 (a new clock), the other is reminded again.
    services.approve(due, user=zone.users["invest_head"], opinion="同意")
    after = reminders.run_daily(TUESDAY)
    assert after.reminded == 1 and "明天到期的公文" not in mailoutbox[-1].body


def test_recipients_are_reminded_until_they_complete_their_copy(zone, mailoutbox):
    document = walk_to(make_draft(zone, title="已分发的公文"), zone, State.DISTRIBUTED)
    OfficialDocument.objects.filter(pk=document.pk).update(step_deadline=TUESDAY)
    finance_copy = document.distributions.get(department=zone.departments["finance"])
    services.receive(finance_copy, user=zone.users["finance_editor"])
    services.complete(finance_copy, user=zone.users["finance_editor"], note="已办结")
    reminders.run_daily(MONDAY)
    reminded = {address for message in mailoutbox for address in message.to}
    assert reminded and not any(address.startswith("finance_") for address in reminded)  # 财政 completed its copy
    assert {"office_editor@zone.test", "office_head@zone.test"} <= reminded  # the office's own copy is open


def test_nothing_on_a_day_off_and_the_command_reports(zone, mailoutbox):
    in_review(zone, "周末到期的公文", FRIDAY)
    assert reminders.run_daily(SATURDAY).reminded == 0 and not mailoutbox
    out = StringIO()
    call_command("circulation_daily", "--date", MONDAY.isoformat(), stdout=out)
    assert "提醒 1 人次（今天已提醒过 0 人次），发送邮件 1 封。" in out.getvalue()
