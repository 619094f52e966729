from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """意见征集: draft policies put to the public, moderated comments, the feedback summary (采纳情况)."""

    name = "zoneportal.consultations"
    label = "consultations"
    verbose_name = _("意见征集")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (a moderated comment refreshes the cached pages)
