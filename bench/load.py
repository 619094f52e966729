#!/usr/bin/env python3
"""Mixed load: page views, searches and letters together, at rising concurrency, beside nginx's static rate.

Drives a running site through its nginx (``--base-url``) with wrk and bench/load.lua: 80 % page
views (the home page, columns, articles, policy library pages, service guides — 300 paths of the
site's ``/sitemap.xml``, every column among them, drawn with a Zipf popularity so a few pages take
most of the views, as on a real portal; fetched once per worker first, so the page cache starts
warm), 15 % searches (``/search/?q=``, the labelled queries of tests/search/queries.json) and
5 % letters (``POST /api/v1/letters``, JSON, each with its own Idempotency-Key, to the site's open
mailboxes). The concurrency doubles step by step (``--start`` connections up to ``--max``) until
p99 passes 500 ms; each step first measures a static file of the home page's size through the same
nginx (``--static-url``, 32 connections), then the mixed load. The report gives the highest rate held (p99 ≤ 500 ms,
no errors) with its p99, as a ratio to the static rate of its step.

Afterwards every acknowledged letter (201 and a tracking number) is looked up in the site's
database (``--database-url``): acknowledged and stored must be equal — a letter lost fails the
benchmark whatever the rates.

``--profile embedded|production`` starts the site itself with ``deploy.stack.Stack`` (nginx in
front of gunicorn with the project's gunicorn.conf.py): *embedded* is one gunicorn on SQLite with
local-memory caches, *production* two gunicorns on PostgreSQL and Redis. The benchmark's server —
only it — runs with the rate limits of letters and searches out of reach (``LETTER_RATE``,
``SEARCH_RATE``: every request comes from 127.0.0.1, one visitor for the limiter, which still counts).

    .venv/bin/python bench/load.py --profile embedded
    .venv/bin/python bench/load.py --profile production --pg-url postgres://postgres@127.0.0.1:5432
    .venv/bin/python bench/load.py --base-url http://127.0.0.1:8080 \\
        --static-url http://127.0.0.1:8080/static/bench/home-size.html --database-url postgres://…/zoneportal

wrk and not an asyncio/httpx driver: wrk's Lua ``request()`` builds each request as it goes, POSTs
included, and ``response()`` reads each answer, which is all a mix needs; a Python driver on this
2-core machine would spend more CPU than the server it measures and cap the rates it can show.

Exit status: 0 when the targets pass, 1 when one fails (or a letter is lost), 2 on a setup error.
Results and how to read them: docs/benchmarks.md ("Mixed load").
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import itertools
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

# Run as a script: bench/ is on sys.path.
from common import BASE_DIR, PYTHON, SCRUBBED_ENV, BenchError, bench_env, log
from pages import Server, background_cpu, machine_info, parse_wrk

LUA_SCRIPT = Path(__file__).resolve().parent / "load.lua"
QUERIES = BASE_DIR / "tests" / "search" / "queries.json"
SHARES = {"pages": 0.80, "searches": 0.15, "letters": 0.05}
KINDS = {"pages": "页面", "searches": "检索", "letters": "来信"}
P99_LIMIT_MS = 500.0
TARGET_RATIO = 0.40  # of the static rate, on the production profile (issue 14)
#: Out of reach for the benchmark's own server only: the limiter still counts every letter and search.
UNLIMITED = "100000000/m"
#: A page's share of the views falls as 1 / rank ** ZIPF_EXPONENT (rank 1: the home page).
ZIPF_EXPONENT = 1.0
PAGES = 300  # distinct pages of the load, sampled from the sitemap
PAGE_DRAWS = 20_000  # entries of the plan's page list (a draw picks one uniformly)
STATIC_NAME = "bench/home-size.html"
WARMUP_CONNECTIONS = 8
# The static file's rate is nginx's capacity, not one connection's round trips: always at 32 connections
# (as bench/pages.py measures it), once per step, so it shares each moment's load on the machine.
STATIC_CONNECTIONS = 32
WRK_RUNS = itertools.count(1)
PG_DATABASE = "zp_bench_load"

CONTENT = "工业园区北路夜间路灯损坏多日，企业职工下班出行不便，希望有关部门尽快安排维修，并告知维修时间。"
# string.format template (load.lua): mailbox slug, mark (token, wrk run, thread), letter number, category.
LETTER_BODY = json.dumps(
    {
        "mailbox": "%s",
        "subject": "园区北路路灯损坏（%s-%d）",
        "content": CONTENT,
        "category": "%s",
        "name": "张三",
        "phone": "13800001234",
    },
    ensure_ascii=False,
)

# Run by `manage.py shell` in the site's database: the open mailboxes and a category of each.
MAILBOXES = """
import json
from zoneportal.letters.models import Mailbox
boxes = []
for box in Mailbox.objects.filter(is_active=True, department__isnull=False).order_by("pk"):
    category = box.categories.order_by("sort_order", "pk").values_list("name", flat=True).first()
    if category:
        boxes.append({"slug": box.slug, "category": category})
