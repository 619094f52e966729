"""安置与失地保障 in the back office: relocations, housing sites and insurance batches as snippets.

The investment app's access rule applies: every department reads, the owning
department (国土建设分局) and the office change; a refused edit or delete is 403.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from zoneportal.investment.access import InvestmentPermissionPolicy, InvestmentViewSetMixin

from .models import HousingSite, InsuranceBatch, Relocation

for _model in (Relocation, HousingSite, InsuranceBatch):
    register_permission_policy(_model, InvestmentPermissionPolicy(_model), exact_class=True)


class RelocationViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = Relocation
    icon = "home"
    menu_label = _("拆迁安置")
    list_display = ["village", "year", "households", "people", "natural_villages", "department"]
    list_filter = ["year", "department"]
    search_fields = ["village"]


class HousingSiteViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = HousingSite
    icon = "site"
    menu_label = _("还建点")
    list_display = ["name", "stage", "site_count", "floor_area", "households_moved_in", "department"]
    list_filter = ["stage", "department"]
    search_fields = ["name"]


class InsuranceBatchViewSet(InvestmentViewSetMixin, SnippetViewSet):
    model = InsuranceBatch
    icon = "user"
    menu_label = _("失地农民参保")
    list_display = [
        "year",
        "batch",
        "insured",
        "contribution",
        Column("government_share", label=_("市政府（元）")),
        Column("collective_share", label=_("村集体（元）")),
        Column("individual_share", label=_("个人（元）")),
        "monthly_benefit",
    ]
    list_filter = ["year", "department"]


class ResettlementViewSetGroup(SnippetViewSetGroup):
    items = (RelocationViewSet, HousingSiteViewSet, InsuranceBatchViewSet)
    menu_icon = "home"
    menu_label = _("安置与失地保障")
    menu_name = "resettlement"
    menu_order = 246


register_snippet(ResettlementViewSetGroup)
