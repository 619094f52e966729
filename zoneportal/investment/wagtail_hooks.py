"""招商与园区 in the back office: parks, enterprises, projects, tasks and indicators as snippets.

They are snippets, not pages: rows of data with inline rows, kept by a
department, read by dashboards and (later) the public pages and the API —
nothing about them is a page of the site tree. Snippets give the listing with
filters and search, the inline editor, and Wagtail's audit log of every
create and edit.
"""

import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .access import InvestmentPermissionPolicy, InvestmentViewSetMixin
from .dashboard_views import DashboardViewSet
from .import_views import CancelView, ConfirmView, ImportView, TableExportMixin, may_import
from .models import Enterprise, Indicator, Industry, InvestmentTask, Park, Project

for _model in (Park, Enterprise, Project, InvestmentTask, Indicator):
    register_permission_policy(_model, InvestmentPermissionPolicy(_model), exact_class=True)


def year_filter(lookup: str) -> django_filters.NumberFilter:
    """Records with a row of that year (``lookup``: the path to the rows' year)."""
    return django_filters.NumberFilter(field_name=lookup, label=_("年份"), distinct=True)


class ProjectFilterSet(WagtailFilterSet):
    year = year_filter("investments__year")

    class Meta:
        model = Project
        fields = ["stage", "park", "industry", "department"]


class IndicatorFilterSet(WagtailFilterSet):
    year = year_filter("years__year")

    class Meta:
        model = Indicator
        fields = ["department", "industry"]


class ExportingIndexView(TableExportMixin, IndexView):
    """The listing with 导出 (.xlsx of the filtered records and their yearly rows) and 导入 buttons."""


class ParkViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = Park
    index_view_class = ExportingIndexView
    icon = "site"
    menu_label = _("园区")
    list_display = [
        "name",
        "planned_area_km2",
        Column("planned_area_mu", label=_("规划面积（亩）")),
        "land_acquired_mu",
        Column("infrastructure_label", label=_("基础设施")),
        "department",
    ]
    list_filter = ["industries", "department"]
    search_fields = ["name", "address"]


class EnterpriseViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = Enterprise
    index_view_class = ExportingIndexView
    icon = "group"
    menu_label = _("企业")
    list_display = [
        "name",
        "credit_code",
        "park",
        "industry",
        BooleanColumn("above_scale", label=_("规模以上")),
        "organisation_form",
        Column("suggested_organisation_label", label=_("建议组建形式")),
        BooleanColumn("organisation_follows_rule", label=_("符合组建规则")),
    ]
    list_filter = ["park", "industry", "organisation_form", "department"]
    search_fields = ["name", "credit_code"]

    def get_queryset(self, request):
        # 规模以上 reads each row's latest year: one query for all rows' years, not one per row.
        return super().get_queryset(request).select_related("park", "industry").prefetch_related("years")


class ProjectViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = Project
    index_view_class = ExportingIndexView
    icon = "tasks"
    menu_label = _("招商项目")
    list_display = [
        "name",
        "park",
        "industry",
        "stage",
        "planned_investment",
        BooleanColumn("major", label=_("亿元以上")),
        BooleanColumn("has_overdue_milestone", label=_("节点超期")),
    ]
    filterset_class = ProjectFilterSet
    search_fields = ["name", "investor"]

    def get_queryset(self, request):
        # 节点超期 reads each row's milestones: one query for all of them.
        return super().get_queryset(request).select_related("park", "industry").prefetch_related("milestones")


class InvestmentTaskViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = InvestmentTask
    icon = "date"
    menu_label = _("招商引资任务")
    list_display = [
        "year",
        "target",
        Column("arrived", label=_("到位资金（万元）")),
        Column("achievement", label=_("完成率（%）")),
        "department",
    ]
    list_filter = ["year"]


class IndicatorViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = Indicator
    index_view_class = ExportingIndexView
    icon = "list-ol"
    menu_label = _("经济指标")
    list_display = ["name", "unit", "industry", "department"]
    filterset_class = IndicatorFilterSet
    search_fields = ["name"]


class IndustryViewSet(SnippetViewSet):
    """The list of clusters; who may edit it is an ordinary model permission (administrators by default)."""

    model = Industry
    icon = "tag"
    menu_label = _("产业集群")
    list_display = ["name", "description", "sort_order"]


class ImportMenuItem(MenuItem):
    """Shown to department staff and the office (the views check again, and each row)."""

    def is_shown(self, request) -> bool:
        return may_import(request.user)


class InvestmentViewSetGroup(SnippetViewSetGroup):
    items = (
        DashboardViewSet,
        ProjectViewSet,
        EnterpriseViewSet,
        ParkViewSet,
        InvestmentTaskViewSet,
        IndicatorViewSet,
        IndustryViewSet,
    )
    menu_icon = "site"
    menu_label = _("招商与园区")
    menu_name = "investment"
    menu_order = 245

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            ImportMenuItem(
                _("导入招商数据"),
                reverse("investment_import:upload"),
                name="investment-import",
                icon_name="upload",
                order=900,
            ),
        ]


import_urls = [
    path("", ImportView.as_view(), name="upload"),
    path("confirm/", ConfirmView.as_view(), name="confirm"),
    path("cancel/", CancelView.as_view(), name="cancel"),
]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("investment-import/", include((import_urls, "investment_import"), namespace="investment_import"))]


register_snippet(InvestmentViewSetGroup)
