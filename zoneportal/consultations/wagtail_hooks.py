"""Moderating comments in the back office (互动交流 › 征集意见): each department its own drafts' comments."""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from zoneportal.core.department_scope import DepartmentPermissionPolicy, DepartmentScopedViewSetMixin

from .models import ConsultationComment

# Comments come from the public: staff moderate them (change), never add or delete them.
register_permission_policy(
    ConsultationComment,
    DepartmentPermissionPolicy(ConsultationComment, department_field="page__department", actions=("change",)),
    exact_class=True,
)


class ConsultationCommentViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    """The department of a draft moderates its comments; the office sees all."""

    model = ConsultationComment
    icon = "comment"
    menu_label = _("征集意见审核")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "page", "status", "created_at"]
    list_filter = ["status", "page"]
    search_fields = ["text"]
    copy_view_enabled = False


register_snippet(ConsultationCommentViewSet)
