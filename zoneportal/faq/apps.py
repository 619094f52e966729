from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    """便民问答: questions and answers per department and topic, with 有用/没用 votes."""

    name = "zoneportal.faq"
    label = "faq"
    verbose_name = _("便民问答")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zoneportal.search.sources import register_source

        from . import search, signals  # noqa: F401  (signals: an edited entry refreshes pages and the index)
        from .models import FaqEntry

        register_source("faq", "faq", _("问答"), search.all_entries, search.entries_for, model=FaqEntry)
