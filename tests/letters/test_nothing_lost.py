"""Nothing lost: letters stored by several processes at once, and by a real gunicorn whose workers are killed.

Issue 9, "Nothing lost": every letter reported as received exists exactly once, nothing exists
half-written (a letter without its receive event), the same Idempotency-Key sent twice at once makes
one letter, and tracking numbers never collide. These tests run other processes against the test
database (``tests/letters/processes.py``), so they are transactional; on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import http.client
import json
import random
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from tests.letters.processes import (
    BASE_DIR,
    FAIL_MARK,
    Gunicorn,
    SharedDatabase,
    make_mailbox,
    process_environment,
    remove_letters,
    share_database,
    start_gunicorn,
)

SERIAL = re.compile(r"-(\d{4,})$")
CONTENT = "工业园区北路夜间路灯损坏多日，企业职工下班出行不便，请尽快维修。"


# Transactional, so that what the test writes is committed and the other processes see it. The flush
# after each test is limited to the letters app's tables (``available_apps``): a full flush would empty
# every table, Wagtail's root page too, and on PostgreSQL fails on the search index's side table.
pytestmark = pytest.mark.django_db(transaction=True, available_apps=["zoneportal.letters"])


@pytest.fixture
def shared(tmp_path) -> SharedDatabase:
    """The 主任信箱 committed, and the database handed to other processes; everything removed afterwards."""
    make_mailbox()
    try:
        yield share_database(tmp_path)
    finally:
        remove_letters()  # the department too, which the letters-only flush leaves


@pytest.fixture
def server(shared, tmp_path) -> Gunicorn:
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    gunicorn = start_gunicorn(var_dir, shared)
    yield gunicorn
    gunicorn.stop()


def half_written(shared: SharedDatabase) -> list[tuple]:
    """Letters without exactly one receive event (a letter committed without its first timeline entry)."""
    return shared.query(
        "SELECT l.tracking_number, COUNT(e.id) FROM letters_letter l "
        "LEFT JOIN letters_letterevent e ON e.letter_id = l.id AND e.action = 'receive' "
        "GROUP BY l.tracking_number HAVING COUNT(e.id) <> 1"
    )


def counters_behind(shared: SharedDatabase) -> list[tuple]:
    """Days whose counter is behind a number given out (ahead is fine: a rolled-back number is reused)."""
    numbers = [row[0] for row in shared.query("SELECT tracking_number FROM letters_letter")]
    highest: dict[str, int] = {}
    for number in numbers:
        day = number[len(number) - 13 : len(number) - 5]
        highest[day] = max(highest.get(day, 0), int(SERIAL.search(number).group(1)))
    last = {
        str(day).replace("-", ""): value for day, value in shared.query("SELECT day, last FROM letters_trackingcounter")
    }
    return [(day, serial, last.get(day)) for day, serial in highest.items() if (last.get(day) or 0) < serial]


# ---------------------------------------------------------------- several processes, one counter

SUBMITTER = """
import json, os, sys, time
from pathlib import Path
import django
django.setup()
from zoneportal.letters.models import Mailbox
from zoneportal.letters.submission import submit_letter
mailbox = Mailbox.objects.get(slug="director")
Path(os.environ["READY"]).touch()
while not Path(os.environ["GO"]).exists():
    time.sleep(0.005)
numbers = []
for n in range(int(os.environ["LETTERS"])):
    data = {"subject": f"进程{os.getpid()}第{n}封", "content": os.environ["CONTENT"], "name": "张三",
            "phone": "13800001234", "email": "", "is_public": False, "is_anonymous": False}
    numbers.append(submit_letter(mailbox, data).letter.tracking_number)
print(json.dumps(numbers))
"""


def test_tracking_numbers_never_collide_across_processes(shared, tmp_path):
    processes, letters = 4, 50
    go = tmp_path / "go"
    started = []
    for index in range(processes):
        var_dir = tmp_path / f"var{index}"
        var_dir.mkdir()
        env = process_environment(
            var_dir, shared, READY=str(tmp_path / f"ready{index}"), GO=str(go), LETTERS=str(letters), CONTENT=CONTENT
        )
        command = [sys.executable, "-c", SUBMITTER]
        started.append(subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready{i}").exists() for i in range(processes)):
        assert time.monotonic() < deadline and all(p.poll() is None for p in started), "a submitter did not start"
        time.sleep(0.05)
    go.touch()  # all four start writing at the same moment
    reported = []
    for process in started:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()[-3000:]
        reported += json.loads(out.decode().strip().splitlines()[-1])

    assert len(reported) == processes * letters
    assert len(set(reported)) == len(reported), [n for n, c in Counter(reported).items() if c > 1]
    stored = [row[0] for row in shared.query("SELECT tracking_number FROM letters_letter")]
    assert sorted(stored) == sorted(reported)
    # One counter, no gaps: 0001 … 0200 (nothing failed, so no number was rolled back).
    assert sorted(int(SERIAL.search(n).group(1)) for n in stored) == list(range(1, processes * letters + 1))
    assert half_written(shared) == []


# ---------------------------------------------------------------- through a real server


@dataclass
class Outcome:
    """What one client learnt about one letter."""

    key: str
    subject: str
    status: int | None = None
    tracking_number: str = ""
    replayed: bool = False
    interruptions: int = 0  # connections that broke before an answer
    dropped: bool = False  # the client hung up right after sending, once, on purpose


def request_bytes(port: int, body: bytes, key: str) -> bytes:
    head = (
        f"POST /api/v1/letters HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Idempotency-Key: {key}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def send(port: int, body: bytes, key: str) -> tuple[int, dict, dict]:
    """One POST; raises on a broken connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(
            "POST",
            "/api/v1/letters",
            body,
            {"Content-Type": "application/json", "Idempotency-Key": key, "Host": f"127.0.0.1:{port}"},
        )
        response = connection.getresponse()
        data = response.read()
        answer = json.loads(data) if response.getheader("Content-Type", "").startswith("application/json") else {}
        return response.status, dict(response.getheaders()), answer
    finally:
        connection.close()


