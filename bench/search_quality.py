#!/usr/bin/env python3
"""Search quality: recall@10 and MRR of our site search on the labelled queries, beside Wagtail's stock backend.

Loads the demo zone into the benchmark's own data directory (default
var/bench-search; ``manage.py migrate`` and ``load_demo``), rebuilds our
index (``zoneportal.search.index.rebuild_index``) and runs every query of
tests/search/queries.json through ``zoneportal.search.engine.search`` over all
sites. In the same run and on the same pages it rebuilds the index of
Wagtail's stock database backend (``wagtail.search.backends.database``, not
the project's configured backend, which may be a Chinese-aware subclass) and
runs the same queries through ``Page.objects.live().search(...)``.

For each query, recall@10 is the share of its expected pages in the top 10
and the reciprocal rank is 1 / the rank of the first expected page (0 when
none is in the top 10); both are averaged per kind of query and overall.
Targets (issue 3): recall@10 >= 0.95 and MRR >= 0.85 for our search.

With ``--distractors N`` (issue 13) N generated policies of another seed
(bench/policy_corpus.py, ``--distractor-seed``, default 7) are indexed beside
the demo in the same bulk load, and the labelled set with distractors
(tests/search/distractor_queries.json) is asked: each query's ``key`` is a word
of its expected pages that no generated document holds (checked), the rest of
its words are ones the generated documents use everywhere. Generated documents
take their place in the top 10 like any other result; the stock backend is
not run in this mode (it indexes pages only).

    .venv/bin/python bench/search_quality.py
    .venv/bin/python bench/search_quality.py --skip-setup            # demo already loaded
    .venv/bin/python bench/search_quality.py --kind typo --kind pinyin
    .venv/bin/python bench/search_quality.py --database-url postgres://postgres@127.0.0.1:5432/zp_bench_quality
    .venv/bin/python bench/search_quality.py --distractors 10000           # 10,000 generated policies beside the demo

Exit status: 0 when both targets pass, 1 when one fails, 2 on a setup error.
Results and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Run as a script: bench/ is on sys.path.
from common import BASE_DIR, BenchError, default_var_dir, log, prepare_demo, setup_django

QUERIES = BASE_DIR / "tests" / "search" / "queries.json"
DISTRACTOR_QUERIES = BASE_DIR / "tests" / "search" / "distractor_queries.json"
DISTRACTOR_SEED = 7  # not policy_corpus.SEED, which the speed benchmark uses
GENERATED_PREFIX = "bench:"  # external ids of generated documents (search_speed.entries)
#: Results the labelled queries count: pages, policy library documents and generated distractors.
LABELLED_PREFIXES = ("page:", "policy:", GENERATED_PREFIX)
STOCK_BACKEND = "wagtail.search.backends.database"
TOP = 10
TARGET_RECALL, TARGET_MRR = 0.95, 0.85


@dataclass
class Query:
    """One labelled query and the pages it must find."""

    query: str
    kind: str
    expect: list[str]
    note: str = ""
    key: str = ""  # a word of the expected pages that no distractor holds (distractor_queries.json)
    expected_ids: list[str] = field(default_factory=list)  # search external ids: page:<id>, policy:<external id>


@dataclass
class Outcome:
    """What one search engine returned for one query."""

    top: list[str]  # external ids of pages, policy documents and generated documents, best first
    recall: float
    reciprocal_rank: float
    seconds: float
    error: str = ""


def load_queries(path: Path, kinds: Sequence[str]) -> list[Query]:
    """The labelled queries (optionally only some kinds)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    queries = [Query(**item) for item in data["queries"]]
    return [q for q in queries if not kinds or q.kind in kinds]


