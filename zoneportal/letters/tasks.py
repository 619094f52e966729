"""Background work of the letters, run by the task worker (``manage.py db_worker``) or ``letters_daily``."""

from __future__ import annotations

import datetime

from django_tasks import task

from . import oversight


@task()
def letters_daily(day: str | None = None) -> dict:
    """The daily 督办 check: remind heads and the office of letters and orders near or past their deadline.

    ``day`` (ISO date) defaults to today; running it twice on one day sends nothing twice.
    """
    report = oversight.run_daily(datetime.date.fromisoformat(day) if day else None)
    return {"day": report.day.isoformat(), "letters": report.letters, "orders": report.orders, "emails": report.emails}
