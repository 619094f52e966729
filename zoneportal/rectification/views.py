"""The ledger in the back office: Wagtail's model views scoped to the user's departments, and the three steps.

A department's staff meet another department's item as "not found" (404) in every
view (edit, history, usage, delete, the steps, evidence files); the listing and
its spreadsheet export hold only their own items. Refusals of a step they may not
take (退回, 销号) are 403 pages in Chinese (``core.admin_views.forbidden``).
"""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button

from zoneportal.core.admin_views import answer_denial_with_403, forbidden
from zoneportal.core.models import Department
from zoneportal.core.storage import private_download

from . import access, deadlines, services
from .forms import CloseForm, RectificationItemForm, RectifiedForm, ReturnForm
from .models import RectificationEvidence, RectificationItem

State = RectificationItem.State


class DeadlineFilter(django_filters.ChoiceFilter):
    """期限: overdue (已逾期) or near (临近期限, within 3 working days), as of today."""

    def filter(self, queryset, value):
        if value == deadlines.OVERDUE:
            return queryset.filter(deadlines.overdue_q())
        if value == deadlines.NEAR:
            return queryset.filter(deadlines.near_q())
        return queryset


class LedgerFilterSet(WagtailFilterSet):
    """Filters of the listing: state, department, source, deadline, public or not."""

    state = django_filters.ChoiceFilter(label=gettext_lazy("整改状态"), choices=State.choices)
    department = django_filters.ModelChoiceFilter(label=gettext_lazy("责任部门"), queryset=Department.objects.all())
    source_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("问题来源"), choices=RectificationItem.SourceKind.choices
    )
    deadline_status = DeadlineFilter(
        label=gettext_lazy("期限"),
        choices=[
            (deadlines.OVERDUE, gettext_lazy("已逾期")),
            (deadlines.NEAR, gettext_lazy("临近期限（3个工作日内）")),
        ],
    )
    is_public = django_filters.BooleanFilter(label=gettext_lazy("向社会公开"))

    class Meta:
        model = RectificationItem
        fields = ["state", "department", "source_kind", "deadline_status", "is_public"]

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        if request is not None and not access.is_office(request.user):
            self.filters["department"].queryset = access.departments_for(request.user)


class DeadlineColumn(Column):
    """期限提醒: 已逾期（N 个工作日） in red, 临近期限 in amber."""

    cell_template_name = "rectification/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = deadlines.deadline_status(instance)
        context["label"] = deadlines.deadline_label(instance)
        return context


class ScopedObjectMixin:
    """Another department's item is not found (404) for a department's staff."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not access.may_see(self.request.user, obj):
            raise Http404(_("没有这个整改事项"))
        return obj


class LedgerIndexView(generic.IndexView):
    """The listing: only the user's items; overdue items are marked in their row."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("department").prefetch_related("measures")
        return access.visible_items(self.request.user, queryset)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def get_edit_url(self, instance):
        # A 已销号 item is read-only for its department: its row opens the inspect view instead.
        if access.may_edit(self.request.user, instance):
            return super().get_edit_url(instance)
        return reverse(self.inspect_url_name, args=[instance.pk])

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.extend(step_buttons(self.request.user, instance, menu=True))
        return buttons


class LedgerEditView(ScopedObjectMixin, generic.EditView):
    """The item's form, with the steps the user may take in the header; a 已销号 item is the office's alone."""

    template_name = "rectification/admin/edit.html"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not access.may_edit(self.request.user, obj):
            raise PermissionDenied
        return obj

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.extend(step_buttons(self.request.user, self.object))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.object
        context["deadline_label"] = deadlines.deadline_label(self.object)
        context["evidence_files"] = list(self.object.evidence_files.all())
        context["log_entries"] = list(services.history(self.object))
        return context


class LedgerCreateView(generic.CreateView):
    """A new item, registered by the user (Wagtail logs the creation)."""

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class LedgerDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class LedgerInspectView(ScopedObjectMixin, generic.InspectView):
    """The item read-only, with its progress and history (a closed item, for its department)."""

    template_name = "rectification/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.object
        context["deadline_label"] = deadlines.deadline_label(self.object)
        context["evidence_files"] = list(self.object.evidence_files.all())
        context["log_entries"] = list(services.history(self.object))
        return context


