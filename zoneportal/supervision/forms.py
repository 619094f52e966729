"""Forms of the 督办事项: assigning one, reporting progress, closing or withdrawing it.

:class:`DescribedForm` and :class:`DeadlineForm` serve the letters' 督办单 form as well (one deadline rule).
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zoneportal.core.models import Department, Leader
from zoneportal.core.uploads import check_upload

from .models import SupervisionItem

MAX_WORKING_DAYS = 60
#: A progress report may carry one document, spreadsheet or photo, checked by its content.
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png")
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


class DescribedForm(forms.Form):
    """A form whose fields point at their help text and error message (``aria-describedby``)."""

    def full_clean(self) -> None:
        super().full_clean()
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"{self[name].auto_id}_helptext")
            if name in self.errors:
                ids.append(f"{self[name].auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class DeadlineForm(DescribedForm):
    """A deadline, given as working days from today or as a date (one of the two)."""

    working_days = forms.IntegerField(
        label=gettext_lazy("督办期限（工作日）"),
        required=False,
        min_value=1,
        max_value=MAX_WORKING_DAYS,
        help_text=gettext_lazy("自今天起的工作日数（不含节假日）；或填写下面的日期"),
    )
    due_on = forms.DateField(
        label=gettext_lazy("或督办期限（日期）"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict:
        data = super().clean()
        days, due_on = data.get("working_days"), data.get("due_on")
        if days and due_on:
            self.add_error("due_on", _("请只填写工作日数或日期中的一项。"))
        elif not days and not due_on and "working_days" not in self.errors and "due_on" not in self.errors:
            self.add_error("working_days", _("请填写督办期限：工作日数或日期。"))
        if due_on and due_on < timezone.localdate():
            self.add_error("due_on", _("督办期限不能早于今天。"))
        return data


class AssignForm(DeadlineForm):
    """下达督办事项: a leader's instruction, a meeting's decision or another matter (letters' orders are
    issued from the letter's 督办 page)."""

    source = forms.ChoiceField(
        label=gettext_lazy("来源"),
        choices=[(value, label) for value, label in SupervisionItem.Source.choices if value != "letter"],
    )
    title = forms.CharField(label=gettext_lazy("督办事项"), max_length=200)
    leader = forms.ModelChoiceField(label=gettext_lazy("批示领导"), queryset=Leader.objects.all(), required=False)
    instructed_on = forms.DateField(
        label=gettext_lazy("批示日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    instruction = forms.CharField(
        label=gettext_lazy("批示内容"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source_reference = forms.CharField(
        label=gettext_lazy("来源说明"), max_length=200, required=False, help_text=gettext_lazy("会议名称、纪要文号等")
    )
    lead_department = forms.ModelChoiceField(label=gettext_lazy("牵头部门"), queryset=Department.objects.all())
    departments = forms.ModelMultipleChoiceField(
        label=gettext_lazy("协办部门"),
        queryset=Department.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    requirements = forms.CharField(
        label=gettext_lazy("督办要求"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    field_order = [
        "source",
        "title",
        "leader",
        "instructed_on",
        "instruction",
        "source_reference",
        "lead_department",
        "departments",
        "requirements",
        "working_days",
        "due_on",
    ]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("source") == SupervisionItem.Source.INSTRUCTION:
            if not data.get("leader"):
                self.add_error("leader", _("领导批示须选择批示领导。"))
            if not (data.get("instruction") or "").strip():
                self.add_error("instruction", _("请填写批示内容。"))
        return data


class ProgressForm(DescribedForm):
    """进展反馈: what was done, how far, and an optional file."""

    text = forms.CharField(
        label=gettext_lazy("办理进展"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("请填写办理进展。")},
    )
    percent = forms.IntegerField(label=gettext_lazy("完成进度（%）"), required=False, min_value=0, max_value=100)
    attachment = forms.FileField(
        label=gettext_lazy("附件"),
        required=False,
        help_text=gettext_lazy("可选；PDF、Word、Excel 或图片，不超过 10 MB"),
    )

    def clean_attachment(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_upload(upload, ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES)
        return upload or None


class ConclusionForm(DescribedForm):
    """办结 or 撤销: the office's conclusion (or reason)."""

    conclusion = forms.CharField(
        label=gettext_lazy("办结意见或撤销原因"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
