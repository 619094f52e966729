"""The policy library's place in the column tree: a routable page under 政务公开.

    /zhengwu/zhengce/                 the library: filters, sorting, counts
    /zhengwu/zhengce/<id>/            one document with its metadata table
    /zhengwu/zhengce/<id>/pdf/        the document as a PDF
    /zhengwu/zhengce/fenlei/<code>/   the documents of one category (and ``rss/`` below it)
    /zhengwu/zhengce/jiguan/<id>/     the documents of one issuing body
    /zhengwu/zhengce/jiedu/<id>/      an interpretation (政策解读)
    /zhengwu/zhengce/rss/             the newest documents as RSS

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

#: The route of an interpretation below the library (``jiedu/<id>/``).
INTERPRETATION_ROUTE = "jiedu/"


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

    def interpretation_url(self, interpretation, request: HttpRequest | None = None) -> str | None:
        """The address of an interpretation below this page."""
        base = self.get_url(request)
        return f"{base}{INTERPRETATION_ROUTE}{interpretation.pk}/" if base else None

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The library, then every document and interpretation it shows."""
        from .library import documents_of
        from .models import PolicyInterpretation

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        documents = documents_of(list(self.categories.all()))
        for pk, updated_at in documents.order_by("pk").values_list("pk", "updated_at"):
            urls.append({"location": f"{base}{pk}/", "lastmod": updated_at})
        interpretations = PolicyInterpretation.objects.filter(live=True, policies__in=documents).distinct()
        for pk, updated_at in interpretations.order_by("pk").values_list("pk", "updated_at"):
            urls.append({"location": f"{base}{INTERPRETATION_ROUTE}{pk}/", "lastmod": updated_at})
        return urls

    @path("")
    def index(self, request: HttpRequest):
        from . import views

        return views.library_list(request, self)

    @path("fenlei/<str:code>/")
    def category(self, request: HttpRequest, code: str):
        from . import views

        return views.category_list(request, self, code)

    @path("jiguan/<int:pk>/")
    def issuer(self, request: HttpRequest, pk: int):
        from . import views

        return views.issuer_list(request, self, pk)

    @path("<int:pk>/")
    def document(self, request: HttpRequest, pk: int):
        from . import views

        return views.document(request, self, pk)

    @path("<int:pk>/pdf/")
    def document_pdf(self, request: HttpRequest, pk: int):
        from . import views

        return views.document_pdf(request, self, pk)

    @path(f"{INTERPRETATION_ROUTE}<int:pk>/")
    def interpretation(self, request: HttpRequest, pk: int):
        from . import views

        return views.interpretation(request, self, pk)

    @path("daochu/")
    def export(self, request: HttpRequest):
        from . import views

        return views.export(request, self)

    @path("rss/")
    def feed(self, request: HttpRequest):
        from .feeds import PolicyFeed

        return PolicyFeed(self)(request)

    @path("fenlei/<str:code>/rss/")
    def category_feed(self, request: HttpRequest, code: str):
        from .feeds import PolicyFeed

        return PolicyFeed(self, category_code=code)(request)
