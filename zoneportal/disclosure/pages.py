"""信息公开's place in the column tree: one page under 政务公开 serving the guide, the catalogue,
the annual reports and disclosure on request, with the views in :mod:`zoneportal.disclosure.views`::

    /zhengwu/xinxigongkai/                    公开指南 (the page's editable body) and the ways in
    /zhengwu/xinxigongkai/mulu/               公开目录: the 政务公开 columns with counts and newest items
    /zhengwu/xinxigongkai/mulu/<id>/          one category of the catalogue, paged
    /zhengwu/xinxigongkai/nianbao/            年度报告 of each published year
    /zhengwu/xinxigongkai/nianbao/<year>/     one year's report: narrative and the statistics table
    /zhengwu/xinxigongkai/shenqing/           file a request (依申请公开)
    /zhengwu/xinxigongkai/huizhi/             the receipt: tracking number and query code, shown once
    /zhengwu/xinxigongkai/chaxun/             look a request up by number and code
    /zhengwu/xinxigongkai/chaxun/<number>/    its timeline, deadline and answer (and the correction asked for)
    /zhengwu/xinxigongkai/chaxun/<number>/wenjian/<id>/   a file sent with the answer

The form, receipt, look-up and status carry a CSRF token or a person's own request, and a
report's table follows the requests: none of those is kept by the page cache.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from zoneportal.portal.models import BodyStreamBlock, SectionPage


class DisclosureIndexPage(RoutablePageMixin, SectionPage):
    """信息公开: the disclosure guide, catalogue, annual reports, and requests for information."""

    guide = StreamField(BodyStreamBlock(), verbose_name=_("公开指南"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro"), FieldPanel("guide")]
    search_fields = SectionPage.search_fields + [index.SearchField("guide")]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("信息公开页")
        verbose_name_plural = _("信息公开页")

    @path("")
    def index(self, request: HttpRequest):
        from . import views

        return views.guide(request, self)

    @path("mulu/")
    def catalogue(self, request: HttpRequest):
        from . import views

        return views.catalogue(request, self)

    @path("mulu/<int:column_id>/")
    def category(self, request: HttpRequest, column_id: int):
        from . import views

        return views.category(request, self, column_id)

    @path("nianbao/")
    def reports(self, request: HttpRequest):
        from . import views

        return views.report_list(request, self)

    @path("nianbao/<int:year>/")
    def report(self, request: HttpRequest, year: int):
        from . import views

        return views.report(request, self, year)

    @path("shenqing/")
    def apply(self, request: HttpRequest):
        from . import views

        return views.apply(request, self)

    @path("huizhi/")
    def receipt(self, request: HttpRequest):
        from . import views

        return views.receipt(request, self)

    @path("chaxun/")
    def lookup(self, request: HttpRequest):
        from . import views

        return views.lookup(request, self)

    @re_path(r"^chaxun/(?P<number>[A-Za-z0-9-]{1,30})/$")
    def status(self, request: HttpRequest, number: str):
        from . import views

        return views.status(request, self, number)

    @re_path(r"^chaxun/(?P<number>[A-Za-z0-9-]{1,30})/wenjian/(?P<file_id>[0-9]{1,12})/$")
    def status_file(self, request: HttpRequest, number: str, file_id: str):
        from . import views

        return views.status_file(request, self, number, int(file_id))
