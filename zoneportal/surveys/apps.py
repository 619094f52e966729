from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "zoneportal.surveys"
    label = "surveys"
    verbose_name = _("民意调查")

    def ready(self) -> None:
        from . import signals  # noqa: F401 (connects the page-cache invalidation)
