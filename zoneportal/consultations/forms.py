"""The public's comment form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, ConsultationComment


class CommentForm(forms.ModelForm):
    """一条意见: the text is required (at most 2,000 characters); name and contact are optional and never shown.

    Name is optional because the draft asks for opinions, not for applicants: a
    comment stands on what it says, and some people comment only if they need
    not give their name. Whoever wants an answer leaves a contact.
    """

    class Meta:
        model = ConsultationComment
        fields = ["text", "name", "contact"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8, "maxlength": COMMENT_MAX_LENGTH}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact": forms.TextInput(attrs={"autocomplete": "tel"}),
        }
        labels = {"name": _("姓名或单位（选填）"), "contact": _("电话或邮箱（选填）")}
        help_texts = {
            "text": _("不超过 %(limit)s 字。请勿填写身份证号等个人信息。") % {"limit": f"{COMMENT_MAX_LENGTH:,}"},
            "name": _("不公开。"),
            "contact": _("不公开，仅在需要进一步了解您的意见时使用。"),
        }
        error_messages = {
            "text": {
                "required": _("请填写意见内容。"),
                "max_length": _("意见内容不能超过 %(limit_value)d 字（现在是 %(show_value)d 字）。"),
            },
            "name": {"max_length": _("姓名或单位不能超过 %(limit_value)d 字。")},
            "contact": {"max_length": _("联系方式不能超过 %(limit_value)d 字。")},
        }

    def clean_text(self) -> str:
        text = (self.cleaned_data.get("text") or "").strip()
        if not text:
            raise forms.ValidationError(_("请填写意见内容。"), code="required")
        return text
