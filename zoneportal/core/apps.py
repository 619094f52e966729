from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zoneportal.core"
    label = "core"
    verbose_name = _("机构与基础")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .permission_names import name_permissions_in_chinese

        # Every app's post_migrate, so permissions created by later apps are renamed too.
        post_migrate.connect(name_permissions_in_chinese, dispatch_uid="core.name_permissions_in_chinese")
