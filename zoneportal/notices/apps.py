from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    """网上办公 › 通知: notices from the office or a department to departments and parks, with read receipts."""

    name = "zoneportal.notices"
    label = "notices"
    verbose_name = _("通知")
    default_auto_field = "django.db.models.BigAutoField"
