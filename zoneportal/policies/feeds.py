"""RSS of the library's newest documents: all of them (``rss/``) or one category's (``fenlei/<code>/rss/``)."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .library import documents_of
from .models import Policy, PolicyCategory

#: Documents per feed.
FEED_ITEMS = 30
SUMMARY_CHARS = 200


class PolicyFeed(Feed):
    """The newest published documents of one library page, as RSS 2.0."""

    feed_type = Rss201rev2Feed

    def __init__(self, page, category_code: str | None = None) -> None:
        super().__init__()
        self.page = page
        self.category_code = category_code

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.request = request
        categories = list(self.page.categories.all())
        self.category = None
        if self.category_code is not None:
            self.category = get_object_or_404(PolicyCategory, code=self.category_code)
            if categories and self.category not in categories:
                raise Http404(_("本栏目不收录这个分类的文件"))
            categories = [self.category]
        self.documents = documents_of(categories)
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        site_name = self.page.get_site().site_name or ""
        parts = [self.page.title, self.category.name if self.category else "", site_name]
        return " - ".join(part for part in parts if part)

    def link(self) -> str:
        base = self.page.get_url(request=self.request)
        return f"{base}fenlei/{self.category.code}/" if self.category else base

    def description(self) -> str:
        return self.page.search_description or _("%(title)s的最新政策文件") % {"title": self.page.title}

    def items(self):
        return self.documents.select_related("category").order_by("-issued_on", "-id")[:FEED_ITEMS]

    def item_title(self, item: Policy) -> str:
        return f"{item.title}（{item.doc_number}）" if item.doc_number else item.title

    def item_description(self, item: Policy) -> str:
        return Truncator(" ".join(strip_tags(item.body).split())).chars(SUMMARY_CHARS)

    def item_link(self, item: Policy) -> str:
        return self.page.document_url(item, self.request)

    def item_pubdate(self, item: Policy) -> datetime | None:
        return item.issued_at

    def item_categories(self, item: Policy) -> list[str]:
        return [item.category.name]
