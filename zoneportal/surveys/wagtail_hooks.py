"""调查问卷 in the back office: the builder (a snippet with its questions inline), per department.

A department's editors and heads see and edit their own department's surveys
only; another department's survey answers 403 on every view of it (edit,
delete, copy, history, usage, export), administrators see all. Raw answers are
exported from the listing's buttons as .xlsx, .csv or JSON.
"""

from __future__ import annotations

from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from zoneportal.core.admin_views import forbidden
from zoneportal.core.models import Department
from zoneportal.core.ownership import roles, user_departments
from zoneportal.rectification import access as ledger_access
from zoneportal.rectification.models import RectificationItem
from zoneportal.rectification.services import open_item

from . import exports
from .forms import SurveyAdminForm
from .models import Survey
from .pages import RESULTS_ROUTE, SurveyIndexPage


class SurveyPermissionPolicy(BasePermissionPolicy):
    """Who may build and read surveys: administrators, and members of the survey's department."""

    def user_has_permission(self, user, action: str) -> bool:
        if not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or bool(roles(user).departments)

    def user_has_permission_for_instance(self, user, action: str, instance: Survey) -> bool:
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or instance.department_id in roles(user).departments

    def instances_user_has_permission_for(self, user, action: str):
        if not self.user_has_permission(user, action):
            return Survey.objects.none()
        if user.is_superuser:
            return Survey.objects.all()
        return Survey.objects.filter(department__in=user_departments(user))

    def instances_user_has_any_permission_for(self, user, actions):
        return self.instances_user_has_permission_for(user, "change")

    def users_with_permission(self, action: str):
        groups = Department.objects.values_list("editors_group", "heads_group")
        group_ids = [group for pair in groups for group in pair if group]
        return (
            get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__in=group_ids), is_active=True).distinct()
        )

    def users_with_any_permission(self, actions):
        return self.users_with_permission("change")


def refuse_other_departments(view):
    """Every view of one survey (its pk in the URL) answers 403 to users of another department."""

    def wrapped(request: HttpRequest, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            survey = Survey.objects.filter(pk=unquote(str(pk))).first()
            if survey is not None and not survey_permission_policy.user_has_permission_for_instance(
                request.user, "change", survey
            ):
                return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped


survey_permission_policy = SurveyPermissionPolicy(Survey)
register_permission_policy(Survey, survey_permission_policy)


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "tasks"
    menu_label = _("民意调查")
    menu_name = "surveys"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "department", "status_label", "response_count", "updated_at"]
    list_filter = ["department", "is_published", "results_published"]
    search_fields = ["title"]
    edit_handler = ObjectList(Survey.panels, base_form_class=SurveyAdminForm)

    def get_queryset(self, request: HttpRequest):
        return survey_permission_policy.instances_user_has_permission_for(request.user, "change").annotate(
            answers=Count("responses")
        )

    def construct_view(self, view_class, **kwargs):
        return refuse_other_departments(super().construct_view(view_class, **kwargs))

    def export_view(self, request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
        """下载答卷 as .xlsx, .csv or JSON."""
        survey = get_object_or_404(Survey, pk=unquote(pk))
        if fmt not in exports.FORMATS:
            return HttpResponse(status=404)
        build, content_type = exports.FORMATS[fmt]
        response = HttpResponse(build(survey), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="survey-{survey.slug}.{fmt}"'
        return response

    def rectify_view(self, request: HttpRequest, pk: str) -> HttpResponse:
        """开立整改事项 from a survey's results: a confirmation (GET), then the item and its edit page (POST).

        The item goes to the survey's department, its source 问卷调查 with the survey's
        title and address (the public results when published, else the survey here).
        403 for a user who may not give that department a ledger item.
        """
        survey = get_object_or_404(Survey, pk=unquote(pk))
        if not ledger_access.departments_for(request.user).filter(pk=survey.department_id).exists():
            return forbidden(request)
        if request.method == "POST":
            try:
                item = open_item(
                    title=_("问卷调查反映的问题：%(title)s") % {"title": survey.title},
                    description=_("根据问卷调查“%(title)s”的结果（%(count)s 份答卷）登记。请写明发现的问题。")
                    % {"title": survey.title, "count": survey.response_count()},
                    source_kind=RectificationItem.SourceKind.SURVEY,
                    source_reference=survey.title,
                    source_url=survey_source_url(survey),
                    department=survey.department,
                    user=request.user,
                )
            except PermissionDenied:
                return forbidden(request)
            messages.success(
                request,
                _("已根据问卷“%(title)s”开立整改事项。请写明问题、整改措施、责任人和整改时限后保存。")
                % {"title": survey.title},
            )
            return redirect("rectification_item:edit", quote(item.pk))
        items = ledger_access.visible_items(
            request.user,
            RectificationItem.objects.filter(
                source_kind=RectificationItem.SourceKind.SURVEY, source_reference=survey.title
            ).order_by("pk"),
        )
        return TemplateResponse(
            request,
            "surveys/admin/rectify.html",
            {
                "survey": survey,
                "page_title": _("开立整改事项"),
                "index_url": reverse(self.get_url_name("list")),
                "items": [(item, reverse("rectification_item:edit", args=[quote(item.pk)])) for item in items],
                "results_url": survey.results_url() if survey.is_published and survey.results_published else "",
            },
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "export/<str:pk>/<str:fmt>/",
                refuse_other_departments(self.export_view),
                name="export",
            ),
            path("rectify/<str:pk>/", refuse_other_departments(self.rectify_view), name="rectify"),
        ]


def survey_source_url(survey: Survey) -> str:
    """Where a ledger item opened from ``survey`` points: its public results if shown, else its builder."""
    if survey.is_published and survey.results_published:
        return survey.results_url()
    return reverse(survey_viewset.get_url_name("edit"), args=[quote(survey.pk)])


survey_viewset = SurveyViewSet()
register_snippet(survey_viewset)


@hooks.register("register_snippet_listing_buttons")
def survey_buttons(snippet, user, next_url=None):
    """导出答卷 (three formats) and 查看结果 beside each survey."""
    if not isinstance(snippet, Survey):
        return []
    buttons = [
        ListingButton(
            _("导出 %(format)s") % {"format": label},
            reverse(survey_viewset.get_url_name("export"), args=[snippet.pk, fmt]),
            priority=30 + index,
            icon_name="download",
        )
        for index, (fmt, label) in enumerate((("xlsx", "Excel"), ("csv", "CSV"), ("json", "JSON")))
    ]
    # The public addresses come from the live 民意调查 page; with none, the survey has no page to open.
    page = SurveyIndexPage.serving() if snippet.is_published else None
    if page is not None:
        buttons.append(ListingButton(_("查看问卷页面"), page.survey_url(snippet), priority=40, icon_name="link"))
        if snippet.results_published:
            buttons.append(
                ListingButton(_("查看调查结果"), page.survey_url(snippet, RESULTS_ROUTE), priority=41, icon_name="link")
            )
    if ledger_access.departments_for(user).filter(pk=snippet.department_id).exists():
        buttons.append(
            ListingButton(
                _("开立整改事项"),
                reverse(survey_viewset.get_url_name("rectify"), args=[quote(snippet.pk)]),
                priority=50,
                icon_name="clipboard-list",
            )
        )
    return buttons
