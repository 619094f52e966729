"""分配栏目: administrators hand columns to a department in the back office.

Ticking a column gives it to the department (``ownership.assign_column``:
its groups' page permissions and its review workflow), taking it from the
department that had it; unticking takes it away (``release_column``). Only
administrators may do this — the view checks, not just the menu.
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page
from wagtail.query import PageQuerySet

from .admin_views import forbidden
from .models import Department
from .ownership import assign_column, column_owners, release_column

#: The audit log's action for a change of a department's columns (报告 → 网站历史).
COLUMNS_ACTION = "zoneportal.assign_columns"

#: Columns are the pages of the first two levels below a site's home page.
COLUMN_DEPTHS = (3, 4)


def column_pages() -> PageQuerySet:
    """Every column of every site, in tree order (articles, albums and videos are content, not columns)."""
    from zoneportal.portal.models import ArticlePage, PhotoAlbumPage, VideoPage  # portal builds on core

    content = (ArticlePage, PhotoAlbumPage, VideoPage)
    return Page.objects.filter(depth__in=COLUMN_DEPTHS).not_type(*content).order_by("path")


def column_label(page: Page, titles: dict[str, str], owner: Department | None, department: Department) -> str:
    """“招商网 › 投资环境（现属：招商发展分局）”: the column's place, and who has it if not this department."""
    step = Page.steplen  # characters per tree level in a page's path; the root's path is skipped
    ancestors = [titles.get(page.path[:end], "") for end in range(2 * step, len(page.path), step)]
    label = " › ".join([*ancestors, page.title])
    if owner is not None and owner != department:
        label += _("（现属：%(name)s）") % {"name": owner.name}
    return label


class ColumnsForm(forms.Form):
    columns = forms.ModelMultipleChoiceField(
        label=gettext_lazy("栏目"),
        queryset=Page.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "勾选的栏目及其下级页面由本部门编辑、由本部门的三审流程审核。勾选别的部门的栏目会把它转过来。"
        ),
    )

    def __init__(self, department: Department, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["columns"]
        field.queryset = pages = column_pages()
        owners = column_owners(page.pk for page in pages)
        titles = dict(Page.objects.filter(depth__lt=max(COLUMN_DEPTHS)).values_list("path", "title"))
        labels = {page.pk: column_label(page, titles, owners.get(page.pk), department) for page in pages}
        field.label_from_instance = lambda page: labels[page.pk]
        self.owned = {pk for pk, owner in owners.items() if owner == department}
        self.initial["columns"] = sorted(self.owned)


class DepartmentColumnsView(WagtailAdminTemplateMixin, FormView):
    """The columns of one department, as checkboxes."""

    template_name = "core/department_columns.html"
    page_title = gettext_lazy("分配栏目")
    header_icon = "folder-open-inverse"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_superuser:
            return forbidden(request)
        self.department = get_object_or_404(Department, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("分配栏目：%(name)s") % {"name": self.department.name}

    def get_breadcrumbs_items(self) -> list[dict]:
        departments = reverse("wagtailsnippets_core_department:list")
        edit = reverse("wagtailsnippets_core_department:edit", args=[self.department.pk])
        return [
            *self.breadcrumbs_items,
            {"url": departments, "label": Department._meta.verbose_name_plural},
            {"url": edit, "label": self.department.name},
            {"url": "", "label": _("分配栏目")},
        ]

    def get_form(self, form_class=None) -> ColumnsForm:
        return ColumnsForm(self.department, **self.get_form_kwargs())

    @transaction.atomic
    def form_valid(self, form: ColumnsForm) -> HttpResponse:
        chosen = {page.pk: page for page in form.cleaned_data["columns"]}
        removed = Page.objects.filter(pk__in=form.owned - set(chosen))
        added = [page for pk, page in chosen.items() if pk not in form.owned]
        for column in removed:
            release_column(self.department, column)
        for column in added:
            assign_column(self.department, column)
        if added or removed:
            log(
                instance=self.department,
                action=COLUMNS_ACTION,
                user=self.request.user,
                data={"added": [page.title for page in added], "removed": [page.title for page in removed]},
            )
        messages.success(
            self.request,
            _("%(name)s的栏目已更新：新增 %(added)d 个，移出 %(removed)d 个。")
            % {"name": self.department.name, "added": len(added), "removed": len(removed)},
        )
        return redirect(self.request.path)


def columns_button(department: Department) -> Button:
    return Button(
        _("分配栏目"),
        reverse("department_columns", args=[department.pk]),
        icon_name="folder-open-inverse",
        priority=15,
    )


class ColumnsAssignedFormatter(LogFormatter):
    label = gettext_lazy("分配栏目")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        none = _("无")
        return _("分配栏目：新增 %(added)s；移出 %(removed)s") % {
            "added": "、".join(data.get("added", [])) or none,
            "removed": "、".join(data.get("removed", [])) or none,
        }
