"""公文流转 in the back office: its addresses, its 网上办公 menu entry with the pending count, its log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from zoneportal.core.menus import ONLINE_OFFICE_MENU_HOOK, CountedMenuItem
from zoneportal.core.ownership import is_office

from . import access, services, urls


@hooks.register("register_admin_urls")
def register_circulation_urls():
    return [path("circulation/", include(urls, namespace="circulation"))]


class CirculationMenuItem(CountedMenuItem):
    """公文流转, with how many documents wait for the person."""

    def is_shown(self, request) -> bool:
        return is_office(request.user) or bool(access.department_ids(request.user))


@hooks.register(ONLINE_OFFICE_MENU_HOOK)
def register_circulation_menu_item():
    return CirculationMenuItem(
        gettext_lazy("公文流转"),
        reverse("circulation:pending"),
        waiting=access.pending_documents,
        counted_label=lambda count: _("公文流转（%(n)d）") % {"n": count},
        name="circulation",
        icon_name="doc-full",
        order=200,
    )


class _OpinionFormatter(LogFormatter):
    """A step whose opinion (意见, 办结情况) the route shows beside it."""

    def format_comment(self, log_entry) -> str:
        return (log_entry.data or {}).get("opinion", "")


@hooks.register("register_log_actions")
def register_circulation_actions(actions):
    labels = {
        services.ACTION_CREATE: gettext_lazy("拟稿"),
        services.ACTION_EDIT: gettext_lazy("修改草稿"),
        services.ACTION_SUBMIT: gettext_lazy("送审"),
        services.ACTION_APPROVE: gettext_lazy("审核通过"),
        services.ACTION_RETURN: gettext_lazy("退回修改"),
        services.ACTION_SIGN: gettext_lazy("签发"),
        services.ACTION_DISTRIBUTE: gettext_lazy("分发"),
        services.ACTION_RECEIVE: gettext_lazy("签收"),
        services.ACTION_COMPLETE: gettext_lazy("办结"),
        services.ACTION_ARCHIVE: gettext_lazy("归档"),
    }
    for action, label in labels.items():
        formatter = type("CirculationStep", (_OpinionFormatter,), {"label": label, "message": label})
        actions.register_action(action)(formatter)
