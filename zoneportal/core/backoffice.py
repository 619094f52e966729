"""The back office in Chinese: the editor's guide served by the portal, the help menu, the login form.

Imported by ``wagtail_hooks`` so that its hooks are registered. The translations of Wagtail's and
Django's own strings are in ``zoneportal/locale`` (see docs/translations.md); what a catalogue cannot
reach (strings Wagtail builds without gettext) is mended here.
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.workflows import WorkflowPageForm
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.sites import views as site_views
from wagtail.users.forms import PagePermissionsForm

#: Help menu items of Wagtail's that link to guide.wagtail.org, which an intranet cannot reach.
WAGTAIL_ONLINE_HELP = ("editor-guide", "whats-new-in-wagtail-")


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    """后台使用指南: how to write, attach, submit and review, and what each status means."""

    template_name = "core/guide.html"
    page_title = _("后台使用指南")
    header_icon = "help"

    def get_breadcrumbs_items(self) -> list[dict]:
        """Home › 后台使用指南, so the header names the guide rather than just 首页."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("guide/", GuideView.as_view(), name="backoffice_guide")]


@hooks.register("register_help_menu_item")
def register_guide_menu_item() -> MenuItem:
    return MenuItem(
        _("后台使用指南"), reverse("backoffice_guide"), name="backoffice-guide", icon_name="help", order=1000
    )


@hooks.register("construct_help_menu")
def drop_online_help(request: HttpRequest, menu_items: list[MenuItem]) -> None:
    """Keep the keyboard shortcuts and our guide; drop the links to Wagtail's website."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_ONLINE_HELP)]


@hooks.register("construct_main_menu")
def settings_menu_without_product_footer(request: HttpRequest, menu_items: list[MenuItem]) -> None:
    """设置 without the English "Wagtail v…" footer Wagtail writes under it (no gettext reaches it)."""
    for index, item in enumerate(menu_items):
        if item.name == "settings" and isinstance(item, SubmenuMenuItem):
            menu_items[index] = SubmenuMenuItem(
                item.label,
                item.menu,
                name=item.name,
                icon_name=item.icon_name,
                classname=item.classname,
                order=item.order,
            )


class ChineseLoginForm(LoginForm):
    """Wagtail's login form; its password field has no label of its own, so Django showed "Password"."""

    password = forms.CharField(
        label=_("密码"),
        widget=forms.PasswordInput(attrs={"placeholder": _("请输入密码")}),
        strip=False,
    )


# Wagtail labels the sites listing's columns from the field names ("Port", "Site name", "Root page")
# without gettext, so no catalogue can translate them; give them the fields' own (translated) names.
for _column in site_views.IndexView.columns:
    if _column.name in ("port", "site_name", "root_page"):
        _column.label = site_views.Site._meta.get_field(_column.name).verbose_name

# The page choosers of the group editor's page permissions and of the workflow editor have no label,
# so Django made "Page" from the field name.
for _form in (PagePermissionsForm, WorkflowPageForm):
    _form.base_fields["page"].label = _("页面")
