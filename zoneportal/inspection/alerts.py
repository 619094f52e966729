"""The office told when a 单项否决 (veto) indicator fails: one e-mail per run, after the run is committed."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.notifications import admin_address, notify
from zoneportal.core.ownership import office_people

from .models import InspectionRun


def run_url(run: InspectionRun) -> str:
    """The run's page in the back office (网站自查 › 自查结果, this run chosen)."""
    return admin_address(reverse("inspection_runs") + f"?run={run.pk}")


def veto_message(run: InspectionRun) -> tuple[str, str]:
    """The subject and body naming each failed veto indicator and its summary, with the run's address."""
    failed = [item for item in run.results if item["veto"] and not item["passed"]]
    subject = _("网站自查单项否决未通过（%(when)s）") % {
        "when": timezone.localtime(run.started_at).strftime("%Y-%m-%d %H:%M")
    }
    lines = [_("以下单项否决指标未通过，请尽快整改："), ""]
    lines += [f"- {item['label']}：{item['summary']}" for item in failed]
    lines += ["", _("详见自查结果：%(url)s") % {"url": run_url(run)}]
    return subject, "\n".join(lines)


def notify_office(run: InspectionRun) -> int:
    """E-mail the office's people about ``run``'s failed veto items; how many e-mails went out."""
    if not run.veto_failed:
        return 0
    subject, body = veto_message(run)
    emails = sorted({person.email for person in office_people().exclude(email="")})
    return sum(notify(subject=subject, body=body, email=email) for email in emails)


def notify_office_on_commit(run: InspectionRun) -> None:
    """Once the run is stored: a notification never reports a run that was rolled back."""
    if run.veto_failed:
        transaction.on_commit(lambda: notify_office(run))
