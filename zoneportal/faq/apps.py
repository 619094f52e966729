from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    """便民问答: questions and answers per department and topic, with 有用/没用 votes."""

    name = "zoneportal.faq"
    label = "faq"
    verbose_name = _("便民问答")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (an edited entry refreshes the cached pages)
