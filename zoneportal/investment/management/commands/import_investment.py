"""``manage.py import_investment KIND FILE [--dry-run]``: parks, enterprises, projects or yearly figures from .xlsx."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.core.progress import Progress
from zoneportal.core.tabular import ImportFile
from zoneportal.investment.tabular import CHECK, FORMATS, TABLES, ImportReport, import_file


class Command(BaseCommand):
    help = _(
        "从 .xlsx 文件导入园区、企业、招商项目或年度数据：先检查每一行，有任何错误则一行也不写入；"
        "已有的记录（园区名称、统一社会信用代码、项目名称加投资方、记录加年份）被更新。"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "kind",
            choices=list(TABLES),
            help=_("导入什么：%(kinds)s")
            % {"kinds": "，".join(f"{name}（{table.label}）" for name, table in TABLES.items())},
        )
        parser.add_argument("file", help=_("要导入的 .xlsx 文件"))
        parser.add_argument("--dry-run", action="store_true", help=_("只检查并报告，不写入"))

    def handle(self, *args, kind: str, file: str, dry_run: bool, **options) -> None:
        table = TABLES[kind]
        interactive = self.stdout.isatty()
        progress = Progress(self.stdout.write, 1 if dry_run else 2, self.update_line if interactive else None)
        stage = ""

        def report_progress(name: str, done: int, total: int) -> None:
            nonlocal stage
            if name != stage:
                stage = name
                progress.step(_("检查每一行") if name == CHECK else _("写入"), total)
            progress.total = total or done
            progress.tick(done - progress.done)

        try:
            report = import_file(table, ImportFile.from_path(file, FORMATS), dry_run=dry_run, progress=report_progress)
        except FileNotFoundError as error:
            raise CommandError(_("找不到文件：%(file)s") % {"file": file}) from error
        progress.finish()
        self.print_report(report)
        if report.errors:
            raise CommandError(_("导入失败：发现 %(count)d 处错误，没有写入任何一行。") % {"count": len(report.errors)})

    def update_line(self, text: str) -> None:
        """Rewrite the progress line in place (terminals only)."""
        self.stdout.write(text, ending="")
        self.stdout.flush()

    def print_report(self, report: ImportReport) -> None:
        """Every error with its row and column; or what was (or would be) written."""
        for error in report.errors:
            self.stderr.write(str(error))
        if report.errors:
            return
        counts = {"total": report.total, "new": report.new, "updated": report.updated, "label": report.table.label}
        if report.dry_run:
            self.stdout.write(
                _("检查通过（未写入）：%(label)s共 %(total)d 行，新增 %(new)d 条，更新 %(updated)d 条。") % counts
            )
            return
        counts["seconds"] = report.seconds
        self.stdout.write(
            self.style.SUCCESS(
                _("导入完成：%(label)s共 %(total)d 行，新增 %(new)d 条，更新 %(updated)d 条，用时 %(seconds).1f 秒。")
                % counts
            )
        )