def hang_up_after_sending(port: int, body: bytes, key: str) -> None:
    """Send the whole request and close at once: the server commits, then finds no one to answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request_bytes(port, body, key))


def deliver(port: int, outcome: Outcome, body: bytes, drop_first: bool) -> Outcome:
    """Send until an answer arrives, resending with the same key after every broken connection (as a client should)."""
    if drop_first:
        outcome.dropped = True
        hang_up_after_sending(port, body, outcome.key)
        time.sleep(0.2)  # let a worker take the abandoned request before the resend
    for _attempt in range(200):
        try:
            status, headers, answer = send(port, body, outcome.key)
        except (OSError, http.client.HTTPException):
            outcome.interruptions += 1
            time.sleep(0.05)
            continue
        outcome.status = status
        outcome.tracking_number = answer.get("tracking_number", "")
        outcome.replayed = headers.get("Idempotent-Replayed") == "true"
        return outcome
    return outcome  # status None: never answered (the test fails on it)


@dataclass
class Storm:
    """Kills a gunicorn worker after every few answers, while the other clients' requests are in flight.

    Paced by the letters answered, not by the clock, so a fast run is interrupted as often as a slow one.
    """

    server: Gunicorn
    every: int = 12
    answered: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    rng: random.Random = field(default_factory=lambda: random.Random(9))

    def tick(self) -> None:
        with self.lock:
            self.answered += 1
            workers = self.server.workers if self.answered % self.every == 0 else []
            if workers:
                self.server.kill_a_worker(self.rng.choice(workers))


def test_killed_workers_and_failing_transactions_lose_nothing(shared, server):
    """Workers are SIGKILLed while requests are in flight, clients hang up between commit and answer, and the
    database refuses some letters inside their transaction. Afterwards the letters stored are exactly the ones
    acknowledged, each once, each with its receive event; none of the refused ones exists."""
    shared.install_failing_trigger()
    clients, per_client = 6, 30
    plan = []
    for client in range(clients):
        for n in range(per_client):
            failing = n % 6 == 5
            subject = f"客户{client}第{n}封" + (FAIL_MARK if failing else "")
            plan.append((client, n, Outcome(key=f"storm-{uuid.uuid4().hex}", subject=subject), failing))

    def client_run(client: int) -> list[Outcome]:
        done = []
        for _client, n, outcome, failing in (item for item in plan if item[0] == client):
            body = json.dumps(
                {
                    "mailbox": "director",
                    "subject": outcome.subject,
                    "content": CONTENT,
                    "name": "张三",
                    "phone": "13800001234",
                },
                ensure_ascii=False,
            ).encode()
            done.append(deliver(server.port, outcome, body, drop_first=not failing and n % 4 == 1))
            storm.tick()
        return done

    storm = Storm(server)
    with ThreadPoolExecutor(clients) as pool:
        outcomes = [outcome for batch in pool.map(client_run, range(clients)) for outcome in batch]
    assert server.process.poll() is None, "the gunicorn master died"

    good = [o for o in outcomes if FAIL_MARK not in o.subject]
    refused = [o for o in outcomes if FAIL_MARK in o.subject]
    assert [o for o in outcomes if o.status is None] == []  # every client got an answer in the end
    assert {o.status for o in good} <= {200, 201}
    assert {o.status for o in refused} == {500}  # never "received"

    # The run really interrupted requests: workers killed, connections broken, answers lost after the commit.
    assert len(server.killed) >= 5
    assert sum(o.interruptions for o in outcomes) >= 1
    replayed = [o for o in good if o.replayed]
    # A hang-up whose letter was committed: the resend got the stored letter back (most of the 25 do; the
    # rest lost the race to their own resend on the other worker, or to a kill before the commit).
    assert len(replayed) >= 1

    rows = shared.query("SELECT tracking_number, submission_key, subject FROM letters_letter")
    stored = {number: (key, subject) for number, key, subject in rows}
    assert len(stored) == len(rows) == len(good)  # stored == acknowledged, each exactly once
    for outcome in good:
        assert stored[outcome.tracking_number] == (f"api:{outcome.key}", outcome.subject)
    assert not [subject for _key, subject in stored.values() if FAIL_MARK in subject]
    assert half_written(shared) == []
    assert counters_behind(shared) == []


def test_the_same_key_sent_at_once_makes_one_letter(shared, server):
    """Six copies of a request with one Idempotency-Key, released together, for ten keys: one letter each."""
    copies, keys = 6, [f"double-{uuid.uuid4().hex}" for _ in range(10)]
    body = json.dumps(
        {"mailbox": "director", "subject": "重复提交", "content": CONTENT, "name": "张三", "phone": "13800001234"},
        ensure_ascii=False,
    ).encode()
    for key in keys:
        barrier = threading.Barrier(copies)

        def one(_: int, key: str = key, barrier: threading.Barrier = barrier) -> tuple[int, dict]:
            barrier.wait()
            status, _headers, answer = send(server.port, body, key)
            return status, answer

        with ThreadPoolExecutor(copies) as pool:
            answers = list(pool.map(one, range(copies)))
        assert sorted(status for status, _ in answers) == [200] * (copies - 1) + [201]
        assert len({json.dumps(answer, sort_keys=True) for _, answer in answers}) == 1  # same number and code
    rows = shared.query("SELECT submission_key FROM letters_letter")
    assert sorted(key for (key,) in rows) == sorted(f"api:{key}" for key in keys)
    assert half_written(shared) == []
