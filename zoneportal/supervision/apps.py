from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    """督办事项: leaders' instructions, letters' supervision orders and meeting decisions, in one list."""

    name = "zoneportal.supervision"
    label = "supervision"
    verbose_name = _("督办事项")
    default_auto_field = "django.db.models.BigAutoField"
