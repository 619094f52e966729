"""The back office's forms for the investment records: department scope, checklists, one row per year.

Inline rows keyed by year (an enterprise's yearly figures, a project's money
arrived per year, an indicator's years) use :class:`YearlyInlinePanel`: a year
entered twice is an error next to the second row's year, in Chinese, with
everything typed kept — never the database's IntegrityError nor the generic
formset message.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel

from zoneportal.faq.forms import DepartmentOwnedForm

from . import credit_code, figures, party


def checklist_field(choices, label: str) -> forms.MultipleChoiceField:
    """Tick boxes for a checklist stored as a list of keys."""
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple)


class YearlyFormSet(BaseChildFormSet):
    """Inline rows with a ``year`` that may appear once: a repeat is an error on that row's year, in Chinese."""

    def validate_unique(self) -> None:
        seen: set[int] = set()
        for row in self.forms:
            if row in self.deleted_forms or not row.is_valid():
                continue
            year = row.cleaned_data.get("year")
            if year in seen:
                # The row becomes invalid, so the generic check below (an English-worded formset error) skips it.
                row.add_error("year", _("%(year)d年已经填写过一行，同一年份只能填写一行。") % {"year": year})
            elif year is not None:
                seen.add(year)
        super().validate_unique()


class YearlyInlinePanel(InlinePanel):
    """An InlinePanel whose rows are one per year (:class:`YearlyFormSet`)."""

    def get_form_options(self) -> dict:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = YearlyFormSet
        return options


class InvestmentForm(DepartmentOwnedForm):
    """A record of a department: the department among the user's (the office: any)."""


class ParkForm(InvestmentForm):
    infrastructure = checklist_field(figures.INFRASTRUCTURE, gettext_lazy("基础设施"))


class EnterpriseForm(InvestmentForm):
    five_ones = checklist_field(party.FIVE_ONES, gettext_lazy("“五个一”建设"))

    def clean_credit_code(self) -> str:
        # Codes are often typed in lower case or pasted with spaces; the registered form is upper case.
        code = credit_code.normalise(self.cleaned_data.get("credit_code") or "")
        credit_code.validate_credit_code(code)
        return code
