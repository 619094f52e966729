"""督办事项 in the back office (URL namespace ``supervision``): the list (filters, .xlsx), a new item, an item.

Permissions are checked here, server-side (``access``): the list is the office's (all items) and the
departments' staff's (their own items); others get a 403 page in Chinese. An item another department's
user may not see is a 404. Assigning, closing and withdrawing are the office's, reporting progress the
assigned departments' heads and editors' (403 otherwise).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, QuerySet, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from zoneportal.core.models import Department
from zoneportal.core.ownership import is_office, user_departments
from zoneportal.core.storage import private_download
from zoneportal.core.tabular import write_xlsx

from . import access, deadlines, services
from .forms import AssignForm, ConclusionForm, ProgressForm
from .models import ProgressReport, SupervisionItem

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def forbidden(request: HttpRequest) -> HttpResponse:
    """The 403 page of these views (in Chinese, inside the back office's frame)."""
    return render(request, "supervision/forbidden.html", status=403)


class SupervisionMixin(WagtailAdminTemplateMixin):
    """Only the office and the departments' staff; breadcrumbs under 督办事项; a 403 page for ``PermissionDenied``."""

    header_icon = "tasks"

    def get_breadcrumbs_items(self) -> list[dict]:
        items = [*self.breadcrumbs_items]
        if not isinstance(self, ItemIndexView):
            items.append({"url": reverse("supervision:index"), "label": _("督办事项")})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not access.may_use(request.user):
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


@dataclass
class Filters:
    """The list's filters, read from the query string (unknown values are ignored)."""

    source: str = ""
    department: Department | None = None
    state: str = ""
    flag: str = ""

    @classmethod
    def read(cls, request: HttpRequest, departments: QuerySet) -> Filters:
        get = request.GET
        department_id = get.get("department", "")
        return cls(
            source=get.get("source", "") if get.get("source") in SupervisionItem.Source.values else "",
            department=departments.filter(pk=department_id).first() if department_id.isdigit() else None,
            state=get.get("state", "") if get.get("state") in SupervisionItem.State.values else "",
            flag=get.get("flag", "") if get.get("flag") in (deadlines.FLAG_OVERDUE, deadlines.FLAG_NEAR) else "",
        )

    def apply(self, items: QuerySet) -> QuerySet:
        if self.source:
            items = items.filter(source=self.source)
        if self.department is not None:
            items = items.filter(departments=self.department)
        if self.state:
            items = items.filter(state=self.state)
        if self.flag == deadlines.FLAG_OVERDUE:
            items = deadlines.overdue(items)
        elif self.flag == deadlines.FLAG_NEAR:
            items = deadlines.near(items)
        return items


def _filtered(request: HttpRequest) -> tuple[QuerySet, Filters, QuerySet]:
    """The items ``request.user`` sees, filtered; the filters; the departments they may filter by."""
    departments = Department.objects.all() if is_office(request.user) else user_departments(request.user)
    filters = Filters.read(request, departments)
    items = (
        filters.apply(access.visible_items(request.user))
        .select_related("lead_department", "leader", "letter")
        .prefetch_related("departments", "reports")
        .order_by(Case(When(state=SupervisionItem.State.OPEN, then=0), default=1), "due_on", "pk")
    )
    return items, filters, departments


class ItemIndexView(SupervisionMixin, TemplateView):
    """督办事项: one list of every source's items, with filters and flags."""

    template_name = "supervision/index.html"
    page_title = gettext_lazy("督办事项")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        items, filters, departments = _filtered(self.request)
        page = Paginator(items, PAGE_SIZE).get_page(self.request.GET.get("p"))
        today = timezone.localdate()
        for item in page:
            item.flag = deadlines.flag(item, today)
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            page=page,
            filters=filters,
            departments=departments,
            sources=SupervisionItem.Source.choices,
            states=SupervisionItem.State.choices,
            query=query.urlencode(),
            is_office=is_office(self.request.user),
        )
        return context


