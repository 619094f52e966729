"""``manage.py backup`` and ``manage.py restore`` on the test database and media folders with files.

The test database (migrated: Wagtail's root page and site, content types, permissions, groups …) is
backed up once for the module with two media folders holding Chinese-named, nested, empty and
incompressible files. Restores go into another installation run as ``manage.py`` (tests/backups/
targets.py): a fresh data directory and, on PostgreSQL, a fresh database created and dropped here.
The archives' damage is real: bytes flipped, cut short, members added or taken out.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import django
import pytest
import wagtail
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from wagtail.models import Page

from tests.backups.targets import Installation, files_in, ran, tree
from zoneportal.backups.archive import ArchiveWriter
from zoneportal.backups.database import DUMP_NAMES, DatabaseState, current_state
from zoneportal.backups.errors import BackupError
from zoneportal.backups.files import Progress
from zoneportal.backups.manifest import check_compatible
from zoneportal.backups.retention import archives_in, prune
from zoneportal.backups.service import create_backup

_bytes = random.Random(14).randbytes
SOURCE_FILES = {
    "media/original_images/园区鸟瞰.jpg": _bytes(300_000),  # random bytes: gzip cannot shrink them
    "media/documents/2026/招商引资优惠政策.pdf": b"%PDF-1.4\n" + _bytes(20_000),
    "media/documents/空白.txt": b"",
    "private/letters/2026/12/来信附件 1.pdf": b"%PDF-1.4\n" + _bytes(5_000),
    "private/rectification/佐证材料.png": b"\x89PNG\r\n\x1a\n" + _bytes(8_000),
}


@dataclass
class Source:
    """The backed-up installation: its archive and manifest, its database state, its two folders."""

    archive: Path
    manifest: dict[str, Any]
    state: DatabaseState
    media: Path
    private: Path


def write_files(media: Path, private: Path) -> None:
    for name, data in SOURCE_FILES.items():
        part, relative = name.split("/", 1)
        path = (media if part == "media" else private) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture(scope="module")
def source(django_db_setup, django_db_blocker, tmp_path_factory) -> Source:
    media, private = tmp_path_factory.mktemp("source-media"), tmp_path_factory.mktemp("source-private")
    write_files(media, private)
    with override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private), django_db_blocker.unblock():
        result = create_backup(tmp_path_factory.mktemp("backups"))
        state = current_state()
    return Source(result.path, result.manifest, state, media, private)


@pytest.fixture
def target():
    installation = Installation.empty()
    yield installation
    installation.remove()


def rewrite(
    archive: Path,
    into: Path,
    change: Callable[[tarfile.TarInfo, bytes], tuple[tarfile.TarInfo, bytes] | None] = lambda m, d: (m, d),
    extra: tuple[tuple[tarfile.TarInfo, bytes], ...] = (),
) -> Path:
    """A copy of ``archive`` with each member passed through ``change`` (None drops it) and ``extra`` added."""
    with tarfile.open(archive, "r:gz") as old, tarfile.open(into, "w:gz") as new:
        for member in old.getmembers():
            changed = change(member, old.extractfile(member).read())
            if changed is not None:
                info, data = changed
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))
        for info, data in extra:
            new.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return into


def flip_byte_of(name: str):
    def change(member, data):
        if member.name == name:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        return member, data

    return change


def without(name: str):
    return lambda member, data: None if member.name == name else (member, data)


def with_manifest(edit: Callable[[dict], None]):
    def change(member, data):
        if member.name == "manifest.json":
            manifest = json.loads(data)
            edit(manifest)
            data = json.dumps(manifest).encode()
        return member, data

    return change


def member(name: str, kind: bytes = tarfile.REGTYPE, data: bytes = b"x") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    if kind == tarfile.SYMTYPE:
        info.linkname = "/etc/passwd"
    return info, data


# --- the archive and its manifest -------------------------------------------------------------


@pytest.mark.django_db
def test_the_manifest_describes_the_backup(source):
    manifest = source.manifest
    assert manifest["format"] == "zoneportal-backup" and manifest["format_version"] == 1
    created = django.utils.dateparse.parse_datetime(manifest["created_at"])
    assert created.utcoffset() == timedelta(hours=8)  # Beijing time, as the staff read it
    assert manifest["versions"]["django"] == django.get_version()
    assert manifest["versions"]["wagtail"] == wagtail.__version__
    assert manifest["versions"]["zoneportal"] == "0.1.0"
    assert manifest["database"] == {"vendor": connection.vendor, "file": DUMP_NAMES[connection.vendor]}

    applied = {}
    for migration in MigrationRecorder.Migration.objects.order_by("id"):
        applied[migration.app] = migration.name
    assert manifest["migrations"] == applied
    assert {"core", "letters", "wagtailcore", "auth"} <= applied.keys()

    counts = manifest["row_counts"]
    assert counts == source.state.row_counts
    assert {model._meta.db_table for model in apps.get_models()} <= counts.keys()
    assert counts["wagtailcore_page"] == Page.objects.count() > 0
    assert counts["django_content_type"] > 50

    expected = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for name, data in SOURCE_FILES.items()
    }
    database = manifest["files"].pop(DUMP_NAMES[connection.vendor])
    assert manifest["files"] == expected
    assert database["size"] > 100_000


def test_the_archive_is_complete_private_and_alone(source):
    with tarfile.open(source.archive, "r:gz") as archive:
        names = archive.getnames()
        contents = {name: archive.extractfile(name).read() for name in names}
    assert names[0] == DUMP_NAMES[connection.vendor] and names[-1] == "manifest.json"
    for name, data in SOURCE_FILES.items():
        assert contents[name] == data
    assert source.archive.stat().st_mode & 0o777 == 0o600  # personal data and password hashes
    # Written under a temporary name and renamed: nothing else is left in the folder.
    assert [path.name for path in source.archive.parent.iterdir()] == [source.archive.name]
    assert source.archive.name.startswith("zoneportal-") and source.archive.name.endswith(".tar.gz")


def test_the_secret_key_is_not_in_the_archive(source, settings):
    with tarfile.open(source.archive, "r:gz") as archive:
        names = archive.getnames()
        assert not any("secret" in name for name in names)
        assert all(settings.SECRET_KEY.encode() not in archive.extractfile(name).read() for name in names)


# --- restoring elsewhere -----------------------------------------------------------------------


def test_a_restore_elsewhere_has_the_same_rows_and_files(source, target):
    restored = target.manage("restore", str(source.archive))
    assert restored.returncode == 0, ran(restored)
    assert f"{len(SOURCE_FILES) + 1} 个文件的校验和相符" in restored.stdout
    assert f"{len(source.state.row_counts)} 张表的行数与备份一致" in restored.stdout

    state = target.state()
    assert state == source.state
    assert sum(state.row_counts.values()) > 500
    assert tree(target.media) == tree(source.media)
    assert tree(target.private) == tree(source.private)
    assert len(tree(target.media)) + len(tree(target.private)) == len(SOURCE_FILES)


def test_a_tampered_archive_is_refused_before_anything_is_written(source, target, tmp_path):
    name = "media/documents/2026/招商引资优惠政策.pdf"
    tampered = rewrite(source.archive, tmp_path / "tampered.tar.gz", flip_byte_of(name))
    refused = target.manage("restore", str(tampered))
    assert refused.returncode == 1, ran(refused)
    assert f"{name} 的校验和不符" in refused.stderr
    assert "没有做任何改动" in refused.stderr
    assert target.state().row_counts == {}
    assert files_in(target.media) == files_in(target.private) == []


def test_a_restore_into_folders_with_files_is_refused(source, target):
    (target.private / "letters").mkdir(parents=True)
    (target.private / "letters" / "已有附件.pdf").write_bytes(b"%PDF-1.4 keep me")
    refused = target.manage("restore", str(source.archive))
    assert refused.returncode == 1, ran(refused)
    assert f"文件夹 {target.private} 中已有文件" in refused.stderr
    assert "数据库" not in refused.stderr.split("：", 1)[1].split("。")[0]  # the database was empty
    assert target.state().row_counts == {}
    assert files_in(target.private) == ["letters/已有附件.pdf"]
    assert (target.private / "letters" / "已有附件.pdf").read_bytes() == b"%PDF-1.4 keep me"
    assert files_in(target.media) == []


@pytest.mark.django_db
def test_a_restore_into_a_database_with_tables_is_refused(source, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "logo.png").write_bytes(b"\x89PNG keep me")
    pages = Page.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(source.archive))
    message = str(refused.value)
    assert f"已有 {len(source.state.row_counts)} 张表" in message
    assert f"文件夹 {tmp_path / 'media'} 中已有文件" in message
    assert f"文件夹 {tmp_path / 'private'}" not in message
    assert Page.objects.count() == pages
    assert files_in(tmp_path / "media") == ["logo.png"]
    assert not (tmp_path / "private").exists()


# --- damaged, foreign or incompatible archives ---------------------------------------------------

DATABASE = DUMP_NAMES[connection.vendor]
DAMAGE = {
    "cut short": (
        lambda archive, into: into.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2]),
        "不完整或已损坏",
    ),
    "not an archive": (lambda archive, into: into.write_text("不是备份"), "不完整或已损坏"),
    "database changed": (lambda a, into: rewrite(a, into, flip_byte_of(DATABASE)), f"{DATABASE} 的校验和不符"),
    "file taken out": (
        lambda a, into: rewrite(a, into, without("private/rectification/佐证材料.png")),
        "缺少 private/rectification/佐证材料.png",
    ),
    "file added": (
        lambda a, into: rewrite(a, into, extra=(member("media/后加的.txt"),)),
        "清单中没有 media/后加的.txt",
    ),
    "file twice": (
        lambda a, into: rewrite(a, into, extra=(member("media/documents/空白.txt", data=b"#!/bin/sh"),)),
        "media/documents/空白.txt 出现了不止一次",
    ),
    "no manifest": (lambda a, into: rewrite(a, into, without("manifest.json")), "没有清单 manifest.json"),
    "garbled manifest": (
        lambda a, into: rewrite(a, into, lambda m, d: (m, d[:-5] if m.name == "manifest.json" else d)),
        "manifest.json 无法读取",
    ),
    "newer format": (
        lambda a, into: rewrite(a, into, with_manifest(lambda m: m.update(format_version=2))),
        "比本程序支持的版本 1 新",
    ),
    "path out of the folder": (
        lambda a, into: rewrite(a, into, extra=(member("media/../../etc/cron.d/x"),)),
        "不应有的条目“media/../../etc/cron.d/x”",
    ),
    "absolute path": (lambda a, into: rewrite(a, into, extra=(member("/etc/passwd"),)), "不应有的条目“/etc/passwd”"),
    "symbolic link": (
        lambda a, into: rewrite(a, into, extra=(member("media/link", tarfile.SYMTYPE),)),
        "不应有的条目“media/link”",
    ),
    "unknown folder": (lambda a, into: rewrite(a, into, extra=(member("static/x.js"),)), "不应有的条目“static/x.js”"),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_archives_are_refused_with_a_reason(source, tmp_path, damage):
    make, reason = DAMAGE[damage]
    damaged = tmp_path / "damaged.tar.gz"
    make(source.archive, damaged)
    with pytest.raises(CommandError, match=r"已拒绝恢复|不是本系统的备份|更新的 ZonePortal") as refused:
        call_command("restore", str(damaged), "--verify-only")
    assert reason in str(refused.value)


def test_an_intact_archive_verifies(source):
    out = io.StringIO()
    call_command("restore", str(source.archive), "--verify-only", stdout=out)
    assert f"{len(SOURCE_FILES) + 1} 个文件的校验和全部相符" in out.getvalue()


def test_another_database_vendor_is_refused(source):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    manifest = copy.deepcopy(source.manifest)
    manifest["database"] = {"vendor": other, "file": DUMP_NAMES[other]}
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    with pytest.raises(
        BackupError, match=f"备份来自 {names[other]} 数据库，当前配置的是 {names[connection.vendor]} 数据库"
    ):
        check_compatible(manifest, connection.vendor)
    check_compatible(source.manifest, connection.vendor)  # its own vendor: accepted


def test_a_backup_of_newer_code_is_refused(source):
    manifest = copy.deepcopy(source.manifest)
    manifest["migrations"]["core"] = "9999_from_a_later_version"
    with pytest.raises(BackupError, match=r"当前代码没有这些迁移：core\.9999_from_a_later_version"):
        check_compatible(manifest, connection.vendor)


# --- retention and the terminal ------------------------------------------------------------------


def test_keep_deletes_the_oldest_backups_only(source, settings, tmp_path, django_db_blocker):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = source.media, source.private
    older = [
        "zoneportal-20250101-020000.tar.gz",
        "zoneportal-20251201-020000.tar.gz",
        "zoneportal-20251201-020000-2.tar.gz",
    ]
    others = ["notes.txt", ".zoneportal-20261201-020000.tar.gz.part"]
    for name in older + others:
        (tmp_path / name).write_bytes(b"old")
    out = io.StringIO()
    # Outside a test transaction, as in service: SQLite's backup waits for the writer a transaction would be.
    with django_db_blocker.unblock():
        call_command("backup", "--dir", str(tmp_path), "--keep", "2", stdout=out)
    [new] = [path for path in archives_in(tmp_path) if path.name not in older]
    assert [path.name for path in archives_in(tmp_path)] == ["zoneportal-20251201-020000-2.tar.gz", new.name]
    assert all((tmp_path / name).exists() for name in others)
    assert "已删除旧备份" in out.getvalue() and "zoneportal-20250101-020000.tar.gz" in out.getvalue()
    assert f"文件 {len(SOURCE_FILES)} 个" in out.getvalue()


def test_keep_must_leave_at_least_one(tmp_path):
    with pytest.raises(CommandError, match="--keep 至少为 1"):
        call_command("backup", "--dir", str(tmp_path), "--keep", "0")
    assert list(tmp_path.iterdir()) == []


def test_progress_is_one_rewritten_line_on_a_terminal_only():
    shown: list[str] = []
    progress = Progress("正在备份", 4 * 1024 * 1024, shown.append, enabled=True)
    progress.advance(1024 * 1024)
    progress.finish()
    assert shown == ["\r正在备份：25%（1.0 MB / 4.0 MB）", "\r正在备份：100%（4.0 MB / 4.0 MB）", "\n"]
    silent: list[str] = []
    quiet = Progress("正在备份", 100, silent.append, enabled=False)
    quiet.advance(50)
    quiet.finish()
    assert silent == []


def test_an_unfinished_archive_is_deleted_when_a_backup_fails(tmp_path):
    source = tmp_path / "园区.jpg"
    source.write_bytes(SOURCE_FILES["media/original_images/园区鸟瞰.jpg"])
    writer = ArchiveWriter(tmp_path / ".zoneportal-20261207-023000.tar.gz.part")
    assert writer.add_file("media/园区.jpg", source)["size"] == source.stat().st_size
    assert writer.add_file("media/gone.jpg", tmp_path / "deleted meanwhile.jpg") is None
    writer.abort()  # what create_backup does on any error before the rename
    assert sorted(path.name for path in tmp_path.iterdir()) == ["园区.jpg"]
    assert archives_in(tmp_path) == []


def test_pruning_keeps_the_backup_just_written_even_after_the_clock_went_back(tmp_path):
    names = [
        "zoneportal-20261206-023000.tar.gz",
        "zoneportal-20261207-023000.tar.gz",
        "zoneportal-20261205-023000.tar.gz",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"backup")
    current = tmp_path / "zoneportal-20261205-023000.tar.gz"  # written last, by a clock set back
    assert [path.name for path in prune(tmp_path, 2, current=current)] == ["zoneportal-20261206-023000.tar.gz"]
    assert [path.name for path in archives_in(tmp_path)] == [current.name, "zoneportal-20261207-023000.tar.gz"]
    assert [path.name for path in prune(tmp_path, 1)] == [current.name]
