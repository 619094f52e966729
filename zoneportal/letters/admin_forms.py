"""The forms of the letter page in the back office: one per handling step.

Every form carries the letter's :func:`version` as it was when the page was drawn;
the view refuses a step when the letter changed meanwhile (someone else acted),
re-showing what was typed. The step itself always goes through ``workflow.perform``.
"""

from __future__ import annotations

import datetime
import hashlib

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.models import Department
from zoneportal.core.workdays import add_working_days, is_working_day

from .models import Letter

#: A reply long enough to be an answer, short enough for a text message link and a page.
REPLY_MAX = 5000
ASSIGN_MAX_DAYS = 60


def version(letter: Letter) -> str:
    """A short fingerprint of everything a step depends on; it changes whenever someone acts on the letter."""
    parts = (
        letter.status,
        letter.department_id,
        letter.draft_reply,
        letter.reply,
        letter.is_published,
        letter.held_for_review,
        letter.forwarded_to,
        letter.due_on,
        letter.merged_into_id,
    )
    # str(), not repr(): a status read from the database and one set in code (an enum member) must agree.
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:20]


class StepForm(forms.Form):
    """A step with an optional note (说明) that goes into the log."""

    version = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("说明"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("选填，记入办理记录。"),
    )
    #: The field holding what the user typed, shown again when the step could not be taken.
    text_field = "note"

    def __init__(self, *args, letter: Letter, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.fields["version"].initial = version(letter)

    def full_clean(self) -> None:
        super().full_clean()
        # Tie each error to its field for screen readers (the template gives the error box this id).
        for name in self.errors:
            if name in self.fields:
                field_id = self[name].auto_id
                ids = [f"{field_id}-error"] + ([f"{field_id}-helptext"] if self.fields[name].help_text else [])
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    def typed_text(self) -> str:
        """What the user wrote in this form (kept for them when the step failed)."""
        return (self.data.get(self.add_prefix(self.text_field)) or "").strip() if self.is_bound else ""

    def step_arguments(self) -> dict:
        """Keyword arguments for ``workflow.perform`` (besides the letter, step and user)."""
        return {"note": self.cleaned_data.get("note", "")}


class ReasonForm(StepForm):
    """A step that needs a reason: 不予受理, 退回修改, 重新办理."""

    note = forms.CharField(
        label=_("理由"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("请填写理由。")},
    )

    def __init__(self, *args, label: str | None = None, help_text: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["note"].label = label
            self.fields["note"].error_messages["required"] = _("请填写%(label)s。") % {"label": label}
        self.fields["note"].help_text = help_text


class ForwardForm(StepForm):
    """转办: to another department of the zone, or to an outside body named here."""

    field_order = ["department", "forwarded_to", "note"]

    department = forms.ModelChoiceField(
        label=_("转至部门"), queryset=Department.objects.none(), required=False, empty_label=_("（不转本区部门）")
    )
    forwarded_to = forms.CharField(
        label=_("或转至外单位"),
        max_length=100,
        required=False,
        help_text=_("如：来凤县人力资源和社会保障局。选择部门或填写外单位，二者填一项。"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.exclude(pk=self.letter.department_id)

    def clean(self) -> dict:
        data = super().clean()
        department, outside = data.get("department"), (data.get("forwarded_to") or "").strip()
        if department and outside:
            self.add_error("forwarded_to", _("请只选择一项：本区部门或外单位。"))
        elif not department and not outside and "forwarded_to" not in self.errors:
            self.add_error("department", _("请选择转办部门，或填写转办的外单位。"))
        return data

    def step_arguments(self) -> dict:
        arguments = super().step_arguments()
        if self.cleaned_data["department"]:
            arguments["department"] = self.cleaned_data["department"]
        else:
            arguments["forwarded_to"] = self.cleaned_data["forwarded_to"].strip()
        return arguments


class AssignForm(StepForm):
    """交办: a department and a deadline, in working days from today or as a date."""

    field_order = ["department", "days", "due_on", "note"]

    department = forms.ModelChoiceField(
        label=_("交办部门"), queryset=Department.objects.all(), error_messages={"required": _("请选择交办部门。")}
    )
    days = forms.IntegerField(
        label=_("办理期限（工作日）"),
        required=False,
        min_value=1,
        max_value=ASSIGN_MAX_DAYS,
        help_text=_("从今天起算的工作日数（节假日不计）；或在下面填写日期。"),
        error_messages={
            "min_value": _("期限至少 1 个工作日。"),
            "max_value": _("期限最多 %(limit_value)s 个工作日。"),
            "invalid": _("请填写整数。"),
        },
    )
    due_on = forms.DateField(
        label=_("或答复期限（日期）"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("须为今天以后的工作日。"),
        error_messages={"invalid": _("请填写正确的日期，如 2026-12-20。")},
    )

    def clean(self) -> dict:
        data = super().clean()
        days, due_on = data.get("days"), data.get("due_on")
        if days and due_on:
            self.add_error("due_on", _("请只填写工作日数或日期之一。"))
        elif not days and not due_on and not ({"days", "due_on"} & set(self.errors)):
            self.add_error("days", _("请填写办理期限：工作日数或日期。"))
        elif due_on:
            today = timezone.localdate()
            if due_on <= today:
                self.add_error("due_on", _("期限须在今天以后。"))
            elif not is_working_day(due_on):
                self.add_error("due_on", _("%(date)s 不是工作日，请另选日期。") % {"date": due_on.isoformat()})
        return data

    def deadline(self) -> datetime.date:
        """The deadline the form sets: the date given, or that many working days from today."""
        if self.cleaned_data.get("due_on"):
            return self.cleaned_data["due_on"]
        return add_working_days(timezone.localdate(), self.cleaned_data["days"])

    def step_arguments(self) -> dict:
        arguments = super().step_arguments()
        arguments.update(department=self.cleaned_data["department"], due_on=self.deadline())
        return arguments


class DraftForm(StepForm):
    """拟答复: the draft reply, saved as it is (保存拟答复) or sent to the head (提交审核)."""

    draft_reply = forms.CharField(
        label=_("拟答复内容"),
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": _("请填写拟答复内容。"),
            "max_length": _("答复最多 %(limit_value)d 字（现有 %(show_value)d 字）。"),
        },
    )
    text_field = "draft_reply"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["draft_reply"].initial = self.letter.draft_reply
        del self.fields["note"]

    def step_arguments(self) -> dict:
        return {"draft_reply": self.cleaned_data["draft_reply"].strip()}


class ApproveForm(StepForm):
    """审核通过并答复: the head may correct the reply's wording, and decides whether it goes on the website."""

    field_order = ["draft_reply", "is_published", "note"]

    draft_reply = forms.CharField(
        label=_("答复内容"),
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("通过后即为正式答复，来信人可凭查询码查看。"),
        error_messages={"required": _("请填写答复内容。")},
    )
    is_published = forms.BooleanField(
        label=_("在网站公开（个人信息隐去）"),
        required=False,
        help_text=_("来信人已同意公开。"),
    )
    text_field = "draft_reply"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["draft_reply"].initial = self.letter.draft_reply
        if self.letter.is_public:
            self.fields["is_published"].initial = True
        else:
            # The writer did not agree: the letter is never shown, and nobody is offered to.
            del self.fields["is_published"]

    def step_arguments(self) -> dict:
        arguments = super().step_arguments()
        arguments["draft_reply"] = self.cleaned_data["draft_reply"].strip()
        arguments["is_published"] = bool(self.letter.is_public and self.cleaned_data.get("is_published"))
        return arguments


class PublishForm(StepForm):
    """公开 / 不公开 an answered letter on the website (offered only when the writer agreed)."""

    publish = forms.TypedChoiceField(
        choices=[("1", _("公开")), ("0", _("不公开"))], coerce=lambda value: value == "1", widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["publish"].initial = "0" if self.letter.is_published else "1"

    def step_arguments(self) -> dict:
        arguments = super().step_arguments()
        arguments["publish"] = self.cleaned_data["publish"]
        return arguments


#: The form of each step (default: :class:`StepForm`, a note only).
FORMS: dict[str, type[StepForm]] = {
    "reject": ReasonForm,
    "return_reply": ReasonForm,
    "reopen": ReasonForm,
    "forward": ForwardForm,
    "assign": AssignForm,
    "draft": DraftForm,
    "submit_reply": DraftForm,
    "approve_reply": ApproveForm,
    "publish": PublishForm,
}

#: Labels and help of the reason each reasoned step asks for.
REASONS: dict[str, tuple] = {
    "reject": (_("不予受理理由"), _("将告知来信人，请写明依据或应向何处反映。")),
    "return_reply": (_("退回意见"), _("写明需要修改之处，承办人将看到这条意见。")),
    "reopen": (_("重新办理原因"), _("如：来信人对答复不满意，需进一步核实。")),
}


def form_for(step: str, letter: Letter, data=None) -> StepForm:
    """The form of ``step`` for ``letter`` (bound to ``data`` when given), prefixed by the step's name."""
    form_class = FORMS.get(step, StepForm)
    kwargs: dict = {"letter": letter, "prefix": "submit_reply" if step == "draft" else step}
    if form_class is ReasonForm:
        kwargs["label"], kwargs["help_text"] = REASONS[step]
    return form_class(data, **kwargs)
