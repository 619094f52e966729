"""``manage.py inspection_weekly_report [--date YYYY-MM-DD] [--enqueue]``: 自查周报 to the office (run by a timer)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.inspection.tasks import inspection_weekly_report


class Command(BaseCommand):
    help = _("网站自查周报：把本周各次自查的结果（Excel 和 PDF 下载地址）发给管委会办公室。")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help=_("报告哪一天所在的一周（YYYY-MM-DD，默认今天）"))
        parser.add_argument("--enqueue", action="store_true", help=_("交给后台任务执行（db_worker），不在本进程中执行"))

    def handle(self, *args, date: str | None = None, enqueue: bool = False, **options) -> None:
        if date:
            try:
                datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(_("日期格式应为 YYYY-MM-DD：%(date)s") % {"date": date}) from error
        if enqueue:
            result = inspection_weekly_report.enqueue(date)
            self.stdout.write(_("已加入后台任务队列：%(id)s") % {"id": result.id})
            return
        outcome = inspection_weekly_report.call(date)
        self.stdout.write(_("%(week)s 起的一周：自查 %(runs)s 次，发送邮件 %(sent)s 封。") % outcome)
