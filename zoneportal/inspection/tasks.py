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
