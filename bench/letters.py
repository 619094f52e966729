#!/usr/bin/env python3
"""Letters benchmark: letters per second through ``POST /api/v1/letters``, and none lost.

For each database (SQLite with WAL in a fresh data directory; PostgreSQL in a fresh database,
dropped afterwards) the benchmark migrates the schema, adds one mailbox (管委会办公室's 主任信箱,
with a category and a list of generated sensitive words, so every letter is checked against it),
starts gunicorn with the project's ``gunicorn.conf.py`` (2 sync workers by default, one per core
of the machine the issue names) and sends letters from 32 concurrent clients, each a thread that
opens a connection, posts one letter as JSON with its own ``Idempotency-Key``, reads the answer
and starts the next. Every letter is a real one: validated by the form's rules, numbered, stored
with its receive event in one transaction, the writer notified by text message (the demo's file
gateway under the data directory) after the commit.

The baseline, in the same run and on the same server: ``GET /api/v1/mailboxes`` from the same 32
clients (a small JSON answer with two queries, the page cache off), in slices alternating with the
letters' slices so that other work on the machine shifts both alike. Beside each rate it reports
gunicorn's CPU time per request (master and workers, from /proc), which other work disturbs much
less than a rate, and the machine's load average.

At the end every acknowledged letter (201 with its tracking number) is looked up in the database:
acknowledged and stored must be equal, and none lost.

Targets (issue 9): >= 100 letters/s on SQLite, >= 200 on PostgreSQL, zero lost.

    .venv/bin/python bench/letters.py                          # SQLite and PostgreSQL, 20 s of letters each
    .venv/bin/python bench/letters.py --databases sqlite --duration 6   # a quick look
    .venv/bin/python bench/letters.py --pg-url postgres://postgres@127.0.0.1:5432

Exit status: 0 when the targets pass, 1 when one fails, 2 on a setup error.
Results and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Run as a script: bench/ is on sys.path.
from common import BASE_DIR, PYTHON, BenchError, bench_env, default_var_dir, fresh_postgres_database, log, run_step

DATABASES = ("sqlite", "postgresql")
PG_DATABASE = "zp_bench_letters"
TARGETS = {"sqlite": 100.0, "postgresql": 200.0}
#: A letter rate no benchmark reaches (settings.LETTER_RATE): the limiter still counts, as in production.
UNLIMITED = "100000000/m"
SENSITIVE_WORDS = 200
NUMBER = re.compile(rb'"tracking_number":\s*"([^"]+)"')

# Run by `manage.py shell` in the benchmark's database: one mailbox and the words letters are checked against.
SETUP = """
from zoneportal.core.models import Department
from zoneportal.letters.models import LetterCategory, Mailbox, SensitiveWord
office = Department.objects.filter(slug="bangongshi").first()
if office is None:
    [office] = Department.objects.bulk_create([Department(name="管委会办公室", slug="bangongshi")])
