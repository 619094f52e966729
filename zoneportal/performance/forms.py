"""The report's period filter."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .figures import MONTH, PERIOD_KINDS, Period


class PeriodForm(forms.Form):
    """周期 and any day in it; an invalid choice is said in Chinese and the current month is shown meanwhile."""

    kind = forms.ChoiceField(label=_("统计周期"), choices=PERIOD_KINDS, initial=MONTH)
    day = forms.DateField(
        label=_("日期"),
        help_text=_("统计包含该日期的周、月或年"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("请输入正确的日期，如 2026-03-15")},
    )

    def __init__(self, data=None) -> None:
        if data is not None and not {"kind", "day"} & set(data):
            data = None  # the first visit: the defaults, without error messages
        super().__init__(data, initial={"kind": MONTH, "day": timezone.localdate()})

    def period(self) -> Period:
        """The chosen period, or the current month when the filter is not valid."""
        if self.is_bound and self.is_valid():
            return Period.containing(self.cleaned_data["kind"], self.cleaned_data["day"])
        return Period.containing(MONTH, timezone.localdate())
