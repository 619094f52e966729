"""督办, duplicates and statistics in the back office (URL namespace ``letters_oversight``).

Permissions are checked here, server-side (see ``oversight`` for who is who): the 督办 list and the
statistics are the office's and the department heads' (a head sees their own departments only, the
office all; editors get 403); a letter's 督办 page and its duplicates are open to the staff of the
letter's department and the office (others get 404); issuing and closing orders is the office's,
reporting on an order the department's heads and editors (403 otherwise). An order is a 督办事项
(``supervision``) of source 来信督办: it changes state through ``supervision.services`` only, and is in the
shared 督办事项 list as well.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from zoneportal.core.models import Department
from zoneportal.supervision import access as supervision_access
from zoneportal.supervision import services as supervision
from zoneportal.supervision.forms import DeadlineForm, DescribedForm
from zoneportal.supervision.models import SupervisionItem

from . import duplicates, oversight, statistics
from .models import Letter


def forbidden(request: HttpRequest) -> HttpResponse:
    """The 403 page of these views (in Chinese, inside the back office's frame)."""
    return render(request, "letters/oversight/forbidden.html", status=403)


class OversightMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs under 督办, and a 403 page for ``PermissionDenied``."""

    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


# ---- forms ----------------------------------------------------------------------------------------------


class SupervisionOrderForm(DeadlineForm):
    """督办单: instructions and a deadline, given as working days from today or as a date."""

    instructions = forms.CharField(
        label=gettext_lazy("督办要求"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class OrderResponseForm(DescribedForm):
    response = forms.CharField(
        label=gettext_lazy("办理情况"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class OrderCloseForm(DescribedForm):
    closing_note = forms.CharField(
        label=gettext_lazy("办结意见"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


def _month(value: str) -> datetime.date:
    try:
        year, month = value.split("-")
        return datetime.date(int(year), int(month), 1)
    except ValueError as error:
        raise ValidationError(_("请按“年-月”填写，例如 2026-01。")) from error


class MonthField(forms.CharField):
    """A month as ``YYYY-MM`` (an ``<input type="month">``), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "pattern": r"\d{4}-\d{2}", "placeholder": "2026-01"})

    def to_python(self, value):
        value = super().to_python(value)
        return _month(value) if value else None