box, _ = Mailbox.objects.get_or_create(
    slug="director", defaults={"name": "主任信箱", "department": office, "allows_anonymous": True}
)
LetterCategory.objects.get_or_create(mailbox=box, name="投资环境", defaults={"reply_days": 3})
SensitiveWord.objects.bulk_create(
    [SensitiveWord(word=f"生成敏感词{n:03d}") for n in range(%(words)d)], ignore_conflicts=True
)
print("ok")
"""

STORED = """
import json
from zoneportal.letters.models import Letter, LetterEvent
numbers = list(Letter.objects.values_list("tracking_number", flat=True))
events = LetterEvent.objects.filter(action="receive").count()
print(json.dumps({"numbers": numbers, "receive_events": events}))
"""

CONTENT = "工业园区北路夜间路灯损坏多日，企业职工下班出行不便，希望有关部门尽快安排维修，并告知维修时间。"


# --------------------------------------------------------------------------- the clients


@dataclass
class Slice:
    """What the clients measured in one slice of load."""

    kind: str
    seconds: float
    requests: int = 0
    ok: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    numbers: list[str] = field(default_factory=list, repr=False)
    server_cpu_s: float = 0.0
    database_cpu_s: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_s / self.ok if self.ok else 0.0


def letter_request(port: int) -> Callable[[int], bytes]:
    """A fresh letter each call: its own subject and Idempotency-Key, as a real API client sends."""

    def build(n: int) -> bytes:
        body = json.dumps(
            {
                "mailbox": "director",
                "subject": f"园区北路路灯损坏（第{n}封）",
                "content": CONTENT,
                "category": "投资环境",
                "name": "张三",
                "phone": "13800001234",
                "is_public": n % 2 == 0,
            },
            ensure_ascii=False,
        ).encode()
        head = (
            f"POST /api/v1/letters HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Idempotency-Key: bench-{uuid.uuid4().hex}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        return head.encode() + body

    return build


def baseline_request(port: int) -> Callable[[int], bytes]:
    request = f"GET /api/v1/mailboxes HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode()
    return lambda n: request


def exchange(port: int, request: bytes) -> bytes:
    """Send one request on a new connection and read the whole answer (the server closes the connection)."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def load(port: int, kind: str, clients: int, seconds: float, server: Server, counter: Iterator[int]) -> Slice:
    """``clients`` threads sending requests for ``seconds``; each finishes the request it has started."""
    build = letter_request(port) if kind == "letters" else baseline_request(port)
    expected = b"HTTP/1.1 201" if kind == "letters" else b"HTTP/1.1 200"
    result = Slice(kind, 0.0)
    lock = threading.Lock()
    start_cpu, start_client = server.cpu_seconds(), resource.getrusage(resource.RUSAGE_SELF)
    start_backends = server.database_backends()
    started = time.perf_counter()
    deadline = started + seconds

    def client() -> None:
        latencies, numbers, ok, errors = [], [], 0, 0
        while time.perf_counter() < deadline:
            with lock:
                n = next(counter)
            began = time.perf_counter()
            try:
                answer = exchange(port, build(n))
            except OSError:
                errors += 1
                continue
            latencies.append(1000 * (time.perf_counter() - began))
            if answer.startswith(expected):
                ok += 1
                if kind == "letters":
                    numbers.append(NUMBER.search(answer).group(1).decode())
            else:
                errors += 1
                if errors <= 3:
                    log(f"unexpected answer: {answer[:300]!r}")
        with lock:
            result.latencies_ms.extend(latencies)
            result.numbers.extend(numbers)
            result.ok += ok
            result.errors += errors
            result.requests += ok + errors

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    result.server_cpu_s = server.cpu_seconds() - start_cpu
    # A backend started during the slice counts whole; one that ended during it is missed (connections live 60 s).
    result.database_cpu_s = sum(used - start_backends.get(pid, 0.0) for pid, used in server.database_backends().items())
    end_client = resource.getrusage(resource.RUSAGE_SELF)
    result.client_cpu_s = (end_client.ru_utime + end_client.ru_stime) - (start_client.ru_utime + start_client.ru_stime)
    return result


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    """A running gunicorn: its port and its process group (master and workers); on PostgreSQL, its database."""

    port: int
    pgid: int
    pg_admin_url: str | None = None
    pg_database: str = ""

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by every process of the group."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == self.pgid:
                ticks += sum(int(x) for x in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")

    def database_backends(self) -> dict[int, float]:
        """The PostgreSQL server processes serving the benchmark's database, with the CPU each has used.

        PostgreSQL runs on this machine (loopback), so its share of a letter's cost is the CPU of the
        backends connected to the benchmark's own database (other databases' work is not counted).
        """
        if not self.pg_admin_url:
            return {}
        import psycopg

        with psycopg.connect(self.pg_admin_url, autocommit=True) as admin:
            rows = admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.pg_database]).fetchall()
        return {pid: process_cpu_seconds(pid) for (pid,) in rows}


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], workers: int, threads: int, var_dir: Path, database_url: str | None
) -> Iterator[Server]:
    """gunicorn with the project's config on a free loopback port, in its own process group; always stopped."""
    port = free_port()
    log_path = var_dir / "gunicorn.log"
    command = [PYTHON, "-m", "gunicorn", "--config", str(BASE_DIR / "gunicorn.conf.py")]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--error-logfile", str(log_path)]
    # As gunicorn.conf.py does for GUNICORN_THREADS: more than one thread switches to gthread workers.
    command += ["--threads", str(threads), "--worker-class", "gthread" if threads > 1 else "sync"]
    log(f"gunicorn {workers} workers × {threads} threads on 127.0.0.1:{port}")
    with open(log_path, "ab") as output:
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise BenchError(f"gunicorn 启动失败，见 {log_path}")
            try:
                if exchange(port, baseline_request(port)(0)).startswith(b"HTTP/1.1 200"):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise BenchError(f"gunicorn 90 秒内未就绪，见 {log_path}")
            time.sleep(0.3)
        if database_url:
            parts = urlsplit(database_url)
            yield Server(port, process.pid, urlunsplit(parts._replace(path="/postgres")), parts.path.strip("/"))
        else:
            yield Server(port, process.pid)
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