class LedgerHistoryView(ScopedObjectMixin, HistoryView):
    pass


class LedgerUsageView(ScopedObjectMixin, UsageView):
    pass


def step_buttons(user, item: RectificationItem, menu: bool = False) -> list:
    """The steps ``user`` may take on ``item`` now, as header or listing-menu buttons."""
    steps = []
    if item.state == State.IN_PROGRESS and access.may_report_rectified(user, item):
        steps.append((_("报告整改完成"), "rectification_item:rectified", "circle-check", 40))
    if item.state == State.RECTIFIED and access.may_review(user):
        steps.append((_("退回整改"), "rectification_item:return", "arrow-left", 41))
        steps.append((_("销号"), "rectification_item:close", "tick-inverse", 42))
    button_class = ListingButton if menu else Button
    return [
        button_class(label, url=reverse(url_name, args=[item.pk]), icon_name=icon, priority=priority)
        for label, url_name, icon, priority in steps
    ]


class StepView(FormView):
    """One step on one item: a form, the service call, a confirmation; refused steps change nothing."""

    template_name = "rectification/admin/step.html"
    page_title = ""
    intro = ""
    submit_label = ""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.item = get_object_or_404(RectificationItem.objects.select_related("department"), pk=kwargs["pk"])
        if not access.may_see(request.user, self.item):
            raise Http404(_("没有这个整改事项"))
        try:
            self.check_allowed(request.user)
        except PermissionDenied:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def check_allowed(self, user) -> None:
        """Raise ``PermissionDenied`` when ``user`` may never take this step on the item."""

    def perform(self, form) -> None:
        raise NotImplementedError

    def form_valid(self, form) -> HttpResponse:
        try:
            self.perform(form)
        except services.TransitionRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, self.success_message())
        return redirect("rectification_item:edit", self.item.pk)

    def success_message(self) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            item=self.item,
            page_title=self.page_title,
            intro=self.intro,
            submit_label=self.submit_label,
            header_title=f"{self.page_title}：{self.item.title}",
            edit_url=reverse("rectification_item:edit", args=[self.item.pk]),
            index_url=reverse("rectification_item:index"),
            log_entries=list(services.history(self.item)),
            deadline_label=deadlines.deadline_label(self.item),
            evidence_files=list(self.item.evidence_files.all()),
            allowed_now=self.allowed_now(),
        )
        return context

    def allowed_now(self) -> bool:
        """Whether the item's state allows the step (the form is shown greyed out otherwise)."""
        return True

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The step cannot be taken from this state: say so, and answer 409 so no client mistakes it for a form.
        if not self.allowed_now():
            response.status_code = 409
        return response


class RectifiedView(StepView):
    form_class = RectifiedForm
    page_title = gettext_lazy("报告整改完成")
    intro = gettext_lazy("整改完成后，写明整改情况并上传佐证材料，事项转为“已整改”，等待管委会办公室销号。")
    submit_label = gettext_lazy("报告整改完成")

    def check_allowed(self, user) -> None:
        if not access.may_report_rectified(user, self.item):
            raise PermissionDenied

    def allowed_now(self) -> bool:
        return self.item.state == State.IN_PROGRESS

    def perform(self, form) -> None:
        services.report_rectified(
            self.item,
            user=self.request.user,
            evidence_text=form.cleaned_data["evidence_text"],
            files=form.cleaned_data["files"],
        )

    def success_message(self) -> str:
        return _("已报告整改完成：“%(title)s”，等待管委会办公室销号。") % {"title": self.item.title}


class OfficeReviewView(StepView):
    """The office's two answers to a reported rectification: return it or close it (销号)."""

    def check_allowed(self, user) -> None:
        if not access.may_review(user):
            raise PermissionDenied

    def allowed_now(self) -> bool:
        return self.item.state == State.RECTIFIED


class ReturnView(OfficeReviewView):
    form_class = ReturnForm
    page_title = gettext_lazy("退回整改")
    intro = gettext_lazy("整改不到位时退回责任部门继续整改，事项回到“整改中”，请写明原因。")
    submit_label = gettext_lazy("退回整改")

    def perform(self, form) -> None:
        services.return_item(self.item, user=self.request.user, reason=form.cleaned_data["reason"])

    def success_message(self) -> str:
        return _("已退回整改：“%(title)s”。") % {"title": self.item.title}