def resolve_expectations(queries: list[Query]) -> None:
    """Turn each expected slug (or exact title) into the search id of exactly one live page, or fail.

    A name no page has may be a policy library document's external id (the demo's
    documents keep the key of the article they were): ``policy:<name>``.
    """
    from wagtail.models import Page

    from zoneportal.policies.models import Policy

    problems = []
    for query in queries:
        query.expected_ids = []
        for name in query.expect:
            ids = [f"page:{pk}" for pk in Page.objects.live().filter(slug=name).values_list("pk", flat=True)]
            if not ids:
                ids = [f"page:{pk}" for pk in Page.objects.live().filter(title=name).values_list("pk", flat=True)]
            if not ids and Policy.objects.public().filter(external_id=name).exists():
                ids = [f"policy:{name}"]
            if len(ids) != 1:
                problems.append(f"{query.query}: “{name}” matches {len(ids)} live pages")
            else:
                query.expected_ids.append(ids[0])
    if problems:
        raise BenchError("标注查询集与演示内容不一致：\n  " + "\n  ".join(problems))


def score(query: Query, top: list[str], seconds: float, error: str = "") -> Outcome:
    """recall@10 and the reciprocal rank of one answer."""
    top = top[:TOP]
    found = [pk for pk in query.expected_ids if pk in top]
    first = min((top.index(pk) + 1 for pk in found), default=0)
    return Outcome(
        top=top,
        recall=len(found) / len(query.expected_ids),
        reciprocal_rank=1 / first if first else 0.0,
        seconds=seconds,
        error=error,
    )


def run_queries(queries: list[Query], search: Callable[[str], list[str]]) -> list[Outcome]:
    """Every query through one engine; an exception counts as an empty answer and is reported."""
    outcomes = []
    for query in queries:
        started = time.perf_counter()
        try:
            top, error = search(query.query), ""
        except Exception as exc:  # the stock backend rejects some input (FTS syntax); that is a result too
            top, error = [], f"{type(exc).__name__}: {exc}"[:200]
        outcomes.append(score(query, top, time.perf_counter() - started, error))
    return outcomes


def our_search(text: str) -> list[str]:
    """Top ids from our engine, over all sites: pages, policy documents and generated distractors."""
    from zoneportal.search.engine import SearchRequest, search

    response = search(SearchRequest(query=text, per_page=TOP))
    # What the labels name (pages and library documents); a generated distractor keeps its rank.
    return [hit.external_id for hit in response.results if hit.external_id.startswith(LABELLED_PREFIXES)]


def stock_search(text: str) -> list[str]:
    """Top page ids from Wagtail's stock database backend, over the live pages."""
    from wagtail.models import Page

    return [f"page:{page.pk}" for page in Page.objects.live().search(text, backend=STOCK_BACKEND)[:TOP]]


def rebuild_ours() -> int:
    """Rebuild our index from scratch; returns the number of documents."""
    from zoneportal.search.index import rebuild_index

    return rebuild_index()


def distractor_entries(count: int, seed: int) -> Iterator[list]:
    """``count`` generated policies of ``seed`` as index entries on the default site, in batches (streamed)."""
    from policy_corpus import generate
    from search_speed import BATCH, entries
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    corpus = generate(count, seed)
    while batch := list(itertools.islice(corpus, BATCH)):
        yield entries(batch, site.pk)


def rebuild_with_distractors(count: int, seed: int) -> int:
    """Rebuild our index with ``count`` generated policies beside the demo, in one bulk load; returns the documents."""
    from zoneportal.search.index import rebuild_index

    batches = distractor_entries(count, seed)
    started = time.perf_counter()
    documents = rebuild_index(extra=batches, extra_count=count)
    log(f"indexed {documents:,} documents ({count:,} generated) in {time.perf_counter() - started:.1f} s")
    return documents


