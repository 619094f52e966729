"""``manage.py notices_daily [--date YYYY-MM-DD] [--enqueue]``: the daily 通知签收 reminders (run by a timer)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.notices.tasks import notices_daily


class Command(BaseCommand):
    help = _("每日通知签收提醒：签收期限在 1 个工作日内或已过期的通知，提醒未签收人员（每人每件每天一次）。")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help=_("按哪一天检查（YYYY-MM-DD，默认今天）"))
        parser.add_argument("--enqueue", action="store_true", help=_("交给后台任务执行（db_worker），不在本进程中执行"))

    def handle(self, *args, date: str | None = None, enqueue: bool = False, **options) -> None:
        if date:
            try:
                datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(_("日期格式应为 YYYY-MM-DD：%(date)s") % {"date": date}) from error
        if enqueue:
            result = notices_daily.enqueue(date)
            self.stdout.write(_("已加入后台任务队列：%(id)s") % {"id": result.id})
            return
        outcome = notices_daily.call(date)
        self.stdout.write(
            _("提醒 %(reminded)s 人次（今天已提醒过 %(already)s 人次），发送邮件 %(emails)s 封。") % outcome
        )
