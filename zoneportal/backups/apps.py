from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """备份与恢复: ``manage.py backup`` and ``manage.py restore`` (database, media and private files in one archive)."""

    name = "zoneportal.backups"
    label = "backups"
    verbose_name = _("备份与恢复")
