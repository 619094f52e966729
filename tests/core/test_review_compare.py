"""The reviewer's 与上一个版本进行比较 compares with the previous submission, not an autosave."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.core.test_review import submit_new_article, workflow_action
from tests.utils import admin_form, edit_url, logged_in_client, soup

pytestmark = pytest.mark.django_db


def compare_link(dashboard, page_id: int) -> tuple[int, int]:
    """The (from, to) revision ids of the dashboard's "compare with previous" link for the page."""
    prefix = reverse("wagtailadmin_pages:revisions_compare", args=(page_id, 0, 0)).split("/0...0/")[0]
    for link in soup(dashboard).find_all("a", href=True):
        match = re.fullmatch(re.escape(prefix) + r"/(\d+)\.\.\.(\d+)/", link["href"])
        if match:
            return int(match.group(1)), int(match.group(2))
    raise AssertionError("no 与上一个版本进行比较 link on the dashboard")


def test_resubmission_is_compared_with_the_rejected_submission(zone):
    article = submit_new_article(zone)
    first_submission = article.get_latest_revision()
    assert workflow_action(zone.users["invest_head"], article, "reject", comment="请补充数据来源。").status_code == 302

    # The editor fixes the article; autosaves and a draft save come before the resubmission.
    editor = logged_in_client(zone.users["invest_editor"])
    data = admin_form(editor.get(edit_url(article)))
    data["subtitle"] = "补充了数据来源"
    autosaved = editor.post(edit_url(article), data, HTTP_ACCEPT="application/json").json()
    data["overwrite_revision_id"] = str(autosaved["revision_id"])
    assert editor.post(edit_url(article), data).status_code == 302
    data = admin_form(editor.get(edit_url(article)))
    response = editor.post(edit_url(article), {**data.dict(), "action-submit": "action-submit"})
    assert response.status_code == 302
    article.refresh_from_db()
    resubmitted = article.get_latest_revision()
    before_resubmission = resubmitted.get_previous()
    assert before_resubmission.pk != first_submission.pk  # Wagtail's "previous" is the draft save

    dashboard = logged_in_client(zone.users["invest_head"]).get(reverse("wagtailadmin_home"))
    assert compare_link(dashboard, article.pk) == (first_submission.pk, resubmitted.pk)
