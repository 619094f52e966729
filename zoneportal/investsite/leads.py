"""What happens to a lead in the back office: who may see it, and 转为项目."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from zoneportal.core.department_scope import DepartmentPermissionPolicy, managed_departments
from zoneportal.core.ownership import is_office
from zoneportal.investment.models import Project, Stage

from .models import InvestorLead, lead_department_slug

ACTION_CONVERT = "investsite.lead.convert"


class LeadPermissionPolicy(DepartmentPermissionPolicy):
    """The office and the lead department's staff (招商发展分局) see and follow leads; nobody else, not even to list.

    Leads are sent by the public: the others' departments, whose staff may read
    the shared investment records, have no business with names and phone numbers.
    """

    def user_has_permission(self, user, action: str) -> bool:
        if action not in self.actions and action != "view":
            return False
        if action == "add":
            return False  # leads come from the 招商网's form
        return is_office(user) or managed_departments(user).filter(slug=lead_department_slug()).exists()


def convert_to_project(lead: InvestorLead, user) -> Project:
    """转为项目: a project at stage 洽谈 for the lead's company, linked to the lead, which becomes 已转化.

    Both records get a log entry (the lead's history shows who converted it).
    A lead converted before, or closed as 无效, is refused.
    """
    with transaction.atomic():
        lead = InvestorLead.objects.select_for_update().get(pk=lead.pk)
        if lead.project_id is not None:
            raise ValidationError(_("该线索已转为项目。"))
        if lead.status == InvestorLead.Status.INVALID:
            raise ValidationError(_("无效线索不能转为项目。"))
        project = Project.objects.create(
            name=_trim(lead.company),
            investor=lead.company[:120],
            stage=Stage.NEGOTIATING,
            negotiated_on=timezone.localdate(),
            department=lead.department,
            remarks=_("由投资线索 %(number)s 转入：%(message)s")
            % {"number": lead.tracking_number, "message": lead.message},
        )
        lead.project = project
        lead.status = InvestorLead.Status.CONVERTED
        if lead.owner_id is None:
            lead.owner = user
        lead.save(update_fields=["project", "status", "owner"])
        log(instance=lead, action=ACTION_CONVERT, user=user, data={"project": project.pk})
        log(instance=project, action="wagtail.create", user=user)
    return project


def _trim(company: str) -> str:
    """The project's name: the company's and 投资项目, within the field's 120 characters."""
    suffix = _("投资项目")
    return company[: 120 - len(suffix)] + suffix
