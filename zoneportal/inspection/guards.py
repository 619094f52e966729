"""Compliance before publishing: blocking findings stop it, warnings are logged for the reviewer's decision.

Why these mechanisms, and not a workflow step of our own: the 三审 workflows already exist per
department (``core.ownership``) and a new Task would have to be added to every one of them, and
would wait for a person to act. The least invasive points that cover every way a page goes live are

- the approval of a review step (``ReviewTask.on_action`` asks ``core.approval_guards``; this module
  registers :func:`approval_guard`): the head and the office cannot pass a page with a blocking finding —
  the step stays in review and the reviewer is sent to the 合规检查 page saying what and where;
- ``before_publish_page``: a direct 发布 (the office, administrators) of a page with a blocking finding
  is refused with the reasons in the editor; the revision is kept as a draft;
- ``after_edit_page``: an approval made from the edit page's footer, whose view ignores the URL the
  task returns, shows the same reasons.

Warnings never stop anything: they are written to the page's history (Wagtail log entries,
:data:`WARNINGS_ACTION`) with the user who went ahead.

A letter's reply (来信答复) is checked the same way by :func:`check_reply`, which the letters app calls
where a reply is approved (``workflow.perform``, whichever view or API asks) and where a letter is put
on the public site.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

from .checks import Finding, with_where
from .content import Rules, blocking, describe, inspect_page

#: Log actions (报告 → 网站历史, and the page's own history).
BLOCKED_ACTION = "zoneportal.inspection.blocked"
WARNINGS_ACTION = "zoneportal.inspection.warnings"

#: How many findings a log entry keeps (a page full of mobile numbers need not fill the log).
LOGGED_FINDINGS = 20


def page_report_url(page: Page, blocked: bool = False) -> str:
    """The 合规检查 page of ``page``; ``blocked`` says an approval or publish was just refused."""
    url = reverse("inspection_page", args=[page.pk])
    return f"{url}?blocked=1" if blocked else url


def log_findings(obj, action: str, user, findings: list[Finding]) -> None:
    """Record ``findings`` in ``obj``'s history."""
    log(
        instance=obj,
        action=action,
        user=user,
        data={"findings": [finding.as_dict() for finding in findings[:LOGGED_FINDINGS]], "count": len(findings)},
    )


def judge(obj, user, rules: Rules | None = None) -> list[Finding]:
    """The blocking findings of ``obj`` (logged as refused), or none — then its warnings are logged."""
    findings = inspect_page(obj, rules)
    stopping = blocking(findings)
    if stopping:
        log_findings(obj, BLOCKED_ACTION, user, stopping)
    elif findings:
        log_findings(obj, WARNINGS_ACTION, user, findings)
    return stopping


def check_reply(letter, text: str, user) -> None:
    """Before a letter's reply goes out: a ValidationError naming each blocking finding; warnings logged.

    Called inside the transaction that publishes the reply: the refusal rolls it back, whole.
    """
    findings = with_where(Rules.load().check_text(text), _("答复内容"))
    stopping = blocking(findings)
    if stopping:
        message = _("答复未通过合规检查，不能发布，请先修改：%(reasons)s")
        raise ValidationError(message % {"reasons": describe(stopping)})
    if findings:
        log_findings(letter, WARNINGS_ACTION, user if getattr(user, "is_authenticated", False) else None, findings)


def approval_guard(task_state, user) -> str | None:
    """Before a review step is approved: a URL saying why when the page's latest revision has a blocking finding.

    The latest revision, not the one the step started with: it is what Wagtail publishes at the end.
    """
    state = task_state.workflow_state
    if not issubclass(state.content_type.model_class(), Page):
        return None
    # Read apart from ``state.content_object``: caching it here would leave the workflow's own copy
    # unpublished after the approval (the 已通过 e-mail would say the page is not live).
    page = Page.objects.get(pk=state.object_id).specific
    obj = page.get_latest_revision_as_object()
    if judge(obj, user):
        return page_report_url(obj, blocked=True)
    return None


def before_publish_page(request: HttpRequest, page: Page) -> HttpResponse | None:
    """A direct publish from the editor: refused, with the reasons, while a blocking finding remains."""
    obj = page.get_latest_revision_as_object() if page.latest_revision_id else page
    stopping = judge(obj, request.user)
    if not stopping:
        return None
    messages.error(request, _("不能发布，请先修改：%(reasons)s") % {"reasons": describe(stopping)})
    return redirect("wagtailadmin_pages:edit", page.pk)


def after_edit_page(request: HttpRequest, page: Page) -> HttpResponse | None:
    """An approval from the editor's footer that the guard refused: say why, on the 合规检查 page."""
    if request.method != "POST" or "action-workflow-action" not in request.POST:
        return None
    if request.POST.get("workflow-action-name") != "approve":
        return None
    state = page.current_workflow_task_state
    if state is None or state.status != state.STATUS_IN_PROGRESS:
        return None
    stopping = blocking(inspect_page(page.get_latest_revision_as_object()))
    if not stopping:
        return None
    messages.error(request, _("不能通过审核，请先修改：%(reasons)s") % {"reasons": describe(stopping)})
    return redirect(page_report_url(page, blocked=True))


class FindingsFormatter(LogFormatter):
    """The history line: what the checks found, where."""

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        findings = [Finding(**item) for item in data.get("findings", [])]
        return f"{self.label}：{describe(findings, limit=LOGGED_FINDINGS)}"


class BlockedFormatter(FindingsFormatter):
    label = gettext_lazy("合规检查未通过，不能发布")


class WarningsFormatter(FindingsFormatter):
    label = gettext_lazy("合规检查提示（由审核人决定）")
