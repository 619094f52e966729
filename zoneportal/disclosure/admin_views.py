"""依申请公开 in the back office: the list with its working-day clock, one request with its steps,
its files, the yearly statistics (.xlsx) and the annual reports' narratives.

Only the committee office handles requests (``core.ownership.is_office``): the office receives
them for the whole committee and answers in its name, so departments see none — they are
consulted by the office outside the system like any third party. Anyone else gets a 403.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_filters import ChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from zoneportal.core.admin_views import answer_denial_with_403, forbidden
from zoneportal.core.notifications import notify
from zoneportal.core.ownership import is_office
from zoneportal.core.storage import private_download
from zoneportal.core.workdays import working_days_left
from zoneportal.letters.admin_views import OfficeOnlyPolicy, yes_no

from . import deadlines, statistics
from .admin_forms import StepForm, form_for
from .models import OPEN_STATUSES, AnnualReport, DisclosureRequest
from .workflow import ACTIONS, allowed_actions, event_label, perform

R = DisclosureRequest

#: The confirmation after each step.
STEP_DONE = {
    "register": gettext_lazy("申请 %(number)s 已登记。"),
    "ask_correction": gettext_lazy("已告知申请 %(number)s 补正，补正期限 %(date)s。"),
    "record_correction": gettext_lazy("申请 %(number)s 已收到补正，答复期限重新计算为 %(date)s。"),
    "lapse": gettext_lazy("申请 %(number)s 逾期未补正，视为放弃申请。"),
    "start_consultation": gettext_lazy("申请 %(number)s 正在征求第三方意见，答复期限暂停计算。"),
    "finish_consultation": gettext_lazy("申请 %(number)s 已收到第三方意见，答复期限为 %(date)s。"),
    "extend": gettext_lazy("申请 %(number)s 的答复期限已延长至 %(date)s。"),
    "answer": gettext_lazy("申请 %(number)s 已答复。"),
}
#: Steps the applicant is told of (after the commit), with what they are told.
NOTIFIED = {
    "ask_correction": gettext_lazy(
        "您的政府信息公开申请 %(number)s 需要补正，请凭申请编号和查询码在网站查看补正要求。"
    ),
    "extend": gettext_lazy("您的政府信息公开申请 %(number)s 的答复期限已延长至 %(date)s。"),
    "answer": gettext_lazy("您的政府信息公开申请 %(number)s 已答复，请凭申请编号和查询码在网站查看。"),
    "lapse": gettext_lazy("您的政府信息公开申请 %(number)s 逾期未补正，视为放弃申请。"),
}


def _office_only(request: HttpRequest) -> HttpResponse | None:
    return None if is_office(request.user) else forbidden(request)


def flagged(queryset: QuerySet, flag: str, today=None) -> QuerySet:
    """Open requests past their deadline (``OVERDUE``) or due within ``NEAR_DAYS`` working days (``NEAR``)."""
    today = today or timezone.localdate()
    running = queryset.filter(status__in=OPEN_STATUSES, due_on__isnull=False)
    if flag == deadlines.OVERDUE:
        return running.filter(due_on__lt=today)
    return running.filter(due_on__gte=today, due_on__lte=deadlines.last_near_day(today))


def clock(item: DisclosureRequest) -> dict | None:
    """What the deadline clock shows: working days left and the flag, or why it stands still (None: closed)."""
    if not item.is_open:
        return None
    if item.due_on is None:
        return {"paused": item.get_status_display()}
    left = working_days_left(item.due_on, timezone.localdate())
    flag = deadlines.deadline_flag(item.due_on, timezone.localdate())
    return {"left": left, "late_by": -left, "flag": flag}


# ---- the listing -------------------------------------------------------------------------------


class RequestFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=gettext_lazy("状态"), choices=R.Status.choices)
    deadline = ChoiceFilter(
        label=gettext_lazy("期限"),
        choices=[
            (deadlines.OVERDUE, gettext_lazy("已超期")),
            (deadlines.NEAR, gettext_lazy("临近期限（%(days)s 个工作日内）") % {"days": deadlines.NEAR_DAYS}),
        ],
        method="filter_deadline",
    )
    applicant_kind = ChoiceFilter(label=gettext_lazy("申请人类型"), choices=R.ApplicantKind.choices)

    class Meta:
        model = R
        fields: list[str] = []

    def filter_deadline(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return flagged(queryset, value)


class ClockColumn(Column):
    """剩余工作日: red when overdue, marked when near, the reason when the clock stands still."""

    cell_template_name = "disclosure/admin/clock_cell.html"

    def get_cell_context_data(self, instance: DisclosureRequest, parent_context) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        context["clock"] = clock(instance)
        return context


class RequestIndexView(IndexView):
    """依申请公开: every request, newest first, with filters and the deadline clock."""

    model = R
    template_name = "disclosure/admin/index.html"
    filterset_class = RequestFilterSet
    search_fields = ["tracking_number", "name", "organisation", "description"]
    page_title = gettext_lazy("依申请公开")
    header_icon = "doc-full"
    paginate_by = 30
    any_permission_required = None
    default_ordering = "-received_at"

    @cached_property
    def permission_policy(self):
        # Access is the office's (core.ownership.is_office), not Django's model permissions.
        return None

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return _office_only(request) or super().dispatch(request, *args, **kwargs)

    def get_valid_orderings(self) -> list[str]:
        return ["received_at", "-received_at", "due_on", "-due_on", "tracking_number", "-tracking_number"]

    def detail_url(self, item: DisclosureRequest) -> str:
        return reverse("disclosure_requests:detail", args=[item.pk])

    @cached_property
    def columns(self) -> list[Column]:
        return [
            TitleColumn("tracking_number", label=_("申请编号"), get_url=self.detail_url, sort_key="tracking_number"),
            Column("applicant_name", label=_("申请人")),
            Column("status", label=_("状态"), accessor="get_status_display"),
            DateColumn("received_at", label=_("收到时间"), sort_key="received_at"),
            Column("due_on", label=_("答复期限"), sort_key="due_on"),
            ClockColumn("clock", label=_("剩余工作日")),
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        everything = R.objects.all()
        context["overdue_count"] = flagged(everything, deadlines.OVERDUE).count()
        context["near_count"] = flagged(everything, deadlines.NEAR).count()
        context["near_days"] = deadlines.NEAR_DAYS
        return context


# ---- one request ---------------------------------------------------------------------------------


class RequestView(WagtailAdminTemplateMixin, TemplateView):
    """One request: who asks what, the clock, the log, and a form per step its state allows now."""

    template_name = "disclosure/admin/request.html"
    header_icon = "doc-full"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        denied = _office_only(request)
        if denied:
            return denied
        self.item = get_object_or_404(R, pk=kwargs["pk"])
        self.bound: StepForm | None = None
        self.failed: dict | None = None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("申请 %(number)s") % {"number": self.item.tracking_number}

    def get_page_subtitle(self) -> str:
        return self.item.applicant_name

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("disclosure_requests:index"), "label": _("依申请公开")},
            {"url": "", "label": self.item.tracking_number},
        ]

    def step_forms(self) -> list[dict]:
        entries = []
        for step in allowed_actions(self.item):
            bound = self.bound is not None and self.bound.step == step
            entries.append(
                {
                    "step": step,
                    "title": ACTIONS[step].label,
                    "form": self.bound if bound else form_for(step),
                    "open": bound,
                }
            )
        return entries

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        item = self.item
        context.update(
            item=item,
            clock=clock(item),
            files=item.files.all(),
            events=[(event, event_label(event.action)) for event in item.events.select_related("actor")],
            steps=self.step_forms(),
            failed=self.failed,
            deadline_rules={
                "answer": deadlines.ANSWER_DAYS,
                "correction": deadlines.CORRECTION_DAYS,
                "extension": deadlines.MAX_EXTENSION_DAYS,
            },
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        step = request.POST.get("step", "")
        if step not in ACTIONS or step == "receive":
            return HttpResponse(_("未知的操作。"), status=400)
        form = form_for(step, request.POST, request.FILES)
        self.bound = form
        if not form.is_valid():
            messages.error(request, _("请按提示修改后再提交。"))
            return self.render_to_response(self.get_context_data(), status=200)
        try:
            perform(self.item, step, user=request.user, **form.arguments())
        except ValidationError as error:  # IllegalTransition too
            return self.refuse(step, form, " ".join(error.messages))
        item = self.item
        date = item.due_on or item.correction_due_on or ""
        messages.success(request, STEP_DONE[step] % {"number": item.tracking_number, "date": date})
        if step in NOTIFIED:
            body = NOTIFIED[step] % {"number": item.tracking_number, "date": item.due_on}
            transaction.on_commit(
                lambda: notify(subject=_("政府信息公开申请办理通知"), body=body, phone=item.phone, email=item.email)
            )
        return redirect("disclosure_requests:detail", pk=item.pk)

    def refuse(self, step: str, form: StepForm, message: str) -> HttpResponse:
        """Say why the step was not taken; show the request as it is now and what the person typed."""
        self.item.refresh_from_db()
        messages.error(self.request, message)
        self.failed = {"label": ACTIONS[step].label, "text": form.typed_text()}
        self.bound = form if step in allowed_actions(self.item) else None
        return self.render_to_response(self.get_context_data(), status=409)


def request_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    """A file of a request (the applicant's proof, a reply file), to the office, as a download."""
    denied = _office_only(request)
    if denied:
        return denied
    item = get_object_or_404(R, pk=pk)
    request_file = get_object_or_404(item.files, pk=file_pk)
    return private_download(request_file.file, request_file.original_name)


# ---- statistics --------------------------------------------------------------------------------


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """申请统计: one year's table as in the annual report; ``?format=xlsx`` downloads it."""

    template_name = "disclosure/admin/statistics.html"
    page_title = gettext_lazy("政府信息公开申请统计")
    header_icon = "table"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return _office_only(request) or super().dispatch(request, *args, **kwargs)

    def year(self) -> int:
        this_year = timezone.localdate().year
        try:
            year = int(self.request.GET.get("year", this_year))
        except ValueError:
            return this_year
        return year if 2000 <= year <= this_year else this_year

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        table = statistics.year_table(self.year())
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(
                statistics.to_xlsx(table),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="disclosure-statistics-{table.year}.xlsx"'
            return response
        years = sorted({*statistics.years_with_requests(), timezone.localdate().year}, reverse=True)
        return self.render_to_response(self.get_context_data(table=table, years=years))


class RequestsViewSet(ViewSet):
    """The URLs of 依申请公开 under /admin/disclosure/ (namespace ``disclosure_requests``)."""

    name = "disclosure_requests"
    url_prefix = "disclosure"
    icon = "doc-full"

    def get_urlpatterns(self) -> list:
        names = {
            "index_url_name": "disclosure_requests:index",
            "index_results_url_name": "disclosure_requests:index_results",
        }
        return [
            path("", RequestIndexView.as_view(**names), name="index"),
            path("results/", RequestIndexView.as_view(**names, results_only=True), name="index_results"),
            path("<int:pk>/", RequestView.as_view(), name="detail"),
            path("<int:pk>/files/<int:file_pk>/", request_file, name="file"),
            path("statistics/", StatisticsView.as_view(), name="statistics"),
        ]


# ---- annual reports: the office's -------------------------------------------------------------------

register_permission_policy(AnnualReport, OfficeOnlyPolicy(AnnualReport), exact_class=True)


class AnnualReportViewSet(ModelViewSet):
    """年度报告: each year's narrative; the statistics table is computed, never typed."""

    model = AnnualReport
    icon = "doc-full-inverse"
    name = "disclosure_reports"
    url_prefix = "disclosure/reports"
    menu_label = gettext_lazy("年度报告")
    list_display = [
        "year",
        Column("is_published", label=gettext_lazy("在网站公开"), accessor=lambda report: yes_no(report.is_published)),
        "updated_at",
    ]
    form_fields = ["year", "summary", "proactive", "problems", "is_published"]
    add_to_admin_menu = False

    def construct_view(self, view_class, **kwargs):
        # Anyone but the office gets the back office's 403, as in every disclosure view (not Wagtail's redirect).
        return answer_denial_with_403(super().construct_view(view_class, **kwargs))


def open_requests_needing_attention(today=None) -> dict[str, QuerySet]:
    """The open requests overdue and near their deadline (the dashboard panel and the menu's count)."""
    everything = R.objects.all()
    return {
        deadlines.OVERDUE: flagged(everything, deadlines.OVERDUE, today).order_by("due_on", "pk"),
        deadlines.NEAR: flagged(everything, deadlines.NEAR, today).order_by("due_on", "pk"),
    }


def waiting_count() -> int:
    """Requests waiting for the office to act: not yet registered, or running and overdue or near."""
    today = timezone.localdate()
    waiting = Q(status=R.Status.SUBMITTED) | Q(
        status__in=OPEN_STATUSES, due_on__isnull=False, due_on__lte=deadlines.last_near_day(today)
    )
    return R.objects.filter(waiting).count()