print(json.dumps(boxes, ensure_ascii=False))
"""

# The acknowledged numbers come in a file named by BENCH_ACKED; the answer: how many of them are stored.
STORED = """
import json, os
from pathlib import Path
from zoneportal.letters.models import Letter
acked = Path(os.environ["BENCH_ACKED"]).read_text().split()
token = os.environ["BENCH_TOKEN"]
stored = set()
for start in range(0, len(acked), 500):
    chunk = Letter.objects.filter(tracking_number__in=acked[start:start + 500])
    stored.update(chunk.values_list("tracking_number", flat=True))
marked = Letter.objects.filter(subject__contains=token).count()
print(json.dumps({"stored": len(stored), "missing": sorted(set(acked) - stored)[:20], "marked": marked}))
"""


# --------------------------------------------------------------------------- results


@dataclass
class Step:
    """One concurrency step: the static file (32 connections), then the mixed load at ``connections``."""

    connections: int
    static_rps: float = 0.0
    static_p99_ms: float = 0.0
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    errors: int = 0  # socket connect/write/timeout errors and answers other than 2xx/3xx
    statuses: dict[int, int] = field(default_factory=dict)
    sent: dict[str, int] = field(default_factory=dict)
    acknowledged: int = 0
    load: float = 0.0  # 1-minute load average when the step ended
    cpu_ms: float | None = None  # the app servers' CPU per request (gunicorn masters and workers, from /proc)
    nginx_cpu_ms: float | None = None  # nginx's CPU per request of the mixed load
    static_cpu_ms: float | None = None  # nginx's CPU per request of the static file

    @property
    def held(self) -> bool:
        """Within the latency limit and without an error."""
        return self.requests > 0 and self.errors == 0 and self.p99_ms <= P99_LIMIT_MS

    @property
    def ratio(self) -> float:
        return self.rps / self.static_rps if self.static_rps else 0.0


@dataclass
class Run:
    """Everything one run measured, for the report and --json."""

    profile: str
    started: str
    base_url: str
    static_url: str
    settings: dict
    machine: dict
    steps: list[Step] = field(default_factory=list)
    kinds: dict[str, Step] = field(default_factory=dict)  # each kind alone at one connection
    acknowledged: int = 0
    stored: int = 0
    marked: int = 0  # letters of this run in the database, acknowledged or not (answer lost at the end)
    missing: list[str] = field(default_factory=list)
    busy_before: float = 0.0  # share of the cores busy with other work before the run

    @property
    def best(self) -> Step | None:
        held = [step for step in self.steps if step.held]
        return max(held, key=lambda step: step.rps) if held else None

    @property
    def lost(self) -> int:
        return self.acknowledged - self.stored

    def passed(self) -> bool:
        """Zero letters lost always; the rate target on the production profile (and on a site given by URL)."""
        if self.lost or not self.acknowledged:
            return False
        if self.profile == "embedded":
            return self.best is not None
        return self.best is not None and self.best.ratio >= TARGET_RATIO


# --------------------------------------------------------------------------- the plan


def fetch(url: str, timeout: float = 30) -> bytes:
    """One GET, before the load: the sitemap, the static file's check."""
    request = urllib.request.Request(url, headers={"User-Agent": "zoneportal-bench"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def sitemap_paths(base_url: str) -> list[str]:
    """Every page path the site's sitemap lists (following a sitemap index), home page first."""
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    paths: list[str] = []
    pending = [f"{base_url}/sitemap.xml"]
    while pending:
        tree = ElementTree.fromstring(fetch(pending.pop()))
        for sitemap in tree.iter(f"{namespace}sitemap"):
            pending.append(base_url + urlsplit(sitemap.findtext(f"{namespace}loc", "")).path)
        for url in tree.iter(f"{namespace}url"):
            loc = urlsplit(url.findtext(f"{namespace}loc", "").strip())
            # Locations carry the Site's own host name; the load goes to --base-url.
            paths.append(loc.path + (f"?{loc.query}" if loc.query else ""))
    paths = list(dict.fromkeys(paths))
    if not paths:
        raise BenchError(f"站点地图里没有页面：{base_url}/sitemap.xml")
    paths.sort(key=lambda path: (path != "/", path.count("/"), path))
    return paths


def page_draws(paths: list[str], seed: int) -> tuple[list[str], list[str]]:
    """The pages of the load (at most PAGES, the home page and every column among them) and PAGE_DRAWS
    draws of them by a Zipf popularity.

    The home page ranks first, then shallower paths before deeper ones (columns before what is under
    them), shuffled within each depth, so that every kind of page — columns, articles, policy
    documents, service guides — has popular and rare members. The sample keeps the run's set of pages
    within what a warm-up can put in the page cache, as a portal's popular pages are.
    """
    rng = random.Random(seed)
    by_depth: dict[int, list[str]] = {}
    for path in paths:
        by_depth.setdefault(path.rstrip("/").count("/"), []).append(path)
    ranked: list[str] = []
    for depth in sorted(by_depth):
        group = by_depth[depth]
        rng.shuffle(group)
        ranked += group[: max(0, PAGES - len(ranked))]
    weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, len(ranked) + 1)]
    return ranked, rng.choices(ranked, weights=weights, k=PAGE_DRAWS)