# --------------------------------------------------------------------------- one database


@dataclass
class Run:
    database: str
    clients: int
    workers: int
    threads: int
    letters: list[Slice]
    baseline: list[Slice]
    acknowledged: int
    stored: int
    lost: list[str]
    receive_events: int
    load_before: float
    load_after: float

    def total(self, slices: list[Slice], attribute: str) -> float:
        return sum(getattr(s, attribute) for s in slices)

    @property
    def letter_rate(self) -> float:
        return self.total(self.letters, "ok") / self.total(self.letters, "seconds")

    @property
    def baseline_rate(self) -> float:
        return self.total(self.baseline, "ok") / self.total(self.baseline, "seconds")

    def cpu_ms(self, slices: list[Slice], part: str = "server_cpu_s") -> float:
        return 1000 * self.total(slices, part) / max(1, self.total(slices, "ok"))

    @property
    def capacity(self) -> float:
        """Letters/s the machine's cores could serve with nothing else running: cores / CPU per letter.

        CPU per letter is gunicorn's plus, on PostgreSQL, the database backends'; the benchmark's own
        clients are left out (real clients run elsewhere).
        """
        per_letter = self.cpu_ms(self.letters) + self.cpu_ms(self.letters, "database_cpu_s")
        return 1000 * (os.cpu_count() or 1) / per_letter if per_letter else 0.0

    def percentile(self, share: float) -> float:
        values = sorted(ms for s in self.letters for ms in s.latencies_ms)
        return values[min(len(values) - 1, max(0, round(share * len(values)) - 1))] if values else 0.0

    @property
    def passed(self) -> bool:
        return (
            self.letter_rate >= TARGETS[self.database]
            and self.acknowledged == self.stored == self.receive_events
            and not self.lost
        )


def measure(args: argparse.Namespace, database: str, database_url: str | None, var_dir: Path) -> Run:
    """Prepare the database, serve it, alternate baseline and letter slices, then count what was stored."""
    env = bench_env(
        var_dir,
        database_url,
        LETTER_RATE=UNLIMITED,
        PAGE_CACHE_SECONDS="0",
        LOG_LEVEL="ERROR",
        GUNICORN_LOGLEVEL="warning",
    )
    manage = [PYTHON, "manage.py"]
    run_step([*manage, "migrate", "--noinput", "--verbosity", "0"], env, timeout=1800)
    run_step([*manage, "shell", "--no-imports", "-c", SETUP % {"words": SENSITIVE_WORDS}], env, timeout=300)
    counter = iter(range(1, 10**9))
    letters, baseline = [], []
    load_before = os.getloadavg()[0]
    with gunicorn(env, args.workers, args.threads, var_dir, database_url) as server:
        log(f"{database}: warming up ({args.warmup:g} s each)")
        warm = [load(server.port, kind, args.clients, args.warmup, server, counter) for kind in ("baseline", "letters")]
        slice_seconds = args.duration / args.slices
        for index in range(args.slices):
            baseline.append(load(server.port, "baseline", args.clients, slice_seconds, server, counter))
            letters.append(load(server.port, "letters", args.clients, slice_seconds, server, counter))
            log(
                f"{database}: slice {index + 1}/{args.slices}: {letters[-1].rate:,.0f} letters/s, "
                f"baseline {baseline[-1].rate:,.0f} req/s"
            )
    load_after = os.getloadavg()[0]
    out = run_step([*manage, "shell", "--no-imports", "-c", STORED], env, timeout=300)
    found = json.loads(out.strip().splitlines()[-1])
    acknowledged = [number for s in (*warm, *letters) for number in s.numbers]
    stored = set(found["numbers"])
    return Run(
        database=database,
        clients=args.clients,
        workers=args.workers,
        threads=args.threads,
        letters=letters,
        baseline=baseline,
        acknowledged=len(acknowledged),
        stored=len(found["numbers"]),
        lost=sorted(set(acknowledged) - stored),
        receive_events=found["receive_events"],
        load_before=load_before,
        load_after=load_after,
    )


