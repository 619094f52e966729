"""导入政策文件 in the back office: upload → checked preview → confirm → import.

The uploaded file is checked by content and size, kept in private storage (no URL)
under a random name that only the uploading user's session knows, and checked in full
(a dry run) for the preview. Confirming imports that same file — checked again, as
the library may have changed meanwhile — and deletes it. Office only: an import
writes documents of every department and category.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from zoneportal.core.admin_views import forbidden
from zoneportal.core.ownership import is_office
from zoneportal.core.tabular import PendingUpload
from zoneportal.core.uploads import check_upload

from .importing import FORMATS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ImportReport, import_file

SESSION_KEY = "policy_import"
FOLDER = "policy-imports"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("导入文件"),
        help_text=gettext_lazy("支持 .jsonl、.csv（UTF-8 或 GBK 编码）和 .xlsx；先预览检查结果，确认后才写入。"),
    )
    create_categories = forms.BooleanField(
        label=gettext_lazy("自动新建分类"),
        required=False,
        help_text=gettext_lazy("文件中出现库里没有的分类时新建它；不勾选则作为错误报告"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, FORMATS, settings.POLICY_IMPORT_MAX_BYTES)
        return upload


class ImportBaseView(WagtailAdminTemplateMixin, TemplateView):
    """The import's page; only the office imports (the views check, the menu item only hides itself)."""

    template_name = "policies/admin/import.html"
    page_title = gettext_lazy("导入政策文件")
    header_icon = "upload"
    http_method_names = ["get", "post"]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_office(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def show(self, form: ImportForm, report: ImportReport | None = None) -> HttpResponse:
        """The page with the upload form and, after an upload, the checked preview or the errors."""
        return self.render_to_response(
            self.get_context_data(
                form=form,
                report=report,
                columns=REQUIRED_COLUMNS,
                optional_columns=OPTIONAL_COLUMNS,
                max_mb=settings.POLICY_IMPORT_MAX_BYTES // (1024 * 1024),
            )
        )


PENDING = PendingUpload(SESSION_KEY, FOLDER)


class ImportView(ImportBaseView):
    """Upload (GET shows the form) and the checked preview (POST)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.show(ImportForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(form)
        pending = PENDING.store(
            request, form.cleaned_data["file"], create_categories=form.cleaned_data["create_categories"]
        )
        report = import_file(PENDING.file(pending), create_categories=pending["create_categories"], dry_run=True)
        if not report.ok:
            PENDING.forget(request)
        return self.show(ImportForm(initial={"create_categories": pending["create_categories"]}), report)


class ConfirmView(ImportBaseView):
    """确认导入: the previewed file, checked again and written."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = PENDING.get(request)
        if pending is None:
            messages.error(request, _("没有待确认的导入文件（可能已经导入，或已过期），请重新上传。"))
            return redirect("policy_import:upload")
        report = import_file(PENDING.file(pending), create_categories=pending["create_categories"])
        PENDING.forget(request)
        if not report.ok:
            return self.show(ImportForm(), report)
        messages.success(
            request,
            _("已导入“%(name)s”：新增 %(new)d 份，更新 %(updated)d 份，已加入站内搜索 %(indexed)d 份。")
            % {"name": pending["name"], "new": report.new, "updated": report.updated, "indexed": report.indexed},
        )
        return redirect("policy_import:upload")


class CancelView(ImportBaseView):
    """取消: the previewed file is deleted, nothing imported."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        PENDING.forget(request)
        messages.success(request, _("已取消导入，没有写入任何文件。"))
        return redirect("policy_import:upload")
