"""Wagtail's default workflow and groups go only while untouched (``zoneportal.core.wagtail_defaults``)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Task, Workflow, WorkflowPage

from zoneportal.core.wagtail_defaults import remove_wagtail_defaults

pytestmark = pytest.mark.django_db


def test_a_fresh_database_has_the_defaults_and_they_are_removed():
    root = Page.get_first_root_node()
    workflow = Workflow.objects.get(name="Moderators approval")
    assert WorkflowPage.objects.filter(page=root, workflow=workflow).exists()
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2

    assert sorted(remove_wagtail_defaults()) == ["Editors", "Moderators", "Moderators approval"]

    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert not WorkflowPage.objects.filter(page=root).exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert remove_wagtail_defaults() == []  # a second run finds nothing


def test_groups_and_workflows_a_site_uses_are_kept():
    moderators = Group.objects.get(name="Moderators")
    get_user_model().objects.create_user("moderator", password="x").groups.add(moderators)
    home = Page.get_first_root_node().get_children().first()
    WorkflowPage.objects.create(page=home, workflow=Workflow.objects.get(name="Moderators approval"))

    assert remove_wagtail_defaults() == ["Editors"]

    assert Workflow.objects.filter(name="Moderators approval").exists()
    assert GroupApprovalTask.objects.filter(name="Moderators approval").exists()
    assert Group.objects.filter(name="Moderators").exists()


def test_the_test_zone_has_only_the_projects_workflows(zone):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert zone.home.get_workflow() is None
