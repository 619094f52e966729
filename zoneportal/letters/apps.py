from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "zoneportal.letters"
    label = "letters"
    verbose_name = _("信件")
    default_auto_field = "django.db.models.BigAutoField"
