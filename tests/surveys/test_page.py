"""民意调查 as a page of the column tree: navigation, moving and renaming, other sites, the page cache, search."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Page, Site

from tests.factories import add_page
from tests.utils import logged_in_client, soup
from zoneportal.portal.models import ColumnPage, HomePage
from zoneportal.search.models import SearchDocument
from zoneportal.surveys.models import Survey
from zoneportal.surveys.pages import SurveyIndexPage
from zoneportal.surveys.search import all_entries, entries_for

from .conftest import valid_answers

pytestmark = pytest.mark.django_db

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def crumbs(response) -> list[tuple[str, str | None]]:
    """当前位置 as (text, link) pairs; the last one is the current page (no link)."""
    items = soup(response).select("nav.breadcrumbs li")
    return [(item.get_text(strip=True), item.a["href"] if item.a else None) for item in items]


def side_nav(response) -> dict[str, tuple[str, str | None]]:
    """The side navigation's links: title → (address, aria-current)."""
    links = soup(response).select("nav.section-nav ul a")
    return {link.get_text(strip=True): (link["href"], link.get("aria-current")) for link in links}


def publish(page: Page) -> None:
    page.save_revision().publish()


def test_the_interaction_column_lists_surveys_among_its_sub_columns(client, survey_page):
    response = client.get("/hudong/")
    assert response.status_code == 200
    sub_columns = {link.get_text(strip=True): link["href"] for link in soup(response).select("nav.sub-columns a")}
    assert sub_columns["民意调查"] == "/hudong/diaocha/"
    assert side_nav(response)["民意调查"] == ("/hudong/diaocha/", None)