def warm(base_url: str, paths: list[str], passes: int) -> None:
    """Every page of the load ``passes`` times, four at a time: the page cache starts as a running site's does.

    With local-memory caches each gunicorn worker has a cache of its own, and a request goes to
    whichever worker is free: one pass per worker leaves most pages cached in most workers.
    """
    started = time.monotonic()
    requests = paths * passes
    with ThreadPoolExecutor(max_workers=4) as pool:
        for done, _body in enumerate(pool.map(lambda path: fetch(base_url + path), requests), start=1):
            if done % 100 == 0 or done == len(requests):
                log(f"预热：{done}/{len(requests)} 次页面访问，{time.monotonic() - started:.0f} 秒")


def search_paths() -> list[str]:
    """``/search/?q=…`` for every labelled query (words, phrases, pinyin, initials, typos)."""
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    return [f"/search/?q={quote(item['query'])}" for item in queries]


def lua_string(text: str) -> str:
    """A Lua string literal (UTF-8 bytes pass through as they are)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def write_plan(
    path: Path, pages: list[str], searches: list[str], mailboxes: list[dict], token: str, shares: dict[str, float]
) -> None:
    """The Lua table load.lua reads in each wrk thread."""
    lines = ["return {"]
    lines.append(f"  search_share = {shares['searches']}, letter_share = {shares['letters']},")
    lines.append(f"  token = {lua_string(token)},")
    lines.append(f"  letter_body = {lua_string(LETTER_BODY)},")
    lines.append("  pages = {" + ", ".join(lua_string(p) for p in pages) + "},")
    lines.append("  searches = {" + ", ".join(lua_string(s) for s in searches) + "},")
    boxes = ", ".join(f"{{slug = {lua_string(b['slug'])}, category = {lua_string(b['category'])}}}" for b in mailboxes)
    lines.append("  mailboxes = {" + boxes + "},")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def manage_shell(what: str, code: str, env: dict[str, str], timeout: float = 300) -> str:
    """Run ``code`` with ``manage.py shell`` against the site's database; return its last line."""
    log(f"manage.py shell：{what}")
    try:
        completed = subprocess.run(
            [PYTHON, "manage.py", "shell", "--no-imports"],
            input=code,
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"超时（{timeout:.0f} 秒）：{what}") from exc
    if completed.returncode != 0 or not completed.stdout.strip():
        raise BenchError(f"失败：{what}\n{completed.stderr[-3000:]}")
    return completed.stdout.strip().splitlines()[-1]


