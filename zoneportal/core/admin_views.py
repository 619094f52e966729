"""Back-office page views: refusals answered with 403, stale saves stopped.

Wagtail answers a denied admin action by redirecting to the dashboard with a
flash message. For department ownership we want the refusal to be explicit
and checkable (auditors, scripts, tests): a 403 page in Chinese that says why.
Wagtail 8 routes every page action through a page viewset, so one viewset
wrapping each view is enough; the permission checks themselves stay Wagtail's.

Wagtail only refuses an out-of-date save for its background autosave; a
normal save silently stacks on top of a colleague's newer revision. The edit
view here refuses it instead, keeping what the editor typed in the form.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .column_guard import ColumnIndexView, ColumnMoveView
from .review import ReviewWorkflowActionView


def forbidden(request: HttpRequest) -> HttpResponse:
    """The back office's 403 page."""
    return render(request, "core/admin_forbidden.html", status=403)


def answer_denial_with_403(view):
    """Turn ``PermissionDenied`` raised by a Wagtail admin view into a 403 page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


class StaleSaveGuardEditView(EditView):
    """Wagtail's page editor, refusing to overwrite a revision the editor never saw."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.expects_json_response or not self.is_out_of_date or self.page.alias_of_id:
            return super().post(request, *args, **kwargs)
        latest = self.latest_revision
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        self.form.is_valid()  # collect the editor's input so the form shows it again
        if latest.user:
            author = latest.user.get_full_name() or latest.user.get_username()
        else:
            author = _("其他用户")
        message = _(
            "保存失败：您编辑期间，%(author)s 于 %(time)s 修改了此页面。为避免覆盖对方的修改，本次未保存。"
            "您输入的内容仍在下方表单中；请核对“历史版本”后再次保存（再次保存将以您的内容为准）。"
        ) % {"author": author, "time": latest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")}
        messages.error(request, message)
        self.has_unsaved_changes = True
        # Render the editor with the posted data; it now carries the latest
        # revision id, so a deliberate second save goes through.
        return self.render_to_response(self.get_context_data())


class DepartmentPageViewSet(PageViewSet):
    """Every page type's admin views, with refusals as 403 and stale saves stopped."""

    model = Page
    name = "department_pages"
    edit_view_class = StaleSaveGuardEditView
    workflow_action_view_class = ReviewWorkflowActionView  # confirms 已通过 / 已退回
    index_view_class = ColumnIndexView
    move_view_class = ColumnMoveView

    def construct_view(self, view_class, **kwargs):
        return answer_denial_with_403(super().construct_view(view_class, **kwargs))
