#!/usr/bin/env python3
"""Page-serving benchmark: how close do portal pages get to a static file?

Serves the demo zone with gunicorn (the project's gunicorn.conf.py) on
loopback and measures, with wrk, anonymous requests per second and p50/p99
latency for the home page, a column list (栏目) and an article. Each rate is
reported as a ratio to a static file of the same byte size as the home page,
served by WhiteNoise from the same gunicorn in the same run.

Two modes, each with its own gunicorn and its own static baseline:
  cached    PAGE_CACHE_SECONDS=300 (the default whole-page cache)
  uncached  PAGE_CACHE_SECONDS=0   (every request renders the page; the parts
            of pages cached under the page-cache generation stay on, as they
            do for logged-in editors and the first visitor after a publish)
Targets (issue 2): cached home >= 50 % of the static rate, uncached >= 10 %.
Before the load tests, a gunicorn of its own measures worker memory (RSS,
unshared, PSS: bench/memory.py) after every page type and a search; targets
(issue 6): <= 150 MB RSS and <= 80 MB unshared per worker. The baseline is a
worker of Wagtail's own project template (bench/minimal_wagtail.py).
The SQL column and ``--profile`` also give the cold figure: a render right
after a publish, when none of those parts is cached yet.

The benchmark owns its data directory (default var/bench): it migrates it,
loads the demo zone (``manage.py load_demo``, idempotent), collects static
files and adds the baseline file. ``DATABASE_URL`` and ``REDIS_URL`` from the
environment are ignored on purpose, so it never writes to a working database;
pass ``--database-url postgres://...`` / ``--redis-url redis://...`` instead.

    .venv/bin/python bench/pages.py                # what `make bench` runs
    .venv/bin/python bench/pages.py --duration 5   # quick look
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/zoneportal_bench
    .venv/bin/python bench/pages.py --profile      # no load: where an uncached render spends its CPU
    .venv/bin/python bench/pages.py --memory-only  # worker memory only (a minute)

Exit status: 0 when both targets pass, 1 when one fails, 2 on a setup error.
Results and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import common
import memory
from common import BASE_DIR, PYTHON, SCRUBBED_ENV, BenchError, log

STATIC_SUBDIR = "bench"
STATIC_NAME = "home-size.html"

#: (mode, PAGE_CACHE_SECONDS, target ratio for the home page)
MODES = {"cached": (300, 0.50), "uncached": (0, 0.10)}
PAGES = ("static", "home", "column", "article")


@dataclass
class Target:
    """One URL to load-test."""

    name: str
    path: str
    title: str = ""
    bytes: int = 0
    queries: int | None = None  # SQL queries of one uncached render, page parts cached
    cold_queries: int | None = None  # the same right after a publish, nothing cached yet


@dataclass
class WrkResult:
    """What wrk measured for one URL."""

    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int = 0
    socket_errors: int = 0
    bytes: int = 0
    cacheable: bool | None = None
    cpu_ms: float | None = None  # gunicorn's CPU time per completed request

    @property
    def clean(self) -> bool:
        return self.non_2xx == 0 and self.socket_errors == 0 and self.requests > 0


@dataclass
class Report:
    """Everything the run found, printed as a table and optionally saved as JSON."""

    started: str
    machine: dict
    settings: dict
    targets: dict[str, Target] = field(default_factory=dict)
    results: dict[str, dict[str, WrkResult]] = field(default_factory=dict)
    static_runs: dict[str, list[float]] = field(default_factory=dict)
    paired_static: dict[str, dict[str, WrkResult]] = field(default_factory=dict)
    load: list[float] = field(default_factory=list)
    memory: list[memory.MemoryStep] = field(default_factory=list)


# --------------------------------------------------------------------------
# Probe: runs inside Django (``bench/pages.py --probe``) to pick the URLs.
# --------------------------------------------------------------------------


def _counting_execute(executed: list[str], execute, sql, params, many, context):
    """A database execute wrapper that notes each statement (Django's query log is
    emptied when a request starts, so CaptureQueriesContext misses a request's queries)."""
    executed.append(sql)
    return execute(sql, params, many, context)


def probe() -> None:
    """Pick the column and article from the database, render each page
    uncached and print their paths, sizes and query counts (steady and right
    after a publish) as JSON; save the home page's HTML as the static baseline file."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoneportal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count, OuterRef, Subquery
    from django.test import Client
    from wagtail.models import Page, Site, get_page_models

    from zoneportal.portal.models import ArticlePage, ColumnPage
    from zoneportal.portal.page_cache import invalidate_page_cache

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise BenchError("没有默认站点：请先运行 manage.py load_demo")
    root = site.root_page

    # The column with the most articles directly in it: a full first page of
    # the list, the busiest column a visitor opens.
    article_count = (
        ArticlePage.objects.live()
        .public()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values("n")
    )
    column = (
        ColumnPage.objects.live()
        .public()
        .descendant_of(root)
        .annotate(n=Subquery(article_count))
        .filter(n__gt=0)
        .order_by("-n", "path")
        .first()
    )
    if column is None:
        raise BenchError("演示站点里没有含文章的栏目：请先运行 manage.py load_demo")
    # The newest article of that column: the first one a visitor clicks.
    article = ArticlePage.objects.live().public().child_of(column).order_by("-publish_at", "-pk").first()

    def relative_url(page: Page) -> str:
        _site_id, _root_url, page_path = page.specific.get_url_parts()
        return page_path

    targets = [
        Target("home", "/", root.title),
        Target("column", relative_url(column), column.title),
        Target("article", relative_url(article), article.title),
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    home_html = b""
    for target in targets:
        # The first render creates image renditions and fills Wagtail's own
        # caches (site root paths, renditions). Then: the first render after a
        # publish (a new page-cache generation, no page part cached), and the
        # steady state with only the whole-page cache off.
        client.get(target.path)
        invalidate_page_cache()
        target.cold_queries, _response = _count_queries(client, target.path)
        target.queries, response = _count_queries(client, target.path)
        if response.status_code != 200:
            raise BenchError(f"{target.path} 返回 {response.status_code}，无法测试")
        target.bytes = len(response.content)
        if target.name == "home":
            home_html = response.content

    # The baseline: the home page's own bytes as a static file, so both carry
    # the same payload and the same Content-Type.
    static_dir = Path(settings.STATIC_ROOT) / STATIC_SUBDIR
    static_dir.mkdir(parents=True, exist_ok=True)
    (static_dir / STATIC_NAME).write_bytes(home_html)
    static = Target("static", f"{settings.STATIC_URL}{STATIC_SUBDIR}/{STATIC_NAME}", "静态文件（首页HTML副本）")
    static.bytes = len(home_html)

    # One live public page of each of ZonePortal's page types (the first by tree order), for the memory figures.
    page_types = []
    for model in get_page_models():
        if model._meta.app_label != "portal":
            continue
        page = model.objects.live().public().descendant_of(root, inclusive=True).exact_type(model).order_by("path")
        if page.first() is not None:
            page_types.append({"name": model.__name__, "path": relative_url(page.first())})

    engine = connection.vendor
    print(
        json.dumps(
            {"engine": engine, "targets": [asdict(t) for t in [static, *targets]], "page_types": page_types},
            ensure_ascii=False,
        )
    )


def _count_queries(client, path: str):
    """(SQL queries, response) of one request of the Django test client."""
    from django.db import connection

    executed: list[str] = []
    with connection.execute_wrapper(functools.partial(_counting_execute, executed)):
        response = client.get(path)
    return len(executed), response


def profile_pages(paths: list[str], requests: int) -> None:
    """Where an uncached render spends its CPU (``--profile``): runs inside Django.

    Calls the WSGI application directly (what gunicorn does, minus HTTP), so the
    numbers leave out the server and the network: CPU per request (best of five
    rounds, which other work on the machine disturbs least), Python function
    calls and SQL queries per request, the share of SQL (building the query,
    running it, making objects of the rows) and the functions that cost most.
    Each page twice: steady (its parts cached) and cold (the generation moved
    on before every request, as a publish does; the publish itself not timed).
    """
    import cProfile
    import io
    import pstats

    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoneportal.settings")
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from django.conf import settings
    from django.db import connection

    from zoneportal.portal.page_cache import invalidate_page_cache

    def call(path: str) -> tuple[str, int]:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        status: list[str] = []
        body = application(environ, lambda s, h, exc_info=None: status.append(s))
        size = sum(len(chunk) for chunk in body)
        if hasattr(body, "close"):
            body.close()
        return status[0], size

    def count_queries(path: str) -> int:
        executed: list[str] = []
        with connection.execute_wrapper(functools.partial(_counting_execute, executed)):
            call(path)
        return len(executed)

    def timed(path: str, cold: bool) -> float:
        """CPU milliseconds of one request; ``cold``: right after a publish (timed without the publish)."""
        if cold:
            invalidate_page_cache()
        started = time.process_time()
        call(path)
        return (time.process_time() - started) * 1000

    def profiled(path: str, cold: bool) -> tuple[float, int, pstats.Stats]:
        """Best CPU per request of five rounds, queries per request, and a profile."""
        best = min(sum(timed(path, cold) for _ in range(requests)) / requests for _ in range(5))
        if cold:
            invalidate_page_cache()
        queries = count_queries(path)
        profiler = cProfile.Profile(time.process_time)
        for _ in range(requests):
            if cold:
                invalidate_page_cache()
            profiler.enable()
            call(path)
            profiler.disable()
        return best, queries, pstats.Stats(profiler, stream=io.StringIO())

    print(f"page cache: {'on' if settings.PAGE_CACHE_SECONDS else 'off'}; database {connection.vendor}")
    for path in paths:
        for _ in range(3):
            status, size = call(path)
        # A static file has no page parts to go cold.
        for cold in (False, True) if not path.startswith(settings.STATIC_URL) else (False,):
            best, queries, stats = profiled(path, cold)
            total = sum(row[2] for row in stats.stats.values()) or 1.0
            function_calls = sum(row[1] for row in stats.stats.values()) / requests
            sql = sum(row[3] for (f, _l, n), row in stats.stats.items() if n == "execute_sql" and "compiler" in f)
            heading = f"{path}  {status}  {size} bytes" if not cold else "  cold (right after a publish):"
            print(
                f"\n{heading}  {best:.2f} ms CPU/request  {queries} queries  "
                f"{function_calls:,.0f} Python calls  SQL {sql / total:.0%} of the time"
            )
            # The costliest functions of ZonePortal and Wagtail, time including what they call
            # (Django's own template and ORM machinery is inside these).
            rows = []
            for (filename, line, name), (_cc, ncalls, _tt, cumulative, _callers) in stats.stats.items():
                if "/site-packages/wagtail/" in filename:
                    label = "wagtail/" + filename.split("/site-packages/wagtail/")[1]
                elif f"{BASE_DIR}/zoneportal/" in filename:
                    label = filename.split(f"{BASE_DIR}/")[1]
                else:
                    continue
                if label.endswith(("traditional.py", "page_cache.py", "wagtail/views.py", "wagtail_hooks.py")):
                    continue  # middleware and view wrappers: everything is inside them
                rows.append((cumulative, ncalls, f"{label}:{line} {name}"))
            for cumulative, ncalls, label in sorted(rows, reverse=True)[: 8 if cold else 12]:
                print(f"  {cumulative / total:4.0%}  {ncalls / requests:6.1f}×  {label}")


# --------------------------------------------------------------------------
# Orchestration
# --------------------------------------------------------------------------


def bench_env(args: argparse.Namespace, page_cache_seconds: int | None = None) -> dict[str, str]:
    """The environment every child process (manage.py, gunicorn) runs with."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env["ZONEPORTAL_VAR_DIR"] = str(args.var_dir)
    env["DJANGO_SETTINGS_MODULE"] = "zoneportal.settings"
    env["PYTHONPATH"] = str(BASE_DIR)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    if page_cache_seconds is not None:
        env["PAGE_CACHE_SECONDS"] = str(page_cache_seconds)
    return env


def run_step(args: argparse.Namespace, command: list[str], timeout: float, env: dict | None = None) -> str:
    """Run one setup command in the project root, bounded in time; return stdout."""
    return common.run_step(command, env or bench_env(args), timeout)


def prepare(args: argparse.Namespace) -> dict:
    """Migrate, load the demo zone, collect static files, pick the URLs."""
    manage = [PYTHON, "manage.py"]
    args.var_dir.mkdir(parents=True, exist_ok=True)
    if not args.skip_setup:
        run_step(args, [*manage, "migrate", "--noinput", "--verbosity", "0"], timeout=900)
        loader = BASE_DIR / "zoneportal" / "demo" / "management" / "commands" / "load_demo.py"
        if loader.exists():
            run_step(args, [*manage, "load_demo"], timeout=1800)
        else:
            log("警告：manage.py load_demo 尚不存在，沿用数据目录里已有的内容")
        run_step(args, [*manage, "collectstatic", "--noinput", "--verbosity", "0"], timeout=600)
    out = run_step(args, [PYTHON, __file__, "--probe"], timeout=300, env=bench_env(args, page_cache_seconds=0))
    return json.loads(out.strip().splitlines()[-1])


def free_port() -> int:
    """A loopback port nobody listens on (only used when --port is not given)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running gunicorn: its address and its process group (master and workers)."""

    base: str
    pgid: int

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by every process of the group."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # a process that just exited
            # After the command name: state ppid pgrp ... utime(12) stime(13) cutime(14) cstime(15)
            if int(fields[2]) == self.pgid:
                ticks += sum(int(x) for x in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def gunicorn(
    args: argparse.Namespace, page_cache_seconds: int, log_path: Path, baseline: bool = False
) -> Iterator[Server]:
    """Start gunicorn on loopback in its own process group; always stop it.

    ``baseline``: serve bench/minimal_wagtail.py instead of ZonePortal, preloaded, with gunicorn's defaults
    otherwise (not the project's gunicorn.conf.py, whose preload step is ZonePortal's).
    """
    if baseline:
        config = ["--config", "/dev/null", "--preload", "--no-control-socket", "--chdir", str(BASE_DIR / "bench")]
        app = "minimal_wagtail:application"
    else:
        config = ["--config", str(BASE_DIR / "gunicorn.conf.py")]
        app = "zoneportal.wsgi:application"
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        *config,
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--worker-class",
        "gthread" if args.threads > 1 else "sync",
        "--error-logfile",
        str(log_path),
        "--pid",
        str(args.var_dir / "bench-gunicorn.pid"),
        app,
    ]
    base = f"http://127.0.0.1:{args.port}"
    log(f"gunicorn PAGE_CACHE_SECONDS={page_cache_seconds} {args.workers} workers × {args.threads} threads on {base}")
    with open(log_path, "ab") as log_file:
        process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=bench_env(args, page_cache_seconds),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: one signal stops master and workers
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise BenchError(f"gunicorn 启动失败，见 {log_path}")
            try:
                with urllib.request.urlopen(f"{base}/robots.txt", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise BenchError(f"gunicorn 60 秒内未就绪，见 {log_path}") from None
                time.sleep(0.3)
        yield Server(base, process.pid)
    finally:
        stop_process_group(process)


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM the process group, then SIGKILL it if it lingers."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=25)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def settle(base: str, limit: float = 60.0) -> None:
    """Wait until gunicorn has drained what the last wrk run left queued.

    Sync workers keep serving connections that wrk opened and abandoned at the
    end of its run; measuring the next URL before they finish would charge
    that backlog to it. Idle means robots.txt answers in under 50 ms twice in a row.
    """
    deadline = time.monotonic() + limit
    quick = 0
    while quick < 2 and time.monotonic() < deadline:
        started = time.monotonic()
        with contextlib.suppress(OSError):
            fetch(f"{base}/robots.txt")
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0
        time.sleep(0.2)


def fetch(url: str) -> tuple[int, bytes, dict]:
    """One GET, for the sanity check before the load test."""
    request = urllib.request.Request(url, headers={"User-Agent": "zoneportal-bench"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read(), dict(response.headers)


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_duration_ms(text: str) -> float:
    """wrk prints latencies as 812.00us, 3.21ms, 1.02s or 1.5m."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"unreadable wrk latency {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> WrkResult:
    """Read requests/s, the latency distribution and the error lines of wrk --latency."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (rps and total and p50 and p99):
        raise BenchError(f"无法解析 wrk 输出：\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkResult(
        requests=int(total.group(1)),
        rps=float(rps.group(1)),
        p50_ms=parse_duration_ms(p50.group(1)),
        p99_ms=parse_duration_ms(p99.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        # Read errors are counted when a server closes a connection wrk wanted
        # to reuse; sync gunicorn workers close after every response, which
        # wrk handles by reconnecting, so only connect/write/timeout count.
        socket_errors=sum(int(errors.group(i)) for i in (1, 3, 4)) if errors else 0,
    )


def wrk(args: argparse.Namespace, url: str, duration: float, server: Server | None = None) -> WrkResult:
    """Run wrk against one URL, bounded in time; with ``server``, also measure its CPU per request."""
    threads = max(1, min(args.wrk_threads, args.connections))
    command = [
        args.wrk,
        f"-t{threads}",
        f"-c{args.connections}",
        f"-d{max(1, round(duration))}s",  # wrk takes whole seconds only
        "--timeout",
        "10s",
        "--latency",
        url,
    ]
    cpu_before = server.cpu_seconds() if server else 0.0
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"wrk 超时：{url}") from exc
    if completed.returncode != 0:
        raise BenchError(f"wrk 失败：{completed.stderr}")
    result = parse_wrk(completed.stdout)
    if server and result.requests:
        result.cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / result.requests
    return result


def combine(runs: list[WrkResult]) -> WrkResult:
    """One result from several equal-length wrk slices of the same URL.

    Rates average (the slices are equally long), p50 is weighted by requests,
    p99 is the worst slice's, CPU per request is total CPU over total requests.
    """
    requests = sum(run.requests for run in runs)
    cpu_runs = [run for run in runs if run.cpu_ms is not None]
    cpu_total = sum(run.cpu_ms * run.requests for run in cpu_runs)
    cpu_requests = sum(run.requests for run in cpu_runs)
    return WrkResult(
        requests=requests,
        rps=sum(run.rps for run in runs) / len(runs),
        p50_ms=sum(run.p50_ms * run.requests for run in runs) / requests if requests else 0.0,
        p99_ms=max(run.p99_ms for run in runs),
        non_2xx=sum(run.non_2xx for run in runs),
        socket_errors=sum(run.socket_errors for run in runs),
        bytes=runs[0].bytes,
        cacheable=runs[0].cacheable,
        cpu_ms=cpu_total / cpu_requests if cpu_requests else None,
    )


def measure_mode(args: argparse.Namespace, mode: str, targets: dict[str, Target], report: Report) -> None:
    """Start gunicorn for one mode, check every URL, warm up, measure.

    Each page's time is cut into slices that alternate with the static file
    (static, page, static, page …), so both see the same share of whatever
    else the machine is doing; the page's ratio is to the static slices
    interleaved with it.
    """
    seconds, _target = MODES[mode]
    log_path = args.var_dir / f"bench-gunicorn-{mode}.log"
    log_path.unlink(missing_ok=True)
    results: dict[str, WrkResult] = {}
    paired_static: dict[str, WrkResult] = {}
    # wrk takes whole seconds only.
    slice_seconds = max(1, round(args.duration / args.slices))
    with gunicorn(args, seconds, log_path) as server:
        base = server.base
        checked: dict[str, tuple[bytes, bool | None]] = {}
        for name in PAGES:
            target = targets[name]
            status, body, headers = fetch(base + target.path)
            if status != 200:
                raise BenchError(f"{base + target.path} 返回 {status}")
            # What Django's cache middleware refuses to store: responses that set
            # cookies or are private. (It no longer shows in Expires: pages tell
            # browsers to revalidate, page_cache.revalidate_in_browsers.)
            private = "private" in headers.get("Cache-Control", "") or "Set-Cookie" in headers
            cacheable = not private if name != "static" else None
            if mode == "cached" and cacheable is False:
                log(f"注意：{target.path} 没有被页面缓存（响应设置了 Cookie 或 Cache-Control: private？）")
            checked[name] = (body, cacheable)

        static_url = base + targets["static"].path
        # Warm every worker (each has its own local-memory cache) and the
        # database's page cache before the clock starts.
        wrk(args, static_url, args.warmup)
        settle(base)
        for name in PAGES[1:]:
            url = base + targets[name].path
            wrk(args, url, args.warmup)
            settle(base)
            log(f"{mode:8} {name:8} {args.duration:g} s, alternating with the static file …")
            page_runs: list[WrkResult] = []
            static_runs: list[WrkResult] = []
            for _ in range(args.slices):
                for runs, slice_url in ((static_runs, static_url), (page_runs, url)):
                    run = wrk(args, slice_url, slice_seconds, server)
                    settle(base)
                    runs.append(run)
            body, cacheable = checked[name]
            for run in page_runs:
                run.bytes, run.cacheable = len(body), cacheable
            for run in static_runs:
                run.bytes = len(checked["static"][0])
            results[name] = combine(page_runs)
            paired_static[name] = combine(static_runs)
    results["static"] = combine(list(paired_static.values()))
    report.results[mode] = results
    report.paired_static[mode] = paired_static
    report.static_runs[mode] = [paired_static[name].rps for name in PAGES[1:]]


def measure_memory(args: argparse.Namespace, page_types: list[dict], report: Report) -> None:
    """Worker memory step by step (bench/memory.py), in a gunicorn of its own with the default page cache.

    The target step is every page type and an ordinary search; then, as extra rows, the 繁體 view of every page
    type (OpenCC's s2t dictionaries, loaded by the worker that first needs them) and a misspelt search (pypinyin,
    likewise), and last a worker of a bare Wagtail project as the baseline.
    """
    from urllib.parse import quote

    search = f"/search/?q={quote(memory.SEARCH_QUERY)}"
    typo = f"/search/?q={quote(memory.TYPO_QUERY)}"
    pages = [page["path"] for page in page_types]
    log(f"memory: {len(pages)} page types ({', '.join(page['name'] for page in page_types)}) and a search")
    steps: list[memory.MemoryStep] = []
    statuses: dict[str, set[int]] = {}
    with gunicorn(args, MODES["cached"][0], args.var_dir / "bench-gunicorn-memory.log") as server:
        memory.wait_for_workers(server.pgid, args.workers)
        steps.append(memory.snapshot("idle (after the fork; one of them served one request)", server.pgid))
        statuses |= memory.warm(server.base, pages, args.workers)
        steps.append(memory.snapshot("every page type", server.pgid))
        # One round only for searches: they are rate-limited per visitor address (settings.SEARCH_RATE).
        statuses |= memory.warm(server.base, [search], args.workers, rounds=1)
        steps.append(memory.snapshot("every page type and a search", server.pgid, target=True))
        statuses |= memory.warm(server.base, [f"/zh-hant{path}" for path in pages], args.workers)
        steps.append(memory.snapshot("… and the 繁體 view of each", server.pgid))
        statuses |= memory.warm(server.base, [typo], args.workers, rounds=1)
        steps.append(memory.snapshot("… and a misspelt search", server.pgid))
    failed = {path: codes for path, codes in statuses.items() if codes != {200}}
    if failed:
        raise BenchError(f"内存测量中有请求失败：{failed}")
    with gunicorn(args, 0, args.var_dir / "bench-gunicorn-baseline.log", baseline=True) as server:
        memory.wait_for_workers(server.pgid, args.workers)
        memory.warm(server.base, ["/robots.txt"], args.workers)
        steps.append(memory.snapshot("baseline: a bare Wagtail project", server.pgid))
    report.memory = steps


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def background_cpu(seconds: float = 3.0) -> float:
    """Share of all cores busy over ``seconds`` while the benchmark itself idles:
    other work on a shared machine skews every rate it measures."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        return sum(fields[:8]), idle

    try:
        total_0, idle_0 = sample()
        time.sleep(seconds)
        total_1, idle_1 = sample()
    except (OSError, ValueError, IndexError):
        return 0.0
    total = total_1 - total_0
    return (total - (idle_1 - idle_0)) / total if total else 0.0


def machine_info() -> dict:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, IndexError, ValueError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    wrk_version = ""
    with contextlib.suppress(OSError):
        wrk_version = subprocess.run([shutil.which("wrk") or "wrk", "-v"], capture_output=True, text=True).stdout
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "wrk": wrk_version.split(" [")[0].strip(),
    }


def format_report(report: Report) -> tuple[str, bool]:
    """The results as a Markdown table (readable in a terminal too) and PASS/FAIL.

    The verdict uses the measured rates, as the targets are defined. The CPU
    columns say what the same comparison looks like in server CPU time per
    request, which other work on the machine disturbs much less than a rate.
    """
    lines = [
        f"ZonePortal page benchmark — {report.started}",
        "",
        "machine: " + ", ".join(f"{k} {v}" for k, v in report.machine.items()),
        "run:     " + ", ".join(f"{k} {v}" for k, v in report.settings.items()),
        "",
        "| mode | page | bytes | SQL | req/s | p50 ms | p99 ms | CPU ms/req | vs static (rate) "
        "| vs static (CPU) | target | result |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    all_pass = True
    for mode, results in report.results.items():
        static = results["static"]
        for name in PAGES:
            result = results[name]
            target = report.targets[name]
            baseline = report.paired_static.get(mode, {}).get(name, static)
            ratio = result.rps / baseline.rps if baseline.rps else 0.0
            cpu_ratio = f"{baseline.cpu_ms / result.cpu_ms:.0%}" if baseline.cpu_ms and result.cpu_ms else ""
            cpu = f"{result.cpu_ms:.2f}" if result.cpu_ms else ""
            goal = MODES[mode][1] if name == "home" else None
            if not result.clean:
                verdict = f"ERROR ({result.non_2xx} non-2xx, {result.socket_errors} socket errors)"
                all_pass = all_pass and goal is None
            elif goal is None:
                verdict = ""
            else:
                passed = ratio >= goal
                verdict = "PASS" if passed else "FAIL"
                all_pass = all_pass and passed
            queries = "" if target.queries is None or mode == "cached" else f"{target.queries} / {target.cold_queries}"
            goal_text = f"≥ {goal:.0%}" if goal else ""
            lines.append(
                f"| {mode} | {name} | {result.bytes} | {queries} | {result.rps:,.0f} | {result.p50_ms:.1f} "
                f"| {result.p99_ms:.1f} | {cpu} | {ratio:.0%} | {cpu_ratio} | {goal_text} | {verdict} |"
            )
    drift = [
        f"{mode} " + " / ".join(f"{rps:,.0f}" for rps in runs) + " req/s" for mode, runs in report.static_runs.items()
    ]
    if not report.results:  # --memory-only: no rate table
        del lines[-3:]
    lines += (
        [
            "",
            "vs static: each page ran in slices alternating with the static file; its ratio is to those",
            "  static slices (static rate beside home / column / article: " + "; ".join(drift) + ").",
            "  The static row is the mean of all static slices.",
            "CPU ms/req: CPU time of gunicorn (master and workers) during the run / completed requests;",
            "  vs static (CPU) = static CPU per request / page CPU per request.",
            "SQL: queries of one uncached render with the page's parts cached / right after a publish",
            "  (Django test client, after a first render made the image renditions).",
        ]
        if report.results
        else []
    )
    lines += [
        "background CPU use before each mode and at the end (nothing of ours running): "
        + " / ".join(f"{x:.0%}" for x in report.load),
    ]
    if report.memory:
        memory_lines, memory_pass = memory.format_memory(report.memory)
        all_pass = all_pass and memory_pass
        lines += [
            "",
            *memory_lines,
            "",
            "worker memory: per worker from /proc/PID/smaps_rollup after each step, the largest over the workers;",
            "  unshared = Private_Clean + Private_Dirty (USS); the target step is every page type and a search.",
            "  Baseline: bench/minimal_wagtail.py (Wagtail's project template, no ZonePortal), after a request.",
        ]
    if report.load and max(report.load) > 0.15:
        lines.append("WARNING: other work was running on this machine; rates are less reliable than usual.")
    lines += [
        "pages: " + "; ".join(f"{t.name} {t.path} ({t.title})" for t in report.targets.values() if t.name != "static"),
        "Overall: " + ("PASS" if all_pass else "FAIL"),
    ]
    return "\n".join(lines), all_pass


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line flags (defaults are the issue's: 32 connections, 20 s)."""
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per URL (default 20)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unmeasured load per URL (default 3)")
    parser.add_argument(
        "--slices",
        type=int,
        default=4,
        help="each page's duration is cut into this many slices alternating with the static file (default 4)",
    )
    parser.add_argument(
        "--workers", type=int, default=cores + 1, help=f"gunicorn worker processes (default cores + 1 = {cores + 1})"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; > 1 uses gthread (default 1)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--port", type=int, default=0, help="loopback port for gunicorn (default: any free port)")
    parser.add_argument(
        "--var-dir",
        type=Path,
        help="the benchmark's own data directory (default var/bench, or var/bench-<database> with --database-url)",
    )
    parser.add_argument("--database-url", help="e.g. postgres://postgres@127.0.0.1:5432/zoneportal_bench")
    parser.add_argument("--redis-url", help="cache in Redis instead of local memory, e.g. redis://127.0.0.1:6379/9")
    parser.add_argument("--modes", default="cached,uncached", help="comma-separated: cached, uncached")
    parser.add_argument("--skip-setup", action="store_true", help="do not migrate / load_demo / collectstatic")
    parser.add_argument("--skip-memory", action="store_true", help="do not measure worker memory")
    parser.add_argument("--memory-only", action="store_true", help="measure worker memory only, no load test")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk", help=argparse.SUPPRESS)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="no load test: show where an uncached render of each page spends its CPU (cProfile, in-process)",
    )
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile-inner", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.var_dir is None:
        # Media and static files belong with one database: a demo loaded into
        # PostgreSQL must not share (or, on --reset, delete) the SQLite demo's images.
        suffix = f"-{urlsplit(args.database_url).path.strip('/') or 'db'}" if args.database_url else ""
        args.var_dir = BASE_DIR / "var" / f"bench{suffix}"
    args.var_dir = args.var_dir.resolve()
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = set(args.modes) - set(MODES)
    if unknown:
        parser.error(f"unknown mode(s): {', '.join(sorted(unknown))}")
    if min(args.duration, args.connections, args.workers, args.threads, args.slices) <= 0:
        parser.error("duration, connections, workers, threads and slices must be positive")
    return args


def terminate(signum, _frame) -> None:
    """Turn SIGTERM/SIGHUP into KeyboardInterrupt so the finally blocks stop gunicorn."""
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    if args.probe:
        probe()
        return 0
    if args.profile_inner is not None:
        profile_pages(args.profile_inner, requests=10)
        return 0
    if args.profile:
        try:
            probed = prepare(args)
            paths = [t["path"] for t in probed["targets"]]
            env = bench_env(args, page_cache_seconds=int(os.environ.get("PAGE_CACHE_SECONDS", "0")))
            env["LOG_LEVEL"] = "ERROR"
            print(run_step(args, [PYTHON, __file__, "--profile-inner", *paths], timeout=1800, env=env))
        except BenchError as exc:
            print(f"profile aborted: {exc}", file=sys.stderr)
            return 2
        return 0
    if not args.memory_only and not (Path(args.wrk).exists() or shutil.which(args.wrk)):
        print("需要 wrk：sudo apt-get install wrk", file=sys.stderr)
        return 2
    if not args.port:
        args.port = free_port()
    # Ctrl-C must reach us even when started from a shell that ignores SIGINT
    # for background jobs; every exit path then stops gunicorn.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)

    try:
        probed = prepare(args)
        targets = {t["name"]: Target(**t) for t in probed["targets"]}
        report = Report(
            started=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            machine=machine_info(),
            settings={
                "database": probed["engine"],
                "cache": "redis" if args.redis_url else "locmem",
                "gunicorn": f"{args.workers}×{'gthread' if args.threads > 1 else 'sync'}"
                + (f"×{args.threads}" if args.threads > 1 else ""),
                "wrk": f"{args.connections} connections, {args.duration:g} s per URL",
            },
            targets=targets,
        )
        if not args.skip_memory:
            measure_memory(args, probed["page_types"], report)
        for mode in [] if args.memory_only else args.modes:
            report.load.append(background_cpu())
            measure_mode(args, mode, targets, report)
        report.load.append(background_cpu())
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("benchmark interrupted; gunicorn stopped", file=sys.stderr)
        return 130

    text, passed = format_report(report)
    print(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "started": report.started,
                    "machine": report.machine,
                    "settings": report.settings,
                    "targets": {k: asdict(v) for k, v in report.targets.items()},
                    "results": {m: {k: asdict(v) for k, v in r.items()} for m, r in report.results.items()},
                    "paired_static": {m: {k: asdict(v) for k, v in r.items()} for m, r in report.paired_static.items()},
                    "load": report.load,
                    "memory": [asdict(step) for step in report.memory],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
