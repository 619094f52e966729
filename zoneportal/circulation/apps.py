from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CirculationConfig(AppConfig):
    """公文流转: official documents drafted, reviewed, signed, distributed to departments and archived."""

    name = "zoneportal.circulation"
    label = "circulation"
    verbose_name = _("公文流转")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (a deleted attachment's file leaves the disk)
