"""Removing what Wagtail's own migrations create for a blank site: "Moderators approval", "Editors", "Moderators".

Wagtail's migrations give every new database two groups (Editors, Moderators)
with permissions on the root page, and a workflow "Moderators approval" with
one group-approval task, attached to the root page, so every page without a
department's workflow would go to a group nobody belongs to. The portal has
its own groups and workflows (``zoneportal.core.ownership``), so the demo
loader and the test zone take these out.

Only the untouched defaults go: a workflow that was ever started, that has
other tasks or pages, or a group with members or permissions beyond Wagtail's
initial ones, was changed by a real site and stays.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, TaskState, Workflow, WorkflowPage, WorkflowState

DEFAULT_WORKFLOW = "Moderators approval"
DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_wagtail_defaults() -> list[str]:
    """Delete Wagtail's untouched default workflow and groups; return the names removed."""
    removed: list[str] = []
    root_pages = Page.objects.filter(depth=1)
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        tasks = list(workflow.tasks.all())
        untouched = (
            len(tasks) == 1
            and tasks[0].name == DEFAULT_WORKFLOW
            and isinstance(tasks[0].specific, GroupApprovalTask)
            and set(tasks[0].specific.groups.values_list("name", flat=True)) <= {"Moderators"}
            and not WorkflowState.objects.filter(workflow=workflow).exists()
            and not TaskState.objects.filter(task__in=tasks).exists()
            and not WorkflowPage.objects.filter(workflow=workflow).exclude(page__in=root_pages).exists()
        )
        if not untouched:
            continue
        task = tasks[0]
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.delete()  # its WorkflowTask rows go with it
        if not task.workflow_tasks.exists():
            task.specific.delete()
        removed.append(DEFAULT_WORKFLOW)
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        untouched = (
            not group.user_set.exists()
            and not group.page_permissions.exclude(page__in=root_pages).exists()
            and not GroupApprovalTask.objects.filter(groups=group).exists()
        )
        if untouched:
            group.delete()
            removed.append(group.name)
    return removed
