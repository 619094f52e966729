"""目标管理 in the back office: 部门绩效 (office and heads) and 考核目标 (office) in the 网上办公 submenu."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from zoneportal.core.admin_views import answer_denial_with_403
from zoneportal.core.menus import ONLINE_OFFICE_MENU_HOOK, OfficeMenuItem
from zoneportal.letters.admin_views import OfficeOnlyPolicy

from .access import may_read
from .models import PerformanceTarget
from .views import PerformanceExportView, PerformanceReportView

register_permission_policy(PerformanceTarget, OfficeOnlyPolicy(PerformanceTarget), exact_class=True)


class PerformanceMenuItem(MenuItem):
    """部门绩效: shown to the office and to the departments' heads, who may open the report."""

    def is_shown(self, request: HttpRequest) -> bool:
        return may_read(request.user)


class PerformanceTargetViewSet(ModelViewSet):
    """考核目标: kept by the office; every change is in the target's history (Wagtail's log)."""

    model = PerformanceTarget
    icon = "pick"
    name = "performance_targets"
    url_prefix = "performance/targets"
    menu_label = _("考核目标")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["department", "year", "items", "items_per", "max_days_between_updates", "max_turnaround_workdays"]
    list_filter = ["year", "department"]
    form_fields = ["department", "year", "items", "items_per", "max_days_between_updates", "max_turnaround_workdays"]

    def construct_view(self, view_class, **kwargs):
        return answer_denial_with_403(super().construct_view(view_class, **kwargs))


@hooks.register("register_admin_viewset")
def register_viewset() -> PerformanceTargetViewSet:
    return PerformanceTargetViewSet()


@hooks.register("register_admin_urls")
def register_urls() -> list:
    return [
        path("performance/", PerformanceReportView.as_view(), name="performance_report"),
        path("performance/export/", PerformanceExportView.as_view(), name="performance_export"),
    ]


@hooks.register(ONLINE_OFFICE_MENU_HOOK)
def report_menu_item() -> MenuItem:
    return PerformanceMenuItem(
        _("部门绩效"), reverse("performance_report"), name="performance", icon_name="order", order=40
    )


@hooks.register(ONLINE_OFFICE_MENU_HOOK)
def targets_menu_item() -> MenuItem:
    return OfficeMenuItem(
        _("考核目标"), reverse("performance_targets:index"), name="performance-targets", icon_name="pick", order=41
    )