# --------------------------------------------------------------------------- measuring


def run_wrk(
    args: argparse.Namespace, url: str, connections: int, seconds: int, plan: Path | None = None
) -> tuple[str, float]:
    """wrk at ``connections`` for ``seconds`` (with the mixed load's script when ``plan`` is given)."""
    command = [
        args.wrk,
        f"-t{max(1, min(args.wrk_threads, connections))}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
    ]
    if plan:
        # A number of its own for each wrk run: it seeds the draws and marks the run's letters.
        command += ["-s", str(LUA_SCRIPT), url, "--", str(plan), str(args.seed * 1000 + next(WRK_RUNS))]
    else:
        command.append(url)
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"wrk 超时：{url}") from exc
    if completed.returncode != 0:
        raise BenchError(f"wrk 失败：{completed.stderr or completed.stdout}")
    return completed.stdout, os.getloadavg()[0]


def app_cpu_seconds(args: argparse.Namespace) -> float:
    """CPU time used so far by the app servers the benchmark started (0 for a site given by URL)."""
    return sum(Server("", pgid).cpu_seconds() for pgid in args.app_pgids)


def nginx_cpu_seconds(args: argparse.Namespace) -> float:
    """CPU time used so far by the started nginx (master and workers: one process group)."""
    return Server("", args.nginx_pgid).cpu_seconds() if args.nginx_pgid else 0.0


def mixed_run(
    args: argparse.Namespace, connections: int, seconds: int, plan: Path, step: Step, acked: list[str]
) -> None:
    """One wrk run of ``plan`` into ``step``, with the app servers' CPU per request when they are ours."""
    cpu_before, nginx_before = app_cpu_seconds(args), nginx_cpu_seconds(args)
    output, step.load = run_wrk(args, args.base_url + "/", connections, seconds, plan)
    read_mixed(output, step, acked)
    if args.app_pgids and step.requests:
        step.cpu_ms = (app_cpu_seconds(args) - cpu_before) * 1000 / step.requests
        step.nginx_cpu_ms = (nginx_cpu_seconds(args) - nginx_before) * 1000 / step.requests


def read_mixed(output: str, step: Step, acked: list[str]) -> None:
    """wrk's figures and load.lua's lines (ACK, STATUS, SENT, PERCENTILE) into ``step``; numbers to ``acked``."""
    mixed = parse_wrk(output)
    step.rps, step.requests = mixed.rps, mixed.requests
    step.errors = mixed.non_2xx + mixed.socket_errors
    for line in output.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "ACK":
            acked.append(rest.strip())
            step.acknowledged += 1
        elif kind == "STATUS":
            status, count = rest.split()
            step.statuses[int(status)] = int(count)
        elif kind == "SENT":
            step.sent = dict(zip(SHARES, (int(n) for n in rest.split()), strict=True))
        elif kind == "PERCENTILE":
            share, micros = rest.split()
            if share == "50":
                step.p50_ms = int(micros) / 1000
            elif share == "99":
                step.p99_ms = int(micros) / 1000


