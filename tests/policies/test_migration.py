"""Migration 0003: policy articles become library documents, nothing lost; their old addresses redirect."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from wagtail.contrib.redirects.models import Redirect

from tests.factories import add_page, shanghai
from zoneportal.policies.models import Policy, PolicyCategory, PolicyLibraryPage
from zoneportal.portal.models import ArticleAttachment, ArticlePage, ColumnPage

pytestmark = pytest.mark.django_db
move_policy_articles = importlib.import_module(
    "zoneportal.policies.migrations.0003_move_policy_articles"
).move_policy_articles


@pytest.fixture
def policy_column(zone):
    invest = zone.departments["invest"]
    column = add_page(
        zone.columns["disclosure"],
        ColumnPage(title="政策文件", slug="wenjian", department=invest, content_kind=ColumnPage.ContentKind.POLICY),
    )
    article = ArticlePage(
        title="来凤经济开发区招商引资优惠政策",
        slug="youhui",
        publish_at=shanghai(2015, 3, 12, 23, 30),  # late evening in Beijing: the date is Beijing's
        source_department=invest,
        body="<p>税收地方留成部分以返代免。</p>",
        tables=[
            (
                "table",
                {
                    "data": [["项目", "优惠"], ["企业所得税", "免二减三"]],
                    "first_row_is_table_header": True,
                    "table_caption": "优惠一览",
                },
            )
        ],
        doc_number="来开管发〔2015〕3号",
        issuer="来凤经济开发区管理委员会、来凤县人民政府",
        policy_category="优惠政策汇编",
        validity=ArticlePage.Validity.AMENDED,
    )
    article = add_page(column, article)
    ArticleAttachment.objects.create(
        page=article, document=zone.documents["notice_pdf"], title="政策全文", sort_order=0
    )
    twin = add_page(
        column,
        ArticlePage(
            title="优惠政策摘编",
            slug="zhaibian",
            publish_at=shanghai(2015, 3, 13),
            body="<p>摘编。</p>",
            doc_number="来开管发〔2015〕3号",
            policy_category="开发区优惠政策",
        ),
    )
    news = add_page(zone.columns["news"], ArticlePage(title="一条新闻", slug="xinwen", body="<p>新闻</p>"))
    return column, ArticlePage.objects.get(pk=article.pk), twin, news


def test_every_field_arrives_and_the_article_stays_as_a_draft(policy_column, zone):
    _column, article, twin, news = policy_column
    move_policy_articles(apps, None)

    policy = Policy.objects.get(legacy_page_id=article.pk)
    assert policy.title == article.title
    assert policy.doc_number == "来开管发〔2015〕3号"
    assert [issuer.name for issuer in policy.issuers.order_by("name")] == ["来凤县人民政府", "来凤经济开发区管理委员会"]
    assert policy.category.name == "优惠政策汇编" and policy.category.code == "11"  # after the ten defaults
    assert policy.validity == "amended"
    assert policy.issued_on == date(2015, 3, 12)
    assert policy.department == zone.departments["invest"]
    assert "税收地方留成部分以返代免" in policy.body
    assert "<caption>优惠一览</caption>" in policy.body and "<th>企业所得税</th>" not in policy.body
    assert "<th>项目</th>" in policy.body and "<td>免二减三</td>" in policy.body
    assert [(a.document_id, a.title) for a in policy.attachments.all()] == [
        (zone.documents["notice_pdf"].pk, "政策全文")
    ]
    assert policy.index_number.endswith("-11-2015-00001") and policy.live

    moved = ArticlePage.objects.get(pk=article.pk)
    assert not moved.live and moved.has_unpublished_changes
    assert moved.revisions.count() == article.revisions.count()  # kept as a draft: nothing lost
    assert ArticlePage.objects.get(pk=news.pk).live  # another kind of column is left alone
    assert not Policy.objects.filter(legacy_page_id=news.pk).exists()

    # The second article quoting the same 文号 keeps it in its text; the category existed and is reused.
    second = Policy.objects.get(legacy_page_id=twin.pk)
    assert second.doc_number == "" and "来开管发〔2015〕3号" in second.body
    assert second.category == PolicyCategory.objects.get(code="01")

    move_policy_articles(apps, None)  # run twice: nothing doubled
    assert Policy.objects.filter(legacy_page_id=article.pk).count() == 1


def test_the_old_address_redirects_to_the_document(policy_column, zone, client):
    _column, article, _twin, _news = policy_column
    library = add_page(zone.columns["disclosure"], PolicyLibraryPage(title="政策法规", slug="zhengce"))
    assert client.get("/zwgk/wenjian/youhui/").status_code == 200
    move_policy_articles(apps, None)
    policy = Policy.objects.get(legacy_page_id=article.pk)
    redirect = Redirect.objects.get(old_path="/zwgk/wenjian/youhui", site=zone.site)
    assert redirect.is_permanent and redirect.redirect_link == f"/policies/{policy.pk}/"
    response = client.get("/zwgk/wenjian/youhui/")
    assert response.status_code == 301 and response["Location"] == f"/policies/{policy.pk}/"
    response = client.get(response["Location"])
    assert response["Location"] == f"/zwgk/zhengce/{policy.pk}/"
    assert library.title in client.get(response["Location"]).content.decode()
