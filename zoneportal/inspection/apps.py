from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    """网站自查与合规检查: checks before publishing, and the site's self-inspection against the national indicators."""

    name = "zoneportal.inspection"
    label = "inspection"
    verbose_name = _("网站自查与合规检查")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zoneportal.core.approval_guards import register_approval_guard, register_text_check

        from .guards import approval_guard, check_reply

        # The 三审's ReviewTask asks every guard before an approval, the letters every text check before a
        # reply goes public (core and letters stay unaware of this app).
        register_approval_guard(approval_guard)
        register_text_check(check_reply)
