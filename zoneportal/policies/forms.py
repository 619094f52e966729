"""The back office's forms: a document's rules said on its fields, in Chinese, before anything is saved."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from zoneportal.core.ownership import is_office
from zoneportal.faq.forms import DepartmentOwnedForm
from zoneportal.inspection.forms import ComplianceFormMixin

from .models import Policy, Validity, date_order_errors


class PolicyForm(ComplianceFormMixin, DepartmentOwnedForm):
    """A document: department limited to the user's own, dates in order, 已修订 with its replacement, 文号 unique.

    A published one also passes the compliance checks (``inspection.forms``): a blocking finding is an error.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        department = self.fields.get("department")
        if department is not None and self.for_user is not None and not is_office(self.for_user):
            # A department's document without a department would be nobody's: the office's alone.
            department.required = True

    def clean_doc_number(self) -> str:
        """A 文号 used by another document is refused here (the database would refuse it later, less kindly)."""
        number = " ".join((self.cleaned_data.get("doc_number") or "").split())
        if number:
            other = Policy.objects.filter(doc_number=number).exclude(pk=self.instance.pk).first()
            if other is not None:
                raise forms.ValidationError(
                    _("文号“%(number)s”已被《%(title)s》使用，请核对。") % {"number": number, "title": other.title}
                )
        return number

    def clean(self) -> dict:
        cleaned_data = super().clean()
        dates = [cleaned_data.get(name) for name in ("written_on", "issued_on", "effective_on", "expires_on")]
        for name, messages in date_order_errors(*dates).items():
            for message in messages:
                self.add_error(name, message)
        replaced_by = cleaned_data.get("replaced_by")
        if cleaned_data.get("validity") == Validity.AMENDED and replaced_by is None:
            self.add_error("replaced_by", _("有效性为“已修订”时，请选择修订后的文件"))
        if replaced_by is not None and self.instance.pk and replaced_by.pk == self.instance.pk:
            self.add_error("replaced_by", _("文件不能被自己取代"))
        return cleaned_data
