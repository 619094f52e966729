"""The back office: a page's 合规检查 (on demand, and where a refused approval lands), the self-inspection runs."""

from __future__ import annotations

import io

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, TaskState

from zoneportal.core.admin_views import forbidden
from zoneportal.core.ownership import is_office

from . import weekly_report as weekly
from .content import inspect_page
from .models import InspectionRun


def may_check(user, page: Page) -> bool:
    """Whoever may edit the page, or review it now (a head or the office at its current step)."""
    if page.permissions_for_user(user).can_edit():
        return True
    return (
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(page.pk))
        .exists()
    )


class PageComplianceView(WagtailAdminTemplateMixin, TemplateView):
    """合规检查: the findings of the page's latest revision, blocking first, each with where it is."""

    template_name = "inspection/page_report.html"
    page_title = gettext_lazy("合规检查")
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not may_check(request.user, self.page):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": _("合规检查")},
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        obj = self.page.get_latest_revision_as_object() if self.page.latest_revision_id else self.page
        findings = sorted(inspect_page(obj), key=lambda finding: not finding.blocking)
        context.update(
            page=self.page,
            findings=findings,
            blocking_count=sum(finding.blocking for finding in findings),
            blocked=self.request.GET.get("blocked") == "1",
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return context


class InspectionRunsView(WagtailAdminTemplateMixin, TemplateView):
    """网站自查: the latest run's indicators with their offenders, and the earlier runs (office only)."""

    template_name = "inspection/runs.html"
    page_title = gettext_lazy("网站自查")
    header_icon = "tasks"

    #: Earlier runs listed.
    HISTORY = 60

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_office(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        runs = list(InspectionRun.objects.all()[: self.HISTORY])
        chosen = self.request.GET.get("run")
        current = None
        if chosen and chosen.isdigit():
            current = get_object_or_404(InspectionRun, pk=int(chosen))
        elif runs:
            current = runs[0]
        context.update(runs=runs, current=current)
        return context


def weekly_report(request: HttpRequest, fmt: str) -> HttpResponse:
    """自查周报 as .xlsx or .pdf for the week of ``?week=`` (any day; this week by default), office only."""
    if not is_office(request.user):
        return forbidden(request)
    try:
        day = parse_date(request.GET.get("week", "")) or timezone.localdate()
    except ValueError:
        day = timezone.localdate()
    report = weekly.build(day)
    if fmt == "xlsx":
        content, content_type = (
            weekly.to_xlsx(report),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "pdf":
        content, content_type = weekly.to_pdf(report), "application/pdf"
    else:
        raise Http404
    name = _("网站自查周报-%(start)s.%(fmt)s") % {"start": report.start, "fmt": fmt}
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=name, content_type=content_type)
