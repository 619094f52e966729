"""The investment records' public face: a routable page placed in the column tree (like the policy library).

    <page>/                    overview: the four tables and what they hold
    <page>/yuanqu/             parks with their figures (area, land acquired, available land, 七通一平)
    <page>/yuanqu/<id>/        a park: functional zones, industries, enterprises and projects in it
    <page>/qiye/               the enterprise directory (public fields only, see ``public.py``)
    <page>/xiangmu/            key projects and their stage
    <page>/xiangmu/<id>/       a project with its progress photos
    <page>/zhibiao/            the zone's economic indicators, charts with their tables
    <page>/<table>/daochu/     the same table as ?format=csv or xlsx, with the same filters

Every table filters by GET (park, industry, stage, year). The pages read the
records on every render and are kept by the page cache until a record changes
(``signals.py`` moves the cache generation on).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from zoneportal.portal.models import SectionPage


class InvestmentDataPage(RoutablePageMixin, SectionPage):
    """招商数据公开页: parks, enterprises, projects and indicators, read from the back office's records."""

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro")]
    parent_page_types = ["portal.ColumnPage", "portal.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("招商数据公开页")
        verbose_name_plural = _("招商数据公开页")

    @classmethod
    def first_live(cls) -> InvestmentDataPage | None:
        """The page records link to: the first live, public one in the tree."""
        return cls.objects.live().public().order_by("path").first()

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The page and its four lists."""
        from . import public

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            urls += [{"location": f"{base}{route}/"} for route in public.TABLES]
        return urls

    @path("")
    def overview(self, request: HttpRequest):
        from . import views

        return views.overview(request, self)

    @path("yuanqu/")
    def parks(self, request: HttpRequest):
        from . import views

        return views.parks(request, self)

    @path("yuanqu/<int:pk>/")
    def park(self, request: HttpRequest, pk: int):
        from . import views

        return views.park(request, self, pk)

    @path("qiye/")
    def enterprises(self, request: HttpRequest):
        from . import views

        return views.enterprises(request, self)

    @path("xiangmu/")
    def projects(self, request: HttpRequest):
        from . import views

        return views.projects(request, self)

    @path("xiangmu/<int:pk>/")
    def project(self, request: HttpRequest, pk: int):
        from . import views

        return views.project(request, self, pk)

    @path("zhibiao/")
    def indicators(self, request: HttpRequest):
        from . import views

        return views.indicators(request, self)

    @path("<str:table>/daochu/")
    def export(self, request: HttpRequest, table: str):
        from . import views

        return views.export(request, self, table)
