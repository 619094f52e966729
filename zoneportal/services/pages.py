"""办事指南's place in the column tree: one routable page serving every public service page.

Below a column (办事服务 › 办事指南, ``/banshi/zhinan/`` in the demo), so the items get
readable addresses, the column's breadcrumbs and side navigation, the sitemap and
the 繁體 view; the views are in :mod:`zoneportal.services.views`::

    /banshi/zhinan/                              items, browsed by department, topic, life event, words
    /banshi/zhinan/<id>/                         an item: everything, the flow chart, downloads
    /banshi/zhinan/<id>/checklist/               一次性告知: the one-page checklist to print
    /banshi/zhinan/<id>/print/                   the item on paper
    /banshi/zhinan/<id>/xiazai/<material>/<blank|sample>/   a blank form or a filled sample
    /banshi/zhinan/yijianshi/                    一件事 journeys
    /banshi/zhinan/yijianshi/<slug>/             a journey with its questions (a GET form)
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site

from zoneportal.portal.models import SectionPage

JOURNEYS_ROUTE = "yijianshi/"


class ServiceIndexPage(RoutablePageMixin, SectionPage):
    """办事指南: the published service items and 一件事 journeys."""

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro")]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("办事指南页")
        verbose_name_plural = _("办事指南页")

    @classmethod
    def serving(cls, request: HttpRequest | None = None) -> ServiceIndexPage | None:
        """The live, public 办事指南 page items link to: the one on the request's site, else the first one."""
        pages = list(cls.objects.live().public().order_by("path"))
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            for page in pages:
                if page.path.startswith(site.root_page.path):
                    return page
        return pages[0] if pages else None

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The list, the journeys, then every published item and journey."""
        from .models import Journey, ServiceItem

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        urls.append({"location": f"{base}{JOURNEYS_ROUTE}"})
        for journey in Journey.objects.filter(published=True).order_by("pk"):
            urls.append({"location": f"{base}{JOURNEYS_ROUTE}{journey.slug}/", "lastmod": journey.updated_at})
        for item in ServiceItem.objects.published().order_by("pk"):
            urls.append({"location": f"{base}{item.pk}/", "lastmod": item.updated_at})
        return urls

    @path("")
    def index(self, request: HttpRequest):
        from . import views

        return views.item_list(request, self)

    @path("<int:item_id>/")
    def item(self, request: HttpRequest, item_id: int):
        from . import views

        return views.item_detail(request, self, item_id)

    @path("<int:item_id>/checklist/")
    def checklist(self, request: HttpRequest, item_id: int):
        from . import views

        return views.item_checklist(request, self, item_id)

    @path("<int:item_id>/print/")
    def printable(self, request: HttpRequest, item_id: int):
        from . import views

        return views.item_print(request, self, item_id)

    @path("<int:item_id>/xiazai/<int:material_id>/<str:which>/")
    def download(self, request: HttpRequest, item_id: int, material_id: int, which: str):
        from . import views

        return views.material_download(request, self, item_id, material_id, which)

    @path(JOURNEYS_ROUTE)
    def journeys(self, request: HttpRequest):
        from . import views

        return views.journey_list(request, self)

    @path(f"{JOURNEYS_ROUTE}<slug:slug>/")
    def journey(self, request: HttpRequest, slug: str):
        from . import views

        return views.journey_detail(request, self, slug)
