from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    """办事指南: service items, 一件事 journeys, browsing by department, topic and life event."""

    name = "zoneportal.services"
    label = "services"
    verbose_name = _("办事指南")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zoneportal.search.models import DocumentType
        from zoneportal.search.sources import register_source

        from . import search, signals  # noqa: F401  (signals: an edited item refreshes pages and the index)
        from .models import ServiceItem

        # The built-in type 办事指南 (columns of guides use it too): one facet for every guide on the site.
        register_source(
            search.PREFIX, DocumentType.GUIDE, _("办事指南"), search.all_entries, search.entries_for, model=ServiceItem
        )
