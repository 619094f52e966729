"""办事指南 in the back office: items and journeys per department, topics for administrators."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from zoneportal.core.department_scope import DepartmentPermissionPolicy, DepartmentScopedViewSetMixin

from .models import Journey, ServiceItem, ServiceTopic

register_permission_policy(ServiceItem, DepartmentPermissionPolicy(ServiceItem), exact_class=True)
register_permission_policy(Journey, DepartmentPermissionPolicy(Journey), exact_class=True)


class ServiceItemViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    """Editors and heads see and edit their own department's items; the office sees all."""

    model = ServiceItem
    icon = "list-ul"
    menu_label = _("办事事项")
    list_display = ["name", "department", "kind", BooleanColumn("published", label=_("公开")), "updated_at"]
    list_filter = ["published", "department", "kind"]
    search_fields = ["name", "summary"]
    copy_view_enabled = False


class JourneyViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    """一件事: kept by its lead department, which may chain any department's items."""

    model = Journey
    icon = "resubmit"
    menu_label = _("一件事一次办")
    list_display = ["title", "department", BooleanColumn("published", label=_("公开")), "updated_at"]
    list_filter = ["published", "department"]
    copy_view_enabled = False


class ServiceTopicViewSet(SnippetViewSet):
    """Topics and life events; who may edit them is an ordinary model permission (administrators by default)."""

    model = ServiceTopic
    icon = "tag"
    menu_label = _("主题与生命周期")
    list_display = ["name", "kind", "slug", "sort_order"]
    list_filter = ["kind"]


class ServicesViewSetGroup(SnippetViewSetGroup):
    items = (ServiceItemViewSet, JourneyViewSet, ServiceTopicViewSet)
    menu_icon = "list-ul"
    menu_label = _("办事指南")
    menu_name = "services"
    menu_order = 240


register_snippet(ServicesViewSetGroup)
