"""``manage.py load_demo``: a believable zone from ``demo/content``, idempotent, rebuildable.

The demo is loaded once for this module inside a transaction that is rolled
back at the end (loading takes a while); every test runs in its own savepoint.
"""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, PageLogEntry, Revision, Site, Task, Workflow

from tests.utils import wagtail_i18n_queries
from zoneportal.core.models import Department, Leader
from zoneportal.core.ownership import OFFICE_REVIEWERS_GROUP
from zoneportal.portal.models import ArticlePage, ColumnPage, HomePage

HOSTS = ("localhost", "invest.localhost", "talent.localhost")
MODELS = (Page, Revision, Image, Document, Site, Department, Leader, Group, Collection, Workflow, Task)


def load_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    result = {model.__name__: model.objects.count() for model in MODELS}
    result["User"] = get_user_model().objects.count()
    return result


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded into an empty database (only Wagtail's initial page and site)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            assert not HomePage.objects.exists(), "the database is not empty"
            yield {"output": load_demo()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


pytestmark = pytest.mark.django_db


def site_client(host: str) -> Client:
    return Client(HTTP_HOST=host)


def test_loads_into_an_empty_database_and_prints_the_accounts(demo):
    output = demo["output"]
    assert "admin" in output and "office_reviewer" in output
    assert "密码" in output


def test_every_progress_step_ends_at_its_total(demo):
    """The progress line of each step counts exactly what the step said it would (``[10/23] … 15/15``)."""
    steps = re.findall(r"^\[(\d+)/(\d+)\] (.+) (\d+)/(\d+)$", demo["output"], flags=re.MULTILINE)
    assert steps, demo["output"][:500]
    assert len(steps) == int(steps[0][1])
    assert [(label, done) for _, _, label, done, total in steps if done != total] == []


def test_has_enough_content(demo):
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() >= 60
    assert pages.filter(live=True).count() >= 60
    assert Image.objects.count() >= 20
    assert Document.objects.count() >= 10
    assert ArticlePage.objects.live().count() >= 20


def test_the_five_reports_are_published_as_full_articles(demo):
    from zoneportal.demo.content.reports import REPORTS

    assert len(REPORTS) == 5
    for spec in REPORTS:
        article = ArticlePage.objects.live().get(slug=spec.key)
        assert len(article.body) > 1200, spec.title  # a whole article, not a stub
        assert article.body.count("<h2>") >= 3, spec.title  # in several sections


def test_department_functions_are_lists_of_duties(demo):
    for department in Department.objects.all():
        assert department.functions.count("<li>") >= 4, department.name


def test_only_the_projects_own_workflows_and_groups_remain(demo):
    """Wagtail's "Moderators approval" (on the root, so on every home page) and its two groups are gone."""
    from wagtail.models import WorkflowPage

    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert set(Workflow.objects.all()) == {department.workflow for department in Department.objects.all()}
    assert not WorkflowPage.objects.filter(page__depth__lte=2).exists()
    for title in ("政务公开", "开发区动态"):
        workflow = ColumnPage.objects.get(title=title).get_workflow()
        assert workflow is None or workflow.name != "Moderators approval", title
    for home in HomePage.objects.all():
        assert home.get_workflow() is None, home.title


def test_column_tree_covers_the_product(demo):
    main_root = Site.objects.get(hostname="localhost").root_page
    columns = ColumnPage.objects.live().descendant_of(main_root)
    titles = set(columns.values_list("title", flat=True))
    disclosure = columns.get(title="政务公开")
    disclosure_children = set(disclosure.get_children().live().values_list("title", flat=True))
    for title in (
        "开发区概况",
        "机构设置",
        "部门职能",
        "政策法规",
        "办公地点",
        "领导班子",
        "政策解读",
        "工作目标",
        "便民问答",
    ):
        assert title in disclosure_children, title
    for title in ("公告与通知", "新闻快递", "信息精选", "热点专题"):
        assert title in titles, title
    for title in ("招商引资", "企业服务", "高新发展", "劳动人事", "规划建设", "党群生活"):
        assert title in titles, title
    assert Page.objects.live().descendant_of(main_root).filter(title="多媒体展厅").exists()


def test_three_sites_each_serve_their_own_home(demo):
    sites = {site.hostname: site for site in Site.objects.all()}
    assert set(HOSTS) <= set(sites)
    assert sites["localhost"].is_default_site
    titles = set()
    for host in HOSTS:
        root = sites[host].root_page
        for address in (host, f"{host}:{sites[host].port}"):
            response = site_client(address).get("/")
            assert response.status_code == 200, address
            assert root.title in response.content.decode(), address
        titles.add(root.title)
    assert len(titles) == 3


def test_sites_share_departments_documents_and_images(demo):
    roots = [Site.objects.get(hostname=host).root_page for host in HOSTS]
    assert len({root.pk for root in roots}) == 3
    # One set of departments serves every site: a sub-site's pages name them too.
    assert Department.objects.count() >= 5
    assert Collection.objects.filter(name="招商发展分局").count() == 1


def test_demo_accounts_exist_for_every_role(demo):
    from zoneportal.demo.builder import DEMO_PASSWORD

    users = get_user_model().objects
    admin = users.get(username="admin")
    assert admin.is_superuser
    reviewers = Group.objects.get(name=OFFICE_REVIEWERS_GROUP).user_set.all()
    assert reviewers.exists()
    for department in Department.objects.all():
        assert department.editors_group.user_set.exists(), department.name
        assert department.heads_group.user_set.exists(), department.name
    # Each demo account logs in with the printed password.
    for user in [admin, reviewers.first(), *(d.editors_group.user_set.first() for d in Department.objects.all())]:
        assert Client().login(username=user.username, password=DEMO_PASSWORD), user.username


def test_every_department_owns_a_column_with_its_review(demo):
    from wagtail.models import WorkflowPage

    for department in Department.objects.all():
        assert department.workflow.workflow_tasks.count() == 2, department.name
        owned = WorkflowPage.objects.filter(workflow=department.workflow)
        assert owned.exists(), f"{department.name} owns no column"


def test_every_page_type_of_every_site_renders(demo):
    """One live page of each page type on each site (all of them would only repeat the templates)."""
    failures, seen = [], set()
    for site in Site.objects.all():
        client = site_client(site.hostname)
        for page in site.root_page.get_descendants(inclusive=True).live().order_by("path"):
            if (site.pk, page.content_type_id) in seen:
                continue
            seen.add((site.pk, page.content_type_id))
            path = page.get_url_parts()[2]
            response = client.get(path)
            if response.status_code != 200:
                failures.append((site.hostname, path, response.status_code))
    assert len(seen) >= 10
    assert not failures, failures


def test_traditional_demo_home_renders(demo):
    response = site_client("localhost").get("/zh-hant/")
    assert response.status_code == 200
    assert "來鳳" in response.content.decode()


@pytest.mark.parametrize("which", ["home", "column", "article"])
def test_demo_pages_need_at_most_20_queries_uncached(demo, settings, django_assert_max_num_queries, which):
    settings.PAGE_CACHE_SECONDS = 0
    root = Site.objects.get(hostname="localhost").root_page
    if which == "home":
        url = "/"
    elif which == "column":
        url = ColumnPage.objects.live().descendant_of(root).get(title="新闻快递").url
    else:
        url = ArticlePage.objects.live().descendant_of(root).order_by("-publish_at").first().url
    client = site_client("localhost")
    assert client.get(url).status_code == 200  # renditions are made once
    cache.clear()
    with django_assert_max_num_queries(20 + wagtail_i18n_queries()):
        assert client.get(url).status_code == 200


def test_second_run_changes_nothing(demo):
    before = counts()
    log_entries = PageLogEntry.objects.count()
    output = load_demo()
    assert counts() == before
    assert PageLogEntry.objects.count() == log_entries
    assert "已经加载" in output or "已加载" in output


def test_reset_rebuilds_the_demo(demo):
    before = counts()
    home = Site.objects.get(hostname="localhost").root_page
    article = ArticlePage.objects.live().first()
    ArticlePage.objects.filter(pk=article.pk).update(title="被改坏的标题")
    Image.objects.first().delete()

    load_demo("--reset")

    after = counts()
    for name in ("Page", "Image", "Document", "Site", "Department", "Leader", "Collection", "Workflow"):
        assert after[name] == before[name], name
    assert not ArticlePage.objects.filter(title="被改坏的标题").exists()
    new_home = Site.objects.get(hostname="localhost").root_page
    assert new_home.pk != home.pk  # really rebuilt, not patched
    assert site_client("localhost").get("/").status_code == 200


def test_the_demo_is_searchable_with_every_kind_of_content(demo):
    """load_demo ends with the site search index built: news, notices, policies, interpretations, guides, FAQ."""
    from collections import Counter

    from zoneportal.search.models import SearchDocument

    indexed = Counter(SearchDocument.objects.values_list("type", flat=True))
    for kind in ColumnPage.ContentKind.values:
        assert indexed[kind] >= 4, kind


def test_policies_carry_document_properties(demo):
    """The policy columns are library pages; their documents carry what a disclosure page shows."""
    from zoneportal.policies.models import Policy, PolicyInterpretation, PolicyLibraryPage

    libraries = {page.slug: page for page in PolicyLibraryPage.objects.live().prefetch_related("categories")}
    assert set(libraries) == {"zhengce", "youhuizhengce", "rencaizhengce"}
    assert not libraries["zhengce"].categories.all()  # the main site's shows every category
    assert {category.name for category in libraries["rencaizhengce"].categories.all()} == {"劳动人事与人才"}
    policies = Policy.objects.public().filter(is_demo=True)
    assert policies.count() >= 10
    assert not policies.filter(issuers=None).exists()
    assert not policies.filter(issued_on=None).exists()
    assert policies.exclude(index_number="").count() == policies.count()
    # Document numbers the zone's material quotes are kept as it writes them.
    assert policies.filter(doc_number="鄂体改[2001]127号").exists()
    assert policies.filter(doc_number="州机编发[2006]35号").exists()
    assert set(policies.values_list("validity", flat=True)) == set(ArticlePage.Validity.values)
    assert not policies.filter(validity=ArticlePage.Validity.AMENDED, replaced_by=None).exists()
    graphic = PolicyInterpretation.objects.get(kind=PolicyInterpretation.Kind.GRAPHIC, is_demo=True)
    assert graphic.image is not None and graphic.policies.exists()
    # The policy articles' texts are the library's documents now, not pages as well.
    assert not ArticlePage.objects.filter(slug__in=["youhui-zhengce", "sheli-pifu", "tal-rencai-zhengce"]).exists()


def test_labelled_queries_meet_the_quality_targets(demo):
    """tests/search/queries.json over the demo, scored by bench/search_quality.py's own functions.

    The same test runs on SQLite and on PostgreSQL in CI, so both stores must
    find what the visitors of the labelled set are looking for.
    """
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from search_quality import QUERIES, load_queries, our_search, resolve_expectations, run_queries

    queries = load_queries(QUERIES, [])
    resolve_expectations(queries)
    outcomes = run_queries(queries, our_search)
    recall = sum(outcome.recall for outcome in outcomes) / len(outcomes)
    mrr = sum(outcome.reciprocal_rank for outcome in outcomes) / len(outcomes)
    assert len(queries) >= 100
    assert not [outcome.error for outcome in outcomes if outcome.error]
    assert recall >= 0.95 and mrr >= 0.85, (recall, mrr)


def test_the_demo_letters_are_in_every_state_and_half_are_published(demo):
    """领导信箱: five mailboxes, forty generated letters in every state, a lively public list, the home entry."""
    from zoneportal.letters.models import Letter, Mailbox
    from zoneportal.search.models import SearchDocument

    load_demo()  # a second run adds nothing
    assert Mailbox.objects.count() == 5 and Letter.objects.count() == 40
    assert set(Letter.objects.values_list("status", flat=True)) == set(Letter.Status.values)
    assert Letter.objects.filter(held_for_review=True).exists() and Letter.objects.filter(merged_into__isnull=False)
    published = Letter.objects.published()
    assert published.count() >= 15
    assert SearchDocument.objects.filter(type="reply").count() == published.count()
    client = site_client("localhost")
    home = client.get("/").content.decode()
    assert 'href="/hudong/xinxiang/zhuren/"' in home  # 我要写信 opens the 主任信箱 form
    listing = client.get("/hudong/xinxiang/gongkai/")
    assert listing.status_code == 200 and published.order_by("-replied_at").first().tracking_number in listing.text


def test_the_interaction_column_names_and_lists_its_parts_surveys_among_them(demo):
    """互动交流 › 民意调查 is a page of the tree (slug diaocha), in the order the column's intro names the parts."""
    from zoneportal.search.models import SearchDocument
    from zoneportal.surveys.pages import SurveyIndexPage

    root = Site.objects.get(hostname="localhost").root_page
    column = ColumnPage.objects.child_of(root).get(slug="hudong")
    parts = ["领导信箱", "便民问答", "民意调查", "意见征集", "整改台账"]
    assert list(column.get_children().live().values_list("title", flat=True)) == parts
    assert "、".join(parts) in column.intro and "<a" not in column.intro  # no hard-coded links
    survey_page = SurveyIndexPage.objects.get()
    assert survey_page.live and survey_page.get_parent().pk == column.pk and survey_page.slug == "diaocha"
    client = site_client("localhost")
    sub_columns = client.get("/hudong/").content.decode()
    assert 'href="/hudong/diaocha/"' in sub_columns
    listing = client.get("/hudong/diaocha/").content.decode()
    assert 'href="/hudong/diaocha/wangzhan-yijian/"' in listing and "治庸问责" in listing
    urls = set(SearchDocument.objects.filter(type="survey").values_list("url", flat=True))
    assert urls == {"/hudong/diaocha/wangzhan-yijian/", "/hudong/diaocha/zhiyong-wenze-wenjuan/"}


def test_investment_data_page_and_overview_pages_read_the_records(demo):
    """招商数据 sits under 政务公开; the 2014 list, 2015 results and 2020 targets are read from the records."""
    from zoneportal.investment.models import InvestmentDataPage

    page = InvestmentDataPage.objects.live().get()
    url = "/zhengwu/zhaoshangshuju/"
    assert page.get_parent().title == "政务公开" and page.full_url.endswith(url)
    client = site_client("localhost")
    parks = client.get(f"{url}yuanqu/").content.decode()
    assert "桂花树工业园" in parks and "七通一平" in parks
    assert "金凤" in client.get(f"{url}qiye/").content.decode()
    list_2014 = client.get("/zhengwu/gaikuang/fazhanzhuangkuang/zhaoshang-2014/").content.decode()
    assert 'class="investment-block"' in list_2014
    assert "49100" in list_2014 and "35000" in list_2014  # arrived (summed from the projects) and the task
    goals = client.get("/zhengwu/gongzuomubiao/").content.decode()
    assert "2020年主要经济目标" in goals and 'class="investment-block"' in goals
