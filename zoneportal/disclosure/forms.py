"""The public forms: filing a request (依申请公开) and looking it up.

The 验证问题, the signed submission token, the phone rules, the attachment check and the
look-up's normalising are the letters' (``letters.public_forms`` / ``letters.forms``):
one set of rules for every public form that files something with the zone.
"""

from __future__ import annotations

import re

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from zoneportal.core.uploads import MultipleFileField, MultipleFileInput
from zoneportal.letters.forms import LANDLINE, MOBILE, normalise_phone
from zoneportal.letters.numbers import query_code_matches
from zoneportal.letters.public_forms import (
    ACCEPT,
    ProtectedFormMixin,
    check_attachment,
    normalise_tracking_number,
)

from .models import DisclosureRequest

R = DisclosureRequest
DESCRIPTION_MIN = 10
DESCRIPTION_MAX = 2000
PURPOSE_MAX = 500
#: One file: a scan of the applicant's identity document or business licence.
MAX_PROOF_FILES = 1

ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
POSTCODE = re.compile(r"^\d{6}$")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_number_valid(value: str) -> bool:
    """Whether ``value`` is an 18-character resident identity number with a right check character (GB 11643)."""
    if not ID_NUMBER.match(value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == value[17]


class RequestForm(ProtectedFormMixin, forms.Form):
    """政府信息公开申请表: who asks, how to reach them, what they ask for and how they want it."""

    applicant_kind = forms.ChoiceField(
        label=_("申请人类型"),
        choices=R.ApplicantKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择申请人类型：公民，或法人或其他组织。")},
    )
    name = forms.CharField(
        label=_("姓名"),
        max_length=50,
        help_text=_("法人或其他组织申请的，填写联系人姓名。"),
        error_messages={"required": _("请填写姓名（组织申请的填写联系人姓名）。")},
    )
    id_number = forms.CharField(
        label=_("身份证号码"), max_length=30, required=False, help_text=_("公民申请必填，18 位。")
    )
    organisation = forms.CharField(label=_("组织名称"), max_length=100, required=False)
    credit_code = forms.CharField(
        label=_("统一社会信用代码"), max_length=30, required=False, help_text=_("法人或其他组织申请必填，18 位。")
    )
    legal_representative = forms.CharField(label=_("法定代表人或负责人"), max_length=50, required=False)
    phone = forms.CharField(
        label=_("联系电话"), max_length=20, error_messages={"required": _("请填写联系电话，以便联系您。")}
    )
    email = forms.EmailField(
        label=_("电子邮箱"), required=False, error_messages={"invalid": _("请填写正确的电子邮箱地址。")}
    )
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    postcode = forms.CharField(label=_("邮政编码"), max_length=10, required=False)
    description = forms.CharField(
        label=_("所需信息的内容描述"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        help_text=_("请写明所需信息的名称、内容、形成时间等，越具体越便于查找，%(min)d 至 %(max)d 字。")
        % {"min": DESCRIPTION_MIN, "max": DESCRIPTION_MAX},
        error_messages={
            "required": _("请描述您需要的政府信息。"),
            "min_length": _("内容描述至少 %(limit_value)d 字，请写明所需信息的名称或内容。"),
            "max_length": _("内容描述最多 %(limit_value)d 字（现有 %(show_value)d 字），请精简。"),
        },
    )
    document_reference = forms.CharField(label=_("文件名称或文号"), max_length=200, required=False)
    purpose = forms.CharField(
        label=_("用途"),
        required=False,
        max_length=PURPOSE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("选填。"),
        error_messages={"max_length": _("用途最多 %(limit_value)d 字。")},
    )
    medium = forms.ChoiceField(
        label=_("信息的提供形式"),
        choices=R.Medium.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择信息的提供形式。")},
    )
    delivery = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=R.Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择获取信息的方式。")},
    )
    proof = MultipleFileField(
        label=_("身份证明"),
        required=False,
        help_text=_("选填：身份证或营业执照的扫描件，1 个 JPG、PNG、GIF 图片或 PDF 文件，不超过 10 MB。"),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    consent = forms.BooleanField(
        label=_("我已阅读公开指南，保证所填信息真实，并同意为办理本申请使用我填写的个人信息。"),
        error_messages={"required": _("请阅读公开指南并勾选同意，才能提交。")},
    )
    captcha_answer = forms.CharField(label=_("验证问题"), required=False, max_length=10)
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, autocomplete in (
            ("name", "name"),
            ("phone", "tel"),
            ("email", "email"),
            ("address", "street-address"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
        self.fields["postcode"].widget.attrs.update(autocomplete="postal-code", inputmode="numeric")
        self.fields["phone"].widget.attrs["inputmode"] = "tel"
        # The server counts the characters and says how many: a browser's maxlength would cut a paste silently.
        self.fields["description"].widget.attrs.pop("maxlength", None)
        self.protect()

    def clean_phone(self) -> str:
        phone = normalise_phone(self.cleaned_data.get("phone", ""))
        if not (MOBILE.match(phone) or LANDLINE.match(phone)):
            raise forms.ValidationError(_("请填写正确的手机号码（11 位）或固定电话（如 0718-6281234）。"))
        return phone

    def clean_id_number(self) -> str:
        return "".join(self.cleaned_data.get("id_number", "").split()).upper()

    def clean_credit_code(self) -> str:
        return "".join(self.cleaned_data.get("credit_code", "").split()).upper()

    def clean_postcode(self) -> str:
        return "".join(self.cleaned_data.get("postcode", "").split())

    def clean_proof(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("proof") or []
        if len(files) > MAX_PROOF_FILES:
            raise forms.ValidationError(_("身份证明只需上传 1 个文件，您选择了 %(count)d 个。") % {"count": len(files)})
        problems = [problem for problem in (check_attachment(upload) for upload in files) if problem]
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self) -> dict:
        data = super().clean()
        self._check_applicant(data)
        self._check_delivery(data)
        return data

    def _check_applicant(self, data: dict) -> None:
        """A citizen gives an identity number; an organisation its name, credit code and representative."""
        kind = data.get("applicant_kind")
        if kind == R.ApplicantKind.CITIZEN:
            number = data.get("id_number", "")
            if not number:
                self.add_error("id_number", _("公民申请请填写身份证号码。"))
            elif not id_number_valid(number):
                self.add_error("id_number", _("身份证号码不正确，请核对 18 位号码（最后一位可能是 X）。"))
        elif kind == R.ApplicantKind.ORGANISATION:
            if not data.get("organisation", "").strip():
                self.add_error("organisation", _("法人或其他组织申请请填写组织名称。"))
            code = data.get("credit_code", "")
            if not code:
                self.add_error("credit_code", _("法人或其他组织申请请填写统一社会信用代码。"))
            elif not CREDIT_CODE.match(code):
                self.add_error("credit_code", _("统一社会信用代码应为 18 位数字或大写字母，请核对。"))
            if not data.get("legal_representative", "").strip():
                self.add_error("legal_representative", _("请填写法定代表人或负责人。"))

    def _check_delivery(self, data: dict) -> None:
        """Posting needs an address and postcode; e-mail needs an address to send to."""
        delivery = data.get("delivery")
        if delivery == R.Delivery.POST:
            if not data.get("address", "").strip():
                self.add_error("address", _("选择邮寄的，请填写通信地址。"))
            postcode = data.get("postcode", "")
            if not postcode:
                self.add_error("postcode", _("选择邮寄的，请填写邮政编码。"))
        if data.get("postcode") and not POSTCODE.match(data["postcode"]):
            self.add_error("postcode", _("邮政编码应为 6 位数字。"))
        if delivery == R.Delivery.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("选择电子邮件的，请填写电子邮箱。"))

    def request_data(self) -> dict:
        """The cleaned fields a :class:`DisclosureRequest` stores (the kind decides which identity fields)."""
        data = self.cleaned_data
        citizen = data["applicant_kind"] == R.ApplicantKind.CITIZEN
        return {
            "applicant_kind": data["applicant_kind"],
            "name": data["name"].strip(),
            "id_number": data["id_number"] if citizen else "",
            "organisation": "" if citizen else data["organisation"].strip(),
            "credit_code": "" if citizen else data["credit_code"],
            "legal_representative": "" if citizen else data["legal_representative"].strip(),
            "phone": data["phone"],
            "email": data["email"],
            "address": data["address"].strip(),
            "postcode": data["postcode"],
            "description": data["description"].strip(),
            "document_reference": data["document_reference"].strip(),
            "purpose": data["purpose"].strip(),
            "medium": data["medium"],
            "delivery": data["delivery"],
        }

    @property
    def files_dropped(self) -> bool:
        """A file was chosen but the form comes back: browsers never keep chosen files, so say so."""
        return self.is_bound and bool(self.errors) and bool(self.files.getlist("proof"))


class LookupForm(forms.Form):
    """查询: a request's number and query code, and nothing more."""

    tracking_number = forms.CharField(
        label=_("申请编号"),
        max_length=30,
        help_text=_("如 GK20261207-0001，见提交成功页面或短信。"),
        error_messages={"required": _("请填写申请编号。")},
    )
    query_code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        help_text=_("8 位字母和数字，不区分大小写。"),
        error_messages={"required": _("请填写查询码。")},
    )

    #: One message for a wrong number and a wrong code alike: nobody learns which requests exist.
    NOT_FOUND = _("申请编号或查询码不正确，请核对后再试。")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.request_found: DisclosureRequest | None = None
        for name in ("tracking_number", "query_code"):
            self.fields[name].widget.attrs.update(autocomplete="off", spellcheck="false")

    def clean_tracking_number(self) -> str:
        return normalise_tracking_number(self.cleaned_data["tracking_number"]).replace("ＧＫ", "GK")

    def clean(self) -> dict:
        data = super().clean()
        number, code = data.get("tracking_number"), data.get("query_code")
        if number and code:
            found = DisclosureRequest.objects.filter(tracking_number=number).first()
            if found is None or not query_code_matches(number, code, found.query_code_hash):
                raise forms.ValidationError(self.NOT_FOUND, code="not_found")
            self.request_found = found
        return data


class CorrectionForm(forms.Form):
    """补正: what the applicant adds when the office asked for a correction."""

    text = forms.CharField(
        label=_("补正内容"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=DESCRIPTION_MAX,
        help_text=_("请按补正要求写明所需信息的名称、文号或内容等。"),
        error_messages={
            "required": _("请填写补正内容。"),
            "max_length": _("补正内容最多 %(limit_value)d 字（现有 %(show_value)d 字），请精简。"),
        },
    )
