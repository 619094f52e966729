"""招商开放数据 in the JSON API (``/api/v1/``): parks, enterprises, projects and indicators.

A :class:`ninja.Router` mounted on the project's ``NinjaAPI`` (``zoneportal/search/api.py``).
The rows and the filters are :mod:`.public`'s — the same as the public pages and their
downloads, public fields only. Filters arrive as text and are checked there: a park or
industry that does not exist, a stage the public does not see, or a year that is not one
is a 400 naming the parameter in Chinese (``core.api.ErrorOut``); a bad page number a 422,
as for every list of the API. docs/api.md has examples.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from zoneportal.core.api import ErrorOut

from . import public

router = Router(tags=["招商开放数据"])

PER_PAGE = 20
MAX_PAGE = 10_000
CACHE_CONTROL = "public, max-age=60"


class ParkOut(Schema):
    id: int = Field(description="园区编号（筛选参数 park 的取值）")
    name: str = Field(description="园区名称")
    address: str = Field(description="位置")
    founded: str = Field(description="建园时间")
    planned_area_km2: Decimal | None = Field(description="规划面积（平方公里）")
    planned_area_mu: Decimal | None = Field(description="规划面积（亩），由平方公里换算")
    land_acquired_mu: Decimal | None = Field(description="已征用土地（亩）")
    available_land_mu: Decimal | None = Field(
        description="可供土地（亩）：已征用土地减去已签约、待建、在建、投产项目用地"
    )
    infrastructure: str = Field(description="基础设施（七通一平、三通一平或已有的项目）")
    industries: str = Field(description="主导产业，以“、”分隔")


class EnterpriseOut(Schema):
    id: int = Field(description="企业编号")
    name: str = Field(description="企业名称")
    park: str = Field(description="所在园区")
    industry: str = Field(description="产业集群")
    settled_on: datetime.date | None = Field(description="入园日期")
    above_scale: bool = Field(description="是否规模以上（最近一年主营业务收入2000万元及以上）")


class ProjectOut(Schema):
    id: int = Field(description="项目编号")
    name: str = Field(description="项目名称")
    investor: str = Field(description="投资方")
    park: str = Field(description="所在园区")
    industry: str = Field(description="产业集群")
    kind: str = Field(description="建设性质（新建、续建等）")
    stage: str = Field(description="项目阶段代码：signed、pending、building、producing、halted")
    stage_label: str = Field(description="项目阶段名称")
    planned_investment: Decimal | None = Field(description="计划总投资（万元）")
    land_mu: Decimal | None = Field(description="用地（亩）")
    arrived: Decimal = Field(description="到位资金（万元）：给出 year 时为该年，否则为累计")
    major: bool = Field(description="是否亿元以上项目")


class IndicatorOut(Schema):
    id: int = Field(description="指标编号")
    name: str = Field(description="指标名称")
    unit: str = Field(description="单位")
    year: int = Field(description="年份")
    target: Decimal | None = Field(description="目标")
    actual: Decimal | None = Field(description="实绩")
    growth: Decimal | None = Field(description="比上年增长（%），由实绩计算；上年无实绩时为空")
    achievement: Decimal | None = Field(description="完成率（%），实绩除以目标")


def _page_of(schema: type[Schema], what: str) -> type[Schema]:
    return type(
        f"{schema.__name__[:-3]}PageOut",
        (Schema,),
        {
            "__annotations__": {
                "total": int,
                "page": int,
                "per_page": int,
                "num_pages": int,
                "results": list[schema],
            },
            "total": Field(description=f"符合条件的{what}数"),
            "page": Field(description="页码"),
            "per_page": Field(description="每页条数"),
            "num_pages": Field(description="总页数"),
            "results": Field(description=f"本页的{what}"),
        },
    )


PAGE = Field(1, ge=1, le=MAX_PAGE, description=f"页码，从 1 开始，最大 {MAX_PAGE}；每页 {PER_PAGE} 条")
PARK = Field("", description="按园区筛选：园区编号（GET /api/v1/parks 的 id）")
INDUSTRY = Field("", description="按产业集群筛选：产业集群编号")
YEAR = Field("", description="按年份筛选：四位数字")


class ParkParams(Schema):
    industry: str = INDUSTRY
    page: int = PAGE


class EnterpriseParams(Schema):
    park: str = PARK
    industry: str = INDUSTRY
    year: str = Field("", description="按入园年份筛选：四位数字")
    page: int = PAGE


class ProjectParams(Schema):
    park: str = PARK
    industry: str = INDUSTRY
    stage: str = Field(
        "",
        description="按项目阶段筛选：signed（签约）、pending（待建）、building（在建）、producing（投产）、halted（中止）",
    )
    year: str = Field("", description="按资金到位年份筛选：四位数字；到位资金 arrived 随之为该年的金额")
    page: int = PAGE


class IndicatorParams(Schema):
    year: str = YEAR
    page: int = PAGE


def answer(
    response: HttpResponse,
    params: Schema,
    records: Callable[[public.Filters], QuerySet | list],
    row: Callable[[Any, public.Filters], dict[str, Any]],
):
    """One page of ``records(filters)`` as ``row`` shows each, or a 400 naming each filter not understood.

    Only the page's records are read (a queryset is counted and sliced by the database).
    """
    query = params.model_dump()
    page = query.pop("page")
    filters = public.Filters.from_query(query)
    if filters.errors:
        errors = [{"param": name, "message": message} for name, message in filters.errors.items()]
        return Status(400, {"detail": _("筛选参数有误"), "errors": errors})
    items = records(filters)
    total = items.count() if isinstance(items, QuerySet) else len(items)
    start = (page - 1) * PER_PAGE
    response["Cache-Control"] = CACHE_CONTROL
    return {
        "total": total,
        "page": page,
        "per_page": PER_PAGE,
        "num_pages": max(1, math.ceil(total / PER_PAGE)),
        "results": [row(item, filters) for item in items[start : start + PER_PAGE]],
    }


@router.get(
    "/parks",
    response={200: _page_of(ParkOut, "园区"), 400: ErrorOut, 422: ErrorOut},
    url_name="investment_parks",
    summary="园区",
    description="园区及其面积、已征用土地、可供土地和基础设施，按名称排序。可按产业集群筛选。",
)
def parks(request: HttpRequest, response: HttpResponse, params: Query[ParkParams]):
    return answer(response, params, public.parks, lambda park, filters: public.park_row(park))


@router.get(
    "/enterprises",
    response={200: _page_of(EnterpriseOut, "企业"), 400: ErrorOut, 422: ErrorOut},
    url_name="investment_enterprises",
    summary="入园企业",
    description="入园企业名录，只含公开字段（名称、园区、产业、入园日期、是否规模以上），按名称排序。",
)
def enterprises(request: HttpRequest, response: HttpResponse, params: Query[EnterpriseParams]):
    return answer(response, params, public.enterprises, lambda enterprise, filters: public.enterprise_row(enterprise))


@router.get(
    "/projects",
    response={200: _page_of(ProjectOut, "项目"), 400: ErrorOut, 422: ErrorOut},
    url_name="investment_projects",
    summary="重点项目",
    description="已签约的招商项目及其阶段和到位资金（洽谈中的项目不公开），按名称排序。",
)
def projects(request: HttpRequest, response: HttpResponse, params: Query[ProjectParams]):
    return answer(response, params, public.projects, lambda project, filters: public.project_row(project, filters.year))


@router.get(
    "/indicators",
    response={200: _page_of(IndicatorOut, "指标年度数据"), 400: ErrorOut, 422: ErrorOut},
    url_name="investment_indicators",
    summary="经济指标",
    description="开发区经济指标的年度目标与实绩，每个指标每年一条；增长率和完成率由系统计算。",
)
def indicators(request: HttpRequest, response: HttpResponse, params: Query[IndicatorParams]):
    return answer(response, params, public.indicator_rows, lambda row, filters: row)
