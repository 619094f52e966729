"""``manage.py backup [--dir DIR] [--keep N]``: the database, media and private files in one checked archive."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.backups.errors import BackupError
from zoneportal.backups.files import human_size
from zoneportal.backups.retention import prune
from zoneportal.backups.service import create_backup


class Command(BaseCommand):
    help = _(
        "备份数据库（SQLite 在线备份或 pg_dump）、MEDIA_ROOT 和 PRIVATE_MEDIA_ROOT 到一个带校验清单的 .tar.gz 文件"
        "（默认写入 BACKUP_DIR）。不含密钥 SECRET_KEY，请另行保管。"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dir", type=Path, help=_("备份写入哪个文件夹（默认 BACKUP_DIR：%(dir)s）") % {"dir": settings.BACKUP_DIR}
        )
        parser.add_argument("--keep", type=int, help=_("备份完成后只保留最新的 N 个备份，删除更早的"))

    def handle(self, *args, dir: Path | None = None, keep: int | None = None, **options) -> None:
        if keep is not None and keep < 1:
            raise CommandError(_("--keep 至少为 1：刚写好的备份总要保留。"))
        progress = (lambda text: self.stderr.write(text, ending="")) if self.stderr.isatty() else None
        try:
            result = create_backup(dir, progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(
                _("已写入备份 %(path)s（%(size)s）：数据库 %(tables)d 张表共 %(rows)d 行，文件 %(files)d 个。")
                % {
                    "path": result.path,
                    "size": human_size(result.path.stat().st_size),
                    "tables": len(manifest["row_counts"]),
                    "rows": sum(manifest["row_counts"].values()),
                    "files": len(manifest["files"]) - 1,
                }
            )
        )
        if result.vanished:
            self.stdout.write(_("备份期间被删除、未写入备份的文件：%(names)s") % {"names": "、".join(result.vanished)})
        if keep is not None:
            for path in prune(result.path.parent, keep, current=result.path):
                self.stdout.write(_("已删除旧备份 %(path)s") % {"path": path})
