"""The public pages' forms: writing a letter (attachments, consent, 验证问题), looking it up, rating the reply.

:class:`PublicLetterForm` adds to the shared :class:`~zoneportal.letters.forms.LetterForm`
only what a web page needs; the rules of the letter itself stay there, shared
with the API.
"""

from __future__ import annotations

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from zoneportal.core.uploads import MultipleFileField, MultipleFileInput, check_upload

from . import captcha
from .forms import CONTENT_MAX, LetterForm
from .models import Letter, Mailbox
from .numbers import query_code_matches

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "pdf")
ACCEPT = ".jpg,.jpeg,.png,.gif,.pdf,image/jpeg,image/png,image/gif,application/pdf"
SUBMISSION_SALT = "zoneportal.letters.submission-token"
COMMENT_MAX = 500


def new_submission_token() -> str:
    """A signed random token for one form page: resending that page makes no second letter."""
    return signing.Signer(salt=SUBMISSION_SALT).sign(secrets.token_urlsafe(24))


def submission_key_from(token: str) -> str | None:
    """The submission key inside a token this site signed, else None (a key cannot be made up)."""
    try:
        return signing.Signer(salt=SUBMISSION_SALT).unsign(token or "")
    except signing.BadSignature:
        return None


def check_attachment(upload: UploadedFile) -> str | None:
    """Why an attachment is refused (in Chinese), or None: its type by content, its size, images must decode."""
    try:
        check_upload(upload, ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_BYTES)
    except forms.ValidationError as error:
        return error.messages[0]
    return None


class ProtectedFormMixin:
    """The 验证问题 and the signed submission token of a public form (a letter, a disclosure request).

    The form declares the fields ``captcha_answer`` and ``submission_token`` itself (where it
    wants them in its order) and calls :meth:`protect` at the end of its ``__init__``.
    """

    def protect(self) -> None:
        """Ask the question (the one the bound form carries, else a new one) and sign a fresh token."""
        self.submission_key: str | None = None
        if self.is_bound:
            self.challenge = captcha.challenge_from(self.data.get("captcha_token", "")) or captcha.new_challenge()
        else:
            self.challenge = captcha.new_challenge()
            self.initial.setdefault("submission_token", new_submission_token())
        if settings.LETTER_CAPTCHA_BYPASS:
            del self.fields["captcha_answer"]
        else:
            self._label_captcha()

    def _label_captcha(self) -> None:
        field = self.fields["captcha_answer"]
        field.label = _("验证问题：%(question)s") % {"question": self.challenge.question}
        field.help_text = _("请填写答案，阿拉伯数字或汉字均可。")

    def clean_submission_token(self) -> str:
        token = self.cleaned_data.get("submission_token", "")
        self.submission_key = submission_key_from(token)
        if self.submission_key is None:
            raise forms.ValidationError(_("表单已失效，请刷新页面后重新填写提交。"))
        return token

    def clean_captcha_answer(self) -> str:
        answer = self.cleaned_data.get("captcha_answer", "")
        owner = submission_key_from(self.data.get("submission_token", "")) or ""
        problem = captcha.check(self.data.get("captcha_token", ""), answer, owner)
        if problem:
            raise forms.ValidationError(problem)
        return answer

    def refresh_challenge(self) -> None:
        """Ask a new question (after a wrong or used answer), clearing the old answer from the page."""
        self.challenge = captcha.new_challenge()
        data = self.data.copy()
        data["captcha_answer"] = ""
        data["captcha_token"] = self.challenge.token
        self.data = data
        if "captcha_answer" in self.fields:
            self._label_captcha()
            # Validation already made the field's BoundField, which froze the old question as its label.
            self._bound_fields_cache.pop("captcha_answer", None)


