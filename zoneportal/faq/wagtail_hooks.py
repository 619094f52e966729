"""便民问答 in the back office: entries per department (互动交流 › 便民问答), topics for administrators."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from zoneportal.core.department_scope import DepartmentPermissionPolicy, DepartmentScopedViewSetMixin

from .models import FaqEntry, FaqTopic

register_permission_policy(FaqEntry, DepartmentPermissionPolicy(FaqEntry), exact_class=True)


class FaqEntryViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    """Editors and heads see and edit their own department's entries; the office sees all."""

    model = FaqEntry
    icon = "help"
    menu_label = _("便民问答")
    list_display = [
        "question",
        "department",
        "topic",
        BooleanColumn("published", label=_("公开")),
        "helpful_count",
        "unhelpful_count",
        "updated_at",
    ]
    list_filter = ["published", "department", "topic"]
    search_fields = ["question", "answer"]
    copy_view_enabled = False


class FaqTopicViewSet(SnippetViewSet):
    """The topics list; who may edit it is an ordinary model permission (administrators by default)."""

    model = FaqTopic
    icon = "tag"
    menu_label = _("问答主题")
    list_display = ["name", "slug", "sort_order"]


class InteractionViewSetGroup(SnippetViewSetGroup):
    items = (FaqEntryViewSet, FaqTopicViewSet)
    menu_icon = "help"
    menu_label = _("便民问答")
    menu_name = "faq"
    menu_order = 250


register_snippet(InteractionViewSetGroup)
