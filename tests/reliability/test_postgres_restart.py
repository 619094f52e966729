"""PostgreSQL restarted under a running site (issue 14 §4): no acknowledged letter lost or doubled, no one called.

A gunicorn with the project's config serves a private PostgreSQL cluster (``private_postgres.py``: the
machine's own server is shared with other test runs and never touched). Clients submit letters through
``POST /api/v1/letters`` with an Idempotency-Key, resending with the same key after a broken connection
or a 5xx as a client should, while the cluster crashes (``pg_ctl stop -m immediate``) and starts again.
Afterwards the letters stored are exactly the acknowledged ones (201 or 200 with a tracking number),
each once. After a quiet restart — no request during the outage, so every worker still holds its old
connection — the very next requests succeed: ``CONN_HEALTH_CHECKS`` (settings.py) replaces a dead
connection before the request uses it.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter

import psycopg
import pytest

from tests.letters.processes import (
    SharedDatabase,
    make_mailbox,
    remove_letters,
    share_database,
    start_gunicorn,
)
from tests.letters.test_nothing_lost import CONTENT, send
from tests.reliability.private_postgres import PrivateCluster

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, available_apps=["zoneportal.letters"]),
]


@pytest.fixture
def cluster(tmp_path):
    """A private cluster holding a copy of the test database with the 主任信箱; the gunicorn serving it."""
    make_mailbox()
    private = PrivateCluster()
    server = None
    try:
        private.create()
        url = private.copy_database(share_database(tmp_path).url, "zoneportal")
        var_dir = tmp_path / "var"
        var_dir.mkdir()
        server = start_gunicorn(var_dir, SharedDatabase(url, "postgresql"))
        yield private, url, server
    finally:
        if server is not None:
            server.stop()
        private.destroy()
        remove_letters()


def letter_body(subject: str) -> bytes:
    return json.dumps(
        {"mailbox": "director", "subject": subject, "content": CONTENT, "name": "张三", "phone": "13800001234"},
        ensure_ascii=False,
    ).encode()


class Submitter(threading.Thread):
    """Sends letters one after another until told to stop; each is resent with its key until answered 200/201."""

    def __init__(self, port: int, name: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.port, self.label, self.stop_event = port, name, stop
        self.acknowledged: dict[str, str] = {}  # Idempotency-Key → tracking number
        self.failures = 0  # 5xx answers and broken connections on the way

    def run(self) -> None:
        while not self.stop_event.is_set():
            key = f"pg-restart-{uuid.uuid4().hex}"
            body = letter_body(f"{self.label}第{len(self.acknowledged)}封")
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                try:
                    status, _headers, answer = send(self.port, body, key)
                except OSError:
                    status, answer = None, {}
                if status in (200, 201) and answer.get("tracking_number"):
                    self.acknowledged[key] = answer["tracking_number"]
                    break
                self.failures += 1
                time.sleep(0.1)


def stored_letters(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as connection:
        return connection.execute("SELECT tracking_number, submission_key FROM letters_letter").fetchall()


def acknowledged_count(submitters: list[Submitter]) -> int:
    return sum(len(s.acknowledged) for s in submitters)


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_crash_and_restart_while_letters_arrive_loses_and_doubles_nothing(cluster):
    private, url, server = cluster
    stop = threading.Event()
    submitters = [Submitter(server.port, f"客户{n}", stop) for n in range(3)]
    for submitter in submitters:
        submitter.start()
    try:
        wait_for(lambda: acknowledged_count(submitters) >= 15)
        private.stop("immediate")  # a crash: clients cut off, recovery from the WAL on start
        time.sleep(1.0)  # requests meet the outage
        private.start()
        after_restart = acknowledged_count(submitters)
        wait_for(lambda: acknowledged_count(submitters) >= after_restart + 15)
    finally:
        stop.set()
        for submitter in submitters:
            submitter.join(timeout=120)
    assert server.process.poll() is None, "the gunicorn master died"
    assert sum(s.failures for s in submitters) >= 1, "no request met the outage: the test proved nothing"

    acknowledged = {key: number for s in submitters for key, number in s.acknowledged.items()}
    rows = stored_letters(url)
    numbers = Counter(number for number, _key in rows)
    assert [number for number, count in numbers.items() if count > 1] == []
    # Stored equals acknowledged, each under its own key, exactly once.
    assert sorted(rows) == sorted((number, f"api:{key}") for key, number in acknowledged.items())


def test_the_site_answers_at_once_after_a_quiet_restart(cluster):
    private, url, server = cluster
    for n in range(4):  # every worker opens its persistent connection
        assert send(server.port, letter_body(f"重启前{n}"), f"before-{uuid.uuid4().hex}")[0] == 201
    private.stop("fast")  # no request during the outage: each worker keeps a dead connection
    private.start()
    private.wait_until_accepting()
    answers = [send(server.port, letter_body(f"重启后{n}"), f"after-{uuid.uuid4().hex}")[0] for n in range(8)]
    assert answers == [201] * 8
    assert len(stored_letters(url)) == 12
