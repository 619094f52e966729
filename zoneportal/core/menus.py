"""Back-office menu entries shared by the apps: those only the office (管委会办公室) sees."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
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


class CountedMenuItem(MenuItem):
    """An entry whose label says how many things wait for the person (通知（3 条未读）, 公文流转（2）).

    ``waiting(user)`` gives the things as a queryset; ``counted_label`` the label for a count above zero. The counts
    of every such entry on a page are read together (:func:`waiting_counts`), so the menu costs one query.
    """

    def __init__(
        self, label, url: str, *, waiting: Callable[..., QuerySet], counted_label: Callable[[int], str], **kwargs
    ) -> None:
        super().__init__(label, url, **kwargs)
        self.waiting = waiting
        self.counted_label = counted_label

    def render_component(self, request: HttpRequest):
        component = super().render_component(request)  # a new component each time: the item is shared
        # Read by the submenu (OnlineOfficeMenu) for all its counted entries before it draws them.
        count = request._zoneportal_waiting_counts.get(self.name, 0)
        if count:
            component.label = self.counted_label(count)
        return component


def waiting_counts(request: HttpRequest, items: Iterable[CountedMenuItem]) -> dict[str, int]:
    """Each entry's count of what waits for ``request.user``, in one query (a scalar subquery per entry)."""
    items = list(items)
    if not items or not request.user.is_authenticated:
        return {item.name: 0 for item in items}
    counts = {
        item.name: Coalesce(
            Subquery(
                item.waiting(request.user)
                .order_by()
                .annotate(_all=Value(1))
                .values("_all")
                .annotate(count=Count("pk", distinct=True))
                .values("count")[:1]
            ),
            0,
        )
        for item in items
    }
    return get_user_model().objects.filter(pk=request.user.pk).values(**counts).get()


class OnlineOfficeMenu(Menu):
    """The 网上办公 entries; the counts of those shown are read in one query before they are drawn."""

    def render_component(self, request: HttpRequest):
        counted = [item for item in self.menu_items_for_request(request) if isinstance(item, CountedMenuItem)]
        request._zoneportal_waiting_counts = waiting_counts(request, counted)
        return super().render_component(request)


def online_office_menu_item() -> SubmenuMenuItem:
    """The 网上办公 submenu of the back office, collecting every app's entries."""
    menu = OnlineOfficeMenu(register_hook_name=ONLINE_OFFICE_MENU_HOOK)
    return SubmenuMenuItem(_("网上办公"), menu, name="online-office", icon_name="mail", order=150)