class CloseView(OfficeReviewView):
    form_class = CloseForm
    page_title = gettext_lazy("销号")
    intro = gettext_lazy("核实整改到位后销号，事项转为“已销号”，不再变更。")
    submit_label = gettext_lazy("确认销号")

    def perform(self, form) -> None:
        services.close_item(self.item, user=self.request.user, note=form.cleaned_data["note"])

    def success_message(self) -> str:
        return _("已销号：“%(title)s”。") % {"title": self.item.title}


def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """A stored evidence file, for staff who may see its item (it is never public)."""
    evidence = get_object_or_404(RectificationEvidence.objects.select_related("item"), pk=pk)
    if not access.may_see(request.user, evidence.item):
        raise Http404(_("没有这个文件"))
    return private_download(evidence.file, evidence.original_name)


class LedgerViewSet(ModelViewSet):
    """整改台账 in the back office."""

    model = RectificationItem
    name = "rectification_item"
    url_prefix = "rectification"
    icon = "clipboard-list"
    menu_label = gettext_lazy("整改台账")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = LedgerInspectView
    inspect_view_fields = [
        "title",
        "description",
        "source_kind",
        "source_reference",
        "department",
        "responsible_person",
        "deadline",
    ]
    index_view_class = LedgerIndexView
    add_view_class = LedgerCreateView
    edit_view_class = LedgerEditView
    delete_view_class = LedgerDeleteView
    history_view_class = LedgerHistoryView
    usage_view_class = LedgerUsageView
    filterset_class = LedgerFilterSet
    search_fields = ["title", "description"]
    list_per_page = 50
    ordering = ["deadline", "pk"]
    list_display = [
        "title",
        "department",
        "source_kind",
        "deadline",
        DeadlineColumn("deadline_flag", label=gettext_lazy("期限提醒")),
        "state",
        BooleanColumn("is_public", label=gettext_lazy("向社会公开")),
    ]
    list_export = [
        "pk",
        "title",
        "description",
        "get_source_kind_display",
        "source_reference",
        "measures_text",
        "department.name",
        "responsible_person",
        "deadline",
        "get_state_display",
        "deadline_label",
        "completion_date",
        "evidence_text",
        "close_note",
        "is_public",
    ]
    export_headings = {
        "pk": gettext_lazy("编号"),
        "title": gettext_lazy("整改事项"),
        "description": gettext_lazy("问题描述"),
        "get_source_kind_display": gettext_lazy("问题来源"),
        "source_reference": gettext_lazy("来源编号或说明"),
        "measures_text": gettext_lazy("整改措施"),
        "department.name": gettext_lazy("责任部门"),
        "responsible_person": gettext_lazy("责任人"),
        "deadline": gettext_lazy("整改时限"),
        "get_state_display": gettext_lazy("整改状态"),
        "deadline_label": gettext_lazy("期限提醒"),
        "completion_date": gettext_lazy("完成日期"),
        "evidence_text": gettext_lazy("整改情况说明"),
        "close_note": gettext_lazy("销号意见"),
        "is_public": gettext_lazy("向社会公开"),
    }
    export_filename = "rectification-ledger"
    edit_handler = ObjectList(RectificationItem.panels, base_form_class=RectificationItemForm)

    def construct_view(self, view_class, **kwargs):
        return answer_denial_with_403(super().construct_view(view_class, **kwargs))

    def get_urlpatterns(self):
        from django.urls import path

        return super().get_urlpatterns() + [
            path("rectified/<int:pk>/", answer_denial_with_403(RectifiedView.as_view()), name="rectified"),
            path("return/<int:pk>/", answer_denial_with_403(ReturnView.as_view()), name="return"),
            path("close/<int:pk>/", answer_denial_with_403(CloseView.as_view()), name="close"),
            path("evidence/<int:pk>/", evidence_file, name="evidence"),
        ]


def overdue_count_for(user) -> int:
    """How many of the user's items are overdue (the menu and the dashboard show it)."""
    return access.visible_items(user).filter(deadlines.overdue_q()).count()
