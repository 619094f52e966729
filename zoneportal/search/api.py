"""ZonePortal API v1 (django-ninja), mounted at ``/api/v1/``: site search as JSON.

``GET /api/v1/search`` answers what the results page shows; ``GET
/api/v1/search/suggest`` feeds the search boxes as visitors type. The schema
is at ``/api/v1/openapi.json``. Titles and snippets are plain text with the
matched words listed in ``highlights``, so a client never has to trust our
HTML. docs/api.md describes both endpoints.

The interactive docs page (Swagger UI) is only served when ``ninja`` is an
installed app, because only then does django-ninja load Swagger UI from its
own static files; otherwise it would fetch it from a CDN, which an intranet
deployment cannot reach and a government site must not depend on.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any, Literal

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer
from pydantic import field_validator
from wagtail.models import Site

from zoneportal.core.api import ErrorOut
from zoneportal.core.network import over_limit
from zoneportal.portal.templatetags.portal_tags import local_url

from . import engine
from .parameters import FILTERS, MAX_PAGE, MAX_YEAR, MIN_YEAR, RETRY_AFTER_SECONDS, build_request, clean_filters
from .query import clean_query
from .sources import type_choices, type_values

SUGGEST_MAX_AGE = 60
MARKED = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


class ChineseJSONRenderer(JSONRenderer):
    """JSON with Chinese as UTF-8, not ``\\u`` escapes: readable, shorter, and the 繁體 view can convert it."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="ZonePortal API",
    version="1",
    description="开发区门户网站的公开接口：站内搜索与输入提示。只读，无需登录；返回 JSON。",
    urls_namespace="api-v1",
    renderer=ChineseJSONRenderer(),
    docs_url="/docs" if apps.is_installed("ninja") else None,
)


def type_help() -> str:
    """The result types as the API documents them: ``news=新闻，notice=公告，…`` (registered sources included)."""
    return "，".join(f"{value}={label}" for value, label in type_choices())


def describe_types(schema: dict[str, Any]) -> None:
    """The ``type`` parameter's schema, written when the schema is asked for: sources register at start-up."""
    schema["enum"] = ["", *type_values()]
    schema["description"] = f"按类别筛选：{type_help()}"


class SearchParams(Schema):
    """Query parameters of ``GET /search``; an empty value means “not set”."""

    q: str = Field("", description="搜索词：汉字、拼音、拼音首字母、文号或一句话均可；超过 100 个字的部分被忽略")
    type: str = Field("", description="按类别筛选", json_schema_extra=describe_types)
    category: str = Field("", description="按政策分类筛选，如“优惠政策”")
    issuer: str = Field("", description="按发文机关筛选，如“来凤经济开发区管委会”")
    year: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR, description=f"按年份筛选，{MIN_YEAR}–{MAX_YEAR} 的整数")
    validity: str = Field("", description="按有效性筛选：valid=有效，amended=已修订，expired=失效，repealed=废止")
    sort: Literal["relevance", "date"] = Field(
        "relevance", description="排序：relevance=按相关度（默认），date=按日期从新到旧"
    )
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"页码，从 1 开始，最大 {MAX_PAGE}；每页 10 条")
    correct: bool = Field(True, description="是否自动纠正错别字；false 表示按原词搜索")

    @field_validator("type", "sort", "year", "page", "correct", mode="before")
    @classmethod
    def empty_means_default(cls, value: Any, info) -> Any:
        """``?year=`` from a form is “no year”, not an error."""
        if value == "":
            return cls.model_fields[info.field_name].default
        return value

    @field_validator("type")
    @classmethod
    def registered_type(cls, value: str) -> str:
        """One of the result types of the registered sources (checked per request: they register at start-up)."""
        if value and value not in type_values():
            raise ValueError(f"unknown type {value!r}")
        return value


class SuggestParams(Schema):
    q: str = Field("", description="已输入的文字（汉字或拼音前缀）")
    limit: int = Field(8, ge=1, le=20, description="最多返回几条建议，1–20，默认 8")


class FacetOut(Schema):
    value: str = Field(description="筛选参数的取值")
    label: str = Field(description="显示名称")
    count: int = Field(description="结果数")


class HitOut(Schema):
    type: str = Field(description="类别代码")
    type_label: str = Field(description="类别名称，如“政策文件”")
    title: str = Field(description="标题（纯文本）")
    url: str = Field(description="页面地址")
    snippet: str = Field(description="正文摘要（纯文本）")
    highlights: list[str] = Field(description="标题和摘要中命中的词，供客户端自行加亮")
    date: datetime | None = Field(description="发布日期")
    doc_number: str = Field(description="文号")
    external_id: str = Field(description="来源标识，如 page:42")
    category: str = Field(description="政策分类")
    issuer: str = Field(description="发文机关")
    validity: str = Field(description="有效性代码")


