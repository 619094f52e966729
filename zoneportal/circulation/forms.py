"""Forms of 公文流转: the draft (with attachments checked by content) and the steps' opinions."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from zoneportal.core.models import Department
from zoneportal.core.uploads import MultipleFileField, check_upload

from . import access
from .models import DocumentAttachment, OfficialDocument

#: A document's attachments: the usual office formats, each checked by its content.
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "ofd", "jpg", "jpeg", "png")
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
ATTACHMENT_MAX_FILES = 10


def staff_users():
    """People who can be named as reviewers or signers: active users with back-office access."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__permissions__codename="access_admin")
        .distinct()
        .order_by("username")
    )


class StaffChoiceField(forms.ModelMultipleChoiceField):
    """A person by the name staff know them by."""

    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class AttachmentChoiceField(forms.ModelMultipleChoiceField):
    """A draft's attachments by the names they were uploaded with."""

    def label_from_instance(self, obj: DocumentAttachment) -> str:
        return obj.original_name


class DocumentForm(forms.ModelForm):
    """拟稿: a new draft or the drafter's changes; the department is one the user drafts for."""

    reviewers = StaffChoiceField(
        label=_("审核人"), queryset=staff_users(), required=False, help_text=_("不指定时由拟稿部门负责人审核")
    )
    signers = StaffChoiceField(
        label=_("签发人"), queryset=staff_users(), required=False, help_text=_("不指定时由管委会办公室签发")
    )
    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_("可上传 PDF、Word、WPS、Excel、OFD 或图片，每个不超过 20 MB，最多 10 个"),
    )
    remove_attachments = AttachmentChoiceField(
        label=_("删除附件"),
        queryset=DocumentAttachment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("勾选的附件在保存草稿时删除"),
    )

    class Meta:
        model = OfficialDocument
        fields = ["title", "kind", "urgency", "department", "body", "reviewers", "signers", "handling_days"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = access.drafting_departments(user)
        self.fields["reviewers"].queryset = staff_users()
        self.fields["signers"].queryset = staff_users()
        self.fields["handling_days"].min_value = 1
        self.fields["handling_days"].widget.attrs["min"] = 1
        if self.instance.pk and self.instance.attachments.exists():
            self.fields["remove_attachments"].queryset = self.instance.attachments.all()
        else:
            del self.fields["remove_attachments"]

    def clean_handling_days(self) -> int:
        days = self.cleaned_data["handling_days"]
        if days < 1:
            raise forms.ValidationError(_("办理时限至少为 1 个工作日。"))
        return days

    def clean_attachments(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("attachments") or []
        if len(files) > ATTACHMENT_MAX_FILES:
            raise forms.ValidationError(_("一次最多上传 %(n)d 个附件。") % {"n": ATTACHMENT_MAX_FILES})
        errors = []
        for upload in files:
            try:
                check_upload(upload, ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return files


class OpinionForm(forms.Form):
    """审核通过 or 退回 (the service requires an opinion for 退回)."""

    opinion = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SignForm(OpinionForm):
    """签发: the 文号 and an optional opinion."""

    number = forms.CharField(label=_("文号"), max_length=60, required=False, help_text=_("如 来开管发〔2026〕5号"))

    field_order = ["number", "opinion"]


class DistributeForm(forms.Form):
    """分发: the recipient departments."""

    departments = forms.ModelMultipleChoiceField(
        label=_("收文部门"),
        queryset=Department.objects.order_by("sort_order", "pk"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CompleteForm(forms.Form):
    """办结: what the department did."""

    note = forms.CharField(label=_("办结情况"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
