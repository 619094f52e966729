"""依申请公开 in the back office: the office's menu (requests, statistics, annual reports) and dashboard panel."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem

from zoneportal.core.menus import OfficeMenuItem, OfficeSubmenuItem

from .admin_views import AnnualReportViewSet, RequestsViewSet, waiting_count
from .dashboard import add_deadline_panel


class RequestsMenuItem(OfficeMenuItem):
    """申请办理（n）: n requests to register, or overdue or near their deadline."""

    def render_component(self, request: HttpRequest):
        count = waiting_count()
        component = super().render_component(request)
        component.label = _("申请办理（%(count)s）") % {"count": count} if count else _("申请办理")
        return component


@hooks.register("register_admin_viewset")
def register_requests_viewset() -> RequestsViewSet:
    return RequestsViewSet()


annual_reports = AnnualReportViewSet()


@hooks.register("register_admin_viewset")
def register_reports_viewset() -> AnnualReportViewSet:
    return annual_reports


@hooks.register("register_admin_menu_item")
def register_disclosure_menu() -> MenuItem:
    """依申请公开 › 申请办理, 申请统计, 年度报告 — after 来信办理."""
    menu = Menu(
        items=[
            RequestsMenuItem(gettext_lazy("申请办理"), reverse("disclosure_requests:index"), name="requests", order=1),
            OfficeMenuItem(
                gettext_lazy("申请统计"), reverse("disclosure_requests:statistics"), name="statistics", order=2
            ),
            OfficeMenuItem(gettext_lazy("年度报告"), reverse("disclosure_reports:index"), name="reports", order=3),
        ]
    )
    return OfficeSubmenuItem(gettext_lazy("依申请公开"), menu, name="disclosure", icon_name="doc-full", order=157)


hooks.register("construct_homepage_panels", add_deadline_panel)
