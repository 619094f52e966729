"""导入政策文件 in the back office: its URLs (namespace ``policy_import``) and its place in the 政策法规库 menu.

Imported by ``policies/wagtail_hooks.py`` so that its hooks are registered. The menu
item joins the 政策法规库 submenu when there is one, else stands on its own.
"""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem, SubmenuMenuItem

from zoneportal.core.ownership import is_office

from .apps import PoliciesConfig
from .import_views import CancelView, ConfirmView, ImportView

urlpatterns = [
    path("", ImportView.as_view(), name="upload"),
    path("confirm/", ConfirmView.as_view(), name="confirm"),
    path("cancel/", CancelView.as_view(), name="cancel"),
]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("policy-import/", include((urlpatterns, "policy_import"), namespace="policy_import"))]


class ImportMenuItem(MenuItem):
    """Shown to the office only (the views check again)."""

    def is_shown(self, request) -> bool:
        return is_office(request.user)


def import_menu_item() -> ImportMenuItem:
    return ImportMenuItem(
        _("导入政策文件"), reverse("policy_import:upload"), name="policy-import", icon_name="upload", order=900
    )


@hooks.register("construct_main_menu")
def add_import_to_policy_menu(request, menu_items: list) -> None:
    """Into the 政策法规库 submenu (built by the library's own hooks), or on its own when there is none."""
    if not is_office(request.user):
        return
    for item in menu_items:
        if isinstance(item, SubmenuMenuItem) and str(item.label) == str(PoliciesConfig.verbose_name):
            items = item.menu.registered_menu_items  # built once per process: add ours the first time
            if not any(entry.name == "policy-import" for entry in items):
                items.append(import_menu_item())
            return
    menu_items.append(import_menu_item())
