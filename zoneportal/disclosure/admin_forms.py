"""The forms of the back office's steps: one per step of ``workflow.ACTIONS`` a person takes.

Each form's cleaned data become ``workflow.perform``'s arguments (:meth:`StepForm.arguments`);
the rules of the step itself (what it needs, when it is allowed) stay in the workflow.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.uploads import MultipleFileField, check_upload

from . import deadlines
from .models import DisclosureRequest

#: Files an answer may carry: documents, spreadsheets, scans (checked by content).
REPLY_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png")
REPLY_MAX_BYTES = 20 * 1024 * 1024
MAX_REPLY_FILES = 5
NOTE_MAX = 2000


class StepForm(forms.Form):
    """A step's form; ``note`` is the text the log keeps (a reason, a correction, a summary)."""

    note = forms.CharField(
        label=_("说明"), required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, step: str, **kwargs) -> None:
        super().__init__(*args, prefix=step, **kwargs)
        self.step = step

    def arguments(self) -> dict:
        """``workflow.perform``'s keyword arguments from the cleaned data."""
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}

    def typed_text(self) -> str:
        """What the person typed into the form's text fields, to show again when the step is refused."""
        texts = [str(self.data.get(self.add_prefix(name), "")).strip() for name in self.fields]
        return "\n\n".join(text for text in texts if text and not text.isdigit() and len(text) > 1)


class DatedStepForm(StepForm):
    """A step that happened on a day the office records (a correction or an opinion may come by post)."""

    on = forms.DateField(
        label=_("日期"),
        required=False,
        help_text=_("留空为今天。"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("请填写正确的日期，如 2026-10-09。")},
    )

    def clean_on(self) -> datetime.date | None:
        day = self.cleaned_data.get("on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("日期不能晚于今天。"))
        return day


class AskCorrectionForm(StepForm):
    note = forms.CharField(
        label=_("补正要求"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("一次性写明需要申请人补正的内容。申请人须在 %(days)d 个工作日内补正。")
        % {"days": deadlines.CORRECTION_DAYS},
        error_messages={"required": _("请填写需要申请人补正的内容。")},
    )


class RecordCorrectionForm(DatedStepForm):
    note = forms.CharField(
        label=_("补正内容"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("请填写申请人补正的内容。")},
    )


class StartConsultationForm(DatedStepForm):
    consultation_party = forms.CharField(
        label=_("征求意见的第三方"), max_length=100, error_messages={"required": _("请填写征求意见的第三方。")}
    )


class FinishConsultationForm(DatedStepForm):
    note = forms.CharField(
        label=_("第三方意见摘要"), required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtendForm(StepForm):
    extension_days = forms.IntegerField(
        label=_("延长工作日"),
        min_value=1,
        max_value=deadlines.MAX_EXTENSION_DAYS,
        error_messages={
            "required": _("请填写延长的工作日数。"),
            "invalid": _("延长的工作日数应为整数。"),
            "min_value": _("延长的期限至少 1 个工作日。"),
            "max_value": _("延长的期限最长不超过 %(limit_value)s 个工作日。"),
        },
    )
    extension_approver = forms.CharField(
        label=_("批准人"), max_length=50, error_messages={"required": _("请填写批准延长的负责人。")}
    )
    note = forms.CharField(
        label=_("延长理由"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("请填写延长答复期限的理由。")},
    )


class AnswerForm(StepForm):
    answer_kind = forms.ChoiceField(
        label=_("答复类型"),
        choices=DisclosureRequest.AnswerKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择答复类型。")},
    )
    legal_basis = forms.CharField(
        label=_("法律依据和理由"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("部分公开、不予公开时必填，写明条例条款和理由。"),
    )
    referral = forms.CharField(
        label=_("负责公开的机关"),
        required=False,
        max_length=200,
        help_text=_("非本机关负责时必填：该机关的名称和联系方式。"),
    )
    reply = forms.CharField(
        label=_("答复内容"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("请填写答复内容。")},
    )
    files = MultipleFileField(
        label=_("答复附件"),
        required=False,
        help_text=_("最多 %(count)d 个，每个不超过 20 MB：PDF、Word、Excel 或图片。") % {"count": MAX_REPLY_FILES},
    )
    note = None  # the reply is the text of this step

    def clean_files(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_REPLY_FILES:
            raise forms.ValidationError(
                _("最多上传 %(limit)d 个附件，您选择了 %(count)d 个。")
                % {"limit": MAX_REPLY_FILES, "count": len(files)}
            )
        problems = []
        for upload in files:
            try:
                check_upload(upload, REPLY_EXTENSIONS, REPLY_MAX_BYTES)
            except forms.ValidationError as error:
                problems.extend(error.messages)
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("answer_kind")
        if kind in (DisclosureRequest.AnswerKind.PARTIAL, DisclosureRequest.AnswerKind.REFUSED):
            if not data.get("legal_basis", "").strip():
                self.add_error("legal_basis", _("部分公开或不予公开须写明法律依据和理由。"))
        if kind == DisclosureRequest.AnswerKind.NOT_OURS and not data.get("referral", "").strip():
            self.add_error("referral", _("非本机关负责须告知负责公开该信息的机关及其联系方式。"))
        return data


FORMS: dict[str, type[StepForm]] = {
    "register": StepForm,
    "ask_correction": AskCorrectionForm,
    "record_correction": RecordCorrectionForm,
    "lapse": StepForm,
    "start_consultation": StartConsultationForm,
    "finish_consultation": FinishConsultationForm,
    "extend": ExtendForm,
    "answer": AnswerForm,
}


def form_for(step: str, data=None, files=None) -> StepForm:
    """The (bound, when ``data`` is given) form of ``step``."""
    return FORMS[step](data, files, step=step)
