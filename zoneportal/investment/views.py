"""The public views of :class:`~zoneportal.investment.pages.InvestmentDataPage`'s routes.

Each renders in the page's column layout (breadcrumbs, side navigation, meta
tags) a table from :mod:`.public` — the one the download and the API give too.
A filter the page cannot understand is named above the table and left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zoneportal.portal.paging import page_of

from . import export as exports
from . import public
from .charts import indicator_charts
from .models import STAGE_DATES, IndicatorYear, Industry, Park, ProjectInvestment, Stage

if TYPE_CHECKING:
    from .pages import InvestmentDataPage

ENTERPRISES_PER_PAGE = 50
#: A project's dates in the order its page lists them: the stages reached, then 中止 if it was halted.
STAGE_DATES_SHOWN = (*STAGE_DATES, (Stage.HALTED, "halted_on"))
#: The Chinese address of each list (the routes of the page), with its heading.
SECTIONS = (
    ("yuanqu", gettext_lazy("园区")),
    ("qiye", gettext_lazy("入园企业")),
    ("xiangmu", gettext_lazy("重点项目")),
    ("zhibiao", gettext_lazy("经济指标")),
)


def _options(fields: tuple[str, ...], years: list[int]) -> dict[str, list[tuple[str, str]]]:
    """The choices of each filter the list offers (values as the GET parameters carry them)."""
    options: dict[str, list[tuple[str, str]]] = {}
    if "park" in fields:
        options["park"] = [(str(pk), name) for pk, name in Park.objects.order_by("name").values_list("pk", "name")]
    if "industry" in fields:
        options["industry"] = [(str(pk), name) for pk, name in Industry.objects.values_list("pk", "name")]
    if "stage" in fields:
        options["stage"] = [(stage.value, str(stage.label)) for stage in public.PUBLIC_STAGES]
    if "year" in fields:
        options["year"] = [(str(year), _("%(year)d年") % {"year": year}) for year in years]
    return options


def _render(
    request: HttpRequest, page: InvestmentDataPage, template: str, title: str, **context: Any
) -> TemplateResponse:
    return page.render(
        request,
        template=f"investment/public/{template}",
        context_overrides={
            "heading": title,
            "breadcrumb_title": title,
            "data_url": page.get_url(request),
            "sections": SECTIONS,
            **context,
        },
    )


def _list(
    request: HttpRequest,
    page: InvestmentDataPage,
    route: str,
    fields: tuple[str, ...],
    years: list[int],
    template: str = "list.html",
    **context: Any,
) -> TemplateResponse:
    """A list page: the filter form, the table chosen by ``route``, its download links."""
    filters = context.pop("filters", None) or public.Filters.from_query(request.GET)
    table = context.pop("table", None) or public.TABLES[route](filters)
    query = urlencode(filters.query())
    return _render(
        request,
        page,
        template,
        table.title,
        route=route,
        table=table,
        filters=filters,
        chosen=filters.query(),
        options=_options(fields, years),
        list_url=f"{page.get_url(request)}{route}/",
        download_url=f"{page.get_url(request)}{route}/daochu/?{query}{'&' if query else ''}format=",
        **context,
    )


def overview(request: HttpRequest, page: InvestmentDataPage) -> TemplateResponse:
    filters = public.Filters()
    counts = {
        "yuanqu": public.parks(filters).count(),
        "qiye": public.enterprises(filters).count(),
        "xiangmu": public.projects(filters).count(),
        "zhibiao": len(public.indicators(filters)),
    }
    cards = [(route, label, counts[route]) for route, label in SECTIONS]
    return _render(request, page, "overview.html", page.title, cards=cards, breadcrumb_title=None)


def parks(request: HttpRequest, page: InvestmentDataPage) -> TemplateResponse:
    return _list(request, page, "yuanqu", ("industry",), [])


def park(request: HttpRequest, page: InvestmentDataPage, pk: int) -> TemplateResponse:
    record = get_object_or_404(public.parks(public.Filters()), pk=pk)
    filters = public.Filters(park=record)
    return _render(
        request,
        page,
        "park.html",
        record.name,
        park=record,
        row=public.park_row(record),
        enterprises=public.enterprise_table(filters),
        projects=public.project_table(filters),
    )


def enterprises(request: HttpRequest, page: InvestmentDataPage) -> TemplateResponse:
    filters = public.Filters.from_query(request.GET)
    paged = page_of(Paginator(public.enterprises(filters), ENTERPRISES_PER_PAGE), request)
    years = sorted({date.year for date in public.enterprises(public.Filters()).dates("settled_on", "year")})
    table = public.enterprise_table(filters, paged.object_list)
    return _list(request, page, "qiye", ("park", "industry", "year"), years, filters=filters, table=table, paged=paged)


def projects(request: HttpRequest, page: InvestmentDataPage) -> TemplateResponse:
    years = sorted(set(ProjectInvestment.objects.values_list("year", flat=True)))
    return _list(request, page, "xiangmu", ("park", "industry", "stage", "year"), years)


def project(request: HttpRequest, page: InvestmentDataPage, pk: int) -> TemplateResponse:
    record = get_object_or_404(public.projects(public.Filters()), pk=pk)
    reached = ((stage.label, getattr(record, field)) for stage, field in STAGE_DATES_SHOWN)
    stages = [(label, date) for label, date in reached if date is not None]
    return _render(
        request,
        page,
        "project.html",
        record.name,
        project=record,
        row=public.project_row(record),
        stages=stages,
        investments=sorted(record.investments.all(), key=lambda row: row.year),
        photos=record.photos.select_related("image"),
    )


def indicators(request: HttpRequest, page: InvestmentDataPage) -> TemplateResponse:
    filters = public.Filters.from_query(request.GET)
    years = sorted(set(IndicatorYear.objects.values_list("year", flat=True)))
    table = public.indicator_table(filters)
    charts = indicator_charts(table)
    return _list(
        request,
        page,
        "zhibiao",
        ("year",),
        years,
        template="indicators.html",
        filters=filters,
        table=table,
        charts=charts,
    )


def export(request: HttpRequest, page: InvestmentDataPage, route: str) -> HttpResponse:
    fmt = request.GET.get("format", "")
    if route not in public.TABLES or fmt not in exports.FORMATS:
        raise Http404(_("没有这种下载"))
    return exports.download(public.TABLES[route](public.Filters.from_query(request.GET)), fmt)
