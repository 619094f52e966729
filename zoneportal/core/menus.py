"""Back-office menu entries shared by the apps: those only the office (管委会办公室) sees."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem, SubmenuMenuItem

from zoneportal.core.ownership import is_office


class OfficeMenuItem(MenuItem):
    """A menu entry only the office sees."""

    def is_shown(self, request: HttpRequest) -> bool:
        return is_office(request.user)


class OfficeSubmenuItem(SubmenuMenuItem):
    """A submenu only the office sees."""

    def is_shown(self, request: HttpRequest) -> bool:
        return is_office(request.user)
