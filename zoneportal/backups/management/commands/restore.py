"""``manage.py restore ARCHIVE [--verify-only]``: a backup into an empty database and empty media folders."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.backups.database import VENDOR_NAMES
from zoneportal.backups.errors import BackupError
from zoneportal.backups.service import restore_backup, verify_archive


class Command(BaseCommand):
    help = _(
        "把 manage.py backup 写的备份恢复到空的数据库、MEDIA_ROOT 和 PRIVATE_MEDIA_ROOT："
        "先校验每个文件的校验和，再写入，最后核对每个文件和每张表的行数。"
    )
    # Nothing may touch the database before the check that it is empty.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help=_("备份文件（.tar.gz）"))
        parser.add_argument("--verify-only", action="store_true", help=_("只校验备份文件，不恢复"))

    def handle(self, *args, archive: Path, verify_only: bool = False, **options) -> None:
        progress = (lambda text: self.stderr.write(text, ending="")) if self.stderr.isatty() else None
        try:
            if verify_only:
                manifest = verify_archive(archive, progress)
            else:
                result = restore_backup(archive, progress)
                manifest = result.manifest
        except BackupError as error:
            raise CommandError(str(error)) from error
        summary = {
            "created": manifest["created_at"],
            "vendor": VENDOR_NAMES.get(manifest["database"]["vendor"], manifest["database"]["vendor"]),
            "version": manifest["versions"].get("zoneportal", "?"),
            "files": len(manifest["files"]),
            "tables": len(manifest["row_counts"]),
        }
        if verify_only:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "备份完好：%(created)s 的 %(vendor)s 备份（ZonePortal %(version)s），"
                        "%(files)d 个文件的校验和全部相符。"
                    )
                    % summary
                )
            )
            return
        problems = result.file_problems + result.row_problems
        if problems:
            raise CommandError(_("已恢复，但核对时发现不一致：%(problems)s") % {"problems": "；".join(problems)})
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "已恢复 %(created)s 的备份（ZonePortal %(version)s，%(vendor)s）：%(files)d 个文件的校验和相符，"
                    "%(tables)d 张表的行数与备份一致。"
                )
                % summary
            )
        )
        if result.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    _("备份来自较早的版本，还有 %(count)d 个迁移未应用：请运行 manage.py migrate。")
                    % {"count": len(result.pending_migrations)}
                )
            )
