"""The database in a backup: a consistent copy with its row counts and migration state, and its restore.

SQLite: the online backup API (``sqlite3.Connection.backup``), safe while the site serves and editors
save (WAL mode); rows are counted in the copy itself. PostgreSQL: ``pg_dump -Fc`` of a snapshot exported
by a REPEATABLE READ transaction that counts the rows in the same snapshot, so the counts are the dump's
even while the site writes. A restore goes into an empty database only: merging a backup into live
data would mix two histories.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.db import connection as default_connection
from django.db.backends.postgresql.client import DatabaseClient
from django.utils.translation import gettext as _

from .errors import BackupError

#: The database's file in the archive, per vendor (the vendor also names the restore method).
DUMP_NAMES = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.dump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# Every table of the database (SQLite: FTS5 tables and their shadow tables too; not SQLite's own).
TABLES_SQL = {
    "sqlite": r"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'",
    "postgresql": (
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname = current_schema()"
    ),
}


@dataclass(frozen=True)
class DatabaseState:
    """What the manifest records of a database and a restore compares: rows per table, last migration per app."""

    row_counts: dict[str, int]
    migrations: dict[str, str]


def quote(name: str) -> str:
    """An SQL identifier quoted the standard way (SQLite and PostgreSQL alike)."""
    return '"' + name.replace('"', '""') + '"'


def state_of(cursor, vendor: str) -> DatabaseState:
    """Row counts of every table and the last applied migration of each app, read through ``cursor``."""
    cursor.execute(TABLES_SQL[vendor])
    tables = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, str] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        for app, name in cursor.fetchall():
            migrations[app] = name  # the last one applied wins
    return DatabaseState(counts, migrations)


def supported_vendor(connection=default_connection) -> str:
    """The connection's vendor, or a refusal for one the backups cannot handle."""
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(
            _("不支持备份或恢复 %(vendor)s 数据库，只支持 SQLite 和 PostgreSQL。") % {"vendor": connection.vendor}
        )
    return connection.vendor


def dump_database(target: Path, connection=default_connection) -> DatabaseState:
    """Write a consistent copy of the database to ``target`` and return its state."""
    if supported_vendor(connection) == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
            return state_of(copy.cursor(), "sqlite")
    return _pg_dump(target, connection)


def _client_environment(connection) -> dict[str, str]:
    """The libpq environment for pg_dump / pg_restore: the connection's host, port, user, password, TLS."""
    _args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, [])
    env = dict(env or {})
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if connection.settings_dict.get(key):
            env[variable] = str(connection.settings_dict[key])
    return env


def _run_client(program: str, arguments: list[str], connection) -> None:
    """Run a PostgreSQL client program; a failure is a BackupError carrying its message."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            _("找不到 %(program)s：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）。")
            % {"program": program}
        )
    result = subprocess.run(
        [executable, *arguments],
        env={**os.environ, **_client_environment(connection)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s 执行失败（退出码 %(code)s）：%(message)s")
            % {"program": program, "code": result.returncode, "message": result.stderr.strip()[-2000:]}
        )


def _pg_dump(target: Path, connection) -> DatabaseState:
    # A connection of its own: the snapshot's transaction must stay open while pg_dump reads it.
    raw = connection.Database.connect(**connection.get_connection_params())
    with closing(raw):
        raw.autocommit = True
        with closing(raw.cursor()) as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            _run_client(
                "pg_dump",
                ["--format=custom", f"--snapshot={snapshot}", f"--file={target}", connection.settings_dict["NAME"]],
                connection,
            )
            state = state_of(cursor, "postgresql")
            cursor.execute("COMMIT")
    return state


def tables_in(connection=default_connection) -> list[str]:
    """The tables the target database already has (an empty database has none)."""
    with connection.cursor() as cursor:
        cursor.execute(TABLES_SQL[supported_vendor(connection)])
        return sorted(row[0] for row in cursor.fetchall())


def restore_database(dump: Path, connection=default_connection) -> None:
    """Load ``dump`` (of the connection's vendor) into the connection's empty database, all or nothing."""
    if supported_vendor(connection) == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as source:
            # One step: the target gets every page or, on failure, keeps its own.
            source.backup(connection.connection)
        return
    _run_client(
        "pg_restore",
        [
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        connection,
    )


def current_state(connection=default_connection) -> DatabaseState:
    """The state of the connection's database now (after a restore, to compare with the manifest)."""
    with connection.cursor() as cursor:
        return state_of(cursor, supported_vendor(connection))
