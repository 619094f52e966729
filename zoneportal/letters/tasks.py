"""Background work of the letters, run by the task worker (``manage.py db_worker``) or ``letters_daily``."""

from __future__ import annotations

import datetime

from django_tasks import task

from zoneportal.supervision import reminders

from . import oversight


@task()
def letters_daily(day: str | None = None) -> dict:
    """The daily 督办 check: remind heads and the office of letters and 督办事项 near or past their deadline.

    The 督办事项 (letters' supervision orders, leaders' instructions, …) are reminded here too, so that the
    zone runs one daily timer. ``day`` (ISO date) defaults to today; running it twice on one day sends
    nothing twice.
    """
    date = datetime.date.fromisoformat(day) if day else None
    letters = oversight.run_daily(date)
    items = reminders.run_daily(date)
    return {
        "day": letters.day.isoformat(),
        "letters": letters.letters,
        "items": items.items,
        "emails": letters.emails + items.emails,
    }
