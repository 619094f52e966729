"""Review that shows itself: what the three-step review (三审) tells the people in it.

- A reviewer acting from the dashboard gets a confirmation naming the page and
  what happened (已通过 / 已退回), and cannot return a page without a comment.
- An editor whose page came back sees who returned it, when and why: a banner
  on the edit page and on the dashboard, and the status 已退回修改.
- The menu counts the tasks waiting for the user.

Everything reads Wagtail's own workflow records (``WorkflowState`` and the
rejected ``TaskState`` with its ``finished_by`` and ``comment``); nothing is
stored twice. The emails are Wagtail's workflow notifications with our
templates (``core/templates/wagtailadmin/notifications/``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_latest_str, get_user_display_name
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, Task, TaskState, WorkflowState

from .forms import COMMENT_REQUIRED
from .ownership import roles


@dataclass
class ReturnedReview:
    """A page (or other object) a reviewer returned for changes: who, when, at which step, and why."""

    workflow_state: WorkflowState
    task_state: TaskState
    object: object

    @property
    def reviewer(self) -> AbstractBaseUser | None:
        return self.task_state.finished_by

    @property
    def reviewer_name(self) -> str:
        return get_user_display_name(self.reviewer) if self.reviewer else _("审核人")

    @property
    def comment(self) -> str:
        return self.task_state.get_comment()

    @property
    def returned_at(self) -> datetime | None:
        return self.task_state.finished_at

    @property
    def step(self) -> str:
        return self.task_state.task.name

    @property
    def title(self) -> str:
        return get_latest_str(self.object)


def returned_review(obj) -> ReturnedReview | None:
    """The return for changes ``obj`` is waiting on, or ``None`` when its review is not at that point."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return ReturnedReview(workflow_state=state, task_state=task_state, object=obj)


def returned_reviews_for(user) -> list[ReturnedReview]:
    """The pages ``user`` submitted that a reviewer returned to them, latest first."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    reviews = []
    for state in states:
        obj = state.content_object
        task_state = state.current_task_state
        if obj is None or task_state is None or task_state.status != TaskState.STATUS_REJECTED:
            continue
        reviews.append(ReturnedReview(workflow_state=state, task_state=task_state, object=obj))
    return reviews


def waiting_task_count(user) -> int:
    """How many review tasks are waiting for ``user`` (the dashboard's 待我审核 list, counted)."""
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__active=True)
    if not user.is_superuser:
        group_ids = user.groups.values("pk")
        tasks = Task.objects.filter(Q(reviewtask__groups__in=group_ids) | Q(groupapprovaltask__groups__in=group_ids))
        states = states.filter(task__in=tasks.values("pk"))
    return states.count()


def is_reviewer(user) -> bool:
    """Whether ``user`` takes part in a review step (or may act on every step)."""
    return user.is_superuser or roles(user).reviewer


# ---- acting on a task: refuse a return without comment, confirm what happened ----------------


class ReviewWorkflowActionView(WorkflowActionView):
    """Wagtail's approve / return view, saying what it did.

    Wagtail redirects back (to the dashboard) without a word; a reviewer then
    cannot tell whether the click took. A plain POST whose dialog data is
    invalid (a return without comment) was silently ignored; it is refused
    with the reason instead.
    """

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        is_ajax = request.headers.get("x-requested-with") == "XMLHttpRequest"
        if self.form_class and not is_ajax:
            form = self.form_class(request.POST)
            if not form.is_valid():
                for errors in form.errors.values():
                    for error in errors:
                        messages.error(request, error)
                return redirect(self.redirect_url)
        title = get_latest_str(self.object)
        response = super().post(request, *args, **kwargs)
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            messages.success(request, self.confirmation(title))
        return response

    def confirmation(self, title: str) -> str:
        """What the reviewer just did, in one sentence naming the page."""
        task_state = self.task_state
        workflow_state = WorkflowState.objects.select_related("current_task_state__task", "requested_by").get(
            pk=task_state.workflow_state_id
        )
        if task_state.status == TaskState.STATUS_REJECTED:
            editor = workflow_state.requested_by
            return _("已退回“%(title)s”修改：%(editor)s 会在编辑页面和工作台上看到您的意见，并收到邮件通知。") % {
                "title": title,
                "editor": get_user_display_name(editor) if editor else _("编辑"),
            }
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            return _("已通过“%(title)s”的%(step)s，审核全部完成，页面已发布。") % {
                "title": title,
                "step": task_state.task.name,
            }
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and workflow_state.current_task_state:
            return _("已通过“%(title)s”的%(step)s，已转交“%(next)s”。") % {
                "title": title,
                "step": task_state.task.name,
                "next": workflow_state.current_task_state.task.name,
            }
        return _("已通过“%(title)s”的%(step)s。") % {"title": title, "step": task_state.task.name}


@hooks.register("before_edit_page")
def refuse_return_without_comment(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The editor's footer returns a page with the dialog's data; refuse it when the comment is missing.

    The dialog itself asks for the comment (``ReturnForChangesForm``); this
    stops a request that skipped it before the page is saved.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if request.POST.get("workflow-action-name") != "reject":
        return None
    try:
        data = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        data = None
    if isinstance(data, dict) and str(data.get("comment") or "").strip():
        return None
    messages.error(request, COMMENT_REQUIRED)
    return redirect("wagtailadmin_pages:edit", page.pk)


# ---- what the editor sees ------------------------------------------------------------------------


class ReturnedForChangesPanel(Component):
    """Dashboard banner: the user's pages that came back from review, with the reviewer's comment."""

    name = "returned_for_changes"
    template_name = "core/review/returned_panel.html"
    order = 50  # above every list: it is work the editor has to do

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        context["request"] = request
        context["reviews"] = returned_reviews_for(request.user)
        return context


@hooks.register("construct_homepage_panels")
def add_returned_for_changes_panel(request: HttpRequest, panels: list) -> None:
    """Put the 退回修改 panel on everyone's dashboard (it shows nothing when nothing came back)."""
    panels.append(ReturnedForChangesPanel())


# ---- the menu -------------------------------------------------------------------------------------


class WaitingReviewMenuItem(MenuItem):
    """待审核（n）: the reviewer's count of waiting tasks, linking to the dashboard's list."""

    def is_shown(self, request: HttpRequest) -> bool:
        """Only for those who review (an editor has nothing to count here)."""
        return is_reviewer(request.user)

    def render_component(self, request: HttpRequest):
        """The menu entry, labelled with this user's count at this moment."""
        count = waiting_task_count(request.user)
        label = _("待审核（%(count)s）") % {"count": count} if count else _("待审核")
        component = super().render_component(request)
        component.label = label
        return component


@hooks.register("register_admin_menu_item")
def register_waiting_review_menu_item() -> MenuItem:
    """The 待审核 menu item, between 页面 and 图片."""
    return WaitingReviewMenuItem(
        gettext_lazy("待审核"),
        reverse("wagtailadmin_home") + "#awaiting-review",
        name="waiting-review",
        icon_name="tasks",
        order=150,
    )
