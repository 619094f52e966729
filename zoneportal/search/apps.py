from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search (站内搜索): Chinese analysis, the full-text index, the search page and API."""

    name = "zoneportal.search"
    label = "search"
    verbose_name = _("站内搜索")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (index updates on publish, move, delete)
        from .indexers import register_pages

        register_pages()  # pages are a source like any app's (sources.py)
