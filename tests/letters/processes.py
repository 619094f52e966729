"""Helpers for tests that store letters from other processes: a database they share, faults, a real gunicorn.

pytest-django's test database is in memory on SQLite, where no other process can reach it: a
test copies it (SQLite's backup API) into a file the other processes open with the
project's settings (WAL, IMMEDIATE transactions). On PostgreSQL they connect to the test database
itself. Either way the test reads the result back through :meth:`SharedDatabase.query`.

The fault inside the transaction is a database trigger, not a hook in our code: it refuses the
letter's first timeline entry (so the letter row is already written) when the subject carries
:data:`FAIL_MARK`; the whole letter must then be rolled back.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from tests.browser.conftest import free_port, server_environment, wait_until_answering
from zoneportal.core.models import Department
from zoneportal.letters.models import Letter, LetterAttachment, LetterEvent, Mailbox, TrackingCounter

BASE_DIR = Path(settings.BASE_DIR)
FAIL_MARK = "#FAIL-IN-TRANSACTION#"
UNLIMITED = "1000000/m"

SQLITE_TRIGGER = f"""
CREATE TRIGGER test_fail_marked_letters BEFORE INSERT ON letters_letterevent
WHEN (SELECT subject FROM letters_letter WHERE id = NEW.letter_id) LIKE '%{FAIL_MARK}%'
BEGIN SELECT RAISE(ABORT, 'refused inside the transaction by the test trigger'); END
"""
POSTGRES_TRIGGER = [
    f"""
    CREATE FUNCTION test_fail_marked_letters() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM letters_letter WHERE id = NEW.letter_id AND subject LIKE '%{FAIL_MARK}%') THEN
            RAISE EXCEPTION 'refused inside the transaction by the test trigger';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER test_fail_marked_letters BEFORE INSERT ON letters_letterevent
    FOR EACH ROW EXECUTE FUNCTION test_fail_marked_letters()
    """,
]
DROP_TRIGGER = {
    "sqlite": ["DROP TRIGGER IF EXISTS test_fail_marked_letters"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS test_fail_marked_letters ON letters_letterevent",
        "DROP FUNCTION IF EXISTS test_fail_marked_letters()",
    ],
}


def install_failing_trigger(cursor, vendor: str) -> None:
    """Make the database refuse the receive event of a letter whose subject carries FAIL_MARK."""
    for statement in [SQLITE_TRIGGER] if vendor == "sqlite" else POSTGRES_TRIGGER:
        cursor.execute(statement)


def remove_failing_trigger(cursor, vendor: str) -> None:
    for statement in DROP_TRIGGER[vendor]:
        cursor.execute(statement)


TEST_DEPARTMENT = "letters-test-office"


def make_mailbox(slug: str = "director") -> Mailbox:
    """A mailbox answered by a department (created without its Wagtail groups: only letters are tested)."""
    [department] = Department.objects.bulk_create([Department(name="来信测试办公室", slug=TEST_DEPARTMENT)])
    return Mailbox.objects.create(slug=slug, name="主任信箱", department=department, allows_anonymous=True)


def remove_letters() -> None:
    """Delete every letter, counter and mailbox, and the department of :func:`make_mailbox`."""
    LetterEvent.objects.all().delete()
    LetterAttachment.objects.all().delete()
    Letter.objects.all().delete()
    TrackingCounter.objects.all().delete()
    Mailbox.objects.all().delete()
    # Deleted in SQL: Department is in Wagtail's search index, whose app the letters-only test does not load.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Department._meta.db_table} WHERE slug = %s", [TEST_DEPARTMENT])


@dataclass
class SharedDatabase:
    """The test database as other processes see it."""

    url: str
    vendor: str
    path: Path | None = None  # the SQLite copy

    def query(self, sql: str) -> list[tuple]:
        """Rows of ``sql`` as the other processes left them."""
        if self.path is not None:
            with sqlite3.connect(self.path) as db:
                return db.execute(sql).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    def execute(self, *statements: str) -> None:
        if self.path is not None:
            with sqlite3.connect(self.path) as db:
                for statement in statements:
                    db.execute(statement)
            return
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def install_failing_trigger(self) -> None:
        if self.path is not None:
            self.execute(SQLITE_TRIGGER)
        else:
            self.execute(*POSTGRES_TRIGGER)

    def remove_failing_trigger(self) -> None:
        self.execute(*DROP_TRIGGER[self.vendor])


def share_database(directory: Path) -> SharedDatabase:
    """Hand what the test committed so far to other processes; call after creating the data."""
    vendor = connection.vendor
    if vendor == "postgresql":
        db = connection.settings_dict
        user = quote(db.get("USER") or "postgres")
        password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
        url = f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"
        return SharedDatabase(url, vendor)
    path = directory / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return SharedDatabase(f"sqlite:///{path}", vendor, path)


def process_environment(var_dir: Path, shared: SharedDatabase, **extra: str) -> dict[str, str]:
    """The environment of a server or script working on ``shared`` with a data directory of its own."""
    env = server_environment(var_dir)
    for name in ("REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS"):
        env.pop(name, None)  # the local-memory cache, and gunicorn as the command line says
    env.update(DATABASE_URL=shared.url, LETTER_RATE=UNLIMITED, LETTER_LOOKUP_RATE=UNLIMITED, **extra)
    return env


def children_of(pid: int) -> list[int]:
    """The process's children (gunicorn's workers)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return children


@dataclass
class Gunicorn:
    """gunicorn with the project's gunicorn.conf.py, serving ``shared``."""

    port: int
    process: subprocess.Popen
    log: Path
    killed: list[int] = field(default_factory=list)

    @property
    def workers(self) -> list[int]:
        return children_of(self.process.pid)

    def kill_a_worker(self, pid: int) -> bool:
        """SIGKILL one worker (it gets no chance to finish or answer); the master forks a new one."""
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        self.killed.append(pid)
        return True

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_gunicorn(var_dir: Path, shared: SharedDatabase, workers: int = 2) -> Gunicorn:
    """Start gunicorn on a free port and wait until both workers run and the API answers."""
    env = process_environment(var_dir, shared)
    port = free_port()
    log = var_dir / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--error-logfile", str(log)]
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    server = Gunicorn(port, process, log)
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/api/v1/mailboxes", process, log)
        deadline = time.monotonic() + 60
        while len(server.workers) < workers and time.monotonic() < deadline:
            time.sleep(0.2)
    except BaseException:
        server.stop()
        raise
    return server
