from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _site_saved(sender, instance, **kwargs) -> None:
    """A new site (or a site given a new root page): the office reviewers review it too."""
    from .ownership import grant_reviewers_new_site

    grant_reviewers_new_site(instance)


def _holidays_changed(sender, **kwargs) -> None:
    """A row of the holiday table saved or deleted: every process counts working days anew."""
    from .workdays import holidays_changed

    holidays_changed()


class CoreConfig(AppConfig):
    name = "zoneportal.core"
    label = "core"
    verbose_name = _("机构与基础")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from wagtail.models import Site

        from .models import Holiday
        from .ownership import grant_office_holiday_permissions
        from .permission_names import name_permissions_in_chinese

        post_save.connect(_site_saved, sender=Site, dispatch_uid="core-office-reviewers-on-new-site")
        post_save.connect(_holidays_changed, sender=Holiday, dispatch_uid="core-holiday-saved")
        post_delete.connect(_holidays_changed, sender=Holiday, dispatch_uid="core-holiday-deleted")
        # Every app's post_migrate, so permissions created by later apps are renamed too.
        post_migrate.connect(grant_office_holiday_permissions, sender=self, dispatch_uid="core.office_holidays")
        post_migrate.connect(name_permissions_in_chinese, dispatch_uid="core.name_permissions_in_chinese")
