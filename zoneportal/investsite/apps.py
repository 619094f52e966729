from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestSiteConfig(AppConfig):
    """招商网 in seven languages: the content-language prefix, the contact page's inquiry form and investor leads."""

    name = "zoneportal.investsite"
    label = "investsite"
    verbose_name = _("招商网与投资线索")
    default_auto_field = "django.db.models.BigAutoField"
