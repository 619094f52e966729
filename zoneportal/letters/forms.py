"""The letter form's rules, shared by the public page and ``POST /api/v1/letters``."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LetterCategory, Mailbox

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
CONTENT_MAX = 5000
CONTENT_MIN = 10


def normalise_phone(value: str) -> str:
    """Digits and one hyphen: spaces and a +86 prefix are forgiven."""
    value = re.sub(r"[\s()（）]", "", value)
    if value.startswith("+86"):
        value = value[3:]
    return value


class LetterForm(forms.Form):
    """写信: what a citizen sends to one mailbox."""

    subject = forms.CharField(
        label=_("标题"),
        max_length=100,
        error_messages={"required": _("请填写标题。"), "max_length": _("标题最多 %(limit_value)d 字。")},
    )
    content = forms.CharField(
        label=_("内容"),
        widget=forms.Textarea(attrs={"rows": 10}),
        min_length=CONTENT_MIN,
        max_length=CONTENT_MAX,
        error_messages={
            "required": _("请填写来信内容。"),
            "max_length": _("内容最多 %(limit_value)d 字（现有 %(show_value)d 字），请精简后再提交。"),
            "min_length": _("内容至少 %(limit_value)d 字，请把情况说清楚。"),
        },
    )
    category = forms.ModelChoiceField(label=_("类别"), queryset=LetterCategory.objects.none(), required=False)
    is_anonymous = forms.BooleanField(label=_("匿名来信"), required=False)
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    is_public = forms.BooleanField(label=_("同意在网站公开（个人信息隐去）"), required=False)

    def __init__(self, *args, mailbox: Mailbox, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mailbox = mailbox
        self.fields["category"].queryset = mailbox.categories.all()
        if not mailbox.allows_anonymous:
            del self.fields["is_anonymous"]

    def clean_subject(self) -> str:
        return _strip_controls(self.cleaned_data["subject"]).strip()

    def clean_content(self) -> str:
        return _strip_controls(self.cleaned_data["content"]).strip()

    def clean_phone(self) -> str:
        phone = normalise_phone(self.cleaned_data.get("phone", ""))
        if phone and not (MOBILE.match(phone) or LANDLINE.match(phone)):
            raise forms.ValidationError(_("请填写正确的手机号码（11 位）或固定电话（如 0718-6281234）。"))
        return phone

    def clean(self) -> dict:
        data = super().clean()
        anonymous = data.get("is_anonymous", False)
        if not anonymous:
            if not data.get("name", "").strip():
                self.add_error(
                    "name",
                    _("请填写姓名。") if not self.mailbox.allows_anonymous else _("请填写姓名，或选择匿名来信。"),
                )
            if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
                self.add_error("phone", _("请至少填写联系电话或电子邮箱之一，以便答复。"))
        return data


def _strip_controls(text: str) -> str:
    # Control characters (other than line breaks and tabs) only break exports and displays.
    return "".join(ch for ch in text.replace("\r\n", "\n") if ch in "\n\t" or ch >= " ")
