"""The shape every timer-run command shares: ``--date YYYY-MM-DD`` and ``--enqueue`` around one task."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ScheduledTaskCommand(BaseCommand):
    """Runs ``task`` for a day (today by default) here, or hands it to ``db_worker`` with ``--enqueue``.

    Subclasses set ``task`` (a django-tasks task taking the date as text or None), ``help``,
    ``outcome_message`` (formatted with the task's result, a dict) and, if it differs, ``date_help``.
    """

    task: Any
    outcome_message: str
    date_help = gettext_lazy("按哪一天检查（YYYY-MM-DD，默认今天）")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help=str(self.date_help))
        parser.add_argument("--enqueue", action="store_true", help=_("交给后台任务执行（db_worker），不在本进程中执行"))

    def handle(self, *args, date: str | None = None, enqueue: bool = False, **options) -> None:
        if date:
            try:
                datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(_("日期格式应为 YYYY-MM-DD：%(date)s") % {"date": date}) from error
        if enqueue:
            result = self.task.enqueue(date)
            self.stdout.write(_("已加入后台任务队列：%(id)s") % {"id": result.id})
            return
        self.stdout.write(str(self.outcome_message) % self.task.call(date))
