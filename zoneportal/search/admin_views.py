"""搜索统计: what visitors search for, and what they search for in vain.

Editors use the zero-result list to add synonyms, fix titles or write the
missing page. Administrators (``search.add_hiddensearchterm``) can hide a term from
the report, the public hot words and the suggestions; junk is left out on its own
(``query_log``). Only administrators and holders of ``search.view_searchquery``
(a group permission on 搜索记录) see it; the check is made by the view, not
just by hiding the menu item.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import query_log
from .models import HiddenSearchTerm

REPORT_PERMISSION = "search.view_searchquery"
PERIODS = (7, query_log.REPORT_DAYS)
REPORT_LIMIT = 50


@method_decorator(permission_required(REPORT_PERMISSION), name="dispatch")
class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """Top queries and zero-result queries of the last 7 or 30 days."""

    template_name = "search/admin/report.html"
    page_title = gettext_lazy("搜索统计")
    header_icon = "search"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        days = 7 if self.request.GET.get("days") == "7" else query_log.REPORT_DAYS
        top, zero = query_log.query_report(days=days, limit=REPORT_LIMIT)
        url = reverse("search_report")
        context.update(
            days=days,
            periods=[(period, f"{url}?days={period}") for period in PERIODS],
            top_queries=top,
            zero_queries=zero,
            search_url=reverse("search:index"),
            can_hide=self.request.user.has_perm(HIDE_PERMISSION),
            hidden_terms=HiddenSearchTerm.objects.all(),
            hide_url=reverse("search_report_hide"),
            here=self.request.get_full_path(),
        )
        return context


HIDE_PERMISSION = "search.add_hiddensearchterm"


@method_decorator(permission_required(HIDE_PERMISSION), name="dispatch")
class HideSearchTermView(View):
    """POST ``text`` (and ``restore`` to undo): hide a term from the report, hot words and suggestions."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        text = request.POST.get("text", "").strip()[: HiddenSearchTerm._meta.get_field("text").max_length]
        if text:
            if request.POST.get("restore"):
                HiddenSearchTerm.objects.filter(text=text).delete()
                messages.success(request, _("“%(text)s”已恢复显示。") % {"text": text})
            else:
                HiddenSearchTerm.objects.get_or_create(text=text)
                hidden = _("“%(text)s”已隐藏，不再出现在统计、热门搜索词和搜索建议中。") % {"text": text}
                messages.success(request, hidden)
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse("search_report")
        return redirect(back)
