"""部门绩效 in the back office: the ranking and each column's figures for a period, and their .xlsx."""

from __future__ import annotations

import io

from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from zoneportal.core.admin_views import forbidden

from . import exports, figures
from .access import visible_departments
from .forms import PeriodForm


class PerformanceAccessMixin:
    """The office and the departments' heads; a 403 in Chinese for everyone else."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.departments = list(visible_departments(request.user))
        if not self.departments:
            return forbidden(request)
        self.form = PeriodForm(request.GET)
        self.period = self.form.period()
        return super().dispatch(request, *args, **kwargs)

    def figures(self) -> list[figures.DepartmentFigures]:
        return figures.compute(self.period, self.departments)


class PerformanceReportView(PerformanceAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """部门绩效: ranking by achievement, then each department's columns."""

    template_name = "performance/report.html"
    page_title = gettext_lazy("部门绩效")
    header_icon = "order"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            period=self.period,
            departments=self.figures(),
            query=self.request.GET.urlencode(),
        )
        return context


class PerformanceExportView(PerformanceAccessMixin, TemplateView):
    """The same figures as .xlsx."""

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        content = exports.to_xlsx(self.figures(), self.period)
        name = _("部门绩效-%(start)s-%(end)s.xlsx") % {"start": self.period.start, "end": self.period.end}
        return FileResponse(io.BytesIO(content), as_attachment=True, filename=name, content_type=exports.XLSX)