def check_keys(queries: list[Query]) -> None:
    """Every key word is held by an expected page of its query and by no generated document; else fail."""
    from zoneportal.search.backends import full_text
    from zoneportal.search.engine import lexicon, plan_query

    backend = full_text()
    problems = []
    with backend.session() as cursor:
        for query in queries:
            if not query.key:
                continue
            plan = plan_query(query.key, lexicon(), {}, correct=False)
            holders: set[str] = set()
            if plan.groups:
                match = backend.match(backend.expression(plan.groups))
                cursor.execute(f"SELECT d.external_id FROM {match.tables} WHERE {match.condition}", match.params)
                holders = {row[0] for row in cursor.fetchall()}
            if any(holder.startswith(GENERATED_PREFIX) for holder in holders):
                problems.append(f"{query.query}: key “{query.key}” occurs in generated documents")
            if not holders & set(query.expected_ids):
                problems.append(f"{query.query}: key “{query.key}” is in none of its expected pages")
    if problems:
        raise BenchError("带干扰项的标注查询集有误：\n  " + "\n  ".join(problems))


def rebuild_stock() -> None:
    """Rebuild the stock backend's index right before it is measured.

    The project's own Wagtail backend writes to the same index tables, so
    whatever is there now may hold segmented text; the stock backend must
    see only what it indexed itself.
    """
    from django.core.management import call_command

    call_command("update_index", backend_name=STOCK_BACKEND, stdout=io.StringIO())


