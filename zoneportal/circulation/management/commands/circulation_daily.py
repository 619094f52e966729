"""``manage.py circulation_daily [--date YYYY-MM-DD] [--enqueue]``: the daily 公文办理提醒 (run by a timer)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zoneportal.circulation.tasks import circulation_daily
from zoneportal.core.management.scheduled import ScheduledTaskCommand


class Command(ScheduledTaskCommand):
    help = _("每日公文办理提醒：当前环节办理期限在 1 个工作日内或已过期的公文，提醒待办人员（每人每件每天一次）。")
    task = circulation_daily
    outcome_message = _("提醒 %(reminded)s 人次（今天已提醒过 %(already)s 人次），发送邮件 %(emails)s 封。")
