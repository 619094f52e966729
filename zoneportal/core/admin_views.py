"""Back-office page views: refusals answered with 403, stale saves stopped.

Wagtail answers a denied admin action by redirecting to the dashboard with a
flash message. For department ownership we want the refusal to be explicit
and checkable (auditors, scripts, tests): a 403 page in Chinese that says why.
Wagtail 8 routes every page action through a page viewset, so one viewset
wrapping each view is enough; the permission checks themselves stay Wagtail's.

Saving is one guard for deliberate saves and autosaves (the edit view below,
with static/js/save-guard.js in the browser): no save, silent or deliberate,
replaces a revision its editor has not seen, unless the editor says so; an
editor's own autosave never blocks the same editor; an autosave that changes
nothing saves no revision.
"""

import json
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .column_guard import ColumnIndexView, ColumnMoveView
from .review import ReviewWorkflowActionView

# The hidden field save-guard.js fills when the editor confirms Wagtail's
# "a newer version was saved" dialog: the id of the revision they chose to replace.
CONFIRMED_FIELD = "confirmed_overwrite_revision_id"

# Bookkeeping a revision's content carries that says nothing about what was written.
BOOKKEEPING_KEYS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "live_revision",
        "locked",
        "locked_at",
        "locked_by",
        "last_published_at",
        "first_published_at",
    }
)


def comparable_content(content: dict) -> dict:
    """A revision's content without its bookkeeping, for "did anything change" checks.

    Given a page's ``serializable_data()``, it is first encoded as a revision
    stores it (dates become strings), so it compares equal to stored content.
    """
    stored = json.loads(json.dumps(content, cls=DjangoJSONEncoder))
    return {key: value for key, value in stored.items() if key not in BOOKKEEPING_KEYS}


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
    """Wagtail's page editor with one guard for deliberate saves and autosaves.

    Every save names the revision its form was based on: Wagtail's
    ``loaded_revision_id``/``loaded_revision_created_at`` (the revision the
    page was opened at) or ``overwrite_revision_id`` (this window's own
    autosave revision; Wagtail's autosave sends it, and ``save-guard.js``
    copies it into the form so a deliberate save carries it too). A save whose
    base is not the latest revision is stale.

    Wagtail itself refuses only stale autosaves, and leaves deliberate saves to
    its editing-session ping: it shows a "save anyway?" dialog once the ping
    has seen the newer revision. That leaves a gap: a save sent before the
    ping noticed (up to ten seconds), or from a browser whose ping failed,
    silently stacks on the colleague's revision. So a stale deliberate save
    is refused here as well, unless the editor has confirmed overwriting
    exactly the revision that is now the latest (``CONFIRMED_FIELD``, set by
    ``save-guard.js`` when Wagtail's dialog is confirmed).
    """

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.page.alias_of_id:
            return super().post(request, *args, **kwargs)
        if self.expects_json_response:
            # Stale autosaves are refused by Wagtail's own post().
            if not self.is_out_of_date and self.autosave_changes_nothing():
                return self.unchanged_autosave_response()
            return super().post(request, *args, **kwargs)
        if not self.is_out_of_date:
            return super().post(request, *args, **kwargs)
        if self.overwrite_confirmed:
            # The editor chose to replace the newer revision: save on top of
            # it as a new revision (this window's own autosave revision, if
            # any, is no longer the latest and cannot be overwritten).
            request.POST = request.POST.copy()
            request.POST.pop("overwrite_revision_id", None)
            return super().post(request, *args, **kwargs)
        return self.refuse_stale_save()

    @property
    def overwrite_confirmed(self) -> bool:
        """Whether the editor confirmed replacing exactly the latest revision."""
        return self.request.POST.get(CONFIRMED_FIELD) == str(self.latest_revision.pk)

    def refuse_stale_save(self) -> HttpResponse:
        """Render the editor again with the editor's input and a Chinese explanation."""
        latest = self.latest_revision
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        self.form.is_valid()  # collect the editor's input so the form shows it again
        if latest.user_id == self.request.user.pk:
            author = _("您本人（在另一个窗口中）")
        elif latest.user:
            author = latest.user.get_full_name() or latest.user.get_username()
        else:
            author = _("其他用户")
        message = _(
            "保存失败：您编辑期间，%(author)s 于 %(time)s 修改了此页面。为避免覆盖这个较新的版本，本次未保存。"
            "您输入的内容仍在下方表单中；请核对“历史版本”后再次保存（再次保存将以您的内容为准）。"
        ) % {"author": author, "time": latest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")}
        messages.error(self.request, message)
        self.has_unsaved_changes = True
        # The form now carries the latest revision as its base, so the
        # deliberate second save goes through. Autosave stays off in this
        # window until then: with that base it would pass the check and
        # silently replace the colleague's revision with the refused content.
        self.autosave_enabled = False
        return self.render_to_response(self.get_context_data())

    def autosave_changes_nothing(self) -> bool:
        """Whether this autosave's content equals the latest revision's.

        Wagtail saves a revision for every autosave request, and the browser
        sends one whenever the form's raw data changes, even when the saved
        content does not (a trailing space, a widget re-serialising its
        value, the same document picked again). Such requests must not add
        identical revisions to the history.
        """
        if self.latest_revision is None:
            return False
        # A fresh copy: the form's save(commit=False) changes its instance,
        # and Wagtail's own save builds its form on self.page afterwards.
        form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.real_page_record.get_latest_revision_as_object(),
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        form.defer_required_fields()
        if not form.is_valid():
            return False  # Wagtail reports the validation errors
        page = form.save(commit=False)
        return comparable_content(page.serializable_data()) == comparable_content(self.latest_revision.content)

    def unchanged_autosave_response(self) -> JsonResponse:
        """Answer an autosave that changed nothing as saved, without a revision."""
        data: dict = {"success": True, "pk": self.page.pk, "field_updates": {}}
        if self.request.POST.get("overwrite_revision_id"):
            # This window's own autosave revision is still the latest.
            data["revision_id"] = self.latest_revision.pk
            data["revision_created_at"] = self.latest_revision.created_at.isoformat()
        return JsonResponse(data)


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
