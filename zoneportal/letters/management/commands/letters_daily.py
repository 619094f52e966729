"""``manage.py letters_daily [--date YYYY-MM-DD] [--enqueue]``: the daily 督办 reminders (run by a timer)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zoneportal.core.management.scheduled import ScheduledTaskCommand
from zoneportal.letters.tasks import letters_daily


class Command(ScheduledTaskCommand):
    help = _(
        "每日督办检查：向承办部门负责人和办公室发送临近期限、已超期、超三个月未答复的来信及督办事项提醒（每件每天一次）。"
    )
    task = letters_daily
    outcome_message = _("%(day)s：提醒来信 %(letters)s 件、督办事项 %(items)s 件，发送邮件 %(emails)s 封。")
