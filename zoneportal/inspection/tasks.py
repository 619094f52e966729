"""The daily self-inspection, run by the task worker (``manage.py db_worker``) or ``inspect_site --enqueue``."""

from __future__ import annotations

from django_tasks import task


@task()
def inspect_site_daily() -> dict:
    """Run the whole self-inspection and store it; the result says whether a veto item failed."""
    from .models import InspectionRun
    from .site import run_inspection

    run, report = run_inspection(InspectionRun.Trigger.TASK)
    return {"run": run.pk, "passed": report.passed, "veto_failed": report.veto_failed}


@task()
def inspection_weekly_report(day: str | None = None) -> dict:
    """自查周报 of the week of ``day`` (ISO date; today by default), linked in an e-mail to the office."""
    import datetime

    from django.utils import timezone

    from .weekly_report import send_weekly_report

    return send_weekly_report(datetime.date.fromisoformat(day) if day else timezone.localdate())
