from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search (站内搜索): the public search page and, later, the Chinese-aware index."""

    name = "zoneportal.search"
    label = "search"
    verbose_name = _("站内搜索")
    default_auto_field = "django.db.models.BigAutoField"
