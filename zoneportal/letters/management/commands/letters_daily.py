"""``manage.py letters_daily [--date YYYY-MM-DD] [--enqueue]``: the daily 督办 reminders (run by a timer)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.letters.tasks import letters_daily


class Command(BaseCommand):
    help = _(
        "每日督办检查：向承办部门负责人和办公室发送临近期限、已超期、超三个月未答复的来信及督办事项提醒（每件每天一次）。"
    )

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
            result = letters_daily.enqueue(date)
            self.stdout.write(_("已加入后台任务队列：%(id)s") % {"id": result.id})
            return
        outcome = letters_daily.call(date)
        self.stdout.write(
            _("%(day)s：提醒来信 %(letters)s 件、督办事项 %(items)s 件，发送邮件 %(emails)s 封。") % outcome
        )
