"""Who must use two-factor login, and the authenticator and recovery codes each staff member holds.

Two django-otp devices per person at most: one confirmed TOTP device (验证器, an authenticator app
such as 微信/支付宝's or Google Authenticator scanning the QR code) and one static device holding ten
one-time recovery codes (恢复码) for the day the phone is lost. An unconfirmed TOTP device is the
enrolment in progress: its secret is shown until the person types a code it produced.

Every check goes through django-otp's own ``verify_token``, so its throttling applies: after a wrong
code the next attempt must wait 1, 2, 4, 8 … seconds (``OTP_TOTP_THROTTLE_FACTOR``), and a TOTP code
once used is refused a second time.
"""

from __future__ import annotations

import io
import math
import re
from base64 import b32encode
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from zoneportal.core.ownership import OFFICE_REVIEWERS_GROUP

#: How many one-time recovery codes a person receives when the authenticator is confirmed.
RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery"
TOTP_CODE = re.compile(r"\d{6}")


def must_use_two_factor(user) -> bool:
    """Whether ``user`` may not use the back office without a second factor.

    Administrators (superusers) and the office reviewers (管委会办公室审核, who publish for the
    whole zone) when ``TWO_FACTOR_REQUIRED`` is on; department editors and heads never must.
    """
    if not settings.TWO_FACTOR_REQUIRED or not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or user.groups.filter(name=OFFICE_REVIEWERS_GROUP).exists()


def authenticator(user) -> TOTPDevice | None:
    """The confirmed authenticator of ``user``, if there is one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_two_factor(user) -> bool:
    """Whether ``user`` has set up two-factor login (a confirmed authenticator)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up: its secret stays the same until it is confirmed or removed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` address as an SVG QR code, drawn here: the intranet reaches no QR service."""
    out = io.BytesIO()
    qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    svg = out.getvalue().decode("utf-8")
    # Inline in the page: drop the XML declaration and name the picture for screen readers.
    svg = svg[svg.index("<svg") :]
    label = _("两步验证二维码：用验证器应用扫描")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="zp-qr-code" ', 1)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a code typed by a person: the device that accepted it, or why it was refused."""

    device: Device | None
    error: str = ""
    throttled: bool = False


def _throttled_message(device: Device) -> str | None:
    """The Chinese refusal while django-otp makes ``device`` wait after wrong codes, else ``None``."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return _("验证码错误次数过多，请稍后再试。")
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return _("验证码错误次数过多，请在 %(seconds)d 秒后再试。") % {"seconds": seconds}


def _verify(device: Device, code: str) -> CheckResult:
    """Check ``code`` against ``device`` under a row lock, so two tabs cannot both use up one attempt."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        refusal = _throttled_message(locked)
        if refusal:
            return CheckResult(None, refusal, throttled=True)
        if locked.verify_token(code):
            return CheckResult(locked)
    return CheckResult(None, _("验证码不正确，请查看验证器应用中当前显示的6位数字后重新输入。"))


def normalise(code: str) -> str:
    """What people type, as stored: no spaces or hyphens, lower case (recovery codes are base32)."""
    return re.sub(r"[\s\-]", "", code).lower()


def check_login_code(user, code: str) -> CheckResult:
    """A login's second step: six digits go to the authenticator, anything else is tried as a recovery code."""
    code = normalise(code)
    if TOTP_CODE.fullmatch(code):
        device = authenticator(user)
        if device is None:
            return CheckResult(None, _("尚未设置验证器。"))
        return _verify(device, code)
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if recovery is None:
        return CheckResult(None, _("验证码应为验证器应用显示的6位数字。"))
    result = _verify(recovery, code)
    if result.device is None and not result.throttled:
        return CheckResult(None, _("恢复码不正确或已使用过。每个恢复码只能使用一次。"))
    return result


def confirm_authenticator(device: TOTPDevice, code: str) -> tuple[CheckResult, list[str]]:
    """Enrolment's last step: ``code`` from the pending ``device`` confirms it.

    On success the person's previous authenticator and recovery codes are replaced — all in one
    transaction — and the new recovery codes are returned, to be shown once.
    """
    with transaction.atomic():
        result = _verify(device, normalise(code))
        if result.device is None:
            return result, []
        user = device.user
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        StaticDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        result.device.confirmed = True
        recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=token) for token in codes)
    return result, codes


def remove_two_factor(user) -> int:
    """Delete every authenticator and recovery code of ``user``; returns how many devices there were."""
    authenticators = TOTPDevice.objects.filter(user=user)
    recovery = StaticDevice.objects.filter(user=user)
    with transaction.atomic():
        count = authenticators.count() + recovery.count()
        authenticators.delete()
        recovery.delete()  # with its codes (StaticToken cascades)
    return count


def remaining_recovery_codes(user) -> int:
    """How many unused recovery codes ``user`` still has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
