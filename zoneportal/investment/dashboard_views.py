"""领导驾驶舱 in the back office: the dashboard page and each chart's table as .xlsx / .csv.

Every department's staff (and the office) may read it, as they read every
investment record (:mod:`.access`); anyone else signed in to the back office
gets the Chinese 403 page, and Wagtail sends anonymous visitors to the login.
The filters are a GET form, so a filtered dashboard has an address, and each
export link carries the same query string: the file holds what the table shows.
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from . import dashboard, statistics
from .access import InvestmentPermissionPolicy
from .models import Project


def may_read(user) -> bool:
    """Whether ``user`` may read the dashboard: whoever may read the investment records."""
    return InvestmentPermissionPolicy(Project).user_has_permission(user, "view")


class FiltersForm(forms.Form):
    """Year, park and industry; the year's choices are the years with data (the newest by default).

    The choices come from :func:`.statistics.filter_choices` (one query for all three lists), so
    checking a chosen park or industry asks the database nothing more.
    """

    year = forms.TypedChoiceField(label=gettext_lazy("年份"), coerce=int)
    park = forms.TypedChoiceField(label=gettext_lazy("园区"), coerce=int, required=False, empty_value=None)
    industry = forms.TypedChoiceField(label=gettext_lazy("产业集群"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, choices: statistics.FilterChoices) -> None:
        years = choices.years or [timezone.localdate().year]
        data = data.copy()
        if not data.get("year"):
            data["year"] = str(years[0])
        super().__init__(data)
        self.names = {"park": dict(choices.parks), "industry": dict(choices.industries)}
        self.fields["year"].choices = [(str(year), _("%(year)s年") % {"year": year}) for year in years]
        self.fields["year"].error_messages["invalid_choice"] = _("没有%(value)s年的数据，请从列表中选择年份。")
        for name, everything in (("park", _("全部园区")), ("industry", _("全部产业"))):
            options = [(str(pk), label) for pk, label in self.names[name].items()]
            self.fields[name].choices = [("", everything), *options]
            self.fields[name].error_messages["invalid_choice"] = _("所选的项目不存在，请重新选择。")

    def filters(self) -> statistics.Filters:
        data = self.cleaned_data
        return statistics.Filters(year=data["year"], park=data["park"], industry=data["industry"])

    def description(self) -> str:
        """The filters in words, e.g. “2015年 · 桂花树工业园 · 全部产业”."""
        data = self.cleaned_data
        return " · ".join(
            [
                _("%(year)s年") % {"year": data["year"]},
                self.names["park"][data["park"]] if data["park"] else _("全部园区"),
                self.names["industry"][data["industry"]] if data["industry"] else _("全部产业"),
            ]
        )


def filters_form(request: HttpRequest) -> FiltersForm:
    return FiltersForm(request.GET, choices=statistics.filter_choices())


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "investment/dashboard/forbidden.html", status=403)


class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    """The figures for the filters: headline numbers, then each chart with its table and exports."""

    template_name = "investment/dashboard/index.html"
    page_title = gettext_lazy("领导驾驶舱")
    header_icon = "table"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_read(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        form = filters_form(self.request)
        context["form"] = form
        if form.is_valid():
            overview = statistics.Overview(form.filters(), timezone.localdate())
            query = self.request.GET.urlencode()
            context.update(
                overview=overview,
                description=form.description(),
                headline=dashboard.headline(overview),
                charts=[
                    (chart, {fmt: export_url(chart.key, fmt, query) for fmt in dashboard.FORMATS})
                    for chart in dashboard.all_charts(overview)
                ],
            )
        return context


def export_url(key: str, fmt: str, query: str) -> str:
    url = reverse("investment_dashboard:export", args=[key, fmt])
    return f"{url}?{query}" if query else url


def export(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    """One chart's table as a download, for the same filters as the dashboard's (400 for bad filters)."""
    if not may_read(request.user):
        return forbidden(request)
    if key not in dashboard.CHARTS or fmt not in dashboard.FORMATS:
        raise Http404
    form = filters_form(request)
    if not form.is_valid():
        errors = "；".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    filters = form.filters()
    chart = dashboard.CHARTS[key](statistics.Overview(filters, timezone.localdate()))
    if fmt == "csv":
        response = HttpResponse(dashboard.to_csv(chart), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(dashboard.to_xlsx(chart), content_type=dashboard.XLSX_TYPE)
    parts = [key, str(filters.year)] + [f"{name}{value}" for name, value in filters.scope().items()]
    response["Content-Disposition"] = f'attachment; filename="{"-".join(parts)}.{fmt}"'
    return response


class DashboardMenuItem(MenuItem):
    """Shown to those who may read the dashboard (the views check again)."""

    def is_shown(self, request) -> bool:
        return may_read(request.user)


class DashboardViewSet(ViewSet):
    """The dashboard's URLs (``/admin/investment-dashboard/``) and its item in the 招商与园区 menu."""

    name = "investment_dashboard"
    url_prefix = "investment-dashboard"
    icon = "table"
    menu_label = gettext_lazy("领导驾驶舱")
    menu_item_class = DashboardMenuItem

    def get_urlpatterns(self):
        return [
            path("", DashboardView.as_view(), name="index"),
            path("export/<slug:key>.<str:fmt>", export, name="export"),
        ]
