"""导入招商数据 in the back office: choose a table, upload → checked preview → confirm, and the listings' exports.

The upload waits in private storage (:class:`~zoneportal.core.tabular.PendingUpload`)
between the preview — a full dry run as the user, so a row of another
department's record is refused before anything is shown as ready — and the
confirmation, which checks the same file again (the records may have changed
meanwhile) and writes it. Any department's staff may open the page; each row
is allowed only where the department may edit the record (``access.py``).
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from zoneportal.core.admin_views import forbidden
from zoneportal.core.department_scope import works_for_a_department
from zoneportal.core.tabular import XLSX_CONTENT_TYPE, PendingUpload
from zoneportal.core.uploads import check_upload

from .tabular import FORMATS, PREVIEW_ROWS, TABLES, ImportReport, export_xlsx, import_file, table_choices, tables_for

PENDING = PendingUpload("investment_import", "investment-imports")
MAX_BYTES = 20 * 1024 * 1024


def may_import(user) -> bool:
    """Staff of a department (or the office): which rows they may write is checked row by row."""
    return works_for_a_department(user)


class ImportForm(forms.Form):
    table = forms.ChoiceField(label=gettext_lazy("导入什么"), choices=table_choices)
    file = forms.FileField(
        label=gettext_lazy("导入文件"),
        help_text=gettext_lazy("只支持 .xlsx 工作簿，列与列表页“导出”的表格相同；先预览检查结果，确认后才写入。"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, FORMATS, MAX_BYTES)
        return upload


class ImportBaseView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "investment/admin/import.html"
    page_title = gettext_lazy("导入招商数据")
    header_icon = "upload"
    http_method_names = ["get", "post"]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_import(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def show(self, form: ImportForm, report: ImportReport | None = None) -> HttpResponse:
        """The page with the upload form and, after an upload, the checked preview or the errors."""
        table = report.table if report is not None else TABLES.get(form["table"].value() or "")
        return self.render_to_response(
            self.get_context_data(
                form=form,
                report=report,
                table=table,
                tables=TABLES.values(),
                preview_rows=PREVIEW_ROWS,
                max_mb=MAX_BYTES // (1024 * 1024),
            )
        )


class ImportView(ImportBaseView):
    """Upload (GET shows the form, ``?table=`` chosen) and the checked preview (POST)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.show(ImportForm(initial={"table": request.GET.get("table", "")}))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(form)
        pending = PENDING.store(request, form.cleaned_data["file"], table=form.cleaned_data["table"])
        table = TABLES[pending["table"]]
        report = import_file(table, PENDING.file(pending, FORMATS), user=request.user, dry_run=True)
        if not report.ok:
            PENDING.forget(request)
        return self.show(ImportForm(initial={"table": table.name}), report)


class ConfirmView(ImportBaseView):
    """确认导入: the previewed file, checked again and written."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = PENDING.get(request)
        if pending is None:
            messages.error(request, _("没有待确认的导入文件（可能已经导入，或已过期），请重新上传。"))
            return redirect("investment_import:upload")
        table = TABLES[pending["table"]]
        report = import_file(table, PENDING.file(pending, FORMATS), user=request.user)
        PENDING.forget(request)
        if not report.ok:
            return self.show(ImportForm(initial={"table": table.name}), report)
        messages.success(
            request,
            _("已导入“%(name)s”（%(label)s）：新增 %(new)d 条，更新 %(updated)d 条。")
            % {"name": pending["name"], "label": table.label, "new": report.new, "updated": report.updated},
        )
        return redirect(reverse("investment_import:upload") + "?" + urlencode({"table": table.name}))


class CancelView(ImportBaseView):
    """取消: the previewed file is deleted, nothing imported."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        PENDING.forget(request)
        messages.success(request, _("已取消导入，没有写入任何数据。"))
        return redirect("investment_import:upload")


class TableExportMixin:
    """For a listing (a snippet index view): 导出 .xlsx of the filtered records and of their yearly rows, and 导入.

    Wagtail's export (``?export=xlsx``) hands over the filtered, searched list;
    the workbook is the table's (:mod:`.tabular`), so what is exported imports again.
    """

    list_export = ["pk"]  # turns Wagtail's export on; the columns are the table's

    @cached_property
    def show_export_buttons(self) -> bool:
        return False  # Wagtail's own buttons export ``list_export``: ours below export the tables

    def as_spreadsheet(self, queryset, spreadsheet_format: str) -> HttpResponse:
        tables = {table.name: table for table in tables_for(self.model)}
        name = self.request.GET.get("table") or next(iter(tables))
        if spreadsheet_format != "xlsx" or name not in tables:
            raise Http404
        if not isinstance(queryset, QuerySet):  # search results: the same records as a queryset
            queryset = self.model._default_manager.filter(pk__in=[record.pk for record in queryset])
        response = HttpResponse(export_xlsx(tables[name], queryset), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = list(super().header_more_buttons)
        for table in tables_for(self.model):
            params = self.request.GET.copy()
            params.pop("p", None)
            params["export"], params["table"] = "xlsx", table.name
            buttons.append(
                Button(
                    _("导出%(label)s（.xlsx）") % {"label": table.label},
                    url=f"{self.request.path}?{params.urlencode()}",
                    icon_name="download",
                    priority=90,
                )
            )
        if may_import(self.request.user):
            for table in tables_for(self.model):
                buttons.append(
                    Button(
                        _("导入%(label)s") % {"label": table.label},
                        url=reverse("investment_import:upload") + "?" + urlencode({"table": table.name}),
                        icon_name="upload",
                        priority=95,
                    )
                )
        return buttons