class SearchOut(Schema):
    query: str = Field(description="实际使用的搜索词（清理后）")
    corrected_query: str | None = Field(description="纠正错别字后的搜索词；未纠正时为 null")
    reading: str | None = Field(None, description="拼音或拼音首字母读作的汉字（zhaoshang → 招商）；否则为 null")
    total: int = Field(description="结果总数")
    page: int
    per_page: int
    num_pages: int = Field(description="可翻阅的页数：最多 100 页；按相关度排序时，结果很多的查询只列出最新的 500 条")
    facets: dict[str, list[FacetOut]] = Field(
        description="各筛选项的取值与结果数：type、category、issuer、year、validity"
    )
    facets_exact: bool = Field(
        description="false 表示结果过多（超过 500 条），各筛选项的结果数按最新的 500 条统计；total 始终准确"
    )
    results: list[HitOut]


class SuggestOut(Schema):
    query: str
    suggestions: list[str] = Field(description="输入提示：标题、拼音联想和热门搜索词")


def highlighted_words(*fragments: str) -> list[str]:
    """The distinct words the engine wrapped in ``<mark>`` in this hit, in order of appearance."""
    words = (html.unescape(word) for fragment in fragments for word in MARKED.findall(str(fragment)))
    return list(dict.fromkeys(word for word in words if word))


@api.exception_handler(ValidationError)
def explain_bad_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 in Chinese, naming each bad parameter and what it accepts."""
    errors = []
    for error in exc.errors:
        name = str(error.get("loc", ["", "?"])[-1])
        field = SearchParams.model_fields.get(name) or SuggestParams.model_fields.get(name)
        hint = field.description if field and field.description else ""
        errors.append(
            {"param": name, "message": _("参数 %(name)s 的取值无效。%(hint)s") % {"name": name, "hint": hint}}
        )
    return api.create_response(request, {"detail": _("请求参数有误"), "errors": errors}, status=422)


def refused_over_limit(request: HttpRequest, group: str, rate: str) -> HttpResponse | None:
    """A 429 answer when this visitor has gone over ``rate`` for ``group`` (the same budget as the page's)."""
    if not over_limit(request, group, rate):
        return None
    response = api.create_response(request, {"detail": _("请求太频繁，请稍后再试"), "errors": []}, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@api.get(
    "/search",
    response={200: SearchOut, 422: ErrorOut, 429: ErrorOut},
    url_name="search",
    summary="站内搜索",
    description=(
        "按相关度或日期返回当前站点的搜索结果，附各筛选项的结果数。参数取值有误时返回 422；"
        "同一访客请求过于频繁时返回 429，并在 Retry-After 头中给出等待秒数。"
    ),
)
def search(request: HttpRequest, params: Query[SearchParams]) -> dict | HttpResponse:
    if (refused := refused_over_limit(request, "search", settings.SEARCH_RATE)) is not None:
        return refused
    query = clean_query(params.q)
    # Validated above (a bad value is a 422); cleaned as the results page cleans its own.
    filters = clean_filters({name: getattr(params, name) for name in FILTERS})
    response = engine.search(
        build_request(query, Site.find_for_request(request), filters, params.sort, params.page, params.correct)
    )
    return {
        "query": response.query,
        "corrected_query": response.corrected_query,
        "reading": response.reading,
        "total": response.total,
        "page": response.page,
        "per_page": response.per_page,
        "num_pages": response.num_pages,
        "facets_exact": response.facets_exact,
        "facets": {
            name: [{"value": str(v.value), "label": str(v.label), "count": v.count} for v in values]
            for name, values in response.facets.items()
        },
        "results": [
            {
                "type": hit.type,
                "type_label": str(hit.type_label),
                "title": hit.plain_title,
                "url": local_url(hit.url),
                "snippet": hit.plain_snippet,
                "highlights": highlighted_words(hit.title, hit.snippet),
                "date": hit.date,
                "doc_number": hit.doc_number,
                "external_id": hit.external_id,
                "category": hit.category,
                "issuer": hit.issuer,
                "validity": hit.validity,
            }
            for hit in response.results
        ],
    }


@api.get(
    "/search/suggest",
    response={200: SuggestOut, 422: ErrorOut, 429: ErrorOut},
    url_name="search_suggest",
    summary="输入提示",
    description="根据已输入的文字（汉字或拼音）给出搜索建议，用于搜索框的下拉提示。结果可缓存 60 秒。",
)
def suggest(request: HttpRequest, response: HttpResponse, params: Query[SuggestParams]) -> dict | HttpResponse:
    if (refused := refused_over_limit(request, "suggest", settings.SUGGEST_RATE)) is not None:
        return refused
    prefix = clean_query(params.q)
    suggestions = engine.suggest(prefix, Site.find_for_request(request), params.limit) if prefix else []
    # Suggestions change slowly (titles on publish, popular queries over days): the page
    # cache may keep them this long for everyone (it then tells browsers to revalidate).
    response["Cache-Control"] = f"public, max-age={SUGGEST_MAX_AGE}"
    return {"query": prefix, "suggestions": suggestions}


api.add_router("", "zoneportal.letters.api.router")  # 来信: /mailboxes, /letters (docs/api.md)
api.add_router("", "zoneportal.investment.api.router")  # 招商开放数据: /parks, /enterprises, /projects, /indicators

# For ``include("zoneportal.search.api")`` in the project's URLconf (namespace ``api-v1``).
urlpatterns = api.urls[0]
app_name = api.urls_namespace