def measure_step(args: argparse.Namespace, connections: int, plan: Path, acked: list[str]) -> Step:
    """The static file (at STATIC_CONNECTIONS), then the mixed load at ``connections``; numbers go to ``acked``."""
    step = Step(connections)
    nginx_before = nginx_cpu_seconds(args)
    output, _load = run_wrk(args, args.static_url, STATIC_CONNECTIONS, args.static_duration)
    static = parse_wrk(output)
    if args.nginx_pgid and static.requests:
        step.static_cpu_ms = (nginx_cpu_seconds(args) - nginx_before) * 1000 / static.requests
    if not static.clean:
        raise BenchError(f"静态文件出错（{static.non_2xx} 个非 2xx/3xx，{static.socket_errors} 个连接错误）")
    step.static_rps, step.static_p99_ms = static.rps, static.p99_ms
    mixed_run(args, connections, args.duration, plan, step, acked)
    return step


def cpu(step: Step) -> str:
    """The app servers' CPU per request, for the progress lines."""
    return f"应用服务器 CPU {step.cpu_ms:.1f} ms/次" if step.cpu_ms is not None else "CPU 未测"


def climb(args: argparse.Namespace, run: Run, plan: Path, acked: list[str]) -> None:
    """Double the connections from --start until p99 passes the limit (or --max), printing each step."""
    connections = args.start
    while connections <= args.max:
        step = measure_step(args, connections, plan, acked)
        run.steps.append(step)
        log(
            f"{connections:4d} 个连接：混合 {step.rps:8,.0f} 次/秒 "
            f"p50 {step.p50_ms:6.1f} ms p99 {step.p99_ms:7.1f} ms，"
            f"错误 {step.errors}，已确认来信 {step.acknowledged}；静态 {step.static_rps:8,.0f} 次/秒，"
            f"比值 {step.ratio:.1%}；{cpu(step)}；负载 {step.load:.1f}"
        )
        if step.p99_ms > P99_LIMIT_MS or step.errors:
            break
        connections *= 2


def count_letters(args: argparse.Namespace, run: Run, acked: list[str], token: str) -> None:
    """Look every acknowledged tracking number up in the site's database."""
    run.acknowledged = len(acked)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(acked))
    try:
        env = bench_env(args.var_dir, args.database_url, BENCH_ACKED=handle.name, BENCH_TOKEN=token)
        answer = json.loads(manage_shell("在数据库中逐一查找已确认的来信", STORED, env))
    finally:
        os.unlink(handle.name)
    run.stored, run.missing, run.marked = answer["stored"], answer["missing"], answer["marked"]


def measure(args: argparse.Namespace, profile: str) -> Run:
    """The plan from the running site, the climb, the letters counted."""
    run = Run(
        profile=profile,
        started=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        base_url=args.base_url,
        static_url=args.static_url,
        settings=dict(args.site_settings),
        machine=machine_info(),
    )
    run.busy_before = background_cpu()
    log(f"其他进程占用 CPU {run.busy_before:.0%}（测量前 3 秒）")
    env = bench_env(args.var_dir, args.database_url)
    mailboxes = json.loads(manage_shell("读取开放的信箱", MAILBOXES, env))
    if not mailboxes:
        raise BenchError("站点没有开放的信箱（含分类）：请先运行 manage.py load_demo")
    fetch(args.static_url)
    paths = sitemap_paths(args.base_url)
    searches = search_paths()
    log(f"{len(paths)} 个页面（站点地图），{len(searches)} 个检索词，{len(mailboxes)} 个信箱")
    token = f"bench{uuid.uuid4().hex[:10]}"
    acked: list[str] = []
    pages, draws = page_draws(paths, args.seed)
    warm(args.base_url, pages, args.warm_passes)
    with tempfile.TemporaryDirectory(prefix="zp-load-") as tmp:
        plan = Path(tmp) / "plan.lua"
        write_plan(plan, draws, searches, mailboxes, token, SHARES)
        # Every worker's own caches too (search synonyms and lexicon, routes), before anything is measured.
        log(f"预热：{args.warmup} 秒混合负载，{WARMUP_CONNECTIONS} 个连接（不计入结果）")
        warmup = Step(WARMUP_CONNECTIONS)
        mixed_run(args, WARMUP_CONNECTIONS, args.warmup, plan, warmup, acked)  # its letters are counted too
        log(f"预热：{warmup.rps:,.0f} 次/秒，p99 {warmup.p99_ms:.0f} ms，已确认来信 {warmup.acknowledged}")
        for kind in KINDS:
            # Each kind alone, one connection: what one request of it costs the server (its service time).
            alone = Path(tmp) / f"{kind}.lua"
            shares = {"searches": float(kind == "searches"), "letters": float(kind == "letters")}
            write_plan(alone, draws, searches, mailboxes, token, shares)
            step = Step(1)
            mixed_run(args, 1, args.kind_duration, alone, step, acked)
            run.kinds[kind] = step
            log(f"单独的{KINDS[kind]}，1 个连接：{step.rps:,.1f} 次/秒，p50 {step.p50_ms:.1f} ms，{cpu(step)}")
        climb(args, run, plan, acked)
    count_letters(args, run, acked, token)
    return run


