"""``manage.py inspection_weekly_report [--date YYYY-MM-DD] [--enqueue]``: 自查周报 to the office (run by a timer)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zoneportal.core.management.scheduled import ScheduledTaskCommand
from zoneportal.inspection.tasks import inspection_weekly_report


class Command(ScheduledTaskCommand):
    help = _("网站自查周报：把本周各次自查的结果（Excel 和 PDF 下载地址）发给管委会办公室。")
    task = inspection_weekly_report
    date_help = _("报告哪一天所在的一周（YYYY-MM-DD，默认今天）")
    outcome_message = _("%(week)s 起的一周：自查 %(runs)s 次，发送邮件 %(sent)s 封。")
