"""Organisation snippets in the back office, and handing columns to departments."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

# The back office's guide, help menu and Chinese mends register their hooks on import.
from . import backoffice  # noqa: F401
from .admin_views import DepartmentPageViewSet
from .column_guard import refuse_outside_own_columns
from .columns import COLUMNS_ACTION, ColumnsAssignedFormatter, DepartmentColumnsView, columns_button
from .dashboard import role_panels
from .holidays import ArrangementView, HolidayViewSet
from .menus import online_office_menu_item
from .models import Department, Leader
from .review import ReturnedForChangesPanel  # noqa: F401 (importing registers the review's hooks)
from .review_compare import compare_with_submitted
from .tabular import IMPORT_ACTION, ImportedFormatter


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "kind", "phone", "address"]
    search_fields = ["name"]


class LeaderViewSet(SnippetViewSet):
    model = Leader
    icon = "user"
    list_display = ["name", "title", "department"]
    list_filter = ["department"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (DepartmentViewSet, LeaderViewSet)
    menu_icon = "group"
    menu_label = _("机构设置")
    menu_name = "organisation"


register_snippet(OrganisationViewSetGroup)
# 设置 › 节假日安排: the committee office keeps the holiday table every deadline counts with.
register_snippet(HolidayViewSet)


@hooks.register("register_admin_viewset")
def register_department_page_viewset():
    # Registered after Wagtail's own base page viewset (order -1), so it
    # replaces it for every page type.
    return DepartmentPageViewSet()


@hooks.register("register_admin_urls")
def register_department_columns_url():
    return [
        path("departments/<int:pk>/columns/", DepartmentColumnsView.as_view(), name="department_columns"),
        path("holidays/arrangement/", ArrangementView.as_view(), name="holiday_arrangement"),
    ]


@hooks.register("register_snippet_listing_buttons")
def department_columns_button(snippet, user, next_url=None):
    if isinstance(snippet, Department) and user.is_superuser:
        yield columns_button(snippet)


@hooks.register("register_log_actions")
def register_column_actions(actions):
    actions.register_action(COLUMNS_ACTION)(ColumnsAssignedFormatter)
    actions.register_action(IMPORT_ACTION)(ImportedFormatter)


@hooks.register("before_edit_page")
@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
def keep_to_own_columns(request, page):
    return refuse_outside_own_columns(request, page)


@hooks.register("before_create_page")
def add_only_in_own_columns(request, parent_page, page_class):
    return refuse_outside_own_columns(request, parent_page)


@hooks.register("before_bulk_action")
def bulk_only_within_own_columns(request, action_type, objects, action):
    """Bulk delete, move, publish … of pages: every page, and a move's destination, in the user's own columns."""
    form = getattr(action, "cleaned_form", None)
    destination = form.cleaned_data.get("chooser") if form is not None else None
    pages = [item for item in objects if isinstance(item, Page)]
    if isinstance(destination, Page):
        pages.append(destination)
    for page in pages:
        refusal = refuse_outside_own_columns(request, page)
        if refusal is not None:
            return refusal
    return None


@hooks.register("before_move_page")
def move_only_within_own_columns(request, page, destination):
    return refuse_outside_own_columns(request, page) or refuse_outside_own_columns(request, destination)


@hooks.register("insert_editor_js")
def save_guard_js():
    # The page editor's half of the save guard (see core/admin_views.py).
    return format_html('<script src="{}"></script>', static("js/save-guard.js"))


# 与上一个版本进行比较 on the dashboard compares with the previous submission.
hooks.register("construct_homepage_panels", compare_with_submitted)


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    role_panels(request, panels)


hooks.register("register_admin_menu_item", online_office_menu_item)
