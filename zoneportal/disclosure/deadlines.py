"""The answer deadline of a disclosure request (依申请公开), in China's working days.

The rules of the Regulations on Open Government Information (《中华人民共和国政府信息公开条例》, 2019):

- the request is answered within **20 working days** of its receipt (第三十三条);
- when the request is unclear the office may ask once for a correction (补正); the 20 days
  then count from the day the **correction arrives** (第三十条). The applicant has
  :data:`CORRECTION_DAYS` working days to answer — our choice of the "reasonable period" the
  regulations leave open; without a correction by then the request is deemed withdrawn;
- the time a **third party** takes to give its opinion does not count (第三十二条): the working
  days between sending the consultation and receiving the answer are added to the deadline,
  and while it runs the clock stands still;
- with the approval of the office's head the deadline may be **extended once** by at most
  :data:`MAX_EXTENSION_DAYS` working days (第三十三条).

The functions take plain dates and numbers, no model, so every rule is tested on its own;
working days come from :mod:`zoneportal.core.workdays` (chinese-calendar and the Holiday table).
"""

from __future__ import annotations

import datetime

from zoneportal.core.workdays import add_working_days, working_days_between, working_days_left

#: Working days from receipt (or from the correction's arrival) to the answer.
ANSWER_DAYS = 20
#: Working days the applicant has to send the correction asked for.
CORRECTION_DAYS = 15
#: The one extension may add at most this many working days.
MAX_EXTENSION_DAYS = 20
#: A request due within this many working days is flagged 临近期限 to the office.
NEAR_DAYS = 5

OVERDUE = "overdue"
NEAR = "near"


def answer_due(clock_start: datetime.date, paused_days: int = 0, extension_days: int = 0) -> datetime.date:
    """The last day to answer: ``ANSWER_DAYS`` working days after ``clock_start``, plus the working days
    a third party's consultation took (``paused_days``) and the extension granted."""
    return add_working_days(clock_start, ANSWER_DAYS + paused_days + extension_days)


def correction_due(asked_on: datetime.date) -> datetime.date:
    """The last day the applicant may send the correction asked for on ``asked_on``."""
    return add_working_days(asked_on, CORRECTION_DAYS)


def paused_working_days(sent_on: datetime.date, answered_on: datetime.date) -> int:
    """The working days a consultation sent on ``sent_on`` and answered on ``answered_on`` kept the clock still.

    The day it is sent still counts for the office (the clock had run that day); every
    working day after it up to the answer's arrival is the third party's.
    """
    return working_days_between(sent_on, answered_on)


def deadline_flag(due_on: datetime.date | None, today: datetime.date) -> str:
    """``OVERDUE`` once ``due_on`` has passed, ``NEAR`` within ``NEAR_DAYS`` working days, else ""."""
    if due_on is None:
        return ""
    left = working_days_left(due_on, today)
    if left < 0:
        return OVERDUE
    if left <= NEAR_DAYS:
        return NEAR
    return ""


def last_near_day(today: datetime.date) -> datetime.date:
    """The latest deadline still flagged ``NEAR`` on ``today`` (for filtering in the database)."""
    return add_working_days(today, NEAR_DAYS + 1) - datetime.timedelta(days=1)
