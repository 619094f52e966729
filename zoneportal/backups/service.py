"""Making a backup and restoring one: what ``manage.py backup`` and ``manage.py restore`` do.

A restore checks, in this order and before writing anything: that the database and both media
folders are empty, that every file of the archive matches its checksum (reading the whole archive),
and that this installation can take it (same database vendor, no migrations newer than the code).
Only then does it write the files and load the database; if that fails, the files it wrote are
removed again. Afterwards it checks every file on disk and every table's rows against the manifest.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from . import manifest as manifest_module
from .archive import ArchiveWriter, check_member, reading
from .database import DUMP_NAMES, dump_database, restore_database, supported_vendor, tables_in
from .database import current_state as current_database_state
from .errors import BackupError
from .files import Progress, copy_hashing, files_under, has_files, media_roots, remove_contents
from .retention import new_archive_path

Write = Callable[[str], None]


@dataclass
class BackupResult:
    """A finished backup: where it is, its manifest, the files deleted while it ran (not in it)."""

    path: Path
    manifest: dict[str, Any]
    vanished: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    """A finished restore and what its checks found (all empty: the restore equals the backup)."""

    manifest: dict[str, Any]
    file_problems: list[str]
    row_problems: list[str]
    pending_migrations: list[str]


def _progress(label: str, total: int, write: Write | None) -> Progress:
    return Progress(label, total, write or (lambda text: None), enabled=write is not None)


def create_backup(directory: Path | None = None, progress: Write | None = None) -> BackupResult:
    """Back up the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT into a new archive in ``directory``.

    ``progress`` (a terminal's write) receives a progress line. The archive appears under its final
    name only when complete; on any failure nothing is left behind.
    """
    directory = Path(directory or settings.BACKUP_DIR)
    vendor = supported_vendor()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".dump-") as work:
        dump = Path(work) / Path(DUMP_NAMES[vendor]).name
        # The database first: a file it names that is deleted before it is copied shows as missing,
        # a file uploaded after the dump is in the archive though no row names it (harmless).
        state = dump_database(dump)
        members = [(DUMP_NAMES[vendor], dump, dump.stat().st_size)] + [
            (f"{part}/{name}", path, size)
            for part, root in media_roots().items()
            for name, path, size in files_under(root, skip=directory)
        ]
        target = new_archive_path(directory)
        writer = ArchiveWriter(directory / f".{target.name}.part")
        bar = _progress(_("正在备份"), sum(size for _name, _path, size in members), progress)
        try:
            files, vanished = {}, []
            for name, path, _size in members:
                entry = writer.add_file(name, path, bar)
                if entry is None:
                    vanished.append(name)
                else:
                    files[name] = entry
            manifest = manifest_module.build(vendor, state, files)
            writer.add_bytes(manifest_module.NAME, manifest_module.encode(manifest))
            writer.close()
            os.replace(writer.path, target)
        except BaseException:
            writer.abort()
            raise
        bar.finish()
    _sync_directory(directory)
    return BackupResult(target, manifest, vanished)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (the directory entry reaches the disk)."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def refuse_non_empty_target() -> None:
    """Refuse a restore into a database with tables or a media folder with files, naming each."""
    problems = []
    tables = tables_in()
    if tables:
        problems.append(
            _("数据库 %(name)s 已有 %(count)d 张表") % {"name": connection.settings_dict["NAME"], "count": len(tables)}
        )
    for root in media_roots().values():
        if has_files(root):
            problems.append(_("文件夹 %(path)s 中已有文件") % {"path": root})
    if problems:
        raise BackupError(
            _(
                "恢复只能写入空的数据库和空的文件夹，没有做任何改动：%(problems)s。"
                "请新建空数据库（SQLite：移走 db.sqlite3；PostgreSQL：createdb）并清空或更换文件夹后再恢复。"
            )
            % {"problems": "；".join(problems)}
        )


def verify_archive(archive: Path, progress: Write | None = None) -> dict[str, Any]:
    """Read the whole archive and check every file against the manifest; its manifest. Writes nothing."""
    digests: dict[str, str] = {}
    manifest = None
    repeated = []
    bar = _progress(_("正在校验"), archive.stat().st_size, progress)
    with reading(archive, bar) as members:
        for member, data in members:
            part, _path = check_member(member)
            if member.name in digests or (part == manifest_module.NAME and manifest is not None):
                repeated.append(member.name)  # a second copy would overwrite the checked one on restore
            if part == manifest_module.NAME:
                manifest = manifest_module.parse(data.read())
            else:
                digests[member.name] = copy_hashing(data, None)[0]
    bar.finish()
    if manifest is None:
        raise BackupError(_("备份文件中没有清单 manifest.json：这不是本系统的备份文件，或文件不完整。"))
    expected = {name: entry["sha256"] for name, entry in manifest["files"].items()}
    problems = [_("%(name)s 出现了不止一次") % {"name": name} for name in repeated]
    problems += [_("缺少 %(name)s") % {"name": name} for name in sorted(expected.keys() - digests.keys())]
    problems += [_("清单中没有 %(name)s") % {"name": name} for name in sorted(digests.keys() - expected.keys())]
    problems += [
        _("%(name)s 的校验和不符") % {"name": name}
        for name in sorted(expected.keys() & digests.keys())
        if expected[name] != digests[name]
    ]
    if problems:
        raise BackupError(
            _("备份文件校验失败，已拒绝恢复，没有做任何改动：%(problems)s。") % {"problems": _listed(problems)}
        )
    return manifest


def _listed(problems: list[str], limit: int = 10) -> str:
    shown = "；".join(problems[:limit])
    if len(problems) > limit:
        shown += _("；另有 %(count)d 处") % {"count": len(problems) - limit}
    return shown


def restore_backup(archive: Path, progress: Write | None = None) -> RestoreResult:
    """Restore ``archive`` into the configured (empty) database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.

    The database dump is unpacked into a temporary folder first (``TMPDIR``; it needs room for it).
    """
    vendor = supported_vendor()
    refuse_non_empty_target()
    manifest = verify_archive(archive, progress)
    manifest_module.check_compatible(manifest, vendor)
    roots = media_roots()
    with tempfile.TemporaryDirectory(prefix="zoneportal-restore-") as work:
        try:
            dump = _extract(archive, manifest, Path(work), roots, progress)
            restore_database(dump)
        except BaseException:
            for root in roots.values():
                remove_contents(root)  # empty before the restore, so only its own files go
            raise
    return RestoreResult(
        manifest,
        file_problems=_check_files(manifest, roots),
        row_problems=_check_rows(manifest),
        pending_migrations=_pending_migrations(),
    )


def _extract(
    archive: Path, manifest: dict[str, Any], work: Path, roots: dict[str, Path], progress: Write | None
) -> Path:
    """Write the media files into their folders and the database dump into ``work``; the dump's path."""
    dump = work / Path(manifest["database"]["file"]).name
    bar = _progress(_("正在恢复"), archive.stat().st_size, progress)
    with reading(archive, bar) as members:
        for member, data in members:
            part, path = check_member(member)
            if part == manifest_module.NAME:
                continue
            target = dump if member.name == manifest["database"]["file"] else roots[part] / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as file:
                digest, _size = copy_hashing(data, file)
            os.chmod(target, member.mode & 0o666)
            os.utime(target, (member.mtime, member.mtime))
            if digest != manifest["files"][member.name]["sha256"]:
                raise BackupError(_("备份文件在校验之后被改动（%(name)s），已撤销恢复。") % {"name": member.name})
    bar.finish()
    return dump


def _check_files(manifest: dict[str, Any], roots: dict[str, Path]) -> list[str]:
    """Every restored file read back from disk against its checksum."""
    problems = []
    for name, entry in sorted(manifest["files"].items()):
        part, _separator, path = name.partition("/")
        if part not in roots:
            continue  # the database dump: checked by its row counts
        try:
            with (roots[part] / path).open("rb") as file:
                digest = copy_hashing(file, None)[0]
        except FileNotFoundError:
            problems.append(_("缺少 %(name)s") % {"name": name})
            continue
        if digest != entry["sha256"]:
            problems.append(_("%(name)s 的校验和不符") % {"name": name})
    return problems


def _check_rows(manifest: dict[str, Any]) -> list[str]:
    """Every table's rows in the restored database against the manifest."""
    counts = current_database_state().row_counts
    expected = manifest["row_counts"]
    missing = _("无此表")
    return [
        _("表 %(table)s：备份时 %(expected)s 行，恢复后 %(actual)s 行")
        % {"table": table, "expected": expected.get(table, missing), "actual": counts.get(table, missing)}
        for table in sorted(expected.keys() | counts.keys())
        if expected.get(table) != counts.get(table)
    ]


def _pending_migrations() -> list[str]:
    """Migrations the code has and the restored database lacks (a backup made by an older version)."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
