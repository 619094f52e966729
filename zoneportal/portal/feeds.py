"""RSS feed per column (栏目订阅)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class ColumnFeed(Feed):
    """The newest 30 articles of one column, as RSS 2.0."""

    feed_type = Rss201rev2Feed

    def __init__(self, column):
        super().__init__()
        self.column = column

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        site_name = self.column.get_site().site_name or ""
        return f"{self.column.title} - {site_name}".strip(" -")

    def link(self) -> str:
        return self.column.get_url(request=self.request)

    def description(self) -> str:
        return self.column.search_description or self.column.title

    def items(self):
        return self.column.articles()[:30]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary or item.search_description

    def item_link(self, item) -> str:
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.publish_at

    def item_author_name(self, item) -> str:
        return item.author or item.content_source
