from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestSiteConfig(AppConfig):
    """招商网 in seven languages: the content-language prefix, the contact page's inquiry form and investor leads."""

    name = "zoneportal.investsite"
    label = "investsite"
    verbose_name = _("招商网与投资线索")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Wagtail's Locale and simple_translation's SimpleTranslation have no verbose_name, so the group
        # editor (their permissions) shows "Locale" and "Simple translation" from the class names, which
        # no catalogue can translate. The 招商网 brought both in; it names them for the Chinese back office.
        from wagtail.contrib.simple_translation.models import SimpleTranslation
        from wagtail.models import Locale

        for model, name in ((Locale, _("语言版本")), (SimpleTranslation, _("页面翻译"))):
            model._meta.verbose_name = name
            model._meta.verbose_name_plural = name
