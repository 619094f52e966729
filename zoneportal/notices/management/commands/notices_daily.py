"""``manage.py notices_daily [--date YYYY-MM-DD] [--enqueue]``: the daily 通知签收 reminders (run by a timer)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zoneportal.core.management.scheduled import ScheduledTaskCommand
from zoneportal.notices.tasks import notices_daily


class Command(ScheduledTaskCommand):
    help = _("每日通知签收提醒：签收期限在 1 个工作日内或已过期的通知，提醒未签收人员（每人每件每天一次）。")
    task = notices_daily
    outcome_message = _("提醒 %(reminded)s 人次（今天已提醒过 %(already)s 人次），发送邮件 %(emails)s 封。")
