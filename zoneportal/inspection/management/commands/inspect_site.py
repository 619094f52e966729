"""``manage.py inspect_site [--json] [--enqueue]``: the site's self-inspection, for cron and monitoring.

Exit status 0 when no veto item (单项否决) fails, 1 when one does; each run is stored (网站自查记录).
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from zoneportal.core.progress import Progress
from zoneportal.inspection.models import InspectionRun
from zoneportal.inspection.site import PROGRESS_STEPS, run_inspection

#: Offenders printed per indicator in the text output (all of them are in --json and in the stored run).
SHOWN_OFFENDERS = 20


class Command(BaseCommand):
    help = _("网站自查：首页和栏目更新、空白栏目、站内链接、来信答复、内容合规；单项否决未通过时退出状态为 1。")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", dest="as_json", action="store_true", help=_("以 JSON 输出结果（供监控程序读取）"))
        parser.add_argument(
            "--external-links", action="store_true", help=_("同时经网络检查外部链接（每个地址的结果保留一天）")
        )
        parser.add_argument("--enqueue", action="store_true", help=_("交给后台任务执行（db_worker），不在本进程中执行"))

    def handle(
        self, *args, as_json: bool = False, enqueue: bool = False, external_links: bool = False, **options
    ) -> None:
        if enqueue:
            from zoneportal.inspection.tasks import inspect_site_daily

            result = inspect_site_daily.enqueue()
            self.stdout.write(_("已加入后台任务队列：%(id)s") % {"id": result.id})
            return
        # Progress goes to stderr, so --json's stdout stays one JSON document.
        terminal = self.stderr.isatty() if hasattr(self.stderr, "isatty") else False
        progress = Progress(
            lambda line: self.stderr.write(line),
            PROGRESS_STEPS,
            update=(lambda text: self.stderr.write(text, ending="")) if terminal else None,
        )
        run, report = run_inspection(
            InspectionRun.Trigger.COMMAND, progress=progress, external_links=external_links or None
        )
        if as_json:
            self.stdout.write(_dumps(run))
        else:
            self._print(run, report)
        if report.veto_failed:
            sys.exit(1)

    def _print(self, run: InspectionRun, report) -> None:
        for result in report.results:
            mark = _("通过") if result.passed else (_("否决") if result.veto else _("未通过"))
            self.stdout.write(f"[{mark}] {result.label}：{result.summary}")
            for offender in result.offenders[:SHOWN_OFFENDERS]:
                self.stdout.write(f"    {offender.title}  {offender.url}  {offender.detail}")
            if len(result.offenders) > SHOWN_OFFENDERS:
                self.stdout.write("    " + _("……共 %(count)d 项") % {"count": len(result.offenders)})
        verdict = (
            _("单项否决未通过")
            if report.veto_failed
            else (
                _("全部通过")
                if report.passed
                else _("无单项否决，%(count)d 项指标未通过") % {"count": run.failed_count}
            )
        )
        self.stdout.write(_("自查记录 %(id)d：%(verdict)s") % {"id": run.pk, "verdict": verdict})


def _dumps(run: InspectionRun) -> str:
    return json.dumps(
        {
            "run": run.pk,
            "started_at": run.started_at.isoformat(),
            "passed": run.passed,
            "veto_failed": run.veto_failed,
            "indicators": run.results,
        },
        ensure_ascii=False,
        indent=2,
    )
