"""站内搜索 in the back office: the synonym list and the search report, in one menu group."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import REPORT_PERMISSION, HideSearchTermView, SearchReportView
from .models import Synonym

SUBMENU_HOOK = "register_search_menu_item"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("同义词")
    list_display = ["rule", BooleanColumn("enabled", label=_("启用"), sort_key="enabled"), "note"]
    list_filter = ["enabled"]
    search_fields = ["rule", "note"]
    ordering = ["rule"]


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymViewSet,)
    menu_icon = "search"
    menu_label = _("站内搜索")
    menu_name = "site-search"
    # The report is not a snippet: it joins the group's submenu through this hook.
    submenu_hook = SUBMENU_HOOK


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(REPORT_PERMISSION)


register_snippet(SearchViewSetGroup)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path("search-report/", SearchReportView.as_view(), name="search_report"),
        path("search-report/hide/", HideSearchTermView.as_view(), name="search_report_hide"),
    ]


@hooks.register(SUBMENU_HOOK)
def register_search_report_menu_item():
    return SearchReportMenuItem(_("搜索统计"), reverse("search_report"), icon_name="table", order=100)
