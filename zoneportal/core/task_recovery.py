"""Tasks whose worker died: put back in the queue, so that they run again.

django-tasks' database worker marks a task RUNNING when it takes it and SUCCESSFUL or FAILED when it
ends. A worker killed in between (SIGKILL, the out-of-memory killer, a power cut) leaves the row
RUNNING for ever, and no worker takes a RUNNING task: the task never runs again. So every worker of
ZonePortal names itself ``<host>:<pid>:<random>`` (``manage.py db_worker``, core's override of the
package's command) and, when it starts, gives back to the queue the tasks still marked RUNNING by a
worker of this host whose process is gone — systemd restarts a killed worker at once
(deploy/systemd/zoneportal-worker.service), so a killed task runs again seconds later. A task held by
a worker of another host, or by a name of another form, is given back only after
``TASK_RUNNING_TIMEOUT_SECONDS`` (its process cannot be seen from here).

A task put back runs from its start, so the project's tasks are idempotent: re-indexing pages or
sources writes the same entries again, and ``letters_daily`` records each reminder in the same
transaction that decides it (``letters.oversight.run_daily``), so a killed run left nothing behind
(tests/reliability/test_worker_killed.py).
"""

from __future__ import annotations

import datetime
import logging
import os
import secrets
import socket
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

#: Seconds after which a task RUNNING under a worker this host cannot check is taken as orphaned.
DEFAULT_RUNNING_TIMEOUT_SECONDS = 6 * 3600


def worker_identity() -> str:
    """``<host>:<pid>:<random>``, at most 64 characters (the package's limit)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(4)}"


def _worker_alive(worker_id: str) -> bool | None:
    """Whether the worker named ``worker_id`` still runs; None when this host cannot tell."""
    host, _, rest = worker_id.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname()[:40] or not pid_text.isdigit():
        return None
    try:
        command = Path(f"/proc/{pid_text}/cmdline").read_bytes()
    except OSError:
        return False
    # A process of that number that is not a task worker: the worker's number was reused after it died.
    return b"db_worker" in command


def requeue_orphaned_tasks() -> list[str]:
    """Give back to the queue every RUNNING task whose worker is gone; the ids of the tasks given back."""
    timeout = getattr(settings, "TASK_RUNNING_TIMEOUT_SECONDS", DEFAULT_RUNNING_TIMEOUT_SECONDS)
    stale_before = timezone.now() - datetime.timedelta(seconds=timeout)
    requeued = []
    for task in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only("id", "worker_ids", "started_at"):
        owner = task.worker_ids[-1] if task.worker_ids else ""
        alive = _worker_alive(owner)
        if alive or (alive is None and task.started_at and task.started_at > stale_before):
            continue
        # Only if nobody changed it meanwhile (a live worker finishing it, another worker giving it back).
        updated = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
        if updated:
            logger.warning("Task %s of worker %s (gone) put back in the queue", task.pk, owner or "?")
            requeued.append(str(task.pk))
    return requeued
