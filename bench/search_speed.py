#!/usr/bin/env python3
"""Search speed: index build rate, index size and API query latency for 10k and 100k policy documents.

For each database (SQLite in a fresh data directory, PostgreSQL in a fresh
database created with ``LC_CTYPE 'C.UTF-8'`` and dropped afterwards) the
benchmark migrates the schema, then for each size bulk-indexes that many
generated policy documents (bench/policy_corpus.py) through the engine's
bulk API (``zoneportal.search.index.replace_index``), reports the build rate
(documents per second, time spent generating the documents excluded), the
size of the full-text index against the raw text it indexes (``index.index_size()``:
UTF-8 bytes of every document's title, number and text), and p50/p95 latency of ``GET /api/v1/search``
(Django test client, in-process; ``engine.search`` when the API is not
installed) over a mix of common words, rare words, two words, pinyin,
initials, typos, document numbers, with and without filters and date sort.

Baselines from the same run: a plain ``SELECT id FROM <documents> LIMIT 10``
round trip (the database's floor) and the same API with an empty query (the
request overhead without a search).
Targets at 100k documents: p95 <= 50 ms, build >= 500 docs/s (issue 3); index <= 1x the raw text (issue 13).

    .venv/bin/python bench/search_speed.py                               # 10k and 100k, SQLite and PostgreSQL
    .venv/bin/python bench/search_speed.py --sizes 10k --databases sqlite  # quick look
    .venv/bin/python bench/search_speed.py --pg-url postgres://postgres@127.0.0.1:5432

Exit status: 0 when the targets pass at the largest size, 1 when one fails, 2 on a setup error.
Results and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# Run as a script: bench/ is on sys.path.
from common import PYTHON, BenchError, bench_env, default_var_dir, fresh_postgres_database, log, run_step, setup_django
from policy_corpus import SEED, PolicyDocument, document, generate

DATABASES = ("sqlite", "postgresql")
PG_DATABASE = "zp_bench_search_speed"
BATCH = 500
#: A search rate no benchmark reaches (settings.SEARCH_RATE): the limiter still counts, as in production.
UNLIMITED = "1000000/m"
TARGET_P95_MS, TARGET_BUILD_RATE, TARGET_INDEX_RATIO = 50.0, 500.0, 1.0
RENUMBER = {"〔": "[", "〕": "]", "[": "(", "]": ")", "(": "〔", ")": "〕", "（": "[", "）": "]"}


def parse_size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def query_mix(size: int, seed: int) -> list[tuple[str, str, dict[str, str]]]:
    """(class, query, filters) — what visitors type, with document numbers taken from this corpus."""

    def number_of(index: int) -> str:
        # The first document with a number at or after ``index``, its brackets swapped for another style.
        for candidate in itertools.count(index):
            number = document(candidate % size, seed).doc_number
            if number:
                return "".join(RENUMBER.get(ch, ch) for ch in number)
        raise AssertionError  # unreachable: most documents have a number

    mix = [
        ("common", "开发区", {}),
        ("common", "企业", {}),
        ("common", "管理办法", {}),
        ("common", "招商引资", {}),
        ("rare", "晟达实业", {}),
        ("rare", "卓励电子", {}),
        ("rare", "恩施金泰控股", {}),
        ("two words", "招商引资 优惠政策", {}),
        ("two words", "土地收储 管理办法", {}),
        ("two words", "安全生产 检查", {}),
        ("pinyin", "zhaoshangyinzi", {}),
        ("pinyin", "tudi shouchu", {}),
        ("initials", "gxjsqy", {}),
        ("typo", "招商引资忧惠政策", {}),
        ("typo", "高薪技术企业认定", {}),
        ("doc number", number_of(size // 3), {}),
        ("doc number", number_of(size // 2), {}),
        ("doc number", number_of(size - 10), {}),
        ("filtered", "开发区", {"type": "policy"}),
        ("filtered", "管理办法", {"validity": "valid"}),
        ("filtered", "财政", {"category": "财税", "year": "2015"}),
        ("filtered", "招商", {"issuer": "来凤县人民政府"}),
        # Plain-language questions (issue 13): common words around one that discriminates, or none.
        ("question", "晟达实业有没有享受税收优惠", {}),
        ("question", "企业怎么申请高新技术企业认定", {}),
        ("question", "被征地农民的养老保险要交多少钱", {}),
        ("date sort", "安全生产", {"sort": "date"}),
        ("date sort", "企业", {"sort": "date", "type": "notice"}),
    ]
    return mix


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


# --------------------------------------------------------------------------- inside the measured process


def entries(documents: list[PolicyDocument], site_id: int) -> list:
    """Index entries of generated documents, as the policy library will hand them to the indexer."""
    import datetime

    from zoneportal.search.indexers import IndexEntry

    return [
        IndexEntry(
            external_id=f"bench:{item.key}",
            type=item.kind,
            title=item.title,
            url=f"/bench/{item.key}/",
            text=item.body,
            keywords=item.keywords,
            site_id=site_id,
            date=datetime.datetime.combine(item.date, datetime.time(9), tzinfo=datetime.UTC),
            doc_number=item.doc_number,
            category=item.category,
            issuer=item.issuer,
            year=item.date.year if item.kind == "policy" else None,
            validity=item.validity,
        )
        for item in documents
    ]


def build(size: int, seed: int, site_id: int) -> dict:
    """Replace the index by ``size`` generated documents; time it without the generator's own time."""
    from django.db import connection

    from zoneportal.search.index import index_size, replace_index

    generating = 0.0
    started = time.perf_counter()
    marks = {size * step // 10 for step in range(1, 11)}

    def batches() -> Iterator[list]:
        nonlocal generating
        corpus = generate(size, seed)
        while True:
            began = time.perf_counter()
            chunk = list(itertools.islice(corpus, BATCH))
            generating += time.perf_counter() - began
            if not chunk:
                return
            yield entries(chunk, site_id)

    def progress(done: int, total: int) -> None:
        if any(done >= mark > done - BATCH for mark in marks):
            spent = time.perf_counter() - started - generating
            log(f"  indexed {done:,}/{total:,} ({done / spent:,.0f} docs/s)")

    replace_index(batches(), size, progress)
    seconds = time.perf_counter() - started - generating
    measured = index_size()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            database_bytes = cursor.fetchone()[0]
        else:
            database_bytes = Path(connection.settings_dict["NAME"]).stat().st_size
    return {
        "documents": size,
        "seconds": seconds,
        "generating_seconds": generating,
        "rate": size / seconds,
        "index_bytes": measured.index_bytes,
        "text_bytes": measured.text_bytes,
        "database_bytes": database_bytes,
    }


def searcher() -> tuple[str, Callable[[str, dict[str, str]], int]]:
    """How one query is sent: the JSON API through the test client, or engine.search when there is no API."""
    from django.test import Client
    from django.urls import Resolver404, resolve
    from wagtail.models import Site

    from zoneportal.search import engine

    try:
        resolve("/api/v1/search")
    except Resolver404:
        site = Site.objects.get(is_default_site=True)

        def direct(query: str, filters: dict[str, str]) -> int:
            request = engine.SearchRequest(query=query, site=site, **filters)
            if request.year:
                request.year = int(request.year)
            return engine.search(request).total

        return "engine.search", direct
    client = Client(HTTP_HOST="localhost")

    def api(query: str, filters: dict[str, str]) -> int:
        response = client.get("/api/v1/search", {"q": query, **filters})
        if response.status_code != 200:
            raise BenchError(f"/api/v1/search?q={query} → {response.status_code}: {response.content[:300]!r}")
        return response.json()["total"]

    return "GET /api/v1/search", api


def timed(call: Callable[[], object], rounds: int) -> list[float]:
    """Milliseconds of each of ``rounds`` calls after one unmeasured warm-up call."""
    call()
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        call()
        times.append(1000 * (time.perf_counter() - began))
    return times


def measure_queries(size: int, seed: int, rounds: int) -> dict:
    """Latency of the query mix and of the two baselines."""
    from django.db import connection

    from zoneportal.search.models import SearchDocument

    how, send = searcher()
    table = connection.ops.quote_name(SearchDocument._meta.db_table)

    def sql_round_trip() -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {table} LIMIT 10")
            cursor.fetchall()

    per_class: dict[str, list[float]] = {}
    totals = {}
    for name, query, filters in query_mix(size, seed):
        totals[f"{query} {filters or ''}".strip()] = send(query, filters)
        per_class.setdefault(name, []).extend(timed(lambda q=query, f=filters: send(q, f), rounds))
    everything = [ms for values in per_class.values() for ms in values]
    baseline_sql = timed(sql_round_trip, rounds * 10)
    baseline_empty = timed(lambda: send("", {}), rounds * 5)

    def stats(values: list[float]) -> dict:
        return {"n": len(values), "p50": statistics.median(values), "p95": percentile(values, 0.95)}

    return {
        "via": how,
        "all": stats(everything),
        "classes": {name: stats(values) for name, values in per_class.items()},
        "baseline_sql": stats(baseline_sql),
        "baseline_empty_query": stats(baseline_empty),
        "totals": totals,
    }


def inner(args: argparse.Namespace) -> None:
    """Measure every size on the database this process is configured for; print JSON on the last line."""
    # The page cache off and no rate limit: every query of the mix is really answered.
    setup_django(args.var_dir, args.database_url, PAGE_CACHE_SECONDS="0", SEARCH_RATE=UNLIMITED)
    from django.db import connection
    from wagtail.models import Site

    site_id = Site.objects.get(is_default_site=True).pk
    results = []
    for size in args.sizes:
        log(f"{connection.vendor}: indexing {size:,} generated documents")
        built = build(size, args.seed, site_id)
        log(f"{connection.vendor}: {size:,} documents in {built['seconds']:.0f} s; running the query mix")
        results.append({"size": size, "build": built, "queries": measure_queries(size, args.seed, args.rounds)})
    print(json.dumps({"database": connection.vendor, "results": results}, ensure_ascii=False))


# --------------------------------------------------------------------------- orchestration


def run_database(args: argparse.Namespace, database: str) -> dict:
    """Fresh schema on one database, then the measuring child process; returns its results."""
    sizes = ",".join(str(size) for size in args.sizes)
    command = [PYTHON, __file__, "--inner", "--sizes", sizes, "--seed", str(args.seed), "--rounds", str(args.rounds)]

    def measure(var_dir: Path, database_url: str | None) -> dict:
        env = bench_env(var_dir, database_url, PAGE_CACHE_SECONDS="0", SEARCH_RATE=UNLIMITED, LOG_LEVEL="ERROR")
        run_step([PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env, timeout=900)
        extra = ["--var-dir", str(var_dir)] + (["--database-url", database_url] if database_url else [])
        out = run_step(command + extra, env, timeout=6 * 3600, show_progress=True)
        return json.loads(out.strip().splitlines()[-1])

    var_dir = args.var_dir / database
    if var_dir.exists():
        shutil.rmtree(var_dir)  # a fresh database and media every run
    var_dir.mkdir(parents=True)
    if database == "sqlite":
        return measure(var_dir, None)
    with fresh_postgres_database(args.pg_url, args.pg_database) as url:
        return measure(var_dir, url)


def format_report(runs: list[dict]) -> tuple[str, bool]:
    """Tables of build and latency per database and size; whether the targets pass at the largest size."""
    lines, passed = ["Search speed — generated policy documents (bench/policy_corpus.py)", ""], True
    lines.append(
        f"{'database':<11} {'docs':>8} {'build docs/s':>12} {'text MB':>8} {'index MB':>9} {'÷ text':>6}"
        f" {'db MB':>7} {'÷ text':>6}  {'p50 ms':>7} {'p95 ms':>7}  {'SELECT p50':>10} {'ratio':>6}"
        f"  {'empty-q p50':>11} {'ratio':>6}"
    )
    for run in runs:
        for result in run["results"]:
            built, queries = result["build"], result["queries"]
            sql, empty = queries["baseline_sql"]["p50"], queries["baseline_empty_query"]["p50"]
            p50, p95 = queries["all"]["p50"], queries["all"]["p95"]
            text = built["text_bytes"]
            lines.append(
                f"{run['database']:<11} {result['size']:>8,} {built['rate']:>12,.0f} {text / 1e6:>8.1f}"
                f" {built['index_bytes'] / 1e6:>9.1f} {built['index_bytes'] / text:>5.2f}×"
                f" {built['database_bytes'] / 1e6:>7.1f} {built['database_bytes'] / text:>5.2f}×"
                f"  {p50:>7.1f} {p95:>7.1f}  {sql:>10.2f} {p50 / sql:>5.0f}×  {empty:>11.2f} {p50 / empty:>5.1f}×"
            )
        largest = run["results"][-1]
        if largest["size"] >= 100_000:
            ok = largest["queries"]["all"]["p95"] <= TARGET_P95_MS and largest["build"]["rate"] >= TARGET_BUILD_RATE
            passed = passed and ok and index_ratio(largest["build"]) <= TARGET_INDEX_RATIO
    lines += ["", "p50 / p95 ms per query class (largest size)"]
    for run in runs:
        largest = run["results"][-1]
        classes = largest["queries"]["classes"]
        cells = "  ".join(f"{name} {c['p50']:.1f}/{c['p95']:.1f}" for name, c in classes.items())
        lines.append(f"{run['database']:<11} {largest['size']:>8,}  via {largest['queries']['via']}: {cells}")
    lines += [
        "",
        f"targets at 100k: p95 <= {TARGET_P95_MS:g} ms, build >= {TARGET_BUILD_RATE:g} docs/s,"
        f" index <= {TARGET_INDEX_RATIO:g}× the raw text",
    ]
    for run in runs:
        largest = run["results"][-1]
        if largest["size"] >= 100_000:
            p95, rate = largest["queries"]["all"]["p95"], largest["build"]["rate"]
            ratio = index_ratio(largest["build"])
            lines.append(
                f"  {run['database']}: p95 {p95:.1f} ms {'PASS' if p95 <= TARGET_P95_MS else 'FAIL'}, "
                f"build {rate:,.0f} docs/s {'PASS' if rate >= TARGET_BUILD_RATE else 'FAIL'}, "
                f"index {ratio:.2f}× the raw text {'PASS' if ratio <= TARGET_INDEX_RATIO else 'FAIL'}"
            )
    return "\n".join(lines), passed


def index_ratio(built: dict) -> float:
    """Index bytes per byte of raw text (index.IndexSize.ratio) of one build."""
    return built["index_bytes"] / built["text_bytes"]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k", help="comma-separated corpus sizes (default 10k,100k)")
    parser.add_argument("--databases", default=",".join(DATABASES), help="comma-separated: sqlite, postgresql")
    parser.add_argument(
        "--pg-url",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server; the benchmark creates and drops its own database there",
    )
    parser.add_argument(
        "--pg-database", default=PG_DATABASE, help=f"the database it creates and drops (default {PG_DATABASE})"
    )
    parser.add_argument("--var-dir", type=Path, help="the benchmark's own data directory (default var/bench-speed)")
    parser.add_argument("--rounds", type=int, default=5, help="measured runs of each query (default 5)")
    parser.add_argument("--seed", type=int, default=SEED, help="corpus seed")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = sorted(parse_size(size) for size in args.sizes.split(",") if size.strip())
    args.databases = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = set(args.databases) - set(DATABASES)
    if unknown:
        parser.error(f"unknown database(s): {', '.join(sorted(unknown))}")
    if not args.sizes or min(args.sizes) <= 0 or args.rounds <= 0:
        parser.error("sizes and rounds must be positive")
    args.var_dir = (args.var_dir or default_var_dir("bench-speed")).resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    if args.inner:
        inner(args)
        return 0
    try:
        runs = [run_database(args, database) for database in args.databases]
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    text, passed = format_report(runs)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(runs, ensure_ascii=False, indent=1))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
