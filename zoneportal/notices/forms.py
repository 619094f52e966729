"""The notice's form (草稿) and the withdrawal's reason (撤回)."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.forms import DescribedFieldsForm
from zoneportal.core.models import Department
from zoneportal.core.uploads import MultipleFileField, check_upload

from . import access
from .models import Notice

#: Attachments may be documents, spreadsheets, archives or photos; each is checked by its content.
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "zip", "jpg", "jpeg", "png")
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
ATTACHMENT_MAX_FILES = 10


class NoticeForm(DescribedFieldsForm, forms.ModelForm):
    """通知 as its sender writes it: departments and parks are ticked apart, attachments checked by content."""

    departments = forms.ModelMultipleChoiceField(
        label=_("接收部门"), queryset=Department.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    parks = forms.ModelMultipleChoiceField(
        label=_("接收园区"), queryset=Department.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    files = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_(
            "可选多个文件：PDF、Word、WPS、Excel、ZIP 或 JPG/PNG 图片，每个不超过 20 MB，最多 10 个。"
            "仅接收单位可下载。表单有误时请重新选择附件。"
        ),
    )

    class Meta:
        model = Notice
        fields = ["title", "urgency", "sender", "deadline", "body"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}
        error_messages = {
            "title": {"required": _("请填写通知标题。")},
            "body": {"required": _("请填写通知正文。")},
            "sender": {"required": _("请选择发文单位。"), "invalid_choice": _("您不能以该单位的名义发通知。")},
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        senders = access.sending_departments(user)
        self.fields["sender"].queryset = senders
        self.fields["sender"].empty_label = None
        if self.instance.pk is None and not self.is_bound:
            office = senders.filter(kind=Department.Kind.OFFICE).first()
            self.initial.setdefault("sender", (office or senders.first() or Department()).pk)
        parks = Department.objects.filter(kind=Department.Kind.PARK)
        self.fields["departments"].queryset = Department.objects.exclude(kind=Department.Kind.PARK)
        self.fields["parks"].queryset = parks
        if not parks.exists():
            del self.fields["parks"]
        if self.instance.pk is not None and not self.is_bound:
            chosen = list(self.instance.departments.all())
            self.initial["departments"] = [d.pk for d in chosen if d.kind != Department.Kind.PARK]
            self.initial["parks"] = [d.pk for d in chosen if d.kind == Department.Kind.PARK]

    def clean_title(self) -> str:
        title = (self.cleaned_data.get("title") or "").strip()
        if not title:
            raise forms.ValidationError(_("请填写通知标题。"))
        return title

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline is not None and deadline < timezone.localdate():
            raise forms.ValidationError(_("签收期限不能早于今天。"))
        return deadline

    def clean_files(self) -> list[UploadedFile]:
        uploads = self.cleaned_data.get("files") or []
        if len(uploads) + (self.instance.attachments.count() if self.instance.pk else 0) > ATTACHMENT_MAX_FILES:
            raise forms.ValidationError(_("每份通知最多 10 个附件。"))
        errors = []
        for upload in uploads:
            try:
                check_upload(upload, ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return uploads

    def recipients(self) -> list[Department]:
        """The ticked departments and parks together."""
        return [*self.cleaned_data.get("departments", []), *self.cleaned_data.get("parks", [])]


class WithdrawForm(DescribedFieldsForm):
    """撤回: the reason is required; the recipients read it."""

    reason = forms.CharField(
        label=_("撤回理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("请填写撤回理由。")},
    )
