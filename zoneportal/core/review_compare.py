"""Review compares with what was submitted before, not with the last autosave.

The dashboard's 待审核 panel offers "与上一个版本进行比较", which Wagtail
builds from the revision saved just before the submitted one. With autosave
that is nearly always an autosave of the same text, so after a rejection the
reviewer compares two copies of the resubmission and never sees what the
editor changed. Here "previous" is the revision last submitted for review of
the same page (the one the reviewers saw, approved or sent back); a page's
first submission keeps Wagtail's choice.
"""

from __future__ import annotations

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import TaskState


def previously_submitted_revision_id(task_state: TaskState) -> int | None:
    """The revision the page was last submitted for review with, before this task's revision."""
    workflow_state = task_state.workflow_state
    return (
        TaskState.objects.filter(
            workflow_state__base_content_type_id=workflow_state.base_content_type_id,
            workflow_state__object_id=workflow_state.object_id,
            started_at__lt=task_state.started_at,
        )
        .exclude(revision_id=task_state.revision_id)
        .order_by("-started_at", "-pk")
        .values_list("revision_id", flat=True)
        .first()
    )


class SubmittedComparisonPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's 待审核 panel, comparing each item with its previous submission."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            submitted = previously_submitted_revision_id(state["task_state"])
            if submitted is not None:
                state["previous_revision_id"] = submitted
        return context


def compare_with_submitted(request, panels: list) -> None:
    """``construct_homepage_panels`` hook: swap in the panel above."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = SubmittedComparisonPanel()
