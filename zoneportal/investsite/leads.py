"""What happens to a lead in the back office: who may see it, who hears of a new one, and 转为项目."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log

from zoneportal.core.department_scope import DepartmentPermissionPolicy
from zoneportal.core.notifications import admin_address, notify
from zoneportal.core.ownership import is_office, roles
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
        return is_office(user) or lead_department_slug() in roles(user).slugs


def lead_recipients(lead: InvestorLead) -> list[str]:
    """The e-mail addresses of the lead department's active editors and heads (招商发展分局's staff)."""
    department = lead.department
    groups = [pk for pk in (department.editors_group_id, department.heads_group_id) if pk]
    staff = get_user_model().objects.filter(is_active=True, groups__in=groups).exclude(email="")
    return sorted(set(staff.values_list("email", flat=True)))


def notify_new_lead(lead: InvestorLead) -> int:
    """E-mail the lead's department that a new lead came in (call it after the lead is committed).

    In Chinese whatever language the visitor wrote in: the mail is for the zone's staff. Returns
    how many mails went out; a failing mail server is logged by :func:`notify` and loses nothing.
    """
    edit_url = AdminURLFinder().get_edit_url(lead) or ""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("新的投资线索：%(company)s") % {"company": lead.company}
        body = "\n".join(
            [
                _("招商网收到一条新的投资咨询，请及时跟进。"),
                "",
                _("查询编号：%(value)s") % {"value": lead.tracking_number},
                _("公司：%(value)s") % {"value": lead.company},
                _("联系人：%(value)s（%(country)s）") % {"value": lead.name, "country": lead.country},
                _("意向产业：%(value)s") % {"value": lead.industry or "—"},
                _("计划投资额：%(value)s") % {"value": lead.planned_investment or "—"},
                _("留言：%(value)s") % {"value": lead.message},
                "",
                _("在后台查看：%(url)s") % {"url": admin_address(edit_url)},
            ]
        )
    return sum(notify(subject=subject, body=body, email=email) for email in lead_recipients(lead))


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
