from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RectificationConfig(AppConfig):
    """整改台账: problems found by letters, surveys, the opinion box or inspections, and their rectification."""

    name = "zoneportal.rectification"
    label = "rectification"
    verbose_name = _("整改台账")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from zoneportal.search.sources import register_source

        from . import search, signals  # noqa: F401  (the public ledger's cached pages and index follow its items)
        from .access import LedgerPermissionPolicy
        from .models import RectificationItem

        register_source(
            "rectification",
            search.LEDGER_TYPE,
            _("整改台账"),
            search.all_entries,
            search.entries_for,
            model=RectificationItem,
        )

        # Before any view asks: Wagtail would otherwise create a fallback policy of model permissions.
        register_permission_policy(RectificationItem, LedgerPermissionPolicy())
