"""投资线索 in the back office; the public side's rule that a page answers only in its own language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from zoneportal.core.department_scope import DepartmentScopedViewSetMixin

from .leads import ACTION_CONVERT, LeadPermissionPolicy, convert_to_project
from .models import InvestorLead

register_permission_policy(InvestorLead, LeadPermissionPolicy(InvestorLead), exact_class=True)


@hooks.register("before_serve_page")
def only_in_its_own_language(page, request, args, kwargs):
    """``/en/…`` on a site without an English tree would route to the Chinese page: answer 404 instead."""
    language = get_language() or settings.LANGUAGE_CODE
    # Without a prefix Wagtail routes from the Chinese home page: nothing to check, and no query for the locale.
    if language != settings.LANGUAGE_CODE and page.locale.language_code != language:
        raise Http404


class LeadViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    model = InvestorLead
    icon = "mail"
    menu_label = _("投资线索")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["tracking_number", "company", "name", "country", "language", "status", "owner", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["company", "name", "tracking_number", "message"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("convert/<int:pk>/", self.convert_view, name="convert")]

    def convert_view(self, request, pk: int):
        """转为项目: GET asks to confirm, POST creates the project (stage 洽谈) and opens it."""
        policy = self.permission_policy
        lead = get_object_or_404(policy.instances_user_has_permission_for(request.user, "change"), pk=pk)
        if request.method == "POST":
            try:
                project = convert_to_project(lead, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(self.get_url_name("edit"), pk)
            messages.success(request, _("已转为招商项目“%(name)s”。") % {"name": project.name})
            return redirect("wagtailsnippets_investment_project:edit", project.pk)
        return TemplateResponse(
            request,
            "investsite/admin/convert.html",
            {"lead": lead, "edit_url": reverse(self.get_url_name("edit"), args=[pk])},
        )


lead_viewset = LeadViewSet()
register_snippet(lead_viewset)


@hooks.register("register_snippet_listing_buttons")
def convert_button(snippet, user, next_url=None):
    if isinstance(snippet, InvestorLead) and snippet.project_id is None and snippet.status != "invalid":
        if LeadPermissionPolicy(InvestorLead).user_has_permission_for_instance(user, "change", snippet):
            yield Button(
                _("转为项目"),
                reverse(lead_viewset.get_url_name("convert"), args=[snippet.pk]),
                icon_name="tasks",
                priority=30,
            )


@hooks.register("register_log_actions")
def register_lead_actions(actions):
    @actions.register_action(ACTION_CONVERT)
    class Converted(LogFormatter):
        label = _("转为项目")


class NewLeadsPanel(Component):
    """新的投资线索: how many leads nobody has taken up yet, linking to the list."""

    name = "investor_leads"
    template_name = "investsite/admin/new_leads_panel.html"
    order = 140

    def __init__(self, count: int) -> None:
        self.count = count

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        index = reverse(lead_viewset.get_url_name("list"))
        return {"count": self.count, "url": f"{index}?status={InvestorLead.Status.NEW}"}


@hooks.register("construct_homepage_panels")
def add_new_leads_panel(request, panels: list) -> None:
    policy = LeadPermissionPolicy(InvestorLead)
    if not policy.user_has_permission(request.user, "view"):
        return
    leads = policy.instances_user_has_any_permission_for(request.user, ["view"])
    count = leads.filter(status=InvestorLead.Status.NEW).count()
    if count:
        panels.append(NewLeadsPanel(count))
