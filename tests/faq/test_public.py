"""The public 便民问答 page: filters, entry pages, and 有用/没用 counted once per browser."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from tests.utils import soup, text_of
from zoneportal.faq.models import FaqEntry, FaqVote
from zoneportal.faq.views import VOTER_COOKIE
from zoneportal.portal.page_cache import current_generation

pytestmark = pytest.mark.django_db


def questions(response) -> list[str]:
    return [tag.get_text(strip=True) for tag in soup(response).select(".faq-item__question")]


def test_list_shows_published_entries_only(faq):
    response = Client().get(faq.page.url)
    assert response.status_code == 200
    assert questions(response) == [faq.invest_entry.question, faq.finance_entry.question]
    assert "尚未公开" not in text_of(response)


def test_filter_by_department_topic_and_words(faq):
    client = Client()
    assert questions(client.get(faq.page.url, {"department": "finance"})) == [faq.finance_entry.question]
    assert questions(client.get(faq.page.url, {"topic": "registration"})) == [faq.invest_entry.question]
    assert questions(client.get(faq.page.url, {"q": "营业执照"})) == [faq.invest_entry.question]
    assert questions(client.get(faq.page.url, {"q": "当场受理"})) == [faq.invest_entry.question]  # in the answer
    assert questions(client.get(faq.page.url, {"topic": "land", "department": "invest"})) == []
    # An unknown filter value is dropped, never an error.
    assert len(questions(client.get(faq.page.url, {"department": "nope", "topic": "<x>"}))) == 2
    page = soup(client.get(faq.page.url, {"department": "finance"}))
    assert page.select_one("#faq-department option[selected]")["value"] == "finance"


def test_entry_page_and_unpublished_entry(faq):
    client = Client()
    response = client.get(f"{faq.page.url}{faq.invest_entry.pk}/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == faq.invest_entry.question
    assert "材料齐全的当场受理" in text_of(response)
    assert client.get(f"{faq.page.url}{faq.draft_entry.pk}/").status_code == 404


def vote_url(faq, entry: FaqEntry) -> str:
    return f"{faq.page.url}{entry.pk}/vote/"


def test_vote_counts_once_per_browser(faq):
    client = Client()
    url = vote_url(faq, faq.invest_entry)
    first = client.post(url, {"helpful": "1"}, HTTP_ACCEPT="application/json")
    assert first.status_code == 200
    assert first.json() == {"counted": True, "helpful": 1, "unhelpful": 0, "message": "感谢您的评价！"}
    assert VOTER_COOKIE in first.cookies
    # Reposting, or changing one's mind, from the same browser counts nothing.
    for value in ("1", "1", "0"):
        again = client.post(url, {"helpful": value}, HTTP_ACCEPT="application/json")
        assert again.json()["counted"] is False
    entry = FaqEntry.objects.get(pk=faq.invest_entry.pk)
    assert (entry.helpful_count, entry.unhelpful_count) == (1, 0)
    assert FaqVote.objects.filter(entry=entry).count() == 1
    # Another browser counts, and the other entry is counted apart.
    Client().post(url, {"helpful": "0"}, HTTP_ACCEPT="application/json")
    client.post(vote_url(faq, faq.finance_entry), {"helpful": "1"}, HTTP_ACCEPT="application/json")
    entry.refresh_from_db()
    assert (entry.helpful_count, entry.unhelpful_count) == (1, 1)
    assert FaqEntry.objects.get(pk=faq.finance_entry.pk).helpful_count == 1


def test_vote_without_javascript_thanks_on_the_entry_page(faq):
    client = Client()
    response = client.post(vote_url(faq, faq.invest_entry), {"helpful": "1"})
    assert response.status_code == 303
    assert response["Location"].endswith(f"/{faq.invest_entry.pk}/?voted=1")
    page = client.get(response["Location"])
    assert "感谢您的评价" in text_of(page)
    assert "private" in page["Cache-Control"]
    assert soup(page).select_one("[data-count=helpful]").get_text() == "1"
    again = client.post(vote_url(faq, faq.invest_entry), {"helpful": "1"})
    assert again["Location"].endswith("?voted=0")


@override_settings(FAQ_VOTES_PER_ADDRESS=3)
def test_discarding_the_cookie_is_capped_per_address(faq):
    url = vote_url(faq, faq.invest_entry)
    for _ in range(6):
        Client().post(url, {"helpful": "1"}, HTTP_ACCEPT="application/json")  # a fresh browser each time
    assert FaqEntry.objects.get(pk=faq.invest_entry.pk).helpful_count == 3


@override_settings(FAQ_VOTE_RATE="2/m")
def test_votes_are_rate_limited(faq):
    url = vote_url(faq, faq.invest_entry)
    assert Client().post(url, {"helpful": "1"}, HTTP_ACCEPT="application/json").status_code == 200
    assert Client().post(url, {"helpful": "1"}, HTTP_ACCEPT="application/json").status_code == 200
    refused = Client().post(url, {"helpful": "1"}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert "频繁" in refused.json()["message"]
    assert FaqEntry.objects.get(pk=faq.invest_entry.pk).helpful_count == 2


def test_vote_needs_csrf_post_and_a_value(faq):
    url = vote_url(faq, faq.invest_entry)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url, {"helpful": "1"}).status_code == 403
    assert Client().get(url).status_code == 405
    assert Client().post(url, {"helpful": "2"}).status_code == 400
    assert Client().post(vote_url(faq, faq.draft_entry), {"helpful": "1"}).status_code == 404
    assert FaqVote.objects.count() == 0


def test_editing_an_entry_refreshes_cached_pages_but_a_vote_does_not(faq):
    before = current_generation()
    Client().post(vote_url(faq, faq.invest_entry), {"helpful": "1"})
    assert current_generation() == before  # votes do not empty the page cache
    entry = FaqEntry.objects.get(pk=faq.invest_entry.pk)
    entry.published = False
    entry.save()  # as the back office does
    assert current_generation() != before
