"""The self-inspection's SQL does not grow with the number of pages: inline rows are read per batch, not per page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_page, make_document, shanghai
from tests.inspection.files import docx_bytes
from zoneportal.inspection.site import inspect_site
from zoneportal.portal.models import ArticleAttachment, ArticlePage

pytestmark = pytest.mark.django_db

WHEN = shanghai(2024, 5, 10)


def add_articles(zone, count: int, start: int, document) -> None:
    """``count`` articles, each with an attachment, a related page, a page link and a typed link."""
    news = zone.columns["news"]
    for number in range(start, start + count):
        page = ArticlePage(
            title=f"规模测试{number}",
            slug=f"scale-{number}",
            body=f'<p><a linktype="page" id="{news.pk}">新闻</a><a href="/news/">新闻</a>请按装软件。</p>',
            publish_at=shanghai(2024, 5, 1),
        )
        page.attachments = [ArticleAttachment(document=document, title="附件")]
        add_page(news, page)


def inspection_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        inspect_site(WHEN)
    return len(queries)


def test_queries_do_not_grow_with_the_pages(zone):
    document = make_document("附件", content=docx_bytes("附件正文"), filename="scale.docx")
    add_articles(zone, 2, 0, document)
    inspection_queries()  # the first run fills the caches every run shares (content types, sites)
    few = inspection_queries()
    add_articles(zone, 12, 2, document)
    many = inspection_queries()
    # Twelve more pages with inline rows, read in the same batch: not one query more.
    assert many <= few, f"{few} queries for 2 articles, {many} for 14"