class PublicLetterForm(ProtectedFormMixin, LetterForm):
    """写信 on the website: the shared letter rules plus attachments, consent and the 验证问题."""

    is_public = forms.TypedChoiceField(
        label=_("是否公开"),
        choices=[("1", _("同意公开：答复后可在网站公开，姓名和联系方式隐去")), ("0", _("不公开"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择是否同意公开。")},
    )
    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_("可选，最多 3 个，每个不超过 10 MB；只接受 JPG、PNG、GIF 图片和 PDF 文件。"),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    consent = forms.BooleanField(
        label=_("我已阅读上面的来信须知，保证所反映的情况真实，并同意为办理本信件使用我填写的个人信息。"),
        error_messages={"required": _("请阅读来信须知并勾选同意，才能提交。")},
    )
    captcha_answer = forms.CharField(label=_("验证问题"), required=False, max_length=10)
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, mailbox: Mailbox, **kwargs) -> None:
        super().__init__(*args, mailbox=mailbox, **kwargs)
        # The server counts the characters and says how many: a browser's maxlength would cut a paste silently.
        self.fields["content"].widget.attrs.pop("maxlength", None)
        self.fields["content"].help_text = _("请写明事情的经过、地点和您的诉求，%(min)d 至 %(max)d 字。") % {
            "min": self.fields["content"].min_length,
            "max": CONTENT_MAX,
        }
        for name, autocomplete in (("name", "name"), ("phone", "tel"), ("email", "email")):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
        self.fields["phone"].widget.attrs["inputmode"] = "tel"
        self.fields["subject"].error_messages["required"] = _("请填写标题，用一句话概括您要反映的事情。")
        self.fields["content"].error_messages["required"] = _("请填写信件内容。")
        self.fields["phone"].help_text = _("联系电话和电子邮箱至少填写一项，用于通知办理结果，不会公开。")
        self.protect()

    def clean_attachments(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            message = _("最多上传 %(limit)d 个附件，您选择了 %(count)d 个。")
            raise forms.ValidationError(message % {"limit": MAX_ATTACHMENTS, "count": len(files)})
        problems = [problem for problem in (check_attachment(upload) for upload in files) if problem]
        if problems:
            raise forms.ValidationError(problems)
        return files

    @property
    def attachments_dropped(self) -> bool:
        """Files were chosen but the form comes back: browsers never keep chosen files, so say so."""
        return self.is_bound and bool(self.errors) and bool(self.files.getlist("attachments"))

    def letter_data(self) -> dict:
        """The cleaned data ``submit_letter`` takes (without the page's own fields)."""
        page_fields = {"attachments", "consent", "captcha_answer", "submission_token"}
        return {key: value for key, value in self.cleaned_data.items() if key not in page_fields}


def normalise_tracking_number(value: str) -> str:
    """A tracking number as typed: spaces, case and full-width characters forgiven."""
    value = "".join(value.split()).upper()
    return value.translate(str.maketrans("０１２３４５６７８９－ＬＦ", "0123456789-LF"))


class LookupForm(forms.Form):
    """查询: a letter's tracking number and query code, and nothing more."""

    tracking_number = forms.CharField(
        label=_("信件编号"), max_length=30, help_text=_("如 LF20261206-0001，见提交成功页面或短信。")
    )
    query_code = forms.CharField(label=_("查询码"), max_length=20, help_text=_("8 位字母和数字，不区分大小写。"))

    #: One message for a wrong number and a wrong code alike: nobody learns which letters exist.
    NOT_FOUND = _("信件编号或查询码不正确，请核对后再试。")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.letter: Letter | None = None
        self.fields["tracking_number"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.fields["query_code"].widget.attrs.update(autocomplete="off", spellcheck="false")

    def clean_tracking_number(self) -> str:
        return normalise_tracking_number(self.cleaned_data["tracking_number"])

    def clean(self) -> dict:
        data = super().clean()
        number, code = data.get("tracking_number"), data.get("query_code")
        if number and code:
            letter = Letter.objects.filter(tracking_number=number).first()
            if letter is None or not query_code_matches(number, code, letter.query_code_hash):
                raise forms.ValidationError(self.NOT_FOUND, code="not_found")
            self.letter = letter
        return data


class RatingForm(forms.Form):
    """评价: how satisfied the writer is with the reply, and why."""

    satisfaction = forms.ChoiceField(
        label=_("您对答复是否满意"),
        choices=Letter.Satisfaction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择满意度。")},
    )
    comment = forms.CharField(
        label=_("评价意见"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("选择“不满意”时请写明原因，最多 %(max)d 字。") % {"max": COMMENT_MAX},
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("satisfaction") == Letter.Satisfaction.DISSATISFIED and not data.get("comment", "").strip():
            self.add_error("comment", _("请写明不满意的原因，以便重新办理。"))
        return data
