"""Forms of the review (三审) dialogs, and what the apps' own forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

#: Shown when a reviewer returns a page without saying what to change.
COMMENT_REQUIRED = _("退回修改时必须填写退回意见，写明需要修改的地方，编辑才知道如何修改。")


class ReturnForChangesForm(TaskStateCommentForm):
    """The 退回修改 dialog: the comment is what the editor works from, so it is required."""

    comment = forms.CharField(
        label=_("退回意见"),
        required=True,
        strip=True,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": COMMENT_REQUIRED},
        help_text=_("编辑会在编辑页面和工作台上看到这条意见，并收到邮件通知。"),
    )


class ApproveWithCommentForm(TaskStateCommentForm):
    """The 通过并附意见 dialog (the comment is optional)."""

    comment = forms.CharField(label=_("审核意见"), required=False, widget=forms.Textarea({"rows": 3}))


class DescribedFieldsForm(forms.Form):
    """A form whose inputs point (``aria-describedby``) at their error and help texts, as screen readers need."""

    def full_clean(self) -> None:
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described = [f"{bound.auto_id}-errors"] if name in self.errors else []
            if field.help_text:
                described.append(f"{bound.auto_id}-helptext")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
