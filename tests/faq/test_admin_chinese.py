"""The back-office screens of 便民问答 and 意见征集 are in Chinese (the sweep of tests/core, on these views)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.core.test_admin_chinese import data_words, english_words
from tests.factories import add_page
from tests.utils import logged_in_client
from zoneportal.consultations.models import ConsultationComment, ConsultationPage
from zoneportal.faq.models import FaqEntry, FaqTopic

pytestmark = pytest.mark.django_db


def views(faq, comment) -> list[tuple[str, str]]:
    entry = FaqEntry.snippet_viewset
    topic = FaqTopic.snippet_viewset
    comments = ConsultationComment.snippet_viewset
    interaction = faq.page.get_parent()
    return [
        ("问答列表", reverse(entry.get_url_name("list"))),
        ("添加问答", reverse(entry.get_url_name("add"))),
        ("编辑问答", reverse(entry.get_url_name("edit"), args=(faq.invest_entry.pk,))),
        ("问答主题", reverse(topic.get_url_name("list"))),
        ("意见列表", reverse(comments.get_url_name("list"))),
        ("审核意见", reverse(comments.get_url_name("edit"), args=(comment.pk,))),
        ("编辑便民问答页", reverse("wagtailadmin_pages:edit", args=(faq.page.pk,))),
        (
            "添加意见征集",
            reverse("wagtailadmin_pages:add", args=("consultations", "consultationpage", interaction.pk)),
        ),
    ]


@pytest.mark.parametrize("role", ["admin", "reviewer", "invest_head"])
def test_screens_have_no_english(faq, role):
    now = timezone.now()
    draft = add_page(
        faq.page.get_parent(),
        ConsultationPage(
            title="征求意见稿",
            slug="draft",
            department=faq.zone.departments["invest"],
            summary="说明",
            body="<p>正文</p>",
            opens_at=now,
            closes_at=now + timezone.timedelta(days=3),
        ),
    )
    comment = ConsultationComment.objects.create(page=draft, text="意见")
    client = logged_in_client(faq.zone.users[role])
    allowed = data_words() | set(FaqTopic.objects.values_list("slug", flat=True))  # slugs are data
    for name, url in views(faq, comment):
        response = client.get(url)
        if response.status_code in (302, 403, 404):
            continue  # not this role's screen (the scope itself is tested in test_admin.py)
        assert response.status_code == 200, (name, response.status_code)
        words = english_words(response.content.decode(), allowed)
        assert not words, f"{name} ({role}) shows English: {', '.join(words)}"