class StatisticsForm(DescribedForm):
    """The table's filters: grouping, month range and (for the office) a department."""

    grouping = forms.ChoiceField(label=gettext_lazy("统计口径"), choices=list(statistics.GROUPINGS.items()))
    first_month = MonthField(label=gettext_lazy("起始月份"))
    last_month = MonthField(label=gettext_lazy("截止月份"))
    department = forms.ModelChoiceField(
        label=gettext_lazy("承办部门"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=gettext_lazy("全部部门"),
    )

    def __init__(self, *args, departments, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first_month"), data.get("last_month")
        if first and last and first > last:
            self.add_error("last_month", _("截止月份不能早于起始月份。"))
        if first and last and (last.year - first.year) * 12 + last.month - first.month >= 60:
            self.add_error("last_month", _("统计范围最长为 5 年。"))
        return data


# ---- 督办 ------------------------------------------------------------------------------------------------


class OversightIndexView(OversightMixin, TemplateView):
    """督办: the overseen letters near or past their deadline, three months old, and the supervision orders."""

    template_name = "letters/oversight/index.html"
    page_title = gettext_lazy("督办")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not oversight.may_oversee(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        closed = (
            oversight.overseen_orders(self.request.user)
            .filter(state=SupervisionItem.State.DONE)
            .select_related("letter", "lead_department")
            .order_by("-closed_at")[:20]
        )
        context.update(
            overview=oversight.overview(self.request.user, today),
            closed_orders=closed,
            today=today,
            is_office=oversight.is_office(self.request.user),
            near_days=oversight.NEAR_WORKING_DAYS,
            three_months_days=oversight.THREE_MONTHS_DAYS,
        )
        return context


def _posted_id(request: HttpRequest, name: str) -> int:
    """A posted object id; a missing or malformed one is answered like an unknown one (404)."""
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def _handled_letter(request: HttpRequest, pk: int) -> Letter:
    """The letter if ``request.user`` may handle it (its department's staff or the office), else 404."""
    letters = oversight.handled_letters(request.user).select_related("department", "mailbox", "merged_into")
    return get_object_or_404(letters, pk=pk)


class LetterOversightView(OversightMixin, TemplateView):
    """One letter's clock, flags and supervision orders; the office issues and closes orders here,
    the department head reports on them."""

    template_name = "letters/oversight/letter.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.letter = _handled_letter(request, kwargs["pk"])
        self.is_office = oversight.is_office(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("督办：%(number)s") % {"number": self.letter.tracking_number}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        orders = list(
            self.letter.supervision_items.select_related("issued_by", "closed_by", "lead_department").prefetch_related(
                "reports__reported_by"
            )
        )
        bound = kwargs.get("bound_forms", {})
        for order in orders:
            order.may_respond = order.is_open and supervision_access.may_report(self.request.user, order)
            order.may_close = order.is_open and self.is_office
            order.response_form = bound.get(("respond", order.pk)) or OrderResponseForm(prefix=f"respond-{order.pk}")
            order.close_form = bound.get(("close", order.pk)) or OrderCloseForm(prefix=f"close-{order.pk}")
        context.update(
            letter=self.letter,
            today=today,
            flags=[oversight.FLAG_LABELS[flag] for flag in oversight.letter_flags(self.letter, today)],
            days_left=self.letter.working_days_left(today),
            days_overdue=max(0, -self.letter.working_days_left(today)),
            days_open=(today - timezone.localdate(self.letter.received_at)).days,
            orders=orders,
            is_office=self.is_office,
            may_issue=self.is_office and self.letter.is_open,
            order_form=bound.get(("issue", None)) or SupervisionOrderForm(prefix="issue"),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action")
        if action == "issue":
            return self.issue(request)
        order = get_object_or_404(self.letter.supervision_items, pk=_posted_id(request, "order"))
        if action == "respond":
            return self.respond(request, order)
        if action == "close":
            return self.close(request, order)
        raise Http404

    def _again(self, request: HttpRequest, key, form) -> HttpResponse:
        return self.render_to_response(self.get_context_data(bound_forms={key: form}), status=400)

    def _done(self, request: HttpRequest, message: str) -> HttpResponse:
        messages.success(request, message)
        return redirect("letters_oversight:letter", self.letter.pk)

    def issue(self, request: HttpRequest) -> HttpResponse:
        if not self.is_office:
            raise PermissionDenied
        form = SupervisionOrderForm(request.POST, prefix="issue")
        if form.is_valid():
            try:
                order = oversight.issue_order(
                    self.letter,
                    request.user,
                    instructions=form.cleaned_data["instructions"],
                    due_on=form.cleaned_data["due_on"],
                    working_days=form.cleaned_data["working_days"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self._done(
                    request,
                    _("已下发督办单，督办期限 %(due)s（%(department)s）。")
                    % {"due": order.due_on.isoformat(), "department": order.lead_department.name},
                )
        return self._again(request, ("issue", None), form)

    def respond(self, request: HttpRequest, order: SupervisionItem) -> HttpResponse:
        if not supervision_access.may_report(request.user, order):
            raise PermissionDenied
        form = OrderResponseForm(request.POST, prefix=f"respond-{order.pk}")
        if form.is_valid():
            try:
                supervision.report_progress(order, request.user, text=form.cleaned_data["response"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self._done(request, _("已反馈办理情况。"))
        return self._again(request, ("respond", order.pk), form)

    def close(self, request: HttpRequest, order: SupervisionItem) -> HttpResponse:
        if not self.is_office:
            raise PermissionDenied
        form = OrderCloseForm(request.POST, prefix=f"close-{order.pk}")
        if form.is_valid():
            try:
                supervision.close(order, request.user, form.cleaned_data["closing_note"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self._done(request, _("督办单已办结。"))
        return self._again(request, ("close", order.pk), form)


# ---- duplicates -----------------------------------------------------------------------------------------


class DuplicatesView(OversightMixin, TemplateView):
    """Similar open letters of one letter, and 并入 in either direction."""

    template_name = "letters/oversight/duplicates.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.letter = _handled_letter(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("相似来信：%(number)s") % {"number": self.letter.tracking_number}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        mergeable = self.letter.is_open and self.letter.merged_into_id is None
        context.update(
            letter=self.letter,
            similar=duplicates.similar_open_letters(
                self.letter, candidates=oversight.handled_letters(self.request.user)
            )
            if mergeable
            else [],
            mergeable=mergeable,
            window_days=duplicates.WINDOW_DAYS,
            error=kwargs.get("error"),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        other = get_object_or_404(oversight.handled_letters(request.user), pk=_posted_id(request, "other"))
        if request.POST.get("direction") == "into_this":
            source, target = other, self.letter
        else:
            source, target = self.letter, other
        try:
            duplicates.merge_letters(source, target, request.user)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=" ".join(error.messages)), status=400)
        messages.success(
            request,
            _("信件 %(source)s 已并入 %(target)s，合并办理。")
            % {"source": source.tracking_number, "target": target.tracking_number},
        )
        return redirect("letters_oversight:duplicates", target.pk)


# ---- statistics -----------------------------------------------------------------------------------------


class StatisticsView(OversightMixin, TemplateView):
    """来信统计 with filters; ``?format=xlsx`` (or the export URL) gives the same table as a workbook."""

    template_name = "letters/oversight/statistics.html"
    page_title = gettext_lazy("来信统计")
    header_icon = "table"
    export = False

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not oversight.may_oversee(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def departments(self):
        if oversight.is_office(self.request.user):
            return Department.objects.all()
        return oversight.headed_departments(self.request.user)

    def get_form(self) -> StatisticsForm:
        today = timezone.localdate()
        defaults = {
            "grouping": "department",
            "first_month": f"{today.year}-01",
            "last_month": f"{today:%Y-%m}",
        }
        data = {key: self.request.GET.get(key) or value for key, value in defaults.items()}
        data["department"] = self.request.GET.get("department", "")
        return StatisticsForm(data, departments=self.departments())

    def table(self, form: StatisticsForm) -> statistics.Table | None:
        if not form.is_valid():
            return None
        letters = oversight.overseen_letters(self.request.user)
        if form.cleaned_data["department"] is not None:
            letters = letters.filter(department=form.cleaned_data["department"])
        return statistics.compute(
            letters,
            grouping=form.cleaned_data["grouping"],
            first_month=form.cleaned_data["first_month"],
            last_month=form.cleaned_data["last_month"],
        )

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = self.get_form()
        table = self.table(form)
        if self.export or request.GET.get("format") == "xlsx":
            if table is None:
                return self.render_to_response(self.get_context_data(form=form, table=None), status=400)
            response = HttpResponse(
                statistics.to_xlsx(table),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            name = f"letters-statistics-{table.grouping}-{table.start:%Y%m}-{table.end:%Y%m}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return self.render_to_response(self.get_context_data(form=form, table=table))

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        table = kwargs.get("table")
        context.update(
            columns=statistics.COLUMNS,
            rows=[(row, statistics.row_values(row)) for row in table.rows] if table else [],
            total=statistics.row_values(table.total) if table else [],
            grouping_label=statistics.GROUPINGS[table.grouping] if table else "",
            export_url=reverse("letters_oversight:statistics_export") + "?" + self.request.GET.urlencode(),
        )
        return context
