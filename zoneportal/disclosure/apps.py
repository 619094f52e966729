from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    """信息公开: the disclosure guide, catalogue and annual reports, and disclosure on request (依申请公开)."""

    name = "zoneportal.disclosure"
    label = "disclosure"
    verbose_name = _("信息公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (cached pages follow the annual reports; files follow their requests)
