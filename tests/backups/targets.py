"""Where the backup tests restore to: another installation, run as ``manage.py`` in a process of its own.

A target is a fresh data directory (its own ``db.sqlite3``, ``media/`` and ``private/``) and, when the
run is on PostgreSQL, a fresh empty database beside the test database, dropped afterwards. The tests
read it back without Django: sqlite3 or psycopg, and the files on disk.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from tests.browser.conftest import BASE_DIR, PostgresDatabase, server_environment
from zoneportal.backups.database import DatabaseState, state_of


class Installation:
    """A data directory (and on PostgreSQL a database) other processes use through ``manage.py``."""

    def __init__(self, var_dir: Path, env: dict[str, str], database: PostgresDatabase | None = None) -> None:
        self.var_dir, self.env, self.database = var_dir, env, database

    @classmethod
    def empty(cls) -> Installation:
        """A new installation with an empty database and no files."""
        var_dir = Path(tempfile.mkdtemp(prefix="zoneportal-restore-test-"))
        env = server_environment(var_dir)
        database = None
        if env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
            database = PostgresDatabase(env["DATABASE_URL"], prefix="zp_restore_test")
            database.create()
            env["DATABASE_URL"] = database.url
        return cls(var_dir, env, database)

    @property
    def media(self) -> Path:
        return self.var_dir / "media"

    @property
    def private(self) -> Path:
        return self.var_dir / "private"

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        """Run ``manage.py`` against this installation; the finished process (the caller checks its code)."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    def state(self) -> DatabaseState:
        """Rows per table and migrations of this installation's database, read directly."""
        if self.database is None:
            with closing(sqlite3.connect(self.var_dir / "db.sqlite3")) as db:
                return state_of(db.cursor(), "sqlite")
        import psycopg

        config = self.database.config
        with psycopg.connect(
            dbname=self.database.name,
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            host=config["HOST"] or None,
            port=config["PORT"] or None,
        ) as connection:
            return state_of(connection.cursor(), "postgresql")

    def remove(self) -> None:
        if self.database is not None:
            self.database.drop()
        shutil.rmtree(self.var_dir, ignore_errors=True)


def tree(root: Path) -> dict[str, str]:
    """Every file below ``root`` (relative POSIX path) with the SHA-256 of its bytes."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def files_in(root: Path) -> list[str]:
    """The files below ``root`` (empty folders do not count)."""
    return sorted(tree(root))


def ran(process: subprocess.CompletedProcess) -> str:
    """stdout and stderr of a finished ``manage.py``, for assertion messages."""
    return f"exit {process.returncode}\n{process.stdout[-3000:]}\n{process.stderr[-3000:]}"
