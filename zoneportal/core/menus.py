"""Back-office menu entries shared by the apps: those only the office (管委会办公室) sees."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from zoneportal.core.ownership import is_office


class OfficeMenuItem(MenuItem):
    """A menu entry only the office sees."""

    def is_shown(self, request: HttpRequest) -> bool:
        return is_office(request.user)


class OfficeSubmenuItem(SubmenuMenuItem):
    """A submenu only the office sees."""

    def is_shown(self, request: HttpRequest) -> bool:
        return is_office(request.user)


#: 网上办公: the staff's own work (notices, document circulation, supervision items). Each app adds its entries
#: with ``@hooks.register(ONLINE_OFFICE_MENU_HOOK)``; the submenu shows only when one of them is shown.
ONLINE_OFFICE_MENU_HOOK = "register_online_office_menu_item"


def online_office_menu_item() -> SubmenuMenuItem:
    """The 网上办公 submenu of the back office, collecting every app's entries."""
    menu = Menu(register_hook_name=ONLINE_OFFICE_MENU_HOOK)
    return SubmenuMenuItem(_("网上办公"), menu, name="online-office", icon_name="mail", order=150)