def test_the_survey_pages_have_the_column_layout(client, survey, survey_page):
    survey.results_published = True
    survey.save()
    for path, last in (
        ("/hudong/diaocha/", "民意调查"),
        ("/hudong/diaocha/kaocha/", "作风建设问卷"),
        ("/hudong/diaocha/kaocha/jieguo/", "作风建设问卷：调查结果"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        # The left navigation of 互动交流, with 民意调查 marked as where the visitor is.
        assert side_nav(response)["民意调查"] == ("/hudong/diaocha/", "page"), path
        trail = crumbs(response)
        assert trail[:2] == [("首页", "/"), ("互动交流", "/hudong/")], path
        assert trail[-1] == (last, None), path
        if path != "/hudong/diaocha/":
            assert trail[2] == ("民意调查", "/hudong/diaocha/"), path  # back to the list
    client.post("/hudong/diaocha/kaocha/", valid_answers(survey))
    thanks = client.get("/hudong/diaocha/kaocha/xiexie/")
    assert crumbs(thanks)[-2:] == [("民意调查", "/hudong/diaocha/"), ("作风建设问卷", None)]
    assert "民意调查" in side_nav(thanks)


def test_the_list_shows_the_pages_title_and_intro(client, survey, survey_page):
    survey_page.title = "问卷调查"
    survey_page.intro = "<p>请企业和群众参与。</p>"
    publish(survey_page)
    page = soup(client.get("/hudong/diaocha/"))
    assert page.h1.get_text() == "问卷调查" and "请企业和群众参与。" in page.select_one(".intro").get_text()
    assert page.title.get_text().startswith("问卷调查 - ")
    assert page.find("a", string="作风建设问卷")["href"] == "/hudong/diaocha/kaocha/"


def test_a_column_takes_one_survey_page(zone, interaction):
    assert not SurveyIndexPage.can_create_at(interaction)  # it has one already
    assert SurveyIndexPage.can_create_at(zone.columns["disclosure"])
    assert not SurveyIndexPage.can_create_at(zone.columns["news"])  # a news column holds articles only
    assert not SurveyIndexPage.can_create_at(zone.home)


def test_editors_edit_and_add_the_page_in_the_back_office(zone, survey_page):
    admin = logged_in_client(zone.users["admin"])
    assert admin.get(reverse("wagtailadmin_pages:edit", args=[survey_page.pk])).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["surveys", "surveyindexpage", zone.columns["disclosure"].pk])
    assert admin.get(add).status_code == 200


def test_renamed_and_moved_the_addresses_follow(client, zone, survey, survey_page):
    survey_page.slug = "minyi"
    publish(survey_page)
    assert survey.get_absolute_url() == "/hudong/minyi/kaocha/"
    assert client.get("/hudong/diaocha/kaocha/").status_code == 404
    response = client.post("/hudong/minyi/kaocha/", valid_answers(survey))
    assert response.status_code == 302 and response["Location"] == "/hudong/minyi/kaocha/xiexie/"
    assert "提交成功" in client.get(response["Location"]).content.decode()

    survey_page.move(zone.columns["disclosure"], pos="last-child")
    survey.refresh_from_db()
    assert survey.get_absolute_url() == "/zwgk/minyi/kaocha/"
    assert survey.results_url() == "/zwgk/minyi/kaocha/jieguo/"
    (entry,) = entries_for(survey)
    assert entry.url == "/zwgk/minyi/kaocha/"
    listing = soup(Client().get("/zwgk/minyi/"))
    assert listing.find("a", string="作风建设问卷")["href"] == "/zwgk/minyi/kaocha/"
    assert [text for text, _link in crumbs(Client().get("/zwgk/minyi/kaocha/"))][1:3] == ["政务公开", "民意调查"]


def test_without_a_live_survey_page_there_are_no_public_survey_pages(client, survey, survey_page):
    survey.results_published = True
    survey.save()
    survey_page.unpublish()
    for path in ("/hudong/diaocha/", "/hudong/diaocha/kaocha/", "/hudong/diaocha/kaocha/jieguo/"):
        assert client.get(path).status_code == 404, path
    assert client.post("/hudong/diaocha/kaocha/", valid_answers(survey)).status_code == 404
    assert survey.get_absolute_url() is None and survey.results_url() is None
    assert entries_for(survey) == [] and list(all_entries()) == []


def test_on_another_site_the_page_serves_that_site(survey, survey_page):
    home = HomePage(title="招商网", slug="invest-home")
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    other = Site.objects.create(hostname="invest.localhost", port=80, root_page=home, site_name="招商网")
    column = add_page(home, ColumnPage(title="互动", slug="hudong", column_type=ColumnPage.ColumnType.INTERACTION))
    survey_page.move(column, pos="last-child")

    visitor = Client(HTTP_HOST="invest.localhost")
    listing = visitor.get("/hudong/diaocha/")
    assert listing.status_code == 200
    assert soup(listing).find("a", string="作风建设问卷")["href"] == "/hudong/diaocha/kaocha/"
    assert visitor.get("/hudong/diaocha/kaocha/").status_code == 200
    assert Client().get("/hudong/diaocha/kaocha/").status_code == 404  # not on the main site any more
    # Seen from elsewhere (the back office, e-mails) a survey's address names its site.
    assert survey.get_absolute_url() == "http://invest.localhost/hudong/diaocha/kaocha/"
    (entry,) = entries_for(survey)
    assert (entry.site_id, entry.url) == (other.pk, "/hudong/diaocha/kaocha/")


def test_the_form_and_thanks_never_come_from_the_page_cache(survey, settings):
    settings.PAGE_CACHE_SECONDS = 300
    visitor = Client()
    visitor.cookies["zp_survey"] = "t" * 30  # a visitor with a cookie: Django would cache for them otherwise
    first = visitor.get("/hudong/diaocha/kaocha/")
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    Survey.objects.filter(pk=survey.pk).update(title="改过的标题")  # no signal: only a fresh page shows it
    assert "改过的标题" in visitor.get("/hudong/diaocha/kaocha/").content.decode()
    posted = visitor.post("/hudong/diaocha/kaocha/", valid_answers(survey))
    assert posted.status_code == 302 and "no-store" in posted["Cache-Control"]
    thanks = visitor.get(posted["Location"])
    assert "no-store" in thanks["Cache-Control"] and "private" in thanks["Cache-Control"]


def test_the_list_is_cached_until_a_survey_changes(survey, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert "作风建设问卷" in Client().get("/hudong/diaocha/").content.decode()
    Survey.objects.filter(pk=survey.pk).update(title="改过的标题")  # no signal: the cached list stays
    assert "改过的标题" not in Client().get("/hudong/diaocha/").content.decode()
    survey.refresh_from_db()
    survey.save()  # a change in the back office empties the page cache
    assert "改过的标题" in Client().get("/hudong/diaocha/").content.decode()


def test_the_list_and_results_take_no_posts(client, survey):
    survey.results_published = True
    survey.save()
    assert client.post("/hudong/diaocha/").status_code == 405
    assert client.post("/hudong/diaocha/kaocha/jieguo/").status_code == 405
    assert client.post("/hudong/diaocha/kaocha/xiexie/").status_code == 405


def test_the_sitemap_lists_the_page_and_its_surveys(client, survey, survey_page):
    survey.results_published = True
    survey.save()
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in ("/hudong/diaocha/", "/hudong/diaocha/kaocha/", "/hudong/diaocha/kaocha/jieguo/"):
        assert f"<loc>http://localhost{url}</loc>" in sitemap, url


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_search_entries_follow_the_page(survey, survey_page, zone, django_capture_on_commit_callbacks):
    def indexed_url() -> str | None:
        document = SearchDocument.objects.filter(external_id=f"survey:{survey.pk}").first()
        return document.url if document else None

    with django_capture_on_commit_callbacks(execute=True):
        survey.save()
    assert indexed_url() == "/hudong/diaocha/kaocha/"
    with django_capture_on_commit_callbacks(execute=True):
        survey_page.move(zone.columns["disclosure"], pos="last-child")
    assert indexed_url() == "/zwgk/diaocha/kaocha/"
    with django_capture_on_commit_callbacks(execute=True):
        SurveyIndexPage.objects.get(pk=survey_page.pk).unpublish()
    assert indexed_url() is None
    with django_capture_on_commit_callbacks(execute=True):
        publish(SurveyIndexPage.objects.get(pk=survey_page.pk))
    assert indexed_url() == "/zwgk/diaocha/kaocha/"
