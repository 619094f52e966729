"""Background work of the notices, run by the task worker (``manage.py db_worker``) or ``notices_daily``."""

from __future__ import annotations

import datetime
from dataclasses import asdict

from django_tasks import task

from . import services


@task()
def notices_daily(day: str | None = None) -> dict:
    """Remind unsigned recipients of notices due within 1 working day or past; once a day per person and notice.

    ``day`` (ISO date) defaults to today; running it twice on one day sends nothing twice.
    """
    return asdict(services.run_daily(datetime.date.fromisoformat(day) if day else None))
