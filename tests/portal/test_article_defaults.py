"""Article defaults in the back office: the editor's department, 发布时间 at publishing, a pinyin address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import rich_text

from tests.factories import shanghai
from tests.utils import add_article_url, admin_form, edit_url, logged_in_client, meta_content, soup, text_of
from zoneportal.portal.models import ArticlePage
from zoneportal.portal.slugs import pinyin_slug

pytestmark = pytest.mark.django_db

TITLE = "开发区召开2025年招商引资推进会议"


def new_article_form(client, column, **fields):
    """The add form of an article as the browser would post it, with ``fields`` filled in."""
    data = admin_form(client.get(add_article_url(column)))
    data["title"] = TITLE
    data["summary"] = "部署全年招商工作"
    data["body"] = rich_text("<p>会议部署全年招商引资工作。</p>")
    for key, value in fields.items():
        data[key] = value
    return data


def post(client, url, data, action=None):
    payload = data.dict()
    if action:
        payload[action] = action
    response = client.post(url, payload)
    if response.status_code != 302:
        wrappers = [
            error.find_parent("div", class_="w-field__wrapper") for error in soup(response).select(".error-message")
        ]
        raise AssertionError([wrapper.get("id") if wrapper else "" for wrapper in wrappers])
    return response


def test_a_new_article_starts_with_the_editors_department(zone):
    client = logged_in_client(zone.users["invest_editor"])
    data = admin_form(client.get(add_article_url(zone.columns["investment"])))
    assert data["source_department"] == str(zone.departments["invest"].pk)
    assert data["publish_at"] == ""

    finance = admin_form(logged_in_client(zone.users["finance_head"]).get(add_article_url(zone.columns["finance"])))
    assert finance["source_department"] == str(zone.departments["finance"].pk)


def test_the_department_shows_on_the_public_article(zone, client):
    response = client.get(zone.articles["invest1"].url)
    assert "来源： 招商发展分局" in text_of(response)


def test_publish_time_is_the_moment_of_publishing(zone, client):
    admin = logged_in_client(zone.users["admin"])
    column = zone.columns["investment"]
    post(admin, add_article_url(column), new_article_form(admin, column))
    article = ArticlePage.objects.get(title=TITLE)
    assert article.publish_at is None

    before_publishing = timezone.now()
    post(admin, edit_url(article), admin_form(admin.get(edit_url(article))), "action-publish")
    article.refresh_from_db()
    assert article.live
    assert before_publishing <= article.publish_at <= timezone.now()
    assert article.publish_at == article.first_published_at
    pub_date = meta_content(soup(client.get(article.url)), "PubDate")
    assert pub_date == timezone.localtime(article.publish_at).strftime("%Y-%m-%d %H:%M")

    # The next draft shows the time, and publishing again keeps it.
    data = admin_form(admin.get(edit_url(article)))
    assert data["publish_at"] == timezone.localtime(article.publish_at).strftime("%Y-%m-%d %H:%M")
    data["summary"] = "修改后的摘要"
    post(admin, edit_url(article), data, "action-publish")
    republished = ArticlePage.objects.get(pk=article.pk)
    assert abs(republished.publish_at - article.publish_at) < timedelta(minutes=1)


def test_a_publish_time_the_editor_sets_is_kept(zone):
    admin = logged_in_client(zone.users["admin"])
    column = zone.columns["investment"]
    data = new_article_form(admin, column, publish_at="2024-03-01 09:30")
    post(admin, add_article_url(column), data, "action-publish")
    assert ArticlePage.objects.get(title=TITLE).publish_at == shanghai(2024, 3, 1, 9, 30)


def test_the_address_is_short_pinyin_of_the_title(zone):
    assert pinyin_slug(TITLE) == "kaifaqu-zhaokai-2025-nian-zhaoshangyinzi-tuijin-huiyi"
    long_title = "关于开展2024年度安全生产检查的通知暨做好冬季消防安全工作和节假日值班安排的紧急通知"
    assert len(pinyin_slug(long_title)) <= 60
    assert not pinyin_slug(long_title).endswith("-")

    editor = logged_in_client(zone.users["invest_editor"])
    column = zone.columns["investment"]
    # Wagtail's own script fills the slug with the Chinese title; the server spells it in pinyin.
    post(editor, add_article_url(column), new_article_form(editor, column, slug=TITLE))
    assert ArticlePage.objects.get(title=TITLE).slug == "kaifaqu-zhaokai-2025-nian-zhaoshangyinzi-tuijin-huiyi"
    # A second article of the same title gets its own address.
    post(editor, add_article_url(column), new_article_form(editor, column, slug=""))
    slugs = sorted(ArticlePage.objects.filter(title=TITLE).values_list("slug", flat=True))
    assert slugs == ["kaifaqu-zhaokai-2025-nian-zhaoshangyinzi-tuijin-huiyi",
                     "kaifaqu-zhaokai-2025-nian-zhaoshangyinzi-tuijin-huiyi-2"]  # fmt: skip


def test_a_typed_address_longer_than_60_is_refused(zone):
    editor = logged_in_client(zone.users["invest_editor"])
    column = zone.columns["investment"]
    response = editor.post(add_article_url(column), new_article_form(editor, column, slug="a" * 61).dict())
    assert response.status_code == 200
    assert "网址最多 60 个字符" in text_of(response)
    assert not ArticlePage.objects.filter(title=TITLE).exists()


def test_a_published_address_is_fixed(zone, django_capture_on_commit_callbacks):
    admin = logged_in_client(zone.users["admin"])
    article = zone.articles["invest1"]
    response = admin.get(edit_url(article))
    slug_input = soup(response).find("input", attrs={"name": "slug"})
    assert slug_input is not None and slug_input.has_attr("disabled")

    data = admin_form(response)
    data["slug"] = "a-new-address"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail sends page_slug_changed on commit
        post(admin, edit_url(article), data, "action-publish")
    article.refresh_from_db()
    assert article.slug == "a-invest1"
    assert not Redirect.objects.exists()


def test_no_redirect_for_an_address_that_was_never_public(zone, django_capture_on_commit_callbacks):
    admin = logged_in_client(zone.users["admin"])
    column = zone.columns["investment"]
    post(admin, add_article_url(column), new_article_form(admin, column, slug="draft-address"))
    article = ArticlePage.objects.get(title=TITLE)
    data = admin_form(admin.get(edit_url(article)))
    data["slug"] = "final-address"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post(admin, edit_url(article), data, "action-publish")
    assert callbacks, "publishing under a new slug sends page_slug_changed on commit"
    article.refresh_from_db()
    assert article.live and article.slug == "final-address"
    assert not Redirect.objects.exists()


def test_a_published_columns_new_address_still_redirects(zone, django_capture_on_commit_callbacks):
    # Columns may be renamed; their old public address must keep working.
    admin = logged_in_client(zone.users["admin"])
    column = zone.columns["services"]
    data = admin_form(admin.get(edit_url(column)))
    data["slug"] = "enterprise-services"
    with django_capture_on_commit_callbacks(execute=True):
        post(admin, edit_url(column), data, "action-publish")
    redirects = dict(Redirect.objects.values_list("old_path", "redirect_page_id"))
    assert redirects["/dynamics/services"] == column.pk
    assert redirects["/dynamics/services/a-service1"] == zone.articles["service1"].pk


def test_a_draft_without_publish_time_previews(zone):
    admin = logged_in_client(zone.users["admin"])
    column = zone.columns["investment"]
    post(admin, add_article_url(column), new_article_form(admin, column))
    article = ArticlePage.objects.get(title=TITLE)
    response = admin.get(reverse("wagtailadmin_pages:view_draft", args=(article.pk,)))
    assert response.status_code == 200
    assert TITLE in text_of(response)


def test_until_published_the_address_follows_the_title(zone):
    editor = logged_in_client(zone.users["invest_editor"])
    column = zone.columns["investment"]
    # What an autosave after the first words leaves behind.
    post(editor, add_article_url(column), new_article_form(editor, column, title="开发区召开", slug=""))
    article = ArticlePage.objects.get(title="开发区召开")
    assert article.slug == "kaifaqu-zhaokai"
    data = admin_form(editor.get(edit_url(article)))
    data["title"] = TITLE
    post(editor, edit_url(article), data)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.slug == "kaifaqu-zhaokai-2025-nian-zhaoshangyinzi-tuijin-huiyi"

    # An address the editor typed stays.
    data = admin_form(editor.get(edit_url(article)))
    data["slug"] = "touzi-tuijinhui"
    post(editor, edit_url(article), data)
    data = admin_form(editor.get(edit_url(article)))
    data["title"] = "开发区召开2025年投资推进会议"
    post(editor, edit_url(article), data)
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().slug == "touzi-tuijinhui"
