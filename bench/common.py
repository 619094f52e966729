"""Helpers shared by the benchmarks in bench/: their own data directory, setup steps, Django in-process.

A benchmark never writes to someone's working setup: it runs with its own
``ZONEPORTAL_VAR_DIR`` and ignores ``DATABASE_URL``/``REDIS_URL`` and the
other settings in ``SCRUBBED_ENV`` from the environment (pass them as flags
instead). Setup steps (migrate, load_demo) run as ``manage.py`` child
processes, bounded in time, with progress on stderr so stdout carries only
the report.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Environment that would point a benchmark at someone's working setup or
# change what is measured; the benchmark sets what it needs itself.
SCRUBBED_ENV = (
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "ALLOWED_HOSTS",
    "PAGE_CACHE_SECONDS",
    "ZONEPORTAL_PROFILE",
    "SERVE_MEDIA",
    "MEDIA_ROOT",
    "HASHED_STATIC",
    "WEB_CONCURRENCY",
    "GUNICORN_BIND",
    "GUNICORN_THREADS",
    "GUNICORN_ACCESSLOG",
    "GUNICORN_MAX_REQUESTS",
)


class BenchError(RuntimeError):
    """A setup problem that makes the run meaningless (printed, exit status 2)."""


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the report."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def bench_env(var_dir: Path, database_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment a benchmark (and every manage.py it starts) runs with."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env["ZONEPORTAL_VAR_DIR"] = str(var_dir)
    env["DJANGO_SETTINGS_MODULE"] = "zoneportal.settings"
    env["PYTHONPATH"] = str(BASE_DIR)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
    return env


def run_step(command: list[str], env: dict[str, str], timeout: float, show_progress: bool = False) -> str:
    """Run one command in the project root, bounded in time; return stdout.

    With ``show_progress`` its stderr (progress lines) goes straight to ours
    instead of being kept for the error message.
    """
    log(" ".join(command))
    try:
        completed = subprocess.run(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=None if show_progress else subprocess.PIPE,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"超时（{timeout:.0f} 秒）：{' '.join(command)}") from exc
    if completed.returncode != 0:
        raise BenchError(f"失败：{' '.join(command)}\n{(completed.stderr or '')[-3000:]}")
    return completed.stdout


def prepare_demo(var_dir: Path, database_url: str | None = None) -> None:
    """Migrate the benchmark's database and load the demo zone into it (idempotent)."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env = bench_env(var_dir, database_url)
    run_step([PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env, timeout=900)
    run_step([PYTHON, "manage.py", "load_demo"], env, timeout=1800)


def setup_django(var_dir: Path, database_url: str | None = None, **extra: str) -> None:
    """Configure Django in this process for the benchmark's data directory and database."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env = bench_env(var_dir, database_url, **extra)
    for name in SCRUBBED_ENV:
        os.environ.pop(name, None)
    os.environ.update(env)
    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def default_var_dir(name: str, database_url: str | None = None) -> Path:
    """``var/<name>``, or ``var/<name>-<database>`` so media files stay with their database."""
    suffix = f"-{urlsplit(database_url).path.strip('/') or 'db'}" if database_url else ""
    return BASE_DIR / "var" / f"{name}{suffix}"


@contextlib.contextmanager
def fresh_postgres_database(server_url: str, name: str) -> Iterator[str]:
    """A new, empty PostgreSQL database with a UTF-8 character locale, dropped afterwards; yields its URL.

    ``to_tsvector('simple', …)`` only splits non-ASCII words correctly under a
    UTF-8 ``LC_CTYPE`` (see the issue), hence ``C.UTF-8`` and ``template0``.
    """
    import psycopg

    parts = urlsplit(server_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
        )
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
