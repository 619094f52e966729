"""The ledger in the back office: its menu item and views, the dashboard panel, the audit-log actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import services
from .dashboard import add_deadline_panel
from .views import LedgerViewSet


@hooks.register("register_admin_viewset")
def register_ledger_viewset():
    return LedgerViewSet()


hooks.register("construct_homepage_panels", add_deadline_panel)


class _StepFormatter(LogFormatter):
    """A step with a text the history shows beside it (reason, note, evidence)."""

    data_key = ""

    def format_comment(self, log_entry) -> str:
        return (log_entry.data or {}).get(self.data_key, "")


@hooks.register("register_log_actions")
def register_ledger_actions(actions):
    @actions.register_action(services.ACTION_OPEN)
    class Opened(LogFormatter):
        label = _("登记整改事项")

        def format_message(self, log_entry) -> str:
            reference = (log_entry.data or {}).get("source_reference")
            if reference:
                return _("登记整改事项（来源：%(reference)s）") % {"reference": reference}
            return _("登记整改事项")

    @actions.register_action(services.ACTION_RECTIFIED)
    class Rectified(_StepFormatter):
        label = _("报告整改完成")
        message = _("报告整改完成，转为“已整改”")
        data_key = "evidence_text"

    @actions.register_action(services.ACTION_RETURN)
    class Returned(_StepFormatter):
        label = _("退回整改")
        message = _("退回整改，转为“整改中”")
        data_key = "reason"

    @actions.register_action(services.ACTION_CLOSE)
    class Closed(_StepFormatter):
        label = _("销号")
        message = _("销号，转为“已销号”")
        data_key = "note"
