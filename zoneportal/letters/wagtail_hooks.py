"""Letters in the back office: the 来信办理 menu item with its count, the inbox, and 来信设置 (office only)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import oversight_hooks  # noqa: F401 (importing registers the 督办 hooks)
from .admin_views import InboxViewSet, LetterSettingsGroup, letter_counts, staff_of


class InboxMenuItem(MenuItem):
    """来信办理（n）: n letters wait for this user (``access.Staff.waiting``); links to the inbox."""

    def is_shown(self, request: HttpRequest) -> bool:
        """Only for those who handle letters: the office and every department's editors and heads."""
        return staff_of(request).has_inbox

    def render_component(self, request: HttpRequest):
        """The menu entry, labelled with this user's count at this moment."""
        count = letter_counts(request).waiting
        component = super().render_component(request)
        component.label = _("来信办理（%(count)s）") % {"count": count} if count else _("来信办理")
        return component


@hooks.register("register_admin_viewset")
def register_inbox_viewset() -> InboxViewSet:
    return InboxViewSet()


@hooks.register("register_admin_viewset")
def register_letter_settings() -> LetterSettingsGroup:
    return LetterSettingsGroup()


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item() -> MenuItem:
    """来信办理, after 待审核."""
    return InboxMenuItem(
        gettext_lazy("来信办理"),
        reverse("letters_inbox:index"),
        name="letters-inbox",
        icon_name="mail",
        order=155,
    )
