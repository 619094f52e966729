"""The letters' place in the column tree: one 领导信箱 page under 互动交流 serving every public letter page.

A routable page, so the pages get readable addresses below the column, the
column's breadcrumbs and side navigation, and the 繁體 view, with the views in
:mod:`zoneportal.letters.views`::

    /hudong/xinxiang/                  choose a mailbox
    /hudong/xinxiang/zhuren/           write to 主任信箱 (any mailbox by its slug)
    /hudong/xinxiang/huizhi/           the receipt: tracking number and query code, shown once
    /hudong/xinxiang/chaxun/           look a letter up by number and code
    /hudong/xinxiang/chaxun/<number>/  its progress, reply, rating and reopening
    /hudong/xinxiang/gongkai/          published letters and replies
    /hudong/xinxiang/gongkai/<number>/ one published letter
    /hudong/xinxiang/xiangsi/?q=       similar published replies (asked by the form as the subject is typed)

None of them is kept by the page cache (every response is ``never_cache``):
they carry a CSRF token, a one-time receipt or a writer's own letter.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from zoneportal.portal.models import SectionPage

#: Words the routes use, which no mailbox may take as its slug.
RESERVED_SLUGS = frozenset({"huizhi", "chaxun", "gongkai", "xiangsi"})


class MailboxIndexPage(RoutablePageMixin, SectionPage):
    """领导信箱: the public side of letters — writing, looking up, and the published replies."""

    notice = models.TextField(
        _("来信须知"),
        blank=True,
        help_text=_("写信页面的须知，每段一行；留空则使用默认须知"),
    )
    per_page = models.PositiveSmallIntegerField(_("公开信件每页条数"), default=10)

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro"), FieldPanel("notice")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("信箱首页")
        verbose_name_plural = _("信箱首页")

    def notice_lines(self) -> list[str]:
        """The 来信须知 as paragraphs (the page's own, else the default)."""
        from .views import DEFAULT_NOTICE

        lines = [line.strip() for line in self.notice.splitlines() if line.strip()]
        return lines or [str(line) for line in DEFAULT_NOTICE]

    @path("")
    def choose(self, request):
        from . import views

        return views.choose_mailbox(request, self)

    @path("huizhi/")
    def receipt(self, request):
        from . import views

        return views.receipt(request, self)

    @path("chaxun/")
    def lookup(self, request):
        from . import views

        return views.lookup(request, self)

    @re_path(r"^chaxun/(?P<number>[A-Za-z0-9-]{1,30})/$")
    def status(self, request, number: str):
        from . import views

        return views.status(request, self, number)

    @path("gongkai/")
    def published(self, request):
        from . import views

        return views.published_list(request, self)

    @re_path(r"^gongkai/(?P<number>[A-Za-z0-9-]{1,30})/$")
    def published_letter(self, request, number: str):
        from . import views

        return views.published_detail(request, self, number)

    @path("xiangsi/")
    def similar(self, request):
        from . import views

        return views.similar(request, self)

    @re_path(r"^(?P<slug>[-a-z0-9]{1,40})/$")
    def write(self, request, slug: str):
        from . import views

        return views.write(request, self, slug)
