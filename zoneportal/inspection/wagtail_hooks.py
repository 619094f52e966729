"""网站自查与合规检查 in the back office: publish guards, the editor's 合规检查 button, the office's lists and runs."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from zoneportal.core.admin_views import answer_denial_with_403
from zoneportal.core.menus import OfficeMenuItem, OfficeSubmenuItem
from zoneportal.letters.admin_views import OfficeOnlyPolicy

from . import guards
from .models import ColumnThreshold, SensitiveTerm, Typo
from .views import InspectionRunsView, PageComplianceView, may_check, weekly_report

for model in (Typo, SensitiveTerm, ColumnThreshold):
    register_permission_policy(model, OfficeOnlyPolicy(model), exact_class=True)


class OfficeListViewSet(ModelViewSet):
    """A list the office keeps (everyone else gets the back office's 403)."""

    add_to_admin_menu = False
    copy_view_enabled = False

    def construct_view(self, view_class, **kwargs):
        return answer_denial_with_403(super().construct_view(view_class, **kwargs))


class TypoViewSet(OfficeListViewSet):
    model = Typo
    icon = "edit"
    name = "inspection_typos"
    url_prefix = "inspection/typos"
    menu_label = _("常见错别字")
    list_display = ["wrong", "right", "note"]
    search_fields = ["wrong", "right"]
    form_fields = ["wrong", "right", "note"]


class SensitiveTermViewSet(OfficeListViewSet):
    model = SensitiveTerm
    icon = "warning"
    name = "inspection_terms"
    url_prefix = "inspection/terms"
    menu_label = _("敏感词（发布检查）")
    list_display = ["word", "severity"]
    list_filter = ["severity"]
    search_fields = ["word"]
    form_fields = ["word", "severity"]


class ColumnThresholdViewSet(OfficeListViewSet):
    model = ColumnThreshold
    icon = "time"
    name = "inspection_thresholds"
    url_prefix = "inspection/thresholds"
    menu_label = _("栏目更新期限")
    list_display = ["column", "days"]
    panels = [PageChooserPanel("column", "portal.ColumnPage"), FieldPanel("days")]


viewsets = (TypoViewSet(), SensitiveTermViewSet(), ColumnThresholdViewSet())


@hooks.register("register_admin_viewset")
def register_viewsets():
    return list(viewsets)


@hooks.register("register_admin_urls")
def register_urls() -> list:
    return [
        path("inspection/page/<int:page_id>/", PageComplianceView.as_view(), name="inspection_page"),
        path("inspection/", InspectionRunsView.as_view(), name="inspection_runs"),
        path("inspection/weekly.<str:fmt>", weekly_report, name="inspection_weekly_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu() -> MenuItem:
    """网站自查 › 自查结果, 常见错别字, 敏感词, 栏目更新期限 — the office's."""
    menu = Menu(
        items=[
            OfficeMenuItem(_("自查结果"), reverse("inspection_runs"), name="runs", order=1),
            OfficeMenuItem(_("常见错别字"), reverse("inspection_typos:index"), name="typos", order=2),
            OfficeMenuItem(_("敏感词（发布检查）"), reverse("inspection_terms:index"), name="terms", order=3),
            OfficeMenuItem(_("栏目更新期限"), reverse("inspection_thresholds:index"), name="thresholds", order=4),
        ]
    )
    return OfficeSubmenuItem(_("网站自查"), menu, name="inspection", icon_name="tasks", order=158)


@hooks.register("register_page_header_buttons")
def compliance_button(page, user, view_name, next_url=None):
    """合规检查 in the page editor's header menu, for whoever may edit or review the page."""
    if page.pk and page.depth > 1 and may_check(user, page):
        yield Button(_("合规检查"), reverse("inspection_page", args=[page.pk]), icon_name="warning", priority=66)


hooks.register("before_publish_page", guards.before_publish_page)
hooks.register("after_edit_page", guards.after_edit_page)


@hooks.register("register_log_actions")
def register_log_actions(actions) -> None:
    actions.register_action(guards.BLOCKED_ACTION)(guards.BlockedFormatter)
    actions.register_action(guards.WARNINGS_ACTION)(guards.WarningsFormatter)
