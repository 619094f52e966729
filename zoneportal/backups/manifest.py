"""The manifest: what a backup holds and how to check it (``manifest.json``, the archive's last member).

It records the format version, when and by which versions the backup was made, the database vendor,
the last migration of each app, the rows of every table and the SHA-256 of every other file in the
archive. It is written last because the checksums are taken while the files are copied in, so a
file is read once and its checksum is that of the bytes in the archive.
"""

from __future__ import annotations

import json
import platform
import tomllib
from typing import Any

import django
import wagtail
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

from .database import DUMP_NAMES, VENDOR_NAMES, DatabaseState
from .errors import BackupError

NAME = "manifest.json"
FORMAT = "zoneportal-backup"
FORMAT_VERSION = 1


def app_version() -> str:
    """ZonePortal's version, from pyproject.toml."""
    with open(settings.BASE_DIR / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def build(vendor: str, state: DatabaseState, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The manifest of a backup whose database has ``state`` and whose files are ``files`` (name → sha256, size)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "versions": {
            "zoneportal": app_version(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "python": platform.python_version(),
        },
        "database": {"vendor": vendor, "file": DUMP_NAMES[vendor]},
        "migrations": state.migrations,
        "row_counts": state.row_counts,
        "files": files,
    }


def encode(manifest: dict[str, Any]) -> bytes:
    """The manifest as stored: indented UTF-8 JSON, Chinese file names readable."""
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()


def parse(data: bytes) -> dict[str, Any]:
    """Read a stored manifest, refusing one this program cannot trust or understand."""
    unreadable = _("备份清单 manifest.json 无法读取：这不是本系统的备份文件，或文件已损坏。")
    try:
        manifest = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(unreadable) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(unreadable)
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            _("备份格式版本 %(version)s 比本程序支持的版本 %(supported)d 新：请用更新的 ZonePortal 恢复。")
            % {"version": version, "supported": FORMAT_VERSION}
        )
    shapes = {"database": dict, "migrations": dict, "row_counts": dict, "files": dict, "versions": dict}
    if any(not isinstance(manifest.get(key), shape) for key, shape in shapes.items()):
        raise BackupError(unreadable)
    for entry in manifest["files"].values():
        if not (
            isinstance(entry, dict) and isinstance(entry.get("sha256"), str) and isinstance(entry.get("size"), int)
        ):
            raise BackupError(unreadable)
    return manifest


def check_compatible(manifest: dict[str, Any], vendor: str) -> None:
    """Refuse a backup this installation cannot restore: another database vendor, or newer code's migrations."""
    source = manifest["database"].get("vendor")
    if source != vendor or manifest["database"].get("file") != DUMP_NAMES[vendor]:
        raise BackupError(
            _(
                "备份来自 %(source)s 数据库，当前配置的是 %(target)s 数据库，不能直接恢复。"
                "请在 %(source)s 上恢复（DATABASE_URL 指向一个空的 %(source)s 数据库）。"
            )
            % {"source": VENDOR_NAMES.get(source, source), "target": VENDOR_NAMES[vendor]}
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    unknown = [
        f"{app}.{name}"
        for app, name in sorted(manifest["migrations"].items())
        if app in loader.migrated_apps and (app, name) not in loader.graph.nodes
    ]
    if unknown:
        raise BackupError(
            _(
                "备份来自更新的程序版本（ZonePortal %(version)s），当前代码没有这些迁移：%(migrations)s。"
                "请先部署与备份相同或更新的版本，再恢复。"
            )
            % {"version": manifest["versions"].get("zoneportal", "?"), "migrations": "、".join(unknown)}
        )
