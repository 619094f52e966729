"""The survey builder's form (back office) and the questionnaire a visitor fills in (public site).

Both validate on the server whatever the browser did: the builder checks each
question (choices, rows, min/max), the conditions between questions and, once
answers exist, that no question changes; the public form checks each answer
by its question's kind, discards answers to questions whose condition is not
met (the small script only hides them) and says per question what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from zoneportal.core.ownership import user_departments
from zoneportal.core.uploads import check_upload

from .models import Question, Survey, lines

Kind = Question.Kind

#: Fields of a question that answers depend on: once answers exist none may change.
LOCKED_FIELDS = ("section", "kind", "text", "required", "choices", "rows", "min_choices", "max_choices",
                 "show_if_number", "show_if_choice")  # fmt: skip
#: Uploads a survey accepts, checked by content (zoneportal.core.uploads).
UPLOAD_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png")
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 2000
PHONE = re.compile(r"^1\d{10}$")


def _normalise(value: Any) -> str:
    """A field's value as compared for locking: line endings and outer spaces do not count."""
    if value is None:
        return ""
    return "\n".join(line.rstrip() for line in str(value).replace("\r\n", "\n").strip().split("\n"))


class SurveyAdminForm(WagtailAdminModelForm):
    """The builder: a survey with its questions, checked as a whole."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "department" in self.fields:
            field = self.fields["department"]
            # A plain list of the departments the user may choose, not the snippet chooser of all of them.
            field.widget = forms.Select()
            if user is not None and not user.is_superuser:
                field.queryset = user_departments(user)
                if not self.instance.pk and field.queryset.count() == 1:
                    field.initial = field.queryset.first()
            field.widget.choices = field.choices

    def is_valid(self) -> bool:
        """The fields and each question, then what only the whole survey can tell (locking, conditions)."""
        valid = super().is_valid()
        formset = self.formsets.get("questions")
        if formset is None:
            return valid
        if self.instance.is_locked():
            if self.questions_changed(formset):
                self.add_error(
                    None,
                    _("这份问卷已经有答卷，题目已锁定：不能增加、删除、调整顺序或修改题目（填写提示除外）。"
                      "如需修改题目，请另建一份问卷。"),
                )  # fmt: skip
                return False
        if not valid:
            return False
        return self.check_conditions(formset)

    def questions_changed(self, formset) -> bool:
        """Whether the submitted questions differ from the stored ones in anything answers depend on."""
        stored = {question.pk: question for question in Question.objects.filter(survey=self.instance)}
        kept: list[tuple[Any, int]] = []
        for form in formset.forms:
            pk = form.instance.pk if form.instance.pk in stored else None
            data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
            if pk is None:
                if form.has_changed():
                    return True  # a new question
                continue
            if data.get("DELETE"):
                return True
            for name in LOCKED_FIELDS:
                if name in data and _normalise(data[name]) != _normalise(getattr(stored[pk], name)):
                    return True
            kept.append((data.get("ORDER") or 0, pk))
        if len(kept) != len(stored):
            return True
        submitted_order = [pk for _order, pk in sorted(kept, key=lambda item: item[0])]
        stored_order = [question.pk for question in sorted(stored.values(), key=lambda q: (q.sort_order or 0, q.pk))]
        return submitted_order != stored_order

    def check_conditions(self, formset) -> bool:
        """A condition must name an earlier single- or multiple-choice question and one of its choices."""
        ordered = [form for form in formset.ordered_forms if not form.cleaned_data.get("DELETE")]
        valid = True
        for number, form in enumerate(ordered, start=1):
            data = form.cleaned_data
            target_number, choice = data.get("show_if_number"), (data.get("show_if_choice") or "").strip()
            if target_number is None and not choice:
                continue
            if target_number is None:
                form.add_error("show_if_number", _("请填写显示条件所依据的题号。"))
            elif not 1 <= target_number < number:
                form.add_error(
                    "show_if_number", _("显示条件只能依据本题之前的题目（第1—%(last)d题）。") % {"last": number - 1}
                )
            else:
                target = ordered[target_number - 1].cleaned_data
                if target.get("kind") not in Question.CONDITION_KINDS:
                    form.add_error("show_if_number", _("显示条件只能依据单选题或多选题。"))
                elif choice not in lines(target.get("choices", "")):
                    form.add_error(
                        "show_if_choice",
                        _("第%(number)d题没有“%(choice)s”这个选项。") % {"number": target_number, "choice": choice},
                    )
            valid = valid and not form.errors
        return valid


def clean_question(question: Question) -> None:
    """Per-question checks of the builder (called from :meth:`Question.clean`)."""
    errors: dict[str, str] = {}
    choices, rows = lines(question.choices), lines(question.rows)
    if question.kind in Question.CHOICE_KINDS:
        if len(choices) < 2:
            errors["choices"] = _("这种题型至少需要两个选项，每行一个。")
        elif len(set(choices)) != len(choices):
            errors["choices"] = _("选项不能重复。")
    if question.kind == Kind.MATRIX:
        if not rows:
            errors["rows"] = _("矩阵题至少需要一行评价对象。")
        elif len(set(rows)) != len(rows):
            errors["rows"] = _("矩阵的行不能重复。")
    elif rows:
        errors["rows"] = _("只有矩阵题需要填写行。")
    if question.kind == Kind.MULTIPLE:
        low, high = question.min_choices, question.max_choices
        if high is not None and high < 1:
            errors["max_choices"] = _("最多选择的项数至少为 1。")
        elif high is not None and choices and high > len(choices):
            errors["max_choices"] = _("最多选择的项数不能超过选项数（%(count)d）。") % {"count": len(choices)}
        if low is not None and high is not None and low > high:
            errors["min_choices"] = _("最少选择的项数不能大于最多选择的项数。")
        elif low is not None and choices and low > len(choices):
            errors["min_choices"] = _("最少选择的项数不能超过选项数（%(count)d）。") % {"count": len(choices)}
    elif question.min_choices is not None or question.max_choices is not None:
        errors["min_choices"] = _("只有多选题可以限定选择的项数。")
    if errors:
        raise ValidationError(errors)


# ---- the public questionnaire ------------------------------------------------


@dataclass
class QuestionBlock:
    """One question as the template shows it: its fields, its errors and its condition."""

    question: Question
    fields: list[forms.BoundField]
    errors: list[str] = field(default_factory=list)
    condition_field: str = ""
    condition_value: str = ""  # the position of the choice that shows the question

    @property
    def dom_id(self) -> str:
        return f"q{self.question.pk}"


class SurveyForm(forms.Form):
    """The questionnaire: one or more Django fields per question, answers checked per question.

    Every field is optional for Django; whether an answer is required depends on
    whether the question is shown, which only the whole form knows (:meth:`clean`).
    After validation, :attr:`answers` holds the values to store and
    :attr:`uploads` the files, keyed by question id.
    """

    def __init__(self, survey: Survey, questions: list[Question], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = questions
        self.by_number = {question.number: question for question in questions}
        self.names: dict[int, list[str]] = {}
        self.question_errors: dict[int, list[str]] = {}
        self.answers: dict[str, Any] = {}
        self.uploads: dict[int, UploadedFile] = {}
        for question in questions:
            self.names[question.pk] = self.add_question_fields(question)
        self.add_person_fields()

    # -- building

    def add_question_fields(self, question: Question) -> list[str]:
        """Add the Django fields of ``question``; returns their names."""
        name = f"q{question.pk}"
        # Choices are sent by position, not by text: the 繁體 view converts the page, values included,
        # and a traditional “沒找到” would not be the stored “没找到”.
        choices = [(str(index), choice) for index, choice in enumerate(question.choice_list)]
        kind = question.kind
        if kind == Kind.SINGLE:
            self.fields[name] = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, required=False)
        elif kind == Kind.MULTIPLE:
            self.fields[name] = forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, required=False
            )
        elif kind == Kind.RATING:
            scores = [(str(score), _("%(score)d分") % {"score": score}) for score in range(1, 6)]
            self.fields[name] = forms.ChoiceField(choices=scores, widget=forms.RadioSelect, required=False)
        elif kind == Kind.MATRIX:
            names = []
            for index, row in enumerate(question.row_list):
                row_name = f"{name}_r{index}"
                self.fields[row_name] = forms.ChoiceField(
                    label=row, choices=choices, widget=forms.RadioSelect, required=False
                )
                names.append(row_name)
            return names
        elif kind == Kind.RANKING:
            places = [("", _("请选择名次"))] + [
                (str(place), _("第%(place)d位") % {"place": place}) for place in range(1, len(choices) + 1)
            ]
            names = []
            for index, item in enumerate(question.choice_list):
                item_name = f"{name}_i{index}"
                self.fields[item_name] = forms.ChoiceField(label=item, choices=places, required=False)
                names.append(item_name)
            return names
        elif kind == Kind.SHORT_TEXT:
            self.fields[name] = forms.CharField(max_length=SHORT_TEXT_MAX, required=False)
        elif kind == Kind.LONG_TEXT:
            self.fields[name] = forms.CharField(
                max_length=LONG_TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 5})
            )
        elif kind == Kind.NUMBER:
            self.fields[name] = forms.DecimalField(
                max_digits=15, decimal_places=4, required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
            )
        elif kind == Kind.FILE:
            accept = ",".join(f".{extension}" for extension in UPLOAD_EXTENSIONS)
            self.fields[name] = forms.FileField(
                required=False, widget=forms.ClearableFileInput(attrs={"accept": accept})
            )
        for field_name in [name]:
            self.fields[field_name].label = question.text
        return [name]

    def add_person_fields(self) -> None:
        """Name and contact (实名 surveys), the phone or e-mail to verify, and the code."""
        survey = self.survey
        contact = survey.identity == Survey.Identity.CONTACT
        verification = survey.verification
        if contact:
            self.fields["name"] = forms.CharField(label=_("姓名"), max_length=50, required=True)
        if contact or verification == Survey.Verification.PHONE:
            self.fields["phone"] = forms.CharField(
                label=_("手机号码"),
                max_length=20,
                required=verification == Survey.Verification.PHONE,
                widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            )
        if contact or verification == Survey.Verification.EMAIL:
            self.fields["email"] = forms.EmailField(
                label=_("电子邮箱"),
                required=verification == Survey.Verification.EMAIL,
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )
        if verification != Survey.Verification.NONE:
            self.fields["code"] = forms.CharField(
                label=_("验证码"), max_length=6, required=True, widget=forms.TextInput(attrs={"inputmode": "numeric"})
            )
        for name in ("name", "phone", "email", "code"):
            if name in self.fields:
                self.fields[name].error_messages["required"] = _("请填写%(label)s。") % {
                    "label": self.fields[name].label
                }

    @property
    def person_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("name", "phone", "email", "code") if name in self.fields]

    @property
    def verify_field(self) -> str:
        """The field whose phone or e-mail receives the verification code ('' when not verified)."""
        return {Survey.Verification.PHONE: "phone", Survey.Verification.EMAIL: "email"}.get(
            self.survey.verification, ""
        )

    # -- checking

    def clean_phone(self) -> str:
        phone = re.sub(r"[\s-]", "", self.cleaned_data.get("phone", ""))
        if phone and not PHONE.match(phone):
            raise ValidationError(_("请填写11位手机号码，例如 13800000000。"))
        return phone

    def clean_code(self) -> str:
        code = self.cleaned_data.get("code", "").strip()
        if code and not code.isdigit():
            raise ValidationError(_("验证码是6位数字。"))
        return code

    def is_shown(self, question: Question) -> bool:
        """Whether the question's condition is met by the answers checked so far (earlier questions)."""
        if not question.show_if_number:
            return True
        target = self.by_number.get(question.show_if_number)
        if target is None:
            return False
        answer = self.answers.get(target.key)
        if isinstance(answer, list):
            return question.show_if_choice in answer
        return answer == question.show_if_choice

    def clean(self) -> dict:
        """Each question in order: discard it when hidden, else check its answer as its kind requires."""
        cleaned = super().clean()
        for question in self.questions:
            names = self.names[question.pk]
            if not self.is_shown(question):
                for name in names:  # hidden: whatever was sent for it is discarded, errors too
                    self._errors.pop(name, None)
                    cleaned.pop(name, None)
                continue
            if any(name in self._errors for name in names):
                continue
            try:
                value = self.answer_of(question, [cleaned.get(name) for name in names])
            except ValidationError as error:
                self.question_errors.setdefault(question.pk, []).extend(error.messages)
                continue
            if value in (None, "", [], {}):
                if question.required:
                    self.question_errors.setdefault(question.pk, []).append(self.required_message(question))
                continue
            if question.kind == Kind.FILE:
                self.uploads[question.pk] = value
            else:
                self.answers[question.key] = value
        if self.question_errors:
            raise ValidationError(_("问卷中有需要修改的地方，请查看标出的题目。"), code="answers")
        return cleaned

    @staticmethod
    def required_message(question: Question) -> str:
        if question.kind in (Kind.SINGLE, Kind.RATING):
            return _("这是必答题，请选择一项。")
        if question.kind == Kind.MULTIPLE:
            return _("这是必答题，请至少选择一项。")
        if question.kind == Kind.MATRIX:
            return _("这是必答题，请为每一行选择一项。")
        if question.kind == Kind.RANKING:
            return _("这是必答题，请为每一项排定名次。")
        if question.kind == Kind.FILE:
            return _("这是必答题，请选择要上传的文件。")
        return _("这是必答题，请填写。")

    def answer_of(self, question: Question, values: list) -> Any:
        """The value to store for ``question`` from its fields' cleaned values; raises with a Chinese reason."""
        kind = question.kind
        if kind == Kind.SINGLE:
            return question.choice_list[int(values[0])] if values[0] else ""
        if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
            return (values[0] or "").strip()
        if kind == Kind.RATING:
            return int(values[0]) if values[0] else None
        if kind == Kind.MULTIPLE:
            ticked = set(values[0] or [])
            chosen = [choice for index, choice in enumerate(question.choice_list) if str(index) in ticked]
            if not chosen:
                return []
            low, high = question.min_choices, question.max_choices
            if low and len(chosen) < low:
                raise ValidationError(
                    _("请至少选择%(low)d项（已选%(count)d项）。") % {"low": low, "count": len(chosen)}
                )
            if high and len(chosen) > high:
                raise ValidationError(
                    _("最多只能选择%(high)d项（已选%(count)d项）。") % {"high": high, "count": len(chosen)}
                )
            return chosen
        if kind == Kind.MATRIX:
            rows = question.row_list
            columns = question.choice_list
            answered = {row: columns[int(value)] for row, value in zip(rows, values, strict=True) if value}
            if answered and question.required and len(answered) < len(rows):
                missing = "、".join(row for row in rows if row not in answered)
                raise ValidationError(_("请为每一行选择一项，还没有选择：%(rows)s。") % {"rows": missing})
            return answered
        if kind == Kind.RANKING:
            items = question.choice_list
            places = {item: int(value) for item, value in zip(items, values, strict=True) if value}
            if not places:
                return []
            if len(places) < len(items):
                missing = "、".join(item for item in items if item not in places)
                raise ValidationError(_("请为每一项排定名次，还没有排：%(items)s。") % {"items": missing})
            if len(set(places.values())) != len(items):
                raise ValidationError(_("每个名次只能给一项，请检查是否有重复的名次。"))
            return sorted(items, key=places.__getitem__)
        if kind == Kind.NUMBER:
            number: Decimal | None = values[0]
            return None if number is None else format(number.normalize(), "f")
        if kind == Kind.FILE:
            upload: UploadedFile | None = values[0] or None
            if upload is None:
                return None
            check_upload(upload, UPLOAD_EXTENSIONS, UPLOAD_MAX_BYTES)
            return upload
        return None

    # -- showing

    def blocks(self) -> list[QuestionBlock]:
        """The questions with their bound fields and errors, widgets tied to their help and error text."""
        blocks = []
        for question in self.questions:
            names = self.names[question.pk]
            errors: list[str] = []
            if self.is_bound and hasattr(self, "cleaned_data"):
                for name in names:
                    errors.extend(str(message) for message in self._errors.get(name, []))
                errors.extend(self.question_errors.get(question.pk, []))
            described = []
            if question.help_text:
                described.append(f"q{question.pk}-help")
            if errors:
                described.append(f"q{question.pk}-error")
            for name in names:
                attrs = self.fields[name].widget.attrs
                if described:
                    attrs["aria-describedby"] = " ".join(described)
                if errors:
                    attrs["aria-invalid"] = "true"
            condition, condition_value = "", ""
            if question.show_if_number and question.show_if_number in self.by_number:
                controller = self.by_number[question.show_if_number]
                condition = f"q{controller.pk}"
                if question.show_if_choice in controller.choice_list:
                    condition_value = str(controller.choice_list.index(question.show_if_choice))
            blocks.append(
                QuestionBlock(
                    question, [self[name] for name in names], list(dict.fromkeys(errors)), condition, condition_value
                )
            )
        return blocks

    def person_field_errors(self) -> None:
        """Tie the contact fields' errors to them (aria-describedby), as for questions."""
        for bound in self.person_fields:
            if bound.errors:
                bound.field.widget.attrs["aria-describedby"] = f"{bound.auto_id}-error"
                bound.field.widget.attrs["aria-invalid"] = "true"
