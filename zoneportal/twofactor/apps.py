from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """两步验证: a code from an authenticator app after the password, for staff (django-otp TOTP)."""

    name = "zoneportal.twofactor"
    label = "twofactor"
    verbose_name = _("两步验证")
