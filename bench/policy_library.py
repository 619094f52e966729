#!/usr/bin/env python3
"""The policy library page with 10,000 documents: every filter combination, uncached p95 and SQL queries.

The benchmark migrates its own database, publishes a 政策法规库 page, imports the
generated documents (``policy_corpus.library_records`` through ``policies.importing``)
unless they are there, then renders the library in-process with the whole-page cache
off (``PAGE_CACHE_SECONDS=0``) for every combination of the five filters
``?category=<code>&issuer=<id>&year=<y>&validity=<v>&topic=<id>`` (32 combinations, none
to all five), each with several values drawn from the documents (a fixed seed): the
latency of each request and its SQL statements, counted by a database execute wrapper.

Targets (the issue): uncached p95 ≤ 100 ms, ≤ 20 queries per page.

    .venv/bin/python bench/policy_library.py                              # SQLite, 10,000 documents
    .venv/bin/python bench/policy_library.py --database-url postgres://postgres@127.0.0.1:5432/zp_bench_library

Exit status: 0 when the targets pass, 1 when one fails, 2 on a setup error. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

# Run as a script: bench/ is on sys.path.
from common import BASE_DIR, PYTHON, BenchError, bench_env, log, run_step, setup_django
from import_policies import publish_library
from policy_corpus import SEED, library_records

FILTERS = ("category", "issuer", "year", "validity", "topic")
TARGET_P95_MS, TARGET_QUERIES = 100.0, 20
#: Requests per filter combination (different values), after one warm-up request.
SAMPLES = 8


def load(count: int, seed: int) -> None:
    """Import ``count`` generated documents unless the library holds them already."""
    from zoneportal.policies.importing import import_records
    from zoneportal.policies.models import Policy

    if Policy.objects.count() >= count:
        return
    log(f"importing {count} documents")
    report = import_records(lambda: enumerate(library_records(count, seed, prefix="library"), start=1))
    if report.errors:
        raise BenchError(f"import failed: {report.errors[0]}")


def filter_values() -> dict[str, list[str]]:
    """Values of each filter that documents have (what the page's own filter links offer)."""
    from zoneportal.policies.models import Policy, PolicyCategory, PolicyIssuer, PolicyTopic, Validity

    def used(model) -> list[str]:
        return [str(pk) for pk in model.objects.filter(policies__isnull=False).values_list("pk", flat=True).distinct()]

    years = sorted({day.year for day in Policy.objects.exclude(issued_on=None).values_list("issued_on", flat=True)})
    return {
        # The library filters categories by their code (fenlei/01/, ?category=01), not their id.
        "category": list(
            PolicyCategory.objects.filter(policies__isnull=False).values_list("code", flat=True).distinct()
        ),
        "issuer": used(PolicyIssuer),
        "year": [str(year) for year in years],
        "validity": [value for value, _label in Validity.choices],
        "topic": used(PolicyTopic),
    }


def measure(args: argparse.Namespace) -> dict:
    from django.db import connection
    from django.test import Client

    from zoneportal.policies.pages import PolicyLibraryPage

    page = PolicyLibraryPage.objects.live().first()
    path = page.get_url()
    client = Client(HTTP_HOST="localhost")
    rng = random.Random(args.seed)
    values = filter_values()
    executed: list[str] = []

    def counting(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    client.get(path)  # the first render fills Wagtail's own caches (site root paths)
    combinations = []
    for size in range(len(FILTERS) + 1):
        for names in itertools.combinations(FILTERS, size):
            timings, queries, statuses = [], [], set()
            for _sample in range(SAMPLES if names else 1):
                query = {name: rng.choice(values[name]) for name in names}
                executed.clear()
                with connection.execute_wrapper(counting):
                    started = time.perf_counter()
                    response = client.get(path, query)
                    timings.append((time.perf_counter() - started) * 1000)
                queries.append(len(executed))
                statuses.add(response.status_code)
            if statuses != {200}:
                raise BenchError(f"{path}?{'&'.join(names)}: status {sorted(statuses)}")
            combinations.append({"filters": names, "ms": timings, "queries": max(queries)})
    every = [ms for combination in combinations for ms in combination["ms"]]
    return {
        "database": connection.vendor,
        "documents": args.count,
        "requests": len(every),
        "p50": statistics.median(every),
        "p95": statistics.quantiles(every, n=20)[-1],
        "max": max(every),
        "queries": max(combination["queries"] for combination in combinations),
        "combinations": combinations,
    }


def format_report(result: dict) -> tuple[str, bool]:
    lines = [
        f"Policy library page — {result['documents']} documents, {result['database']}, page cache off "
        f"(bench/policy_library.py)",
        "",
        f"  {'filters':<42}{'p95 ms':>8}{'queries':>9}",
    ]
    for combination in result["combinations"]:
        timings = combination["ms"]
        p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
        lines.append(f"  {'+'.join(combination['filters']) or '(none)':<42}{p95:>8.1f}{combination['queries']:>9}")
    passed = result["p95"] <= TARGET_P95_MS and result["queries"] <= TARGET_QUERIES
    lines += [
        "",
        f"all {result['requests']} requests: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
        f"max {result['max']:.1f} ms; at most {result['queries']} queries",
        f"targets: p95 ≤ {TARGET_P95_MS:.0f} ms, ≤ {TARGET_QUERIES} queries — " + ("PASS" if passed else "FAIL"),
    ]
    return "\n".join(lines), passed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="documents in the library (default 10000)")
    parser.add_argument("--database-url", help="a PostgreSQL database (default: SQLite in the data directory)")
    parser.add_argument("--var-dir", type=Path, default=BASE_DIR / "var" / "bench-library")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    args.var_dir = args.var_dir.resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    try:
        args.var_dir.mkdir(parents=True, exist_ok=True)
        env = bench_env(args.var_dir, args.database_url)
        run_step([PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env, timeout=1800)
        setup_django(args.var_dir, args.database_url, PAGE_CACHE_SECONDS="0")
        publish_library()
        load(args.count, args.seed)
        result = measure(args)
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    text, passed = format_report(result)
    print(text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
