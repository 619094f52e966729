"""``manage.py db_worker``: django-tasks' database worker, which first requeues the tasks of dead workers.

It overrides the package's command of the same name (``zoneportal.core`` comes before ``django_tasks_db``
in ``INSTALLED_APPS``), so the service files and ``make prod`` keep calling ``db_worker``. Why and how:
``zoneportal/core/task_recovery.py``.
"""

from __future__ import annotations

import logging
from argparse import ArgumentParser

from django_tasks_db.management.commands.db_worker import Command as PackageCommand

from zoneportal.core.task_recovery import requeue_orphaned_tasks, worker_identity

logger = logging.getLogger(__name__)


class Command(PackageCommand):
    help = "运行后台任务进程（django-tasks 数据库后端）；启动时先把已终止进程遗留的任务放回队列"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # A name this host can check (``task_recovery._worker_alive``), not the package's random string.
        parser.set_defaults(worker_id=worker_identity())

    def handle(self, *args, **options) -> None:
        requeued = requeue_orphaned_tasks()
        if requeued:
            self.stdout.write(f"已将 {len(requeued)} 个中断的任务放回队列：{'、'.join(requeued)}")
        super().handle(*args, **options)
