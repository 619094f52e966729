"""The back office's forms for service items and journeys: department scope, the item rules, checked uploads.

The inline rows (materials, steps, questions) are validated with the item, in
the item's ``clean``: a rule that spans the item and its rows (the steps' time
limits against the promised one) needs both, and an error lands next to the
field it concerns, with everything the editor typed kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from zoneportal.faq.forms import DepartmentOwnedForm

from . import rules

#: What a blank form or a sample may be: office documents and PDFs, as departments have them.
FORM_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "wps")
FORM_MAX_BYTES = 10 * 1024 * 1024


class PrivateFileInput(forms.ClearableFileInput):
    """Django's file input, naming the current file without a link: private files have no URL."""

    template_name = "services/widgets/private_file_input.html"
    accept = ",".join(f".{extension}" for extension in FORM_EXTENSIONS)

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__({"accept": self.accept, **(attrs or {})})

    def is_initial(self, value) -> bool:
        # Django asks for the file's URL here; a stored private file has a name instead.
        return bool(value and getattr(value, "name", None) and not isinstance(value, UploadedFile))

    def get_context(self, name, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        context["widget"]["file_name"] = PurePath(value.name).name if self.is_initial(value) else ""
        return context


def kept_rows(formset) -> Iterator[forms.Form]:
    """The rows of ``formset`` that pass their own checks and are not being deleted."""
    formset.is_valid()  # validates every row once; their errors stay for the page
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and not data.get("DELETE"):
            yield form


class ServiceItemForm(DepartmentOwnedForm):
    """An item: its department among the user's, time limits and fees consistent, forms checked by content."""

    def clean(self) -> dict:
        cleaned = super().clean()
        step_days = [row.cleaned_data.get("days") or 0 for row in kept_rows(self.formsets["steps"])]
        errors = rules.time_limit_errors(cleaned.get("statutory_days"), cleaned.get("promised_days"), step_days)
        errors |= rules.fee_errors(
            bool(cleaned.get("charges_fee")), cleaned.get("fee_standard") or "", cleaned.get("fee_basis") or ""
        )
        for field, message in errors.items():
            self.add_error(field, message)
        self.check_files()
        return cleaned

    def check_files(self) -> None:
        """Each newly uploaded blank form or sample must be an office document or PDF whose content matches."""
        # Imported here: core.uploads loads Wagtail's document forms, which need the app registry,
        # and this module is loaded with the models.
        from zoneportal.core.uploads import check_upload

        for row in kept_rows(self.formsets["materials"]):
            for field in ("blank_form", "sample"):
                upload = row.cleaned_data.get(field)
                if isinstance(upload, UploadedFile):
                    try:
                        check_upload(upload, FORM_EXTENSIONS, FORM_MAX_BYTES)
                    except forms.ValidationError as error:
                        row.add_error(field, error)


class JourneyForm(DepartmentOwnedForm):
    """A journey: each item once, and each question's items among the journey's own."""

    def clean(self) -> dict:
        cleaned = super().clean()
        chosen: set[int] = set()
        for row in kept_rows(self.formsets["stages"]):
            item = row.cleaned_data.get("item")
            if item is None:
                continue
            if item.pk in chosen:
                row.add_error("item", _("“%(item)s”已在办理顺序中，每个事项只列一次。") % {"item": item})
            chosen.add(item.pk)
        for row in kept_rows(self.formsets["questions"]):
            yes_items, no_items = (list(row.cleaned_data.get(name) or []) for name in ("yes_items", "no_items"))
            if not yes_items and not no_items:
                row.add_error("yes_items", _("请至少选择一个事项：回答“是”或“否”时才需要办理的。"))
            both = [item for item in yes_items if item in no_items]
            if both:
                row.add_error(
                    "no_items",
                    _("同一事项不能既是回答“是”才需要、又是回答“否”才需要：%(items)s")
                    % {"items": "、".join(map(str, both))},
                )
            outside = [item for item in yes_items + no_items if item.pk not in chosen]
            if outside:
                field = "yes_items" if any(item in yes_items for item in outside) else "no_items"
                row.add_error(
                    field,
                    _("所选事项须在本“一件事”的办理顺序中：%(items)s") % {"items": "、".join(map(str, outside))},
                )
        return cleaned
