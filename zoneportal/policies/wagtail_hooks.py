"""政策法规库 in the back office: documents and interpretations per department, the lists for the office.

A department's staff see and edit their own department's documents and
interpretations (``core.department_scope``: another department's is a 404,
a refused action the Chinese 403); the office sees all. Categories, issuers
and topics shape every department's documents, so only the office edits them.
Attachments are Wagtail documents, checked by content when uploaded
(``core.uploads.CheckedDocumentForm``, the document form of the whole back office).
"""

from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from zoneportal.core.department_scope import DepartmentPermissionPolicy, DepartmentScopedViewSetMixin
from zoneportal.faq.forms import DepartmentOwnedForm
from zoneportal.letters.admin_views import OfficeOnlyPolicy

from . import import_hooks  # noqa: F401 (importing registers 导入政策文件's URLs and menu item)
from .forms import PolicyForm
from .models import Policy, PolicyCategory, PolicyInterpretation, PolicyIssuer, PolicyTopic

for _model in (Policy, PolicyInterpretation):
    register_permission_policy(_model, DepartmentPermissionPolicy(_model), exact_class=True)
for _model in (PolicyCategory, PolicyIssuer, PolicyTopic):
    register_permission_policy(_model, OfficeOnlyPolicy(_model), exact_class=True)


def _years() -> list[tuple[int, str]]:
    years = (
        Policy.objects.exclude(issued_on=None)
        .annotate(year=ExtractYear("issued_on"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    return [(year, _("%(year)s年") % {"year": year}) for year in years]


class PolicyFilterSet(WagtailFilterSet):
    """分类, 有效性 and 发布年份."""

    year = ChoiceFilter(label=_("发布年份"), field_name="issued_on__year", choices=_years)

    class Meta:
        model = Policy
        fields = ["category", "validity", "live"]


class PolicyViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    """政策文件: a department's own; the office all."""

    model = Policy
    icon = "doc-full"
    menu_label = _("政策文件")
    list_display = ["title", "doc_number", "category", "validity", "issued_on", "department", "updated_at"]
    filterset_class = PolicyFilterSet
    search_fields = ["title", "doc_number"]
    search_backend_name = None  # the database's own matching: titles and 文号 as typed
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("doc_number"), FieldPanel("category")]),
            FieldPanel("issuers"),
            FieldPanel("department"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("written_on"), FieldPanel("issued_on")]),
                    FieldRowPanel([FieldPanel("effective_on"), FieldPanel("expires_on")]),
                ],
                heading=_("日期"),
            ),
            FieldRowPanel([FieldPanel("validity"), FieldPanel("replaced_by")]),
            FieldPanel("body"),
            InlinePanel("attachments", label=_("附件"), panels=[FieldPanel("document"), FieldPanel("title")]),
            FieldPanel("topics"),
            FieldPanel("related"),
            FieldPanel("source_url"),
            FieldPanel("live"),
        ],
        base_form_class=PolicyForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category", "department")


class PolicyInterpretationViewSet(DepartmentScopedViewSetMixin, SnippetViewSet):
    """政策解读: text, 图解 or video, linked to the documents it explains."""

    model = PolicyInterpretation
    icon = "help"
    menu_label = _("政策解读")
    list_display = ["title", "kind", "department", "published_on", "live"]
    list_filter = ["kind", "live"]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("published_on")]),
            FieldPanel("policies"),
            FieldPanel("department"),
            FieldPanel("body"),
            MultiFieldPanel([FieldPanel("image"), FieldPanel("image_text")], heading=_("图解")),
            MultiFieldPanel([FieldPanel("video"), FieldPanel("transcript")], heading=_("视频")),
            FieldPanel("live"),
        ],
        base_form_class=DepartmentOwnedForm,
    )


class PolicyCategoryViewSet(SnippetViewSet):
    model = PolicyCategory
    icon = "folder-open-inverse"
    menu_label = _("政策分类")
    list_display = ["name", "code", "sort_order"]
    copy_view_enabled = False


class PolicyIssuerViewSet(SnippetViewSet):
    model = PolicyIssuer
    icon = "group"
    menu_label = _("发文机关")
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class PolicyTopicViewSet(SnippetViewSet):
    model = PolicyTopic
    icon = "tag"
    menu_label = _("政策主题")
    list_display = ["name"]
    copy_view_enabled = False


class PolicyLibraryViewSetGroup(SnippetViewSetGroup):
    items = (PolicyViewSet, PolicyInterpretationViewSet, PolicyCategoryViewSet, PolicyIssuerViewSet, PolicyTopicViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("政策法规库")
    menu_name = "policies"
    menu_order = 240


register_snippet(PolicyLibraryViewSetGroup)
