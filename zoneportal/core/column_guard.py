"""The back office keeps each department inside its own columns (``ownership.may_write_in``).

Wagtail's ``before_*_page`` hooks refuse, with the back office's 403 page, an
add, edit, delete, move or copy inside a sub-column that belongs to another
department than the one owning the parent column. The page explorer answers
403 for a column the user may not see at all, instead of Wagtail's redirect
to the user's own part of the tree or an empty list.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.move import MoveChooseDestinationView
from wagtail.models import Page

from .ownership import may_write_in


def refuse_outside_own_columns(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The 403 page when ``page`` lies in a column of another department than the user's; else None."""
    if may_write_in(request.user, page):
        return None
    from .admin_views import forbidden  # admin_views builds on this module

    return forbidden(request)


class ColumnIndexView(ExplorableIndexView):
    """Wagtail's page explorer, answering 403 for a page the user may not explore."""

    def get(self, request: HttpRequest, parent_page_id: int | None = None) -> HttpResponse:
        if parent_page_id and not request.user.is_superuser:
            explorable = self.permission_policy.explorable_instances(request.user)
            if not explorable.filter(pk=parent_page_id).exists() and Page.objects.filter(pk=parent_page_id).exists():
                raise PermissionDenied  # answered with the 403 page by DepartmentPageViewSet
        return super().get(request, parent_page_id)


class ColumnMoveView(MoveChooseDestinationView):
    """Wagtail's first move step (choosing where), refused for a page in another department's column.

    The confirming step is covered by the ``before_move_page`` hook.
    """

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        if not may_write_in(request.user, self.page_to_move):
            raise PermissionDenied
