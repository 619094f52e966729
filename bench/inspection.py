#!/usr/bin/env python3
"""The whole self-inspection (网站自查) of a generated site with 50,000 pages: time, pages/s, peak memory.

The benchmark migrates a throw-away database (SQLite in a new temporary directory unless
``--var-dir`` or ``--database-url`` says otherwise) and generates a site with a fixed seed: a home
page, 50 list columns and 50,000 published articles below them, written in bulk (page rows through
treebeard's own path arithmetic, then each article's row; generation is not measured). The articles
are typical government news: a few paragraphs of rich text, some with a link to another article,
a link to a page that is not there, a mobile number, a typo from the seeded list or an attached
.docx (twenty documents shared between the pages, one holding an ID number).

Then two child processes, each starting from nothing so its peak memory is its own:

- the baseline: walk every published page the way the inspection does (same batches, same
  ``specific()`` queries) and turn each content field into plain text, with no check at all;
- the inspection: ``site.run_inspection()``, every indicator, stored as an InspectionRun.

The report gives each one's wall time, CPU time, pages/s, peak RSS and SQL queries, and the
inspection against the baseline. Target (issue 12): the inspection of 50,000 pages in ≤ 5 minutes.

    .venv/bin/python bench/inspection.py                                  # SQLite in a temporary directory
    .venv/bin/python bench/inspection.py --database-url postgres://postgres@127.0.0.1:5432/zoneportal_inspect_bench

Exit status: 0 when the target passes, 1 when it fails, 2 on a setup error. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script: bench/ is on sys.path.
from common import BASE_DIR, PYTHON, BenchError, bench_env, log, run_step, setup_django

TARGET_SECONDS = 300.0
SEED = 20261207
COLUMNS = 50
DOCUMENTS = 20
BATCH = 2000
#: One ID number (valid check digit) in one shared attachment: the run must find it.
ID_NUMBER = "11010519491231002X"
PARAGRAPHS = (
    "开发区管委会召开专题会议，研究部署园区基础设施建设和重点项目推进工作。",
    "会议要求各部门对照年度目标任务，倒排工期，确保项目按期投产达效。",
    "今年以来，开发区坚持项目为王，新签约亿元以上项目十二个，完成固定资产投资同比增长百分之十五。",
    "下一步将持续优化营商环境，落实惠企政策，做好企业服务专员工作。",
    "园区企业复工复产有序推进，规模以上工业增加值稳步回升。",
    "各园区要加强安全生产检查，压实企业主体责任，坚决防范重特大事故发生。",
)


def paragraphs(rng: random.Random, count: int) -> str:
    return "".join(f"<p>{rng.choice(PARAGRAPHS)}{rng.choice(PARAGRAPHS)}</p>" for _ in range(count))


def generate(pages: int, seed: int) -> None:
    """Create the generated site unless it is there already (a rerun on the same database)."""
    import datetime
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.utils import timezone
    from wagtail.documents.models import Document
    from wagtail.models import Collection, Locale, Page, Site

    from zoneportal.demo.documents import docx
    from zoneportal.portal.models import ArticleAttachment, ArticlePage, ColumnPage, HomePage

    if ArticlePage.objects.count() >= pages:
        log(f"{ArticlePage.objects.count()} articles there already")
        return
    rng = random.Random(seed)
    now = timezone.now()
    log(f"generating {COLUMNS} columns and {pages} articles")
    with transaction.atomic():
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="基准开发区", slug="bench-home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
        columns = [
            home.add_child(instance=ColumnPage(title=f"栏目{number:02d}", slug=f"lanmu{number:02d}"))
            for number in range(COLUMNS)
        ]
        home.refresh_from_db()
        collection = Collection.get_first_root_node()
        documents = []
        for number in range(DOCUMENTS):
            text = [f"附件{number}：{PARAGRAPHS[number % len(PARAGRAPHS)]}"] * 20
            if number == 0:
                text.append(f"联系人身份证号 {ID_NUMBER}")
            document = Document(title=f"附件{number}", collection=collection)
            # The demo's Word form: a title, an empty table, then the paragraphs.
            document.file = ContentFile(docx(f"附件{number}", [], text), name=f"bench-{number}.docx")
            document.save()
            documents.append(document)

        locale = Locale.get_default()
        content_type = ContentType.objects.get_for_model(ArticlePage)
        per_column = -(-pages // COLUMNS)
        number = 0
        for column in columns:
            count = min(per_column, pages - number)
            rows = []
            for index in range(count):
                slug = f"a{number + index}"
                published = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
                rows.append(
                    Page(
                        title=f"{column.title}动态第{number + index}期",
                        draft_title=f"{column.title}动态第{number + index}期",
                        slug=slug,
                        content_type=content_type,
                        path=ArticlePage._get_path(column.path, column.depth + 1, index + 1),
                        depth=column.depth + 1,
                        numchild=0,
                        url_path=f"{column.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
            created = Page.objects.bulk_create(rows, batch_size=BATCH)
            if created and created[0].pk is None:  # SQLite before RETURNING: read the ids back
                created = list(
                    Page.objects.filter(path__startswith=column.path, depth=column.depth + 1).order_by("path")
                )
            attachments = []
            for page in created:
                body = paragraphs(rng, rng.randint(3, 8))
                roll = rng.random()
                if roll < 0.05:
                    body += f'<p>详见<a linktype="page" id="{rng.choice(created).pk}">相关报道</a>。</p>'
                elif roll < 0.06:
                    body += '<p>详见<a href="/bu-cun-zai/">原文</a>。</p>'
                elif roll < 0.07:
                    body += "<p>联系电话 13912345678。</p>"
                elif roll < 0.08:
                    body += "<p>完成厂房按装调试。</p>"
                article = ArticlePage(page_ptr_id=page.pk, body=body, publish_at=page.first_published_at)
                article.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                # Only the article's own row: the page row is there already.
                article.save_base(raw=True, force_insert=True)
                if number == 0 and page is created[0]:
                    attachments.append(ArticleAttachment(page_id=page.pk, document=documents[0]))
                elif rng.random() < 0.02:
                    attachments.append(ArticleAttachment(page_id=page.pk, document=rng.choice(documents)))
            ArticleAttachment.objects.bulk_create(attachments, batch_size=BATCH)
            Page.objects.filter(pk=column.pk).update(numchild=count)
            number += count
            log(f"{number} articles")
    log("generated")


def walk_text() -> int:
    """The baseline: every published page read as the inspection reads it, its content fields as plain text."""
    from wagtail.fields import RichTextField, StreamField

    from zoneportal.inspection.checks.markup import rich_text_to_plain, stream_texts
    from zoneportal.inspection.content import _content_fields
    from zoneportal.inspection.site import published_pages

    characters = 0
    for page in published_pages():
        for model_field in _content_fields(type(page)):
            value = getattr(page, model_field.attname)
            if isinstance(model_field, StreamField):
                characters += sum(len(text) for _kind, text in stream_texts(value))
            elif isinstance(model_field, RichTextField):
                characters += len(rich_text_to_plain(value or ""))
            else:
                characters += len(value or "")
    return characters


def phase(name: str) -> dict:
    """One measured phase, in this (fresh) process: ``baseline`` or ``inspection``."""
    from django.db import connection

    from zoneportal.inspection.site import run_inspection
    from zoneportal.portal.models import ArticlePage

    queries = 0

    def counting(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    pages = ArticlePage.objects.live().count()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with connection.execute_wrapper(counting):
        started, started_cpu = time.perf_counter(), time.process_time()
        if name == "baseline":
            outcome = {"characters": walk_text()}
        else:
            run, report = run_inspection()
            outcome = {
                "run": run.pk,
                "veto_failed": report.veto_failed,
                "failed": {result.code: len(result.offenders) for result in report.results if not result.passed},
            }
        seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return {
        "phase": name,
        "pages": pages,
        "seconds": seconds,
        "cpu": cpu,
        "queries": queries,
        # ru_maxrss is in KiB on Linux.
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "start_rss_mb": rss_before / 1024,
        **outcome,
    }


def run_phase(args: argparse.Namespace, name: str) -> dict:
    env = bench_env(args.var_dir, args.database_url)
    command = [PYTHON, str(Path(__file__).resolve()), "--phase", name, "--var-dir", str(args.var_dir)]
    command += ["--pages", str(args.pages), "--seed", str(args.seed)]
    if args.database_url:
        command += ["--database-url", args.database_url]
    log(f"measuring: {name}")
    completed = subprocess.run(command, cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, text=True, timeout=3600)
    if completed.returncode != 0:
        raise BenchError(f"phase {name} failed (status {completed.returncode})")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def format_report(baseline: dict, inspection: dict, database: str) -> tuple[str, bool]:
    def line(label: str, result: dict) -> str:
        return (
            f"  {label:<12}{result['seconds']:>9.1f}{result['cpu']:>9.1f}{result['pages'] / result['seconds']:>9.0f}"
            f"{result['peak_rss_mb']:>10.0f}{result['queries']:>10}"
        )

    passed = inspection["seconds"] <= TARGET_SECONDS
    lines = [
        f"Self-inspection — {inspection['pages']} published articles, {database} (bench/inspection.py)",
        "",
        f"  {'':<12}{'wall s':>9}{'cpu s':>9}{'pages/s':>9}{'peak MB':>10}{'queries':>10}",
        line("baseline", baseline),
        line("inspection", inspection),
        "",
        "baseline: every published page read in the inspection's batches, its fields as plain text, no check",
        f"inspection / baseline: {inspection['seconds'] / baseline['seconds']:.1f}× wall time, "
        f"{inspection['peak_rss_mb'] / baseline['peak_rss_mb']:.2f}× peak RSS",
        f"failed indicators (offenders): {json.dumps(inspection['failed'], ensure_ascii=False)}",
        f"target: ≤ {TARGET_SECONDS:.0f} s for the whole inspection — " + ("PASS" if passed else "FAIL"),
    ]
    return "\n".join(lines), passed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50_000, help="published articles (default 50000)")
    parser.add_argument("--database-url", help="a PostgreSQL database (default: SQLite in the data directory)")
    parser.add_argument("--var-dir", type=Path, help="data directory (default: a new temporary directory)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--phase", choices=("generate", "baseline", "inspection"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.var_dir = (args.var_dir or Path(tempfile.mkdtemp(prefix="zoneportal-bench-inspection-"))).resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    if args.phase:
        # A child process: Django set up here, the result as one JSON line on stdout.
        setup_django(args.var_dir, args.database_url, PAGE_CACHE_SECONDS="0")
        if args.phase == "generate":
            generate(args.pages, args.seed)
            print(json.dumps({"phase": "generate"}))
        else:
            print(json.dumps(phase(args.phase)))
        return 0
    try:
        args.var_dir.mkdir(parents=True, exist_ok=True)
        log(f"data directory {args.var_dir}")
        env = bench_env(args.var_dir, args.database_url)
        run_step([PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env, timeout=1800)
        run_phase(args, "generate")
        baseline = run_phase(args, "baseline")
        inspection = run_phase(args, "inspection")
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2
    text, passed = format_report(baseline, inspection, "postgresql" if args.database_url else "sqlite")
    print(text)
    print(f"load average at the end: {' '.join(f'{value:.1f}' for value in os.getloadavg())} ({os.cpu_count()} cores)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
