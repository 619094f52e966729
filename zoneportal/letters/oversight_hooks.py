"""督办, duplicates and statistics in the Wagtail admin: URLs (namespace ``letters_oversight``), menu, dashboard.

Imported by ``letters/wagtail_hooks.py`` so that its hooks are registered. The red banner of letters
unanswered for three months is drawn on every admin page by ``templates/wagtailadmin/base.html``
(``{% oversight_banner %}``).
"""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import oversight
from .oversight_views import DuplicatesView, LetterOversightView, OversightIndexView, StatisticsView

urlpatterns = [
    path("", OversightIndexView.as_view(), name="index"),
    path("letter/<int:pk>/", LetterOversightView.as_view(), name="letter"),
    path("letter/<int:pk>/duplicates/", DuplicatesView.as_view(), name="duplicates"),
    path("statistics/", StatisticsView.as_view(), name="statistics"),
    path("statistics/export/", StatisticsView.as_view(export=True), name="statistics_export"),
]


@hooks.register("register_admin_urls")
def register_oversight_urls():
    return [path("letters-oversight/", include((urlpatterns, "letters_oversight"), namespace="letters_oversight"))]


class OverseerMenuItem(MenuItem):
    """Shown to the office and department heads only (the views check again)."""

    def is_shown(self, request) -> bool:
        return oversight.may_oversee(request.user)


@hooks.register("register_admin_menu_item")
def register_oversight_menu_item() -> MenuItem:
    return OverseerMenuItem(
        _("督办"), reverse("letters_oversight:index"), name="letters-oversight", icon_name="warning", order=310
    )


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item() -> MenuItem:
    return OverseerMenuItem(
        _("来信统计"), reverse("letters_oversight:statistics"), name="letters-statistics", icon_name="table", order=311
    )


class OversightPanel(Component):
    """来信督办 on the dashboard: counts and the first letters of each flag, and the open orders."""

    name = "letters_oversight"
    template_name = "letters/oversight/panel.html"
    order = 90  # above the review panels: a three-month letter fails the national inspection

    def __init__(self, overview: oversight.Overview) -> None:
        self.overview = overview

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {"overview": self.overview, "index_url": reverse("letters_oversight:index")}


PANEL_ROWS = 5


@hooks.register("construct_homepage_panels")
def add_oversight_panel(request, panels: list) -> None:
    if not oversight.may_oversee(request.user):
        return
    panels.append(OversightPanel(oversight.overview(request.user, timezone.localdate(), limit=PANEL_ROWS)))
