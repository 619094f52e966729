from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "zoneportal.portal"
    label = "portal"
    verbose_name = _("门户网站")

    def ready(self) -> None:
        from . import publishing, signals  # noqa: F401  (signals connects the page-cache invalidation)

        publishing.connect()