# --------------------------------------------------------------------------- starting the site


def free_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stack_class(profile: str) -> type:
    """deploy.stack.Stack for *production*; for *embedded*, the same stack on SQLite with local-memory caches.

    deploy/stack.py starts the production profile only. The embedded profile behind the same nginx
    differs in its environment and in having no PostgreSQL database or Redis to prepare, so it
    overrides just those three parts rather than starting nginx and gunicorn a second way.
    """
    sys.path.insert(0, str(BASE_DIR))
    try:
        from deploy.stack import Stack
    except ImportError as exc:
        raise BenchError(f"没有 deploy/stack.py，无法自行启动站点（改用 --base-url）：{exc}") from exc
    if profile == "production":
        return Stack

    class EmbeddedStack(Stack):
        """One gunicorn (gunicorn.conf.py) on SQLite, caches and sessions in local memory, behind the stack's nginx."""

        @property
        def env(self) -> dict[str, str]:
            env = super().env
            for name in ("REDIS_URL", "ZONEPORTAL_LOOPBACK_HTTP"):
                env.pop(name, None)
            env["ZONEPORTAL_PROFILE"] = "embedded"
            return env

        def _check_redis(self) -> None:
            """No Redis in the embedded profile."""

        def _ensure_database(self) -> None:
            """SQLite creates its file on migrate."""

    return EmbeddedStack


@contextlib.contextmanager
def started_site(args: argparse.Namespace) -> Iterator[None]:
    """Start the profile's stack (nginx + gunicorn), point the arguments at it, always stop it.

    Only the benchmark's own server gets the rate limits out of reach (the stack's ``extra_env``). The
    stack's processes inherit this process's environment, so whatever of the caller's settings would
    change what is measured (common.SCRUBBED_ENV) is dropped from it first.
    """
    for name in SCRUBBED_ENV:
        os.environ.pop(name, None)
    cores = os.cpu_count() or 1
    if args.profile == "production":
        database_url = f"{args.pg_url.rstrip('/')}/{args.pg_database}"
        app_ports, workers = (free_port(), free_port()), args.workers or 2
        redis_url = args.redis_url
    else:
        database_url = f"sqlite:///{args.var_dir / 'db.sqlite3'}"
        # gunicorn.conf.py's own default: one process per core plus one.
        app_ports, workers = (free_port(),), args.workers or cores + 1
        redis_url = ""
    stack = stack_class(args.profile)(
        args.var_dir,
        database_url,
        redis_url,
        app_ports=app_ports,
        nginx_port=free_port(),
        workers=workers,
        demo=not args.skip_setup,
        verbose=True,
        extra_env={"LETTER_RATE": UNLIMITED, "SEARCH_RATE": UNLIMITED, "LOG_LEVEL": "ERROR"},
    )
    log(f"启动 {args.profile} 站点（{len(app_ports)} 台 gunicorn × {workers} 个进程，nginx）：{args.var_dir}")
    try:
        with contextlib.redirect_stdout(sys.stderr):  # the stack's progress: stdout carries only the report
            stack.start()
    except Exception as exc:  # deploy.stack.StackError and what a start step raised
        raise BenchError(f"站点启动失败：{exc}") from exc
    try:
        # The baseline: a static file of the home page's size, from disk through the same nginx.
        static_file = args.var_dir / "static" / STATIC_NAME
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(fetch(stack.base_url + "/"))
        args.base_url, args.static_url = stack.base_url, f"{stack.base_url}/static/{STATIC_NAME}"
        args.database_url = database_url
        # deploy/stack.py records each process in var_dir/run/NAME.pid, each the leader of its own process group.
        args.app_pgids = [int((args.var_dir / "run" / f"app-{port}.pid").read_text()) for port in app_ports]
        args.nginx_pgid = int((args.var_dir / "run" / "nginx.pid").read_text())
        args.site_settings = {
            "database": "PostgreSQL" if args.profile == "production" else "SQLite",
            "cache": "Redis" if args.profile == "production" else "local memory",
            "gunicorn": f"{len(app_ports)}×{workers} sync workers",
            "nginx": "deploy/nginx (loopback.conf.in)",
        }
        yield
    finally:
        log("停止站点")
        with contextlib.redirect_stdout(sys.stderr):
            stack.stop()


