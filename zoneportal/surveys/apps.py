from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "zoneportal.surveys"
    label = "surveys"
    verbose_name = _("民意调查")

    def ready(self) -> None:
        from zoneportal.search.sources import register_source

        from . import search, signals  # noqa: F401 (signals: the page cache and the index follow a change)
        from .models import Survey

        register_source(
            "survey", search.SURVEY_TYPE, _("民意调查"), search.all_entries, search.entries_for, model=Survey
        )
