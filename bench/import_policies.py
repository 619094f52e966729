#!/usr/bin/env python3
"""Policy import: 10,000 documents from .jsonl, end to end with search indexing, beside the index's bulk build rate.

For each database (SQLite in a fresh data directory; PostgreSQL in a fresh database
created with ``LC_CTYPE 'C.UTF-8'`` and dropped afterwards) the benchmark migrates
the schema, publishes a 政策法规库 page (so documents have addresses and are indexed),
writes the .jsonl file (``policy_corpus.library_records``: the ten categories, bodies of
800–3,000 characters), then times as separate processes, each measured on its own
(``os.wait4``: wall time, CPU time, peak RSS):

1. ``manage.py import_policies FILE`` into the empty library — documents/s end to end,
   from starting Python to the command's return, every document indexed;
2. the same file again — every document updated (re-import), indexed again;
3. ``manage.py rebuild_search_index`` — the search index's own bulk build over the same
   documents (documents/s counted over the policies it indexed).

Targets (the issue): import ≥ 300 documents/s end to end, peak memory ≤ 500 MB.

    .venv/bin/python bench/import_policies.py                       # SQLite and PostgreSQL, 10,000 documents
    .venv/bin/python bench/import_policies.py --databases sqlite --count 2000
    .venv/bin/python bench/import_policies.py --database-url postgres://postgres@127.0.0.1:5432

Exit status: 0 when the targets pass, 1 when one fails, 2 on a setup error. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

# Run as a script: bench/ is on sys.path.
from common import BASE_DIR, PYTHON, BenchError, bench_env, fresh_postgres_database, log, run_step
from policy_corpus import SEED, library_records

DATABASES = ("sqlite", "postgresql")
PG_DATABASE = "zp_bench_import"
TARGET_RATE, TARGET_PEAK_MB = 300.0, 500.0


@dataclass
class Timed:
    """One child process: what it did, how long it took, its peak memory."""

    what: str
    documents: int
    wall: float
    cpu: float
    peak_mb: float

    @property
    def rate(self) -> float:
        return self.documents / self.wall if self.wall else 0.0


def timed(what: str, command: list[str], env: dict[str, str], documents: int) -> Timed:
    """Run ``command`` and measure it alone: wall and CPU time and its own peak RSS (``os.wait4``)."""
    log(" ".join(command))
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise BenchError(f"失败：{' '.join(command)}\n{errors.read().decode()[-3000:]}")
    return Timed(what, documents, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def write_corpus(path: Path, count: int, seed: int) -> float:
    """The .jsonl file of ``count`` generated documents; returns its size in MB."""
    with path.open("w", encoding="utf-8") as out:
        for item in library_records(count, seed, prefix="bench"):
            out.write(json.dumps(item, ensure_ascii=False))
            out.write("\n")
    return path.stat().st_size / 1024 / 1024


def publish_library() -> None:
    """A home page, its site and a live 政策法规库 below it (what gives imported documents an address)."""
    from wagtail.models import Page, Site

    from zoneportal.policies.pages import PolicyLibraryPage
    from zoneportal.portal.models import HomePage

    if PolicyLibraryPage.objects.live().exists():
        return
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePage(title="来凤经济开发区", slug="home", tagline="基准测试")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="基准测试")
    library = PolicyLibraryPage(title="政策法规", slug="zhengce")
    home.add_child(instance=library)
    library.save_revision().publish()


def run_database(args: argparse.Namespace, database: str) -> dict:
    if database == "postgresql":
        with fresh_postgres_database(args.database_url, args.pg_database) as url:
            return run_on(args, database, url, args.var_dir.with_name(args.var_dir.name + "-pg"))
    return run_on(args, database, None, args.var_dir)


def run_on(args: argparse.Namespace, database: str, url: str | None, var_dir: Path) -> dict:
    shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True)
    env = bench_env(var_dir, url)
    run_step([PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env, timeout=1800)
    run_step([PYTHON, "-c", f"import sys; sys.path.insert(0, 'bench'); {PREPARE}"], env, timeout=300)
    corpus = var_dir / "policies.jsonl"
    megabytes = write_corpus(corpus, args.count, args.seed)
    log(f"{args.count} documents, {megabytes:.1f} MB: {corpus}")
    command = [PYTHON, "manage.py", "import_policies", str(corpus)]
    first = timed("import (new)", command, env, args.count)
    again = timed("re-import (update)", command, env, args.count)
    rebuild = timed("rebuild_search_index", [PYTHON, "manage.py", "rebuild_search_index"], env, args.count)
    check = run_step([PYTHON, "-c", COUNT_CHECK], env, timeout=300).split()
    policies, indexed = int(check[0]), int(check[1])
    if policies != args.count or indexed != args.count:
        raise BenchError(f"{database}: {policies} documents, {indexed} indexed (expected {args.count} each)")
    return {
        "database": database,
        "documents": args.count,
        "file_mb": round(megabytes, 1),
        "runs": [asdict(run) | {"rate": run.rate} for run in (first, again, rebuild)],
    }


PREPARE = (
    "from common import setup_django; import os; from pathlib import Path; "
    "setup_django(Path(os.environ['ZONEPORTAL_VAR_DIR']), os.environ.get('DATABASE_URL')); "
    "from import_policies import publish_library; publish_library()"
)
COUNT_CHECK = (
    "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'zoneportal.settings'); django.setup(); "
    "from zoneportal.policies.models import Policy; from zoneportal.search.models import SearchDocument; "
    "print(Policy.objects.count(), SearchDocument.objects.filter(external_id__startswith='policy:').count())"
)


def format_report(results: list[dict]) -> tuple[str, bool]:
    lines = ["Policy import — generated documents from .jsonl (bench/import_policies.py)", ""]
    passed = True
    for result in results:
        lines.append(f"{result['database']}: {result['documents']} documents, file {result['file_mb']} MB")
        lines.append(f"  {'step':<22}{'wall s':>8}{'cpu s':>8}{'docs/s':>9}{'peak MB':>9}")
        for run in result["runs"]:
            lines.append(
                f"  {run['what']:<22}{run['wall']:>8.1f}{run['cpu']:>8.1f}{run['rate']:>9.0f}{run['peak_mb']:>9.0f}"
            )
        for run in result["runs"][:2]:
            ok = run["rate"] >= TARGET_RATE and run["peak_mb"] <= TARGET_PEAK_MB
            passed &= ok
        lines.append("")
    lines.append(
        f"targets: import ≥ {TARGET_RATE:.0f} documents/s end to end, peak ≤ {TARGET_PEAK_MB:.0f} MB — "
        + ("PASS" if passed else "FAIL")
    )
    return "\n".join(lines), passed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="documents in the file (default 10000)")
    parser.add_argument("--databases", default=",".join(DATABASES), help="comma-separated: sqlite, postgresql")
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--pg-database", default=PG_DATABASE, help=f"the database it uses (default {PG_DATABASE})")
    parser.add_argument("--var-dir", type=Path, default=BASE_DIR / "var" / "bench-import")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args(argv)
    args.databases = [name.strip() for name in args.databases.split(",") if name.strip()]
    if set(args.databases) - set(DATABASES) or args.count <= 0:
        parser.error("databases: sqlite, postgresql; count must be positive")
    args.var_dir = args.var_dir.resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    try:
        results = [run_database(args, database) for database in args.databases]
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    text, passed = format_report(results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
