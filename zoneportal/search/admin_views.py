"""搜索统计: what visitors search for, and what they search for in vain.

Editors use the zero-result list to add synonyms, fix titles or write the
missing page. Only administrators and holders of ``search.view_searchquery``
(a group permission on 搜索记录) see it; the check is made by the view, not
just by hiding the menu item.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import engine

REPORT_PERMISSION = "search.view_searchquery"
PERIODS = (7, engine.REPORT_DAYS)
REPORT_LIMIT = 50


@method_decorator(permission_required(REPORT_PERMISSION), name="dispatch")
class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """Top queries and zero-result queries of the last 7 or 30 days."""

    template_name = "search/admin/report.html"
    page_title = _("搜索统计")
    header_icon = "search"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        days = 7 if self.request.GET.get("days") == "7" else engine.REPORT_DAYS
        top, zero = engine.query_report(days=days, limit=REPORT_LIMIT)
        url = reverse("search_report")
        context.update(
            days=days,
            periods=[(period, f"{url}?days={period}") for period in PERIODS],
            top_queries=top,
            zero_queries=zero,
            search_url=reverse("search:index"),
        )
        return context
