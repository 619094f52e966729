#!/usr/bin/env python3
"""The leaders' dashboard (领导驾驶舱) with 10,000 enterprises × 10 years and 2,000 projects: uncached p95, queries.

The benchmark migrates a throw-away database (SQLite in a new temporary directory
unless ``--var-dir`` or ``--database-url`` says otherwise), generates the zone's
records with a fixed seed — enterprises with ten years of figures, projects with money
arrived, milestones (some overdue), yearly tasks and indicators — then renders
``/admin/investment-dashboard/`` in-process as a department editor for several filter
combinations (none, another year, a park, an industry, park and industry, all three),
each with several values: the latency of each request and its SQL statements, counted
by a database execute wrapper. The back office is never cached, so every render is
uncached.

The baseline, in the same run and process: the same page with a year that has no data
(the back office's frame — menu, banners, permission checks — and the filter form, no
figure). The report gives the dashboard's p95 against it, and its queries beyond it.

Targets (issue 10): p95 ≤ 300 ms; ≤ 20 queries for the dashboard's figures.

    .venv/bin/python bench/dashboard.py                                  # SQLite in a temporary directory
    .venv/bin/python bench/dashboard.py --database-url postgres://postgres@127.0.0.1:5432/zoneportal_dash_bench

Exit status: 0 when the targets pass, 1 when one fails, 2 on a setup error. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

# Run as a script: bench/ is on sys.path.
from common import PYTHON, BenchError, bench_env, log, run_step, setup_django

TARGET_P95_MS, TARGET_QUERIES = 300.0, 20
SEED = 20261207
#: Requests per filter combination (different values), after one warm-up request.
SAMPLES = 8
LAST_YEAR = 2025
PARKS = ("桂花树工业园", "老虎洞工业园", "新峡工业园", "绿水工业园", "旧司工业园")
INDUSTRIES = ("新型建材", "新材料", "新能源", "农副产品加工", "民族旅游产品", "先进制造", "原材料", "电子信息")
BATCH = 2000


def generate(enterprises: int, years: int, projects: int, seed: int) -> None:
    """Create the generated zone unless it is there already (a rerun on the same database)."""
    from django.db import transaction

    from zoneportal.core.models import Department
    from zoneportal.investment import credit_code, statistics
    from zoneportal.investment.models import (
        Enterprise,
        EnterpriseYear,
        Indicator,
        IndicatorYear,
        Industry,
        InvestmentTask,
        Park,
        Project,
        ProjectInvestment,
        ProjectMilestone,
        Stage,
    )
    from zoneportal.investment.party import OrganisationForm

    if Enterprise.objects.count() >= enterprises:
        log("generated records already there")
        return
    rng = random.Random(seed)
    first_year = LAST_YEAR - years + 1
    log(f"generating {enterprises} enterprises × {years} years and {projects} projects")
    with transaction.atomic():
        department = Department.objects.create(name="招商发展分局", slug="zhaoshang", kind=Department.Kind.BUREAU)
        industries = [Industry.objects.create(name=name, sort_order=order) for order, name in enumerate(INDUSTRIES)]
        parks = [Park.objects.create(name=name, department=department) for name in PARKS]
        forms = [form.value for form in OrganisationForm]
        rows = [
            Enterprise(
                name=f"生成企业{number:05d}",
                credit_code=credit_code.with_check_character(f"91422827MC{number:07d}"),
                park=rng.choice([*parks, None]),
                industry=rng.choice(industries),
                settled_on=datetime.date(rng.randint(2000, LAST_YEAR), rng.randint(1, 12), 1),
                organisation_form=rng.choice(forms),
                party_full_members=rng.randint(0, 6),
                department=department,
                remarks="基准测试生成数据",
            )
            for number in range(enterprises)
        ]
        Enterprise.objects.bulk_create(rows, batch_size=BATCH)
        figures = []
        for enterprise in Enterprise.objects.only("pk"):
            scale = rng.lognormvariate(7, 1.2)  # 万元: most small, a few large
            for year in range(first_year, LAST_YEAR + 1):
                scale *= rng.uniform(0.9, 1.2)
                figures.append(
                    EnterpriseYear(
                        enterprise=enterprise,
                        year=year,
                        output=Decimal(f"{scale * 1.3:.2f}"),
                        value_added=Decimal(f"{scale * 0.3:.2f}"),
                        main_revenue=Decimal(f"{scale:.2f}"),
                        tax=Decimal(f"{scale * 0.05:.2f}"),
                        export=Decimal(f"{scale * rng.choice((0, 0, 0.1)):.2f}"),
                    )
                )
        EnterpriseYear.objects.bulk_create(figures, batch_size=BATCH)
        log(f"{len(figures)} enterprise years")
        stages = [stage.value for stage in Stage]
        Project.objects.bulk_create(
            [
                Project(
                    name=f"生成项目{number:04d}",
                    investor=f"投资方{number:04d}",
                    park=rng.choice([*parks, None]),
                    industry=rng.choice(industries),
                    planned_investment=Decimal(rng.randint(500, 60000)),
                    stage=rng.choice(stages),
                    signed_on=datetime.date(rng.randint(first_year, LAST_YEAR), rng.randint(1, 12), 1),
                    halted_on=datetime.date(LAST_YEAR, 6, 1),
                    department=department,
                )
                for number in range(projects)
            ],
            batch_size=BATCH,
        )
        money, milestones = [], []
        for project in Project.objects.only("pk"):
            for year in rng.sample(range(first_year, LAST_YEAR + 1), rng.randint(1, 4)):
                money.append(ProjectInvestment(project=project, year=year, amount=Decimal(rng.randint(100, 20000))))
            for order in range(3):
                planned = datetime.date(rng.randint(first_year, LAST_YEAR + 1), rng.randint(1, 12), 15)
                done = planned + datetime.timedelta(days=rng.randint(-30, 60)) if rng.random() < 0.7 else None
                milestones.append(
                    ProjectMilestone(project=project, name=f"节点{order + 1}", planned_on=planned, completed_on=done)
                )
        ProjectInvestment.objects.bulk_create(money, batch_size=BATCH)
        ProjectMilestone.objects.bulk_create(milestones, batch_size=BATCH)
        InvestmentTask.objects.bulk_create(
            [
                InvestmentTask(year=year, target=Decimal(rng.randint(3_000_000, 6_000_000)), department=department)
                for year in range(first_year, LAST_YEAR + 1)
            ]
        )
        indicators = [(statistics.ABOVE_SCALE_INDICATOR, "家"), ("地区生产总值", "亿元"), ("税收收入", "亿元")]
        for order, (name, unit) in enumerate(indicators):
            indicator = Indicator.objects.create(name=name, unit=unit, department=department, sort_order=order)
            IndicatorYear.objects.bulk_create(
                [
                    IndicatorYear(
                        indicator=indicator,
                        year=year,
                        target=Decimal(rng.randint(100, 5000)),
                        actual=Decimal(rng.randint(100, 5000)),
                    )
                    for year in range(first_year, LAST_YEAR + 1)
                ]
            )
    log(f"{len(money)} yearly investments, {len(milestones)} milestones")


def staff_user():
    """A department editor (reads the dashboard), created once."""
    from django.contrib.auth import get_user_model

    from zoneportal.core.models import Department

    user, created = get_user_model().objects.get_or_create(username="bench_editor")
    if created:
        user.groups.add(Department.objects.get(slug="zhaoshang").editors_group)
    return user


def measure(args: argparse.Namespace) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from zoneportal.investment.models import Industry, Park

    path = reverse("investment_dashboard:index")
    client = Client()
    client.force_login(staff_user())
    rng = random.Random(args.seed)
    parks = list(Park.objects.values_list("pk", flat=True))
    industries = list(Industry.objects.values_list("pk", flat=True))
    years = list(range(LAST_YEAR - 9, LAST_YEAR + 1))
    executed: list[str] = []

    def counting(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    cpu: list[float] = []

    def render(query: dict) -> tuple[float, int]:
        executed.clear()
        with connection.execute_wrapper(counting):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path, query)
            elapsed = (time.perf_counter() - started) * 1000
            cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            raise BenchError(f"{path}?{query}: status {response.status_code}")
        return elapsed, len(executed)

    combinations = {
        "(none)": lambda: {},
        "year": lambda: {"year": rng.choice(years)},
        "park": lambda: {"park": rng.choice(parks)},
        "industry": lambda: {"industry": rng.choice(industries)},
        "park+industry": lambda: {"park": rng.choice(parks), "industry": rng.choice(industries)},
        "year+park+industry": lambda: {
            "year": rng.choice(years),
            "park": rng.choice(parks),
            "industry": rng.choice(industries),
        },
    }
    render({})  # the first render fills Wagtail's and the menu's own caches
    render({"year": 1})
    results, baseline, dashboard_cpu = [], [], []
    for name, make in combinations.items():
        timings, queries = [], []
        for _sample in range(args.samples if name != "(none)" else max(2, args.samples // 2)):
            # The baseline interleaved, so both see the same machine load.
            base_ms, base_queries = render({"year": 1})
            baseline.append((base_ms, base_queries))
            ms, count = render(make())
            dashboard_cpu.append(cpu[-1])
            timings.append(ms)
            queries.append(count)
        results.append({"filters": name, "ms": timings, "queries": max(queries)})
    every = [ms for result in results for ms in result["ms"]]
    base = [ms for ms, _count in baseline]
    base_queries = max(count for _ms, count in baseline)
    total_queries = max(result["queries"] for result in results)
    return {
        "database": connection.vendor,
        "enterprises": args.enterprises,
        "years": args.years,
        "projects": args.projects,
        "requests": len(every),
        "p50": statistics.median(every),
        "p95": statistics.quantiles(every, n=20)[-1],
        "max": max(every),
        "baseline_p95": statistics.quantiles(base, n=20)[-1],
        # CPU time of this process (the whole request on SQLite; without the server's share on PostgreSQL):
        # on a shared machine the wall-clock time also holds the time spent waiting for a core.
        "cpu_p95": statistics.quantiles(dashboard_cpu, n=20)[-1],
        "queries": total_queries,
        "baseline_queries": base_queries,
        "own_queries": total_queries - base_queries,
        "combinations": results,
    }


def format_report(result: dict) -> tuple[str, bool]:
    lines = [
        f"Leaders' dashboard — {result['enterprises']} enterprises × {result['years']} years, "
        f"{result['projects']} projects, {result['database']}, uncached (bench/dashboard.py)",
        "",
        f"  {'filters':<24}{'p50 ms':>8}{'p95 ms':>8}{'queries':>9}",
    ]
    for combination in result["combinations"]:
        timings = combination["ms"]
        p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
        lines.append(
            f"  {combination['filters']:<24}{statistics.median(timings):>8.1f}{p95:>8.1f}{combination['queries']:>9}"
        )
    passed = result["p95"] <= TARGET_P95_MS and result["own_queries"] <= TARGET_QUERIES
    lines += [
        "",
        f"all {result['requests']} requests: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
        f"max {result['max']:.1f} ms; at most {result['queries']} queries; this process's CPU p95 "
        f"{result['cpu_p95']:.1f} ms",
        f"baseline (the same page for a year without data: frame and form only): p95 {result['baseline_p95']:.1f} ms, "
        f"{result['baseline_queries']} queries",
        f"dashboard / baseline p95: {result['p95'] / result['baseline_p95']:.1f}×; "
        f"the figures' own queries: {result['own_queries']}",
        f"targets: p95 ≤ {TARGET_P95_MS:.0f} ms, ≤ {TARGET_QUERIES} queries for the figures — "
        + ("PASS" if passed else "FAIL"),
    ]
    return "\n".join(lines), passed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--enterprises", type=int, default=10_000, help="enterprises (default 10000)")
    parser.add_argument("--years", type=int, default=10, help="years of figures per enterprise (default 10)")
    parser.add_argument("--projects", type=int, default=2_000, help="projects (default 2000)")
    parser.add_argument("--database-url", help="a PostgreSQL database (default: SQLite in the data directory)")
    parser.add_argument("--var-dir", type=Path, help="data directory (default: a new temporary directory)")
    parser.add_argument("--samples", type=int, default=SAMPLES, help="requests per filter combination")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    args.var_dir = (args.var_dir or Path(tempfile.mkdtemp(prefix="zoneportal-bench-dashboard-"))).resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    try:
        args.var_dir.mkdir(parents=True, exist_ok=True)
        log(f"data directory {args.var_dir}")
        env = bench_env(args.var_dir, args.database_url)
        run_step([PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env, timeout=1800)
        setup_django(args.var_dir, args.database_url, PAGE_CACHE_SECONDS="0")
        generate(args.enterprises, args.years, args.projects, args.seed)
        result = measure(args)
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    text, passed = format_report(result)
    print(text)
    print(f"load average at the end: {' '.join(f'{value:.1f}' for value in os.getloadavg())} ({os.cpu_count()} cores)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