def run_database(args: argparse.Namespace, database: str) -> Run:
    var_dir = args.var_dir / database
    if var_dir.exists():
        shutil.rmtree(var_dir)  # a fresh database and data directory every run
    var_dir.mkdir(parents=True)
    if database == "sqlite":
        return measure(args, database, None, var_dir)
    with fresh_postgres_database(args.pg_url, PG_DATABASE) as url:
        return measure(args, database, url, var_dir)


# --------------------------------------------------------------------------- report


def format_report(runs: list[Run]) -> tuple[str, bool]:
    """A table per database and the verdict."""
    lines = [
        f"Letters through POST /api/v1/letters — {time.strftime('%Y-%m-%d %H:%M %Z')}, "
        f"{os.cpu_count()} cores, a new connection per request",
        "",
        f"{'database':<11} {'gunicorn':>8} {'clients':>7} {'letters/s':>9} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7}"
        f" {'DB ms':>6} {'idle cap.':>9}  "
        f"{'baseline/s':>10} {'CPU ms':>7} {'ratio':>6}  {'acknowledged':>12} {'stored':>7} {'lost':>5}  load",
    ]
    passed = True
    for run in runs:
        lines.append(
            f"{run.database:<11} {f'{run.workers}×{run.threads}':>8} {run.clients:>7} {run.letter_rate:>9,.0f}"
            f" {run.percentile(0.5):>7.0f} {run.percentile(0.99):>7.0f} {run.cpu_ms(run.letters):>7.1f}"
            f" {run.cpu_ms(run.letters, 'database_cpu_s'):>6.1f} {run.capacity:>9,.0f}"
            f"  {run.baseline_rate:>10,.0f}"
            f" {run.cpu_ms(run.baseline):>7.1f} {run.letter_rate / run.baseline_rate:>5.0%}"
            f"  {run.acknowledged:>12,} {run.stored:>7,} {len(run.lost):>5}  {run.load_before:.1f}→{run.load_after:.1f}"
        )
        passed = passed and run.passed
    lines += [
        "",
        "baseline: GET /api/v1/mailboxes (page cache off), same clients, slices alternating with the letters';",
        "CPU ms: gunicorn's CPU time (master + workers) per answer; DB ms: PostgreSQL backends' CPU per letter;",
        "idle cap.: cores × 1000 / (CPU ms + DB ms), the letters/s this machine's cores could serve with nothing else",
        "running; load: 1-minute load average before → after;",
        "acknowledged: 201 answers with a tracking number (warm-up included); stored: letters in the database after.",
        "",
        "targets: " + ", ".join(f"{db} >= {rate:g} letters/s" for db, rate in TARGETS.items()) + ", zero lost",
    ]
    for run in runs:
        errors = sum(s.errors for s in (*run.letters, *run.baseline))
        verdict = "PASS" if run.passed else "FAIL"
        lines.append(
            f"  {run.database}: {run.letter_rate:,.0f} letters/s, acknowledged {run.acknowledged:,} = stored "
            f"{run.stored:,} = receive events {run.receive_events:,}, lost {len(run.lost)}, errors {errors} — {verdict}"
        )
    return "\n".join(lines), passed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default=",".join(DATABASES), help="comma-separated: sqlite, postgresql")
    parser.add_argument(
        "--pg-url",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2: one per core)")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (default 1: sync workers; more: gthread)"
    )
    parser.add_argument("--duration", type=float, default=20, help="seconds of letters per database (default 20)")
    parser.add_argument("--slices", type=int, default=4, help="slices of letters, each after one of the baseline")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of unmeasured load of each kind (default 2)")
    parser.add_argument("--var-dir", type=Path, help="the benchmark's own data directory (default var/bench-letters)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args(argv)
    args.databases = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = set(args.databases) - set(DATABASES)
    if unknown:
        parser.error(f"unknown database(s): {', '.join(sorted(unknown))}")
    if args.clients <= 0 or args.workers <= 0 or args.threads <= 0 or args.duration <= 0 or args.slices <= 0:
        parser.error("clients, workers, duration and slices must be positive")
    args.var_dir = (args.var_dir or default_var_dir("bench-letters")).resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    try:
        runs = [run_database(args, database) for database in args.databases]
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    text, passed = format_report(runs)
    print(text)
    if args.json:
        data = [{**asdict(run), "letter_rate": run.letter_rate, "baseline_rate": run.baseline_rate} for run in runs]
        for item in data:
            for part in ("letters", "baseline"):
                for piece in item[part]:
                    piece.pop("latencies_ms"), piece.pop("numbers")
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
