"""The policy library's place in the column tree: a routable page under 政务公开.

    /zhengwu/zhengce/                 the library: filters, sorting, counts
    /zhengwu/zhengce/<id>/            one document with its metadata table

A library page may be limited to some categories (the 招商网's 优惠政策 shows
开发区优惠政策 and 税务政策 only); a document's own address is on the first
unlimited library of the main site (:meth:`PolicyLibraryPage.canonical`).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site

from zoneportal.portal.models import SectionPage

from .models import PolicyCategory


class PolicyLibraryPage(RoutablePageMixin, SectionPage):
    """政策法规库页: the published documents of the library, each at ``<id>/`` below it."""

    categories = ParentalManyToManyField(
        PolicyCategory,
        verbose_name=_("只显示这些分类"),
        blank=True,
        help_text=_("留空则显示全部分类的文件"),
    )

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro"), FieldPanel("categories")]
    parent_page_types = ["portal.ColumnPage", "portal.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("政策法规库页")
        verbose_name_plural = _("政策法规库页")

    @classmethod
    def canonical(cls) -> PolicyLibraryPage | None:
        """The library documents link to: the first live, public, unlimited one on the default site, else any."""
        pages = list(cls.objects.live().public().order_by("path").prefetch_related("categories"))
        if not pages:
            return None
        default = Site.objects.filter(is_default_site=True).select_related("root_page").first()

        def rank(page: PolicyLibraryPage) -> tuple[bool, bool]:
            on_default = default is not None and page.path.startswith(default.root_page.path)
            return (not on_default, bool(page.categories.all()))

        return min(pages, key=rank)

    def document_url(self, policy, request: HttpRequest | None = None) -> str | None:
        """The address of ``policy`` below this page (None while the page has none)."""
        base = self.get_url(request)
        return f"{base}{policy.pk}/" if base else None

    @path("")
    def index(self, request: HttpRequest):
        from . import views

        return views.library(request, self)

    @path("<int:pk>/")
    def document(self, request: HttpRequest, pk: int):
        from . import views

        return views.document(request, self, pk)
