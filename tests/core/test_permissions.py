"""Departments own their columns: checked through the real admin views, as real users.

Page actions another department's user may not take are answered with a 403
page in Chinese (``assert_page_denied``; the project wraps Wagtail's page
views for that). Images and documents still use Wagtail's own refusal — a
redirect to the dashboard with an error message — so ``assert_denied``
accepts a 403 or that redirect. Either way the form is not served and
nothing changes.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageLogEntry, WorkflowPage

from tests.utils import add_article_url, admin_form, assert_denied, assert_page_denied, edit_url, logged_in_client
from zoneportal.core.models import Department
from zoneportal.core.ownership import COLUMN_PERMISSIONS, OFFICE_REVIEWERS_GROUP
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db


# ----------------------------------------------------------------------------
# Provisioning: what Department.objects.create sets up


def test_department_provisions_groups_collection_and_workflow(zone):
    department = Department.objects.create(name="国土建设分局", slug="land")
    assert department.editors_group.name == "国土建设分局编辑"
    assert department.heads_group.name == "国土建设分局负责人"
    assert department.collection.name == "国土建设分局"
    tasks = [task.specific for task in department.workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert len(tasks) == 2
    assert list(tasks[0].groups.all()) == [department.heads_group]
    assert OFFICE_REVIEWERS_GROUP in {group.name for group in tasks[1].groups.all()}
    for group in (department.editors_group, department.heads_group):
        assert group.permissions.filter(codename="access_admin").exists()


def test_saving_a_department_again_creates_nothing_new(zone):
    department = zone.departments["finance"]
    counts = (Group.objects.count(), department.workflow.workflow_tasks.count())
    department.summary = "负责开发区财政收支"
    department.save()
    department.save()
    assert (Group.objects.count(), department.workflow.workflow_tasks.count()) == counts


def test_assign_column_grants_edit_but_never_publish(zone):
    column = zone.columns["investment"]
    editors = zone.departments["invest"].editors_group
    granted = set(
        GroupPagePermission.objects.filter(group=editors, page=column).values_list("permission__codename", flat=True)
    )
    assert granted == set(COLUMN_PERMISSIONS)
    assert "publish_page" not in granted
    assert WorkflowPage.objects.get(page=column).workflow == zone.departments["invest"].workflow


# ----------------------------------------------------------------------------
# Another department's column and articles


@pytest.mark.parametrize("target", ["column", "article"])
def test_editor_cannot_open_another_departments_edit_view(zone, target):
    page = zone.columns["finance"] if target == "column" else zone.articles["finance1"]
    client = logged_in_client(zone.users["invest_editor"])
    response = client.get(edit_url(page))
    assert response.status_code != 200
    assert_page_denied(response)


@pytest.mark.parametrize("target", ["column", "article"])
def test_editor_cannot_post_to_another_departments_edit_view(zone, target):
    page = zone.columns["finance"] if target == "column" else zone.articles["finance1"]
    # The form exactly as the owner would post it, with a changed title.
    data = admin_form(logged_in_client(zone.users["finance_editor"]).get(edit_url(page)))
    data["title"] = "被其他部门篡改的标题"
    revisions_before = page.revisions.count()

    client = logged_in_client(zone.users["invest_editor"])
    for action in ({}, {"action-publish": "action-publish"}, {"action-submit": "action-submit"}):
        response = client.post(edit_url(page), {**data.dict(), **action})
        assert_page_denied(response)

    page.refresh_from_db()
    assert page.title != "被其他部门篡改的标题"
    assert page.revisions.count() == revisions_before
    assert page.get_latest_revision_as_object().title != "被其他部门篡改的标题"


def test_editor_cannot_add_an_article_to_another_departments_column(zone):
    column = zone.columns["finance"]
    client = logged_in_client(zone.users["invest_editor"])
    assert_page_denied(client.get(add_article_url(column)))
    before = ArticlePage.objects.count()
    response = client.post(add_article_url(column), {"title": "越权新增", "slug": "intrude", "body": "{}"})
    assert_page_denied(response)
    assert ArticlePage.objects.count() == before


def test_editor_cannot_delete_or_move_another_departments_article(zone):
    article = zone.articles["finance1"]
    client = logged_in_client(zone.users["invest_editor"])
    assert_page_denied(client.post(reverse("wagtailadmin_pages:delete", args=(article.pk,))))
    assert_page_denied(
        client.post(reverse("wagtailadmin_pages:move_confirm", args=(article.pk, zone.columns["investment"].pk)))
    )
    article.refresh_from_db()
    assert article.get_parent().pk == zone.columns["finance"].pk


def test_editor_cannot_edit_another_departments_documents_and_images(zone):
    client = logged_in_client(zone.users["invest_editor"])
    document = zone.documents["finance_pdf"]
    image = zone.images["finance"]
    assert_denied(client.get(reverse("wagtaildocs:edit", args=(document.pk,))))
    assert_denied(client.post(reverse("wagtaildocs:edit", args=(document.pk,)), {"title": "篡改"}))
    assert_denied(client.get(reverse("wagtailimages:edit", args=(image.pk,))))
    document.refresh_from_db()
    assert document.title == "财政预算公开表"
    # Nor does the other department's file show up in their document list.
    listing = client.get(reverse("wagtaildocs:index"))
    assert listing.status_code == 200
    assert "财政预算公开表" not in listing.content.decode()


def test_head_of_one_department_cannot_edit_another(zone):
    client = logged_in_client(zone.users["finance_head"])
    assert_page_denied(client.get(edit_url(zone.articles["invest1"])))


# ----------------------------------------------------------------------------
# Their own column


def test_editor_can_open_their_own_articles(zone):
    client = logged_in_client(zone.users["invest_editor"])
    response = client.get(edit_url(zone.articles["invest1"]))
    assert response.status_code == 200
    assert admin_form(response)["title"] == zone.articles["invest1"].title


def test_editor_is_not_offered_publish(zone):
    client = logged_in_client(zone.users["invest_editor"])
    response = client.get(edit_url(zone.articles["invest1"]))
    body = response.content.decode()
    assert 'name="action-publish"' not in body
    assert 'name="action-submit"' in body


def test_editor_cannot_publish_even_by_posting_the_publish_action(zone):
    article = zone.articles["invest1"]
    client = logged_in_client(zone.users["invest_editor"])
    data = admin_form(client.get(edit_url(article)))
    data["title"] = "编辑私自发布的标题"
    client.post(edit_url(article), {**data.dict(), "action-publish": "action-publish"})
    article.refresh_from_db()
    assert article.title == "2014年开发区招商引资项目一览"  # the live version is untouched
    assert not PageLogEntry.objects.filter(
        page=article, action="wagtail.publish", user=zone.users["invest_editor"]
    ).exists()


def test_editor_cannot_delete_a_live_article_of_their_own(zone):
    """Taking a page down is publishing too: only reviewers may, editors cannot."""
    article = zone.articles["invest1"]
    client = logged_in_client(zone.users["invest_editor"])
    assert_page_denied(client.post(reverse("wagtailadmin_pages:delete", args=(article.pk,))))
    assert Page.objects.filter(pk=article.pk, live=True).exists()


def test_editor_cannot_unpublish(zone):
    article = zone.articles["invest1"]
    client = logged_in_client(zone.users["invest_editor"])
    assert_page_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,))))
    article.refresh_from_db()
    assert article.live


# ----------------------------------------------------------------------------
# A sub-column handed to another department is that department's alone


@pytest.mark.parametrize("user", ["office_editor", "office_head"])
@pytest.mark.parametrize("target", ["column", "article"])
def test_owner_of_the_parent_column_cannot_edit_a_sub_column_handed_to_another_department(zone, user, target):
    # 开发区动态 is the office's; its sub-column 招商引资 was handed to 招商发展分局.
    page = zone.columns["investment"] if target == "column" else zone.articles["invest1"]
    client = logged_in_client(zone.users[user])
    assert_page_denied(client.get(edit_url(page)))
    data = admin_form(logged_in_client(zone.users["invest_editor"]).get(edit_url(page)))
    data["title"] = "被上级栏目部门改掉的标题"
    assert_page_denied(client.post(edit_url(page), data.dict()))
    assert page.get_latest_revision_as_object().title != "被上级栏目部门改掉的标题"


def test_owner_of_the_parent_column_cannot_add_delete_or_move_in_a_sub_column_of_another(zone):
    client = logged_in_client(zone.users["office_editor"])
    assert_page_denied(client.get(add_article_url(zone.columns["investment"])))
    article = zone.articles["invest1"]
    assert_page_denied(client.get(reverse("wagtailadmin_pages:delete", args=(article.pk,))))
    assert_page_denied(client.get(reverse("wagtailadmin_pages:move", args=(article.pk,))))


def test_owner_of_the_parent_column_still_edits_the_parent_and_its_own_sub_pages(zone):
    client = logged_in_client(zone.users["office_editor"])
    assert client.get(edit_url(zone.columns["dynamics"])).status_code == 200
    assert client.get(add_article_url(zone.columns["dynamics"])).status_code == 200
    # And the sub-column's own department edits it as before.
    assert logged_in_client(zone.users["invest_editor"]).get(edit_url(zone.columns["investment"])).status_code == 200


def test_office_reviewers_get_their_permissions_on_a_site_added_after_the_departments(zone):
    from wagtail.models import Site

    from tests.factories import add_page
    from zoneportal.portal.models import ColumnPage

    talent_root = add_page(Page.get_first_root_node(), ColumnPage(title="人才网", slug="talent-root"))
    Site.objects.create(hostname="talent.localhost", port=80, root_page=talent_root)
    reviewers = Group.objects.get(name=OFFICE_REVIEWERS_GROUP)
    granted = set(
        GroupPagePermission.objects.filter(group=reviewers, page=talent_root).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert talent_root.permissions_for_user(zone.users["reviewer"]).can_publish()


def test_a_column_the_editor_may_not_see_answers_403_not_an_empty_list(zone):
    client = logged_in_client(zone.users["invest_editor"])
    assert_page_denied(client.get(reverse("wagtailadmin_explore", args=(zone.columns["finance"].pk,))))
    # Their own column lists its articles.
    own = client.get(reverse("wagtailadmin_explore", args=(zone.columns["investment"].pk,)))
    assert own.status_code == 200 and "重点项目签约仪式举行" in own.content.decode()


def test_owner_of_the_parent_column_cannot_bulk_delete_or_move_in_a_sub_column_of_another(zone):
    client = logged_in_client(zone.users["office_editor"])
    article = Page.objects.get(pk=zone.articles["invest1"].pk)
    article.unpublish()  # editors may delete drafts; the bulk action must still refuse another department's
    delete = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={article.pk}"
    assert_page_denied(client.post(delete))
    assert Page.objects.filter(pk=article.pk).exists()
    move = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move")) + f"?id={article.pk}"
    assert_page_denied(client.post(move, {"chooser": zone.columns["dynamics"].pk}))
    assert Page.objects.get(pk=article.pk).get_parent().pk == zone.columns["investment"].pk
