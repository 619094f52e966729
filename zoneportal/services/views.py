"""The public 办事指南 pages, served by :class:`~zoneportal.services.pages.ServiceIndexPage`'s routes.

Everything is readable and downloadable without an account. Pages render in the
column's layout (breadcrumbs, side navigation) and are kept by the page cache
until an item, journey or topic changes (``signals.py``); downloads are
streamed, which the page cache never stores.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zoneportal.core.models import Department
from zoneportal.portal.paging import page_of

from .flowchart import flow_svg
from .journeys import NO, YES, journey_plan
from .models import Journey, JourneyStage, Material, ServiceItem, ServiceTopic
from .pages import JOURNEYS_ROUTE, ServiceIndexPage

#: Longest text of the list's own search box.
MAX_FILTER_LENGTH = 50
PER_PAGE = 20


def _respond(request: HttpRequest, page: ServiceIndexPage, template: str, context: dict) -> TemplateResponse:
    """Render a route of the page; ``services_url`` (ending in ``/``) is where the addresses start."""
    base = page.get_url(request)
    context = {"services_url": base, "journeys_url": f"{base}{JOURNEYS_ROUTE}", **context}
    return page.render(request, template=template, context_overrides=context)


def published_items() -> QuerySet[ServiceItem]:
    """Published items with what lists show of them."""
    return ServiceItem.objects.published().select_related("department")


def _browse_counts(items: QuerySet[ServiceItem]) -> dict:
    """Departments, topics and life events that have published items, each with its number of items."""
    ids = items.values("pk")
    departments = (
        Department.objects.annotate(item_count=Count("service_items", filter=Q(service_items__in=ids)))
        .filter(item_count__gt=0)
        .order_by("sort_order", "pk")
    )  # Meta.ordering is not used with GROUP BY
    topics = (
        ServiceTopic.objects.annotate(
            item_count=Count("items", filter=Q(items__in=ids), distinct=True)
            + Count("event_items", filter=Q(event_items__in=ids), distinct=True)
        )
        .filter(item_count__gt=0)
        .order_by("kind", "sort_order", "pk")
    )
    return {
        "departments": list(departments),
        "topics": [topic for topic in topics if topic.kind == ServiceTopic.Kind.TOPIC],
        "life_events": [topic for topic in topics if topic.kind == ServiceTopic.Kind.LIFE_EVENT],
    }


@require_safe
def item_list(request: HttpRequest, page: ServiceIndexPage) -> HttpResponse:
    """The items, filtered by ``?department=&topic=&event=&kind=&q=``; values that name nothing are dropped."""
    everything = published_items()
    browse = _browse_counts(everything)
    department = next((d for d in browse["departments"] if d.slug == request.GET.get("department")), None)
    topic = next((t for t in browse["topics"] if t.slug == request.GET.get("topic")), None)
    event = next((t for t in browse["life_events"] if t.slug == request.GET.get("event")), None)
    kind = request.GET.get("kind") if request.GET.get("kind") in ServiceItem.Kind.values else ""
    query = " ".join((request.GET.get("q") or "").split())[:MAX_FILTER_LENGTH]
    items = everything
    if department is not None:
        items = items.filter(department=department)
    if topic is not None:
        items = items.filter(topics=topic)
    if event is not None:
        items = items.filter(life_events=event)
    if kind:
        items = items.filter(kind=kind)
    if query:
        items = items.matching(query)
    listed = page_of(Paginator(items, PER_PAGE), request)
    return _respond(
        request,
        page,
        "services/service_index_page.html",
        {
            **browse,
            "items": listed,
            "kinds": ServiceItem.Kind.choices,
            "selected_department": department,
            "selected_topic": topic,
            "selected_event": event,
            "selected_kind": kind,
            "services_query": query,
            "filtered": bool(department or topic or event or kind or query),
            "max_filter_length": MAX_FILTER_LENGTH,
            "journeys": Journey.objects.filter(published=True),
        },
    )


def _item(item_id: int) -> ServiceItem:
    """A published item with everything its pages show, or 404."""
    items = (
        published_items()
        .select_related("approver")
        .prefetch_related("materials", "steps", "faqs", "topics", "life_events")
    )
    return get_object_or_404(items, pk=item_id)


def _item_context(item: ServiceItem) -> dict:
    steps = list(item.steps.all())
    return {
        "item": item,
        "materials": list(item.materials.all()),
        "steps": steps,
        "flow_chart": flow_svg(steps, _("%(name)s办理流程图") % {"name": item.name}, f"flow-{item.pk}"),
        "breadcrumb_title": item.name,
        "blank": Material.BLANK,
        "sample": Material.SAMPLE,
    }


@require_safe
def item_detail(request: HttpRequest, page: ServiceIndexPage, item_id: int) -> HttpResponse:
    """An item: basis, conditions, materials with downloads, steps and flow chart, limits, fees, contact, FAQ."""
    return _respond(request, page, "services/service_item.html", _item_context(_item(item_id)))


@require_safe
def item_checklist(request: HttpRequest, page: ServiceIndexPage, item_id: int) -> HttpResponse:
    """一次性告知: on one printed page, everything to bring and know for one visit."""
    return _respond(request, page, "services/service_checklist.html", _item_context(_item(item_id)))


@require_safe
def item_print(request: HttpRequest, page: ServiceIndexPage, item_id: int) -> HttpResponse:
    """The whole item on paper: no navigation, the flow chart and every field."""
    context = {**_item_context(_item(item_id)), "page": page, "services_url": page.get_url(request)}
    return TemplateResponse(request, "services/service_print.html", context)


@require_safe
def material_download(
    request: HttpRequest, page: ServiceIndexPage, item_id: int, material_id: int, which: str
) -> HttpResponse:
    """A material's blank form or sample, as an attachment named after the material; 404 unless published."""
    if which not in (Material.BLANK, Material.SAMPLE):
        raise Http404
    material = get_object_or_404(Material, pk=material_id, item_id=item_id, item__published=True)
    stored = material.file(which)
    if not stored or not stored.storage.exists(stored.name):
        raise Http404(_("这份文件暂未提供"))
    return FileResponse(stored.open("rb"), as_attachment=True, filename=material.download_name(which))


@require_safe
def journey_list(request: HttpRequest, page: ServiceIndexPage) -> HttpResponse:
    """一件事一次办: the published journeys with their items in order."""
    stages = Prefetch(
        "stages", queryset=JourneyStage.objects.filter(item__published=True).select_related("item"), to_attr="listed"
    )
    journeys = Journey.objects.filter(published=True).select_related("department").prefetch_related(stages)
    return _respond(
        request,
        page,
        "services/journey_list.html",
        {"journeys": journeys, "breadcrumb_title": _("一件事一次办")},
    )


@require_safe
def journey_detail(request: HttpRequest, page: ServiceIndexPage, slug: str) -> HttpResponse:
    """A journey: its questions as a GET form, then its items in order, those not needed set apart."""
    journey = get_object_or_404(Journey.objects.filter(published=True), slug=slug)
    answered, stages = journey_plan(journey, request.GET)
    return _respond(
        request,
        page,
        "services/journey_detail.html",
        {
            "journey": journey,
            "answered": answered,
            "any_answer": any(entry.answer is not None for entry in answered),
            "stages": stages,
            "needed_count": sum(stage.needed for stage in stages),
            "yes": YES,
            "no": NO,
            "breadcrumb_title": journey.title,
        },
    )
