"""Forms of the ledger's back office: the item itself and the three steps (已整改, 退回, 销号)."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from zoneportal.core.forms import DescribedFieldsForm
from zoneportal.core.uploads import MultipleFileField, check_upload

from . import access

#: Evidence may be documents, spreadsheets or photos; each is checked by its content.
EVIDENCE_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png")
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_MAX_FILES = 10


class RectificationItemForm(WagtailAdminModelForm):
    """The item's form: a department's staff may only give an item to their own department."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "department" in self.fields and self.for_user is not None:
            self.fields["department"].queryset = access.departments_for(self.for_user)


class RectifiedForm(DescribedFieldsForm):
    """报告整改完成: what was done, with files as evidence (at least one of the two)."""

    evidence_text = forms.CharField(
        label=_("整改情况说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("写明采取了哪些措施、取得了什么效果。"),
    )
    files = MultipleFileField(
        label=_("佐证材料"),
        required=False,
        help_text=_("可选多个文件：PDF、Word、Excel 或 JPG/PNG 图片，每个不超过 10 MB，最多 10 个。仅后台可见。"),
    )

    def clean_files(self) -> list[UploadedFile]:
        uploads = self.cleaned_data.get("files") or []
        if len(uploads) > EVIDENCE_MAX_FILES:
            raise forms.ValidationError(_("一次最多上传 10 个文件。"))
        errors = []
        for upload in uploads:
            try:
                check_upload(upload, EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return uploads

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("evidence_text") or "").strip() and not cleaned.get("files"):
            self.add_error("evidence_text", _("请填写整改情况说明或上传佐证材料（至少一项）。"))
        return cleaned


class ReturnForm(DescribedFieldsForm):
    """退回整改: the reason is required; the department works from it."""

    reason = forms.CharField(
        label=_("退回原因"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("请写明退回原因。")},
    )


class CloseForm(DescribedFieldsForm):
    """销号: the office's note on the accepted rectification."""

    note = forms.CharField(
        label=_("销号意见"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("请填写销号意见。")},
    )