# --------------------------------------------------------------------------- report


def format_report(run: Run) -> tuple[str, bool]:
    """The steps as a table, the best step, the letters; PASS/FAIL."""
    lines = [
        f"ZonePortal mixed load ({run.profile}) — {run.started}",
        f"site {run.base_url}, static {run.static_url}; " + ", ".join(f"{k}: {v}" for k, v in run.settings.items()),
        f"mix: {SHARES['pages']:.0%} pages, {SHARES['searches']:.0%} searches, {SHARES['letters']:.0%} letters; "
        f"other work busy {run.busy_before:.0%} of the cores before the run",
        "",
        "each kind alone, 1 connection:  "
        + ";  ".join(
            f"{kind} {step.rps:,.1f}/s p50 {step.p50_ms:.1f} ms" + (f" CPU {step.cpu_ms:.1f} ms" if step.cpu_ms else "")
            for kind, step in run.kinds.items()
        ),
        "",
        "conns   mixed/s  p50 ms  p99 ms  errors  letters  static/s  static p99  ratio  CPU ms  load",
    ]
    for step in run.steps:
        lines.append(
            f"{step.connections:5d}  {step.rps:8,.0f}  {step.p50_ms:6.1f}  {step.p99_ms:6.1f}  {step.errors:6d}  "
            f"{step.acknowledged:7d}  {step.static_rps:8,.0f}  {step.static_p99_ms:10.1f}  "
            f"{step.ratio:5.1%}  {step.cpu_ms or 0:6.1f}  {step.load:4.1f}"
        )
        odd = {status: count for status, count in step.statuses.items() if status >= 400}
        if odd:
            lines.append(f"       answers other than 2xx/3xx: {odd}")
    best = run.best
    lines.append("")
    if best:
        lines.append(
            f"highest rate held (p99 ≤ {P99_LIMIT_MS:.0f} ms, no error): {best.rps:,.0f}/s at {best.connections} "
            f"connections, p99 {best.p99_ms:.0f} ms = {best.ratio:.1%} of the static rate ({best.static_rps:,.0f}/s)"
        )
    else:
        lines.append(f"no step held p99 ≤ {P99_LIMIT_MS:.0f} ms without errors")
    measured = [step for step in run.steps if step.cpu_ms and step.nginx_cpu_ms and step.static_cpu_ms]
    if measured:
        # CPU per request is what a rate is the inverse of, and other work on the machine disturbs it much less.
        requests = sum(step.requests for step in measured)
        app_ms = sum(step.cpu_ms * step.requests for step in measured) / requests
        nginx_ms = sum(step.nginx_cpu_ms * step.requests for step in measured) / requests
        static_ms = sum(step.static_cpu_ms for step in measured) / len(measured)
        cores = os.cpu_count() or 1
        lines.append(
            f"CPU per request: mixed {app_ms:.2f} ms app servers + {nginx_ms:.2f} ms nginx, static {static_ms:.3f} ms "
            f"nginx → with the {cores} cores to itself the mixed load would reach about "
            f"{static_ms / (app_ms + nginx_ms):.1%} of the static rate ({cores * 1000 / (app_ms + nginx_ms):,.0f}/s; "
            f"database, Redis and wrk not counted)"
        )
    lines.append(
        f"letters: {run.acknowledged} acknowledged, {run.stored} of them stored, {run.lost} lost "
        f"(the warm-up's included; {run.marked} of this run's letters in the database, unanswered ones included)"
    )
    if run.missing:
        lines.append(f"missing: {', '.join(run.missing)}")
    passed = run.passed()
    target = "" if run.profile == "embedded" else f"; target ≥ {TARGET_RATIO:.0%} of static"
    lines.append(("PASS" if passed else "FAIL") + f" (zero letters lost{target})")
    return "\n".join(lines), passed


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Flags; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", choices=("embedded", "production"), help="start the site with deploy.stack")
    parser.add_argument("--base-url", help="a running site through its nginx, e.g. http://127.0.0.1:8080")
    parser.add_argument("--static-url", help="a static file on the same nginx (default: a home-sized file)")
    parser.add_argument("--database-url", help="the running site's database, to count the letters")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server (production)")
    parser.add_argument(
        "--pg-database", default=PG_DATABASE, help=f"the production profile's database (default {PG_DATABASE}, kept)"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13", help="Redis (production profile)")
    parser.add_argument(
        "--var-dir", type=Path, help="the started site's data directory (default var/bench-load[-production])"
    )
    parser.add_argument("--start", type=int, default=1, help="connections of the first step (default 1)")
    parser.add_argument(
        "--warm-passes",
        type=int,
        help="times each page is fetched before the load (default: embedded 3, one per worker; otherwise 1)",
    )
    parser.add_argument("--warmup", type=int, default=20, help="seconds of unmeasured mixed load first (default 20)")
    parser.add_argument("--max", type=int, default=512, help="the most connections tried (default 512)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of mixed load per step (default 15)")
    parser.add_argument(
        "--kind-duration", type=int, default=5, help="seconds of each kind alone, one connection (default 5)"
    )
    parser.add_argument("--static-duration", type=int, default=5, help="seconds of static file per step (default 5)")
    parser.add_argument("--workers", type=int, help="gunicorn workers per app server (default: 2; embedded cores + 1)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--seed", type=int, default=14, help="seed of the page popularity and the draws")
    parser.add_argument("--skip-setup", action="store_true", help="the started site's demo is loaded already")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if bool(args.profile) == bool(args.base_url):
        parser.error("give either --profile or --base-url (with --static-url and --database-url)")
    if args.base_url and not (args.static_url and args.database_url):
        parser.error("--base-url needs --static-url and --database-url (the letters are counted in that database)")
    if min(args.start, args.duration, args.static_duration, args.wrk_threads) <= 0 or args.max < args.start:
        parser.error("start, duration and threads must be positive, max ≥ start")
    args.base_url = args.base_url.rstrip("/") if args.base_url else None
    default_dir = "bench-load-production" if args.profile == "production" else "bench-load"
    args.var_dir = (args.var_dir or BASE_DIR / "var" / default_dir).resolve()
    args.site_settings = {}
    args.app_pgids = []
    args.nginx_pgid = 0
    if args.warm_passes is None:
        args.warm_passes = 3 if args.profile == "embedded" else 1
    return args


def terminate(signum, _frame) -> None:
    """Turn SIGTERM/SIGHUP into KeyboardInterrupt so the finally blocks stop the site."""
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    if not (Path(args.wrk).exists() or shutil.which(args.wrk)):
        print("需要 wrk：apt-get install wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    try:
        if args.profile:
            with started_site(args):
                run = measure(args, args.profile)
        else:
            run = measure(args, "given")
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("benchmark interrupted", file=sys.stderr)
        return 130
    text, passed = format_report(run)
    print(text)
    if args.json:
        data = asdict(run) | {"best": asdict(run.best) if run.best else None, "lost": run.lost}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
