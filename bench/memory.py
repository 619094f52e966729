"""Worker memory for bench/pages.py: what each gunicorn worker holds after serving every page type and a search.

Per process, from ``/proc/PID/smaps_rollup``:

- **RSS** — every page the process has in memory, including those it shares with the master and its siblings;
- **unshared (USS)** — ``Private_Clean + Private_Dirty``: what only this process holds, i.e. what the machine would
  get back if it exited; with ``preload_app`` the rest is shared copy-on-write with the master;
- **PSS** — shared pages divided among the processes that share them (the fair share of each).

Targets (issue 6): after every page type and a search, each worker ≤ 150 MB RSS and ≤ 80 MB unshared.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

RSS_TARGET_MB = 150.0
UNSHARED_TARGET_MB = 80.0

#: What the search steps ask: an ordinary query (the target's "a search"), and a misspelt one, whose correction
#: reads pinyin (pypinyin, loaded on first use) — measured as an extra step.
SEARCH_QUERY = "招商引资"
TYPO_QUERY = "招商引姿"


@dataclass
class Memory:
    """One process's memory in MiB."""

    pid: int
    rss: float
    unshared: float
    pss: float


def process_memory(pid: int) -> Memory | None:
    """RSS, unshared and PSS of one process from ``/proc/PID/smaps_rollup`` (None if it has exited)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    kib: dict[str, int] = {}
    for line in text.splitlines()[1:]:
        key, _, value = line.partition(":")
        kib[key.strip()] = int(value.split()[0])
    return Memory(
        pid=pid,
        rss=kib["Rss"] / 1024,
        unshared=(kib["Private_Clean"] + kib["Private_Dirty"]) / 1024,
        pss=kib["Pss"] / 1024,
    )


def gunicorn_workers(master: int) -> list[int]:
    """Process ids of the master's children (its workers)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == master:  # after the command name: state ppid …
            children.append(int(stat.parent.name))
    return sorted(children)


def wait_for_workers(master: int, count: int, limit: float = 60.0) -> None:
    """Wait until the master has forked all its workers (they boot one after another)."""
    deadline = time.monotonic() + limit
    while len(gunicorn_workers(master)) < count and time.monotonic() < deadline:
        time.sleep(0.2)


def get(url: str) -> int:
    """Status of one GET (errors included)."""
    request = urllib.request.Request(url, headers={"User-Agent": "zoneportal-bench"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def warm(base: str, paths: list[str], workers: int, rounds: int = 2) -> dict[str, set[int]]:
    """Request each path often enough, and concurrently enough, that every worker serves it.

    Sync workers take connections as they come, so each path gets 6 requests per worker, 2 per worker at a time:
    every worker is busy with it at once. Returns the statuses seen per path.
    """
    statuses: dict[str, set[int]] = {}
    with ThreadPoolExecutor(max_workers=2 * workers) as pool:
        for _ in range(rounds):
            for path in paths:
                statuses.setdefault(path, set()).update(pool.map(get, [base + path] * (6 * workers)))
    return statuses


@dataclass
class MemoryStep:
    """The workers' memory after one step of the warm-up."""

    name: str
    workers: list[Memory]
    master: Memory | None = None
    target: bool = False  # the step the targets apply to

    @property
    def worst(self) -> Memory:
        """The largest RSS and the largest unshared figure over the workers (possibly of two workers)."""
        return Memory(
            pid=0,
            rss=max(m.rss for m in self.workers),
            unshared=max(m.unshared for m in self.workers),
            pss=max(m.pss for m in self.workers),
        )


def snapshot(name: str, master: int, target: bool = False) -> MemoryStep:
    """Every worker's memory (and the master's) now."""
    workers = [m for m in map(process_memory, gunicorn_workers(master)) if m is not None]
    return MemoryStep(name, workers, process_memory(master), target)


def format_memory(steps: list[MemoryStep]) -> tuple[list[str], bool]:
    """A Markdown table of the steps and whether the target step passes."""
    lines = [
        "| worker memory | workers | RSS MB (max) | unshared MB (max) | PSS MB (max) | master RSS MB "
        "| target | result |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    passed = True
    for step in steps:
        if not step.workers:
            continue
        worst = step.worst
        goal = verdict = ""
        if step.target:
            goal = f"≤ {RSS_TARGET_MB:.0f} / ≤ {UNSHARED_TARGET_MB:.0f}"
            ok = worst.rss <= RSS_TARGET_MB and worst.unshared <= UNSHARED_TARGET_MB
            verdict = "PASS" if ok else "FAIL"
            passed = passed and ok
        master = f"{step.master.rss:.1f}" if step.master else ""
        lines.append(
            f"| {step.name} | {len(step.workers)} | {worst.rss:.1f} | {worst.unshared:.1f} | {worst.pss:.1f} "
            f"| {master} | {goal} | {verdict} |"
        )
    return lines, passed
