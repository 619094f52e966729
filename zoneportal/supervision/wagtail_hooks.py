"""督办事项 in the back office: URLs (namespace ``supervision``), the 网上办公 menu entry, the log actions."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from zoneportal.core.menus import ONLINE_OFFICE_MENU_HOOK

from . import access, services
from .dashboard import add_deadline_panel
from .views import AttachmentView, ItemCreateView, ItemExportView, ItemIndexView, ItemView

urlpatterns = [
    path("", ItemIndexView.as_view(), name="index"),
    path("export/", ItemExportView.as_view(), name="export"),
    path("new/", ItemCreateView.as_view(), name="create"),
    path("<int:pk>/", ItemView.as_view(), name="item"),
    path("report/<int:pk>/attachment/", AttachmentView.as_view(), name="attachment"),
]


@hooks.register("register_admin_urls")
def register_supervision_urls():
    return [path("supervision/", include((urlpatterns, "supervision"), namespace="supervision"))]


hooks.register("construct_homepage_panels", add_deadline_panel)


class SupervisionMenuItem(MenuItem):
    """Shown to the office and the departments' staff (the views check again)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return access.may_use(request.user)


@hooks.register(ONLINE_OFFICE_MENU_HOOK)
def register_supervision_menu_item() -> MenuItem:
    return SupervisionMenuItem(
        _("督办事项"), reverse("supervision:index"), name="supervision", icon_name="tasks", order=300
    )


class _TextFormatter(LogFormatter):
    """A step with a text the history shows beside it."""

    data_key = ""

    def format_comment(self, log_entry) -> str:
        return str((log_entry.data or {}).get(self.data_key) or "")


@hooks.register("register_log_actions")
def register_supervision_actions(actions):
    @actions.register_action(services.ACTION_ASSIGN)
    class Assigned(_TextFormatter):
        label = _("下达督办事项")
        message = _("下达督办事项")
        data_key = "due_on"

    @actions.register_action(services.ACTION_PROGRESS)
    class Reported(_TextFormatter):
        label = _("反馈办理进展")
        message = _("反馈办理进展")
        data_key = "text"

    @actions.register_action(services.ACTION_CLOSE)
    class Closed(_TextFormatter):
        label = _("办结督办事项")
        message = _("办结，转为“已办结”")
        data_key = "conclusion"

    @actions.register_action(services.ACTION_CANCEL)
    class Cancelled(_TextFormatter):
        label = _("撤销督办事项")
        message = _("撤销，转为“已撤销”")
        data_key = "conclusion"
