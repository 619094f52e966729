from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResettlementConfig(AppConfig):
    """安置与失地保障: households relocated, resettlement housing, landless farmers' insurance, kept by 国土建设分局."""

    name = "zoneportal.resettlement"
    label = "resettlement"
    verbose_name = _("安置与失地保障")
    default_auto_field = "django.db.models.BigAutoField"
