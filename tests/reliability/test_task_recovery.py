"""Which RUNNING tasks ``core.task_recovery`` gives back to the queue (on both databases).

A task of a dead worker of this host at once; one of a live worker never; one of a worker of another host
(or a name this host cannot read) only once ``TASK_RUNNING_TIMEOUT_SECONDS`` has passed since it started.
"""

from __future__ import annotations

import datetime
import os
import socket
import subprocess
import sys

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from zoneportal.core.task_recovery import requeue_orphaned_tasks, worker_identity

pytestmark = pytest.mark.django_db


def running(worker_id: str, minutes_ago: int = 1) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="zoneportal.letters.tasks.letters_daily",
        worker_ids=[worker_id],
        backend_name="default",
    )


def dead_pid() -> int:
    """The number of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_dead_workers_tasks_go_back_live_and_foreign_ones_stay_until_the_timeout(settings):
    settings.TASK_RUNNING_TIMEOUT_SECONDS = 3600
    # Only this test's tasks: earlier tests' workers (a reindex after a saved record) may have left some behind.
    DBTaskResult.objects.all().delete()
    host = socket.gethostname()[:40]
    dead = running(f"{host}:{dead_pid()}:abcd")
    # This test process is alive but is no task worker: its number was reused, so its task is orphaned.
    reused = running(f"{host}:{os.getpid()}:abcd")
    foreign_recent = running("elsewhere:123:abcd")
    foreign_old = running("elsewhere:123:abcd", minutes_ago=61)
    package_named = running("Zx8kq2", minutes_ago=61)  # the package's own random names
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "db_worker"])
    try:
        alive = running(f"{host}:{live.pid}:abcd")
        given_back = requeue_orphaned_tasks()
        again = requeue_orphaned_tasks()
    finally:
        live.kill()
        live.wait()

    assert sorted(given_back) == sorted(str(task.pk) for task in (dead, reused, foreign_old, package_named))
    for task in (dead, reused, foreign_old, package_named):
        task.refresh_from_db()
        assert (task.status, task.started_at) == (TaskResultStatus.READY, None)
    for task in (foreign_recent, alive):
        task.refresh_from_db()
        assert task.status == TaskResultStatus.RUNNING
    assert again == []  # nothing twice


def test_a_worker_names_itself_by_host_and_process():
    host, pid, token = worker_identity().split(":")
    assert (host, int(pid)) == (socket.gethostname()[:40], os.getpid()) and len(token) == 8
    assert len(worker_identity()) <= 64