def summarise(queries: list[Query], outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """Mean recall@10 and MRR per kind and overall ('all')."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for query, outcome in zip(queries, outcomes, strict=True):
        groups[query.kind].append(outcome)
        groups["all"].append(outcome)
    return {
        kind: {
            "queries": len(items),
            "recall": sum(o.recall for o in items) / len(items),
            "mrr": sum(o.reciprocal_rank for o in items) / len(items),
            "ms": 1000 * sum(o.seconds for o in items) / len(items),
        }
        for kind, items in groups.items()
    }


def ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.1f}×" if stock else ("—" if not ours else "∞")


def format_report(
    queries: list[Query], ours: list[Outcome], stock: list[Outcome], titles: dict[str, str], documents: int
) -> tuple[str, bool]:
    """The table per kind, the failures of our search, and whether the targets pass."""
    mine, theirs = summarise(queries, ours), summarise(queries, stock)
    kinds = sorted(k for k in mine if k != "all") + ["all"]
    lines = [
        f"Search quality — {len(queries)} labelled queries, {documents} indexed documents, top {TOP}, all sites",
        "",
        f"{'kind':<12} {'n':>4}  {'recall@10':>9} {'stock':>6} {'ratio':>6}  {'MRR':>5} {'stock':>6} {'ratio':>6}"
        f"  {'ms/query':>8} {'stock':>6}",
    ]
    for kind in kinds:
        m, t = mine[kind], theirs[kind]
        recall = f"{m['recall']:>9.3f} {t['recall']:>6.3f} {ratio(m['recall'], t['recall']):>6}"
        mrr = f"{m['mrr']:>5.3f} {t['mrr']:>6.3f} {ratio(m['mrr'], t['mrr']):>6}"
        lines.append(f"{kind:<12} {m['queries']:>4}  {recall}  {mrr}  {m['ms']:>8.1f} {t['ms']:>6.1f}")
    overall = mine["all"]
    passed = overall["recall"] >= TARGET_RECALL and overall["mrr"] >= TARGET_MRR
    lines += [
        "",
        f"targets: recall@10 >= {TARGET_RECALL} {'PASS' if overall['recall'] >= TARGET_RECALL else 'FAIL'}, "
        f"MRR >= {TARGET_MRR} {'PASS' if overall['mrr'] >= TARGET_MRR else 'FAIL'}",
    ]
    stock_errors = sum(1 for o in stock if o.error and o.error != "not run")
    if any(o.error == "not run" for o in stock):
        lines.append("stock backend not run (generated distractors are not pages)")
    if stock_errors:
        lines.append(f"stock backend raised on {stock_errors} queries (counted as no results)")
    failures = [(q, o) for q, o in zip(queries, ours, strict=True) if o.recall < 1 or o.reciprocal_rank < 1]
    if failures:
        lines += ["", f"Our search: {len(failures)} queries with a miss or the expected page below rank 1"]
        for query, outcome in failures:
            missing = [name for name, pk in zip(query.expect, query.expected_ids, strict=True) if pk not in outcome.top]
            generated = "（生成的干扰文件）"
            shown_titles = (
                titles.get(key, generated if key.startswith(GENERATED_PREFIX) else key) for key in outcome.top[:5]
            )
            got = " | ".join(shown_titles) or "（无结果）"
            lines.append(
                f"- [{query.kind}] {query.query}  recall {outcome.recall:.2f}  rr {outcome.reciprocal_rank:.2f}"
                + (f"  error {outcome.error}" if outcome.error else "")
            )
            lines.append(
                f"    expected: {', '.join(query.expect)}" + (f"  (missing: {', '.join(missing)})" if missing else "")
            )
            lines.append(f"    got top 5: {got}")
    return "\n".join(lines), passed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", type=Path, help="the benchmark's own data directory (default var/bench-search)")
    parser.add_argument("--database-url", help="an existing PostgreSQL database (UTF-8 LC_CTYPE) instead of SQLite")
    parser.add_argument("--skip-setup", action="store_true", help="do not migrate / load_demo")
    parser.add_argument(
        "--queries",
        type=Path,
        help="labelled queries (default tests/search/queries.json; with --distractors "
        "tests/search/distractor_queries.json)",
    )
    parser.add_argument(
        "--distractors", type=int, default=0, help="index this many generated policies beside the demo (e.g. 10000)"
    )
    parser.add_argument("--distractor-seed", type=int, default=DISTRACTOR_SEED, help="their seed (default 7)")
    parser.add_argument("--kind", action="append", default=[], help="only queries of this kind (repeatable)")
    parser.add_argument("--json", type=Path, help="also write per-query results as JSON to this file")
    args = parser.parse_args(argv)
    args.queries = args.queries or (DISTRACTOR_QUERIES if args.distractors else QUERIES)
    args.var_dir = (args.var_dir or default_var_dir("bench-search", args.database_url)).resolve()
    return args


def main(argv: list[str]) -> int:
    """Run the benchmark; see the module docstring."""
    args = parse_args(argv)
    try:
        if not args.skip_setup:
            prepare_demo(args.var_dir, args.database_url)
        setup_django(args.var_dir, args.database_url)
        queries = load_queries(args.queries, args.kind)
        if not queries:
            raise BenchError("没有要运行的查询")
        resolve_expectations(queries)
        if args.distractors:
            log(f"rebuilding our index with {args.distractors:,} generated policies (seed {args.distractor_seed})")
            documents = rebuild_with_distractors(args.distractors, args.distractor_seed)
            check_keys(queries)
        else:
            log("rebuilding our index")
            documents = rebuild_ours()
        log(f"running {len(queries)} queries through zoneportal.search.engine")
        ours = run_queries(queries, our_search)
        if args.distractors:
            stock = [score(query, [], 0.0, "not run") for query in queries]
        else:
            log(f"rebuilding the index of {STOCK_BACKEND}")
            rebuild_stock()
            log(f"running {len(queries)} queries through {STOCK_BACKEND}")
            stock = run_queries(queries, stock_search)
    except BenchError as exc:
        print(f"benchmark aborted: {exc}", file=sys.stderr)
        return 2

    from wagtail.models import Page

    from zoneportal.policies.models import Policy

    shown = {key for outcome in ours for key in outcome.top[:5]}
    pages = [int(key.split(":", 1)[1]) for key in shown if key.startswith("page:")]
    policies = [key.split(":", 1)[1] for key in shown if key.startswith("policy:")]
    titles = {f"page:{pk}": title for pk, title in Page.objects.filter(pk__in=pages).values_list("pk", "title")}
    titles |= {
        f"policy:{key}": title
        for key, title in Policy.objects.filter(external_id__in=policies).values_list("external_id", "title")
    }
    text, passed = format_report(queries, ours, stock, titles, documents)
    print(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "summary": {"ours": summarise(queries, ours), "stock": summarise(queries, stock)},
                    "queries": [
                        {**asdict(q), "ours": asdict(o), "stock": asdict(s)}
                        for q, o, s in zip(queries, ours, stock, strict=True)
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
