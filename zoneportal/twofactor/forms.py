"""The code a person types: at login (a 6-digit code or a recovery code) and to confirm an authenticator."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import devices


class LoginCodeForm(forms.Form):
    """两步验证: the authenticator's current code, or one of the recovery codes."""

    code = forms.CharField(
        label=_("验证码"),
        max_length=32,
        help_text=_("打开验证器应用，输入当前显示的6位数字；手机丢失时可输入一个恢复码。"),
        error_messages={"required": _("请输入验证码。")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self) -> str:
        """Checked against the person's devices here, so a wrong code is an error on the field."""
        code = self.cleaned_data["code"]
        result = self.check(code)
        if result.device is None:
            raise forms.ValidationError(result.error)
        self.device = result.device
        return code

    def check(self, code: str) -> devices.CheckResult:
        """A 6-digit code against the authenticator, anything else against the recovery codes."""
        return devices.check_login_code(self.user, code)


class ConfirmAuthenticatorForm(LoginCodeForm):
    """设置两步验证: the code the newly scanned authenticator shows, which confirms it."""

    def __init__(self, *args, user, pending, **kwargs) -> None:
        super().__init__(*args, user=user, **kwargs)
        # Only the app's digits here: a recovery code cannot confirm a new authenticator.
        self.fields["code"].help_text = _("扫描二维码后，输入验证器应用显示的6位数字。")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"
        self.pending = pending
        self.recovery_codes: list[str] = []

    def check(self, code: str) -> devices.CheckResult:
        """Six digits from the pending authenticator confirm it (and replace the old devices)."""
        if not devices.TOTP_CODE.fullmatch(devices.normalise(code)):
            return devices.CheckResult(None, _("验证码应为验证器应用显示的6位数字。"))
        result, self.recovery_codes = devices.confirm_authenticator(self.pending, code)
        return result
