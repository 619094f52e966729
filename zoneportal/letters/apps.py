from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "zoneportal.letters"
    label = "letters"
    verbose_name = _("信件")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zoneportal.search.models import DocumentType
        from zoneportal.search.sources import register_source

        from . import search, signals  # noqa: F401 (signals: a published or withdrawn reply updates the index)
        from .models import Letter

        register_source(
            "letter", DocumentType.REPLY, DocumentType.REPLY.label, search.all_entries, search.entries_for, model=Letter
        )
