"""节假日安排 in the back office: the holiday table, and a form for a whole holiday at once.

The State Council publishes each year's arrangement as one line per holiday: its name,
the days off (放假) as a range, and the make-up workdays (调休上班). ``ArrangementForm``
takes exactly that and writes one row per day, all or nothing. Only those who may add
rows of the table (the committee office and administrators) reach it.
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput, HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .admin_views import forbidden
from .models import Holiday, not_a_weekend
from .workdays import holidays_changed

#: A holiday's days off in one go: the longest official break (春节, 国庆节) is 8 or 9 days.
MAX_DAYS_OFF = 15

_DATE_SEPARATORS = re.compile(r"[\s,，、;；]+")
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def parse_dates(text: str) -> list[datetime.date]:
    """Dates written as ``2027-02-07``, ``2027/2/7`` or ``2027年2月7日``, separated by spaces, commas or lines.

    Raises ``ValidationError`` naming the pieces that are not dates.
    """
    days, bad = [], []
    for piece in _DATE_SEPARATORS.split(text.strip()):
        if not piece:
            continue
        match = _DATE.fullmatch(piece)
        try:
            if match is None:
                raise ValueError(piece)
            days.append(datetime.date(*(int(part) for part in match.groups())))
        except ValueError:
            bad.append(piece)
    if bad:
        raise ValidationError(
            _("无法识别的日期：%(dates)s。请写成 2027-02-07 这样的格式，多个日期用逗号或换行分开。")
            % {"dates": "、".join(bad)},
            code="bad_date",
        )
    return days


def _day_list(days: list[datetime.date]) -> str:
    return "、".join(f"{day:%Y-%m-%d}" for day in days)


class ArrangementForm(forms.Form):
    """One holiday of a year's arrangement: name, days off, make-up workdays."""

    name = forms.CharField(
        label=gettext_lazy("节日名称"), max_length=30, help_text=gettext_lazy("如 春节、劳动节、国庆节")
    )
    first_day = forms.DateField(label=gettext_lazy("放假开始日期"), widget=AdminDateInput)
    last_day = forms.DateField(
        label=gettext_lazy("放假结束日期"),
        widget=AdminDateInput,
        help_text=gettext_lazy("含这一天；只放一天时与开始日期相同"),
    )
    workdays = forms.CharField(
        label=gettext_lazy("调休上班日期"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("通知中写明需要上班的周六、周日，如 2027-02-07；多个日期用逗号或换行分开；没有可不填"),
    )

    def full_clean(self) -> None:
        """Validate, then tie each field's errors to it for screen readers (the template gives them these ids)."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self[name]
                described = [f"{field.auto_id}-errors"]
                if field.help_text:
                    described.append(f"{field.auto_id}-helptext")
                field.field.widget.attrs.update({"aria-describedby": " ".join(described), "aria-invalid": "true"})

    def clean_workdays(self) -> list[datetime.date]:
        days = parse_dates(self.cleaned_data.get("workdays") or "")
        errors = [not_a_weekend(day) for day in days if day.weekday() < 5]
        repeated = sorted({day for day in days if days.count(day) > 1})
        if repeated:
            errors.append(_("重复的日期：%(dates)s。") % {"dates": _day_list(repeated)})
        if errors:
            raise ValidationError(errors)
        return sorted(days)

    def clean(self) -> dict:
        cleaned = super().clean()
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if first and last:
            if last < first:
                self.add_error("last_day", _("结束日期早于开始日期，请检查。"))
            elif (last - first).days + 1 > MAX_DAYS_OFF:
                self.add_error("last_day", _("一次放假最多 %(limit)d 天；请分节日逐个录入。") % {"limit": MAX_DAYS_OFF})
            elif "workdays" in cleaned:
                inside = [day for day in cleaned["workdays"] if first <= day <= last]
                if inside:
                    self.add_error(
                        "workdays", _("%(dates)s 在放假期间内，不能同时是调休上班日。") % {"dates": _day_list(inside)}
                    )
        if not self.errors:
            taken = list(Holiday.objects.filter(date__in=[day for day, _kind in self.rows()]))
            if taken:
                raise ValidationError(
                    _("以下日期已经录入，未作任何更改：%(rows)s。如需修改，请在列表中编辑或删除原有记录。")
                    % {"rows": "；".join(str(row) for row in taken)},
                    code="duplicate",
                )
        return cleaned

    def rows(self) -> list[tuple[datetime.date, str]]:
        """``(date, kind)`` of every row the valid form stands for, in date order."""
        first, last = self.cleaned_data["first_day"], self.cleaned_data["last_day"]
        days_off = [first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1)]
        rows = [(day, Holiday.Kind.DAY_OFF) for day in days_off]
        rows += [(day, Holiday.Kind.WORKDAY) for day in self.cleaned_data["workdays"]]
        return sorted(rows)

    def save(self, user=None) -> list[Holiday]:
        """Write every row, or none of them (a date entered meanwhile by someone else refuses all)."""
        name = self.cleaned_data["name"]
        try:
            with transaction.atomic():
                created = Holiday.objects.bulk_create(
                    [Holiday(date=day, kind=kind, name=name) for day, kind in self.rows()]
                )
        except IntegrityError:
            self.add_error(None, _("其中有日期刚刚被别人录入，未作任何更改；请刷新列表后再试。"))
            return []
        # bulk_create sends no signals: tell the working-day calendar, and keep the history.
        created = list(Holiday.objects.filter(date__in=[row.date for row in created]))
        for row in created:
            log(instance=row, action="wagtail.create", user=user)
        holidays_changed()
        return created


class ArrangementView(WagtailAdminTemplateMixin, FormView):
    """录入节假日安排: a whole holiday (days off and make-up workdays) in one form."""

    template_name = "core/holiday_arrangement.html"
    form_class = ArrangementForm
    page_title = gettext_lazy("录入节假日安排")
    header_icon = "date"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("core.add_holiday"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_core_holiday:list"), "label": Holiday._meta.verbose_name_plural},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            submit_button_label=_("保存"),
            submit_button_active_label=_("正在保存…"),
        )
        return context

    def form_valid(self, form: ArrangementForm) -> HttpResponse:
        created = form.save(self.request.user)
        if not created:
            return self.form_invalid(form)
        days_off = sum(row.kind == Holiday.Kind.DAY_OFF for row in created)
        messages.success(
            self.request,
            _("已录入%(name)s：放假 %(off)d 天，调休上班 %(work)d 天。")
            % {"name": form.cleaned_data["name"], "off": days_off, "work": len(created) - days_off},
        )
        return redirect("wagtailsnippets_core_holiday:list")


class HolidayIndexView(IndexView):
    """The listing, with a button to enter a whole holiday at once."""

    @cached_property
    def header_buttons(self) -> list:
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("core.add_holiday"):
            buttons.append(HeaderButton(_("录入整个节日"), reverse("holiday_arrangement"), icon_name="date"))
        return buttons


class HolidayViewSet(SnippetViewSet):
    """The holiday table under 设置: one row per day, newest first."""

    model = Holiday
    index_view_class = HolidayIndexView
    icon = "date"
    add_to_settings_menu = True
    menu_label = gettext_lazy("节假日安排")
    menu_name = "holidays"
    list_display = ["date", "weekday", "kind", "name"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["-date"]
