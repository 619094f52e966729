"""Background work of 公文流转, run by the task worker (``manage.py db_worker``) or ``circulation_daily``."""

from __future__ import annotations

import datetime
from dataclasses import asdict

from django_tasks import task

from . import reminders


@task()
def circulation_daily(day: str | None = None) -> dict:
    """Remind the people whose step is due within 1 working day or past; once a day per person and document.

    ``day`` (ISO date) defaults to today; running it twice on one day sends nothing twice.
    """
    return asdict(reminders.run_daily(datetime.date.fromisoformat(day) if day else None))