class ItemExportView(SupervisionMixin, View):
    """The filtered list as an .xlsx workbook."""

    def get(self, request: HttpRequest) -> HttpResponse:
        items, _filters, _departments = _filtered(request)
        today = timezone.localdate()
        header = [
            _("督办事项"),
            _("来源"),
            _("批示领导"),
            _("牵头部门"),
            _("承办部门"),
            _("督办期限"),
            _("剩余工作日"),
            _("状态"),
            _("最新进展"),
            _("办结意见"),
        ]
        rows = []
        for item in items:
            rows.append(
                [
                    item.title,
                    item.get_source_display(),
                    item.leader.name if item.leader else "",
                    item.lead_department.name,
                    "、".join(department.name for department in item.departments.all()),
                    item.due_on,
                    item.working_days_left(today) if item.is_open else "",
                    item.get_state_display(),
                    item.latest_report.text if item.latest_report else "",
                    item.conclusion,
                ]
            )
        output = io.BytesIO()
        write_xlsx(header, rows, output, title=_("督办事项"))
        response = HttpResponse(output.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="supervision-{today.isoformat()}.xlsx"'
        return response


class ItemCreateView(SupervisionMixin, TemplateView):
    """下达督办事项 (the office only)."""

    template_name = "supervision/create.html"
    page_title = gettext_lazy("下达督办事项")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_office(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or AssignForm(initial={"source": SupervisionItem.Source.INSTRUCTION})
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        form = AssignForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                item = services.assign(
                    user=request.user,
                    title=data["title"],
                    source=data["source"],
                    lead_department=data["lead_department"],
                    departments=data["departments"],
                    requirements=data["requirements"],
                    due_on=data["due_on"],
                    working_days=data["working_days"],
                    leader=data["leader"],
                    instruction=data["instruction"],
                    instructed_on=data["instructed_on"],
                    source_reference=data["source_reference"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("已下达督办事项，督办期限 %(due)s。") % {"due": item.due_on.isoformat()})
                return redirect("supervision:item", item.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ItemView(SupervisionMixin, TemplateView):
    """One item: where it comes from, its requirements, deadline, progress and history; the steps."""

    template_name = "supervision/item.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not access.may_use(request.user):
            return forbidden(request)
        self.item = get_object_or_404(
            access.visible_items(request.user).select_related("lead_department", "leader", "letter", "issued_by"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("督办事项：%(title)s") % {"title": self.item.title}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        item, user = self.item, self.request.user
        office = is_office(user)
        context.update(
            item=item,
            flag=deadlines.flag(item),
            days_left=item.working_days_left(),
            days_overdue=max(0, -item.working_days_left()),
            departments=item.departments.all(),
            reports=item.reports.select_related("department", "reported_by"),
            history=services.history(item),
            may_report=item.is_open and access.may_report(user, item),
            may_finish=item.is_open and office,
            progress_form=kwargs.get("progress_form") or ProgressForm(prefix="progress"),
            close_form=kwargs.get("close_form") or ConclusionForm(prefix="close"),
        )
        return context

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = request.POST.get("action")
        if action == "report":
            return self.report(request)
        if action in ("close", "cancel"):
            return self.finish(request, action)
        raise Http404

    def _again(self, **forms) -> HttpResponse:
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def report(self, request: HttpRequest) -> HttpResponse:
        if not access.may_report(request.user, self.item):
            raise PermissionDenied
        form = ProgressForm(request.POST, request.FILES, prefix="progress")
        if form.is_valid():
            try:
                services.report_progress(
                    self.item,
                    request.user,
                    text=form.cleaned_data["text"],
                    percent=form.cleaned_data["percent"],
                    attachment=form.cleaned_data["attachment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("已反馈办理进展。"))
                return redirect("supervision:item", self.item.pk)
        return self._again(progress_form=form)

    def finish(self, request: HttpRequest, action: str) -> HttpResponse:
        if not is_office(request.user):
            raise PermissionDenied
        form = ConclusionForm(request.POST, prefix="close")
        if form.is_valid():
            step = services.close if action == "close" else services.cancel
            try:
                step(self.item, request.user, form.cleaned_data["conclusion"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("督办事项%(state)s。") % {"state": self.item.get_state_display()})
                return redirect("supervision:item", self.item.pk)
        return self._again(close_form=form)


class AttachmentView(View):
    """A progress report's file, for those who see its item (files are kept where no URL leads)."""

    model = ProgressReport

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not access.may_use(request.user):
            return forbidden(request)
        report = get_object_or_404(ProgressReport.objects.exclude(attachment=""), pk=pk)
        if not access.visible_items(request.user).filter(pk=report.item_id).exists():
            raise Http404
        return private_download(report.attachment, report.attachment_name or "attachment")
