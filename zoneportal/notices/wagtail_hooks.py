"""通知 in the back office: its URLs, its entry in 网上办公 (with the unread count), its log actions."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from zoneportal.core.menus import ONLINE_OFFICE_MENU_HOOK, CountedMenuItem

from . import access, services, views

urlpatterns = [
    path("", views.InboxView.as_view(), name="index"),
    path("sent/", views.SentView.as_view(), name="sent"),
    path("new/", views.NoticeFormView.as_view(), name="add"),
    path("<int:pk>/", views.NoticeView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.NoticeFormView.as_view(), name="edit"),
    path("<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("<int:pk>/sign/", views.SignView.as_view(), name="sign"),
    path("<int:pk>/remind/", views.RemindView.as_view(), name="remind"),
    path("files/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
]


@hooks.register("register_admin_urls")
def register_urls() -> list:
    return [path("notices/", include((urlpatterns, "notices"), namespace="notices"))]


class NoticesMenuItem(CountedMenuItem):
    """通知, with the person's unread count in its label."""

    def is_shown(self, request: HttpRequest) -> bool:
        return views.may_use(request.user)


@hooks.register(ONLINE_OFFICE_MENU_HOOK)
def register_menu_item() -> MenuItem:
    return NoticesMenuItem(
        gettext_lazy("通知"),
        reverse("notices:index"),
        waiting=access.unread,
        counted_label=lambda count: _("通知（%(count)s 条未读）") % {"count": count},
        name="notices",
        icon_name="mail",
        order=10,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions) -> None:
    actions.register_action(services.ACTION_CREATE, gettext_lazy("起草通知"), gettext_lazy("起草通知"))
    actions.register_action(services.ACTION_EDIT, gettext_lazy("修改通知草稿"), gettext_lazy("修改通知草稿"))
    actions.register_action(services.ACTION_PUBLISH, gettext_lazy("发布通知"), gettext_lazy("发布通知"))
    actions.register_action(services.ACTION_READ, gettext_lazy("阅读通知"), gettext_lazy("首次阅读，已读"))
    actions.register_action(services.ACTION_SIGN, gettext_lazy("签收通知"), gettext_lazy("签收通知"))

    @actions.register_action(services.ACTION_WITHDRAW)
    class Withdrawn(LogFormatter):
        label = gettext_lazy("撤回通知")

        def format_message(self, log_entry) -> str:
            return _("撤回通知：%(reason)s") % {"reason": (log_entry.data or {}).get("reason", "")}

    @actions.register_action(services.ACTION_REMIND)
    class Reminded(LogFormatter):
        label = gettext_lazy("催办")

        def format_message(self, log_entry) -> str:
            return _("催办未签收人员 %(count)s 名") % {"count": (log_entry.data or {}).get("count", 0)}
