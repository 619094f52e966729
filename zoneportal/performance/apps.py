from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """目标管理: the departments' publishing performance against the office's targets."""

    name = "zoneportal.performance"
    label = "performance"
    verbose_name = _("目标管理")
    default_auto_field = "django.db.models.BigAutoField"
