"""``manage.py import_policies FILE [--dry-run] [--create-categories]``: policy documents from .jsonl, .csv or .xlsx."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.core.progress import Progress
from zoneportal.policies.importing import CHECK, ImportFile, ImportReport, import_file


class Command(BaseCommand):
    help = _(
        "从 .jsonl、.csv 或 .xlsx 文件导入政策文件：先检查每一行，有任何错误则一份也不写入；"
        "同一外部编号再次导入时更新原文件。"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help=_("要导入的文件（.jsonl、.csv 或 .xlsx）"))
        parser.add_argument("--dry-run", action="store_true", help=_("只检查并报告，不写入"))
        parser.add_argument("--create-categories", action="store_true", help=_("文件中不存在的分类自动新建"))

    def handle(self, *args, file: str, dry_run: bool, create_categories: bool, **options) -> None:
        interactive = self.stdout.isatty()
        progress = Progress(self.stdout.write, 1 if dry_run else 2, self.update_line if interactive else None)
        stage = ""

        def report_progress(name: str, done: int, total: int) -> None:
            nonlocal stage
            if name != stage:
                stage = name
                progress.step(_("检查每一行") if name == CHECK else _("写入并建立搜索索引"), total)
            progress.total = total or done
            progress.tick(done - progress.done)

        try:
            report = import_file(
                ImportFile.from_path(file),
                create_categories=create_categories,
                dry_run=dry_run,
                progress=report_progress,
            )
        except FileNotFoundError as error:
            raise CommandError(_("找不到文件：%(file)s") % {"file": file}) from error
        progress.finish()
        self.print_report(report)
        if report.errors:
            raise CommandError(_("导入失败：发现 %(count)d 处错误，没有写入任何文件。") % {"count": len(report.errors)})

    def update_line(self, text: str) -> None:
        """Rewrite the progress line in place (terminals only)."""
        self.stdout.write(text, ending="")
        self.stdout.flush()

    def print_report(self, report: ImportReport) -> None:
        """Every error with its line and column; or what was (or would be) written."""
        if report.encoding == "gb18030":
            self.stdout.write(_("文件按 GBK（GB18030）编码读取。"))
        for error in report.errors:
            self.stderr.write(str(error))
        if report.errors:
            return
        counts = {"total": report.total, "new": report.new, "updated": report.updated}
        if report.dry_run:
            self.stdout.write(_("检查通过（未写入）：共 %(total)d 份，新增 %(new)d 份，更新 %(updated)d 份。") % counts)
            return
        for name in report.created_categories:
            self.stdout.write(_("新建分类：%(name)s") % {"name": name})
        if report.indexed < report.new + report.updated:
            self.stderr.write(
                _(
                    "注意：网站上还没有已发布的政策法规库页面，导入的文件暂时无法搜索；"
                    "发布该页面后请运行 manage.py rebuild_search_index 建立索引。"
                )
            )
        counts.update(indexed=report.indexed, seconds=report.seconds)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "导入完成：共 %(total)d 份，新增 %(new)d 份，更新 %(updated)d 份，"
                    "已建立搜索索引 %(indexed)d 份，用时 %(seconds).1f 秒。"
                )
                % counts
            )
        )
