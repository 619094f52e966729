from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    """政策法规库: policy documents with their metadata, interpretations, import and export."""

    name = "zoneportal.policies"
    label = "policies"
    verbose_name = _("政策法规库")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zoneportal.search.models import DocumentType
        from zoneportal.search.sources import register_source

        from . import search, signals  # noqa: F401  (signals: an edited document refreshes pages and the index)
        from .models import Policy

        # Keyed by external_id, not the primary key: an imported document keeps the file's id in search (policy:H001).
        register_source(
            search.PREFIX,
            DocumentType.POLICY,
            DocumentType.POLICY.label,
            search.all_entries,
            search.entries_for,
            model=Policy,
            key=search.key,
            count=lambda: Policy.objects.public().count(),
            entries_for_ids=search.entries_for_keys,
        )
