from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestmentConfig(AppConfig):
    """招商与园区: parks, enterprises, projects, yearly tasks and indicators, kept in the back office."""

    name = "zoneportal.investment"
    label = "investment"
    verbose_name = _("招商与园区")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import search, signals

        search.register()  # parks and public projects in site search, as 园区与项目
        signals.connect()  # an edited record refreshes the cached pages and the index
