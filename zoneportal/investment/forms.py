"""The back office's forms for the investment records: department scope, checklists, one row per year.

Inline rows keyed by year (an enterprise's yearly figures, a project's money
arrived per year, an indicator's years) are checked with their parent, in the
parent form's ``clean``: a year entered twice is an error next to the second
row's year, in Chinese, with everything typed kept — never the database's
IntegrityError.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zoneportal.faq.forms import DepartmentOwnedForm

from . import credit_code, figures, party


def checklist_field(choices, label: str) -> forms.MultipleChoiceField:
    """Tick boxes for a checklist stored as a list of keys."""
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple)


class InvestmentForm(DepartmentOwnedForm):
    """Department among the user's; a year at most once in each of ``yearly_formsets``."""

    #: Names of the inline relations whose rows carry a ``year`` that must not repeat.
    yearly_formsets: tuple[str, ...] = ()

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in self.yearly_formsets:
            self.check_years(self.formsets[name])
        return cleaned

    @staticmethod
    def check_years(formset) -> None:
        """Mark every row that repeats a year of an earlier row; the rows keep what was typed."""
        formset.is_valid()  # each row's own checks first, so cleaned_data exists
        seen: set[int] = set()
        for row in formset.forms:
            data = getattr(row, "cleaned_data", None) or {}
            year = data.get("year")
            if data.get("DELETE") or year is None:
                continue
            if year in seen:
                row.add_error("year", _("%(year)d年已经填写过一行，同一年份只能填写一行。") % {"year": year})
            seen.add(year)


class ParkForm(InvestmentForm):
    infrastructure = checklist_field(figures.INFRASTRUCTURE, gettext_lazy("基础设施"))


class EnterpriseForm(InvestmentForm):
    yearly_formsets = ("years",)
    five_ones = checklist_field(party.FIVE_ONES, gettext_lazy("“五个一”建设"))

    def clean_credit_code(self) -> str:
        # Codes are often typed in lower case or pasted with spaces; the registered form is upper case.
        code = credit_code.normalise(self.cleaned_data.get("credit_code") or "")
        credit_code.validate_credit_code(code)
        return code


class ProjectForm(InvestmentForm):
    yearly_formsets = ("investments",)


class IndicatorForm(InvestmentForm):
    yearly_formsets = ("years",)
