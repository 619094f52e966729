"""A task worker killed in the middle of a task (issue 14 §4): the task runs again, its effect happens once.

The real task is ``letters_daily`` (督办 reminders: one ``OversightNotice`` per flagged letter per day, then one
e-mail per person). Against a copy of the test database with the test zone and an overdue letter, the test
holds a lock that lets the task read but not write its notices, starts ``manage.py db_worker``, waits until
the worker's database session is blocked on the insert — the task is half-way — and SIGKILLs the worker.
A second worker, started as systemd would restart the first, finds the task still marked RUNNING by a dead
process, puts it back in the queue (``core/task_recovery.py``, core's ``db_worker``) and runs it: the task
ends SUCCESSFUL, run by two workers, with one notice and one e-mail per person — none lost, none twice.

PostgreSQL only (marked): the lock that stops the task half-way is PostgreSQL's ``LOCK TABLE``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.browser.conftest import server_environment

# Transactional (no transaction around the test, so the test database can be copied); it writes nothing there.
pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, available_apps=["zoneportal.letters"]),
]

BASE_DIR = Path(settings.BASE_DIR)
WAIT_SECONDS = 60

PREPARE = """
import datetime, json
from django.utils import timezone
from tests.factories import build_zone
from zoneportal.letters.models import Letter, Mailbox
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.tasks import letters_daily
zone = build_zone()
mailbox = Mailbox.objects.create(slug="director", name="主任信箱", department=zone.departments["office"])
data = {"subject": "园区道路照明不足", "content": "工业园区北路夜间路灯损坏多日，请尽快维修。", "name": "张三",
        "phone": "13800001234", "email": "", "is_public": False, "is_anonymous": False}
letter = submit_letter(mailbox, data).letter
overdue = timezone.localdate() - datetime.timedelta(days=10)
Letter.objects.filter(pk=letter.pk).update(department=zone.departments["invest"], due_on=overdue)
result = letters_daily.enqueue()
print(json.dumps({"task": str(result.id), "number": letter.tracking_number}))
"""


@pytest.fixture
def database(tmp_path):
    """A copy of the (migrated, empty) test database, with the zone, an overdue letter and the task enqueued."""
    name = f"zp_rel_worker_{uuid.uuid4().hex[:8]}"
    config = connection.settings_dict
    admin = f"postgres://{config['USER'] or 'postgres'}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    connection.close()  # a template database must have no other session
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{config["NAME"]}"')
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    env = server_environment(var_dir)
    env.update(DATABASE_URL=f"{admin}/{name}")
    env.pop("REDIS_URL", None)
    try:
        prepared = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", PREPARE],
            cwd=BASE_DIR,
            env=env,
            check=False,
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS * 2,
        )
        assert prepared.returncode == 0, prepared.stderr[-3000:]
        yield env, f"{admin}/{name}", var_dir, json.loads(prepared.stdout.strip().splitlines()[-1])
    finally:
        with psycopg.connect(f"{admin}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_worker(env: dict, var_dir: Path, name: str) -> subprocess.Popen:
    log = open(var_dir / f"{name}.log", "ab")
    command = [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2", "--no-startup-delay"]
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=WAIT_SECONDS)


def wait_for(query: str, url: str, expected, params=()) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    with psycopg.connect(url, autocommit=True) as db:
        while db.execute(query, params).fetchone() != expected:
            assert time.monotonic() < deadline, f"timed out waiting for {query} = {expected}"
            time.sleep(0.1)


def mails_naming(var_dir: Path, number: str) -> list[str]:
    """The recipients of the e-mails (the file backend's ``var/mail``) that name letter ``number``."""
    recipients = []
    for path in (var_dir / "mail").glob("*.log"):
        for message in path.read_text().split("\n" + "-" * 79 + "\n"):
            if number in message:
                recipients += [line[4:] for line in message.splitlines() if line.startswith("To: ")]
    return recipients


def test_a_worker_killed_half_way_through_a_task_runs_it_again_once(database):
    env, url, var_dir, prepared = database
    task, number = prepared["task"], prepared["number"]
    status_query = (
        "SELECT status, jsonb_array_length(worker_ids::jsonb) FROM django_tasks_database_dbtaskresult WHERE id = %s"
    )
    first = second = None
    with psycopg.connect(url) as blocker:
        # The task may read the notices (its claim and its queries go through) but not add one.
        blocker.execute("LOCK TABLE letters_oversightnotice IN EXCLUSIVE MODE")
        try:
            first = start_worker(env, var_dir, "worker-1")
            wait_for(status_query, url, ("RUNNING", 1), [task])
            wait_for(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE %s",
                url,
                (1,),
                ['INSERT INTO "letters_oversightnotice"%'],
            )
            os.kill(first.pid, signal.SIGKILL)  # half-way: the claim committed, the notice not yet
            first.wait(timeout=WAIT_SECONDS)
        finally:
            blocker.rollback()  # the lock goes; the killed worker's session rolls its transaction back
            if first is not None:
                stop(first)
    wait_for(status_query, url, ("RUNNING", 1), [task])  # what the stock worker would leave for ever
    try:
        second = start_worker(env, var_dir, "worker-2")
        wait_for(status_query, url, ("SUCCESSFUL", 2), [task])
    finally:
        if second is not None:
            stop(second)
    with psycopg.connect(url) as db:
        notices = db.execute(
            "SELECT count(*) FROM letters_oversightnotice n JOIN letters_letter l ON l.id = n.letter_id "
            "WHERE l.tracking_number = %s",
            [number],
        ).fetchone()[0]
    assert notices == 1
    recipients = mails_naming(var_dir, number)
    assert sorted(recipients) == sorted(set(recipients))  # nobody reminded twice
    assert {"invest_head@zone.test", "office_reviewer@zone.test"} <= set(recipients)  # and nobody forgotten
    assert "放回队列" in (var_dir / "worker-2.log").read_text()
