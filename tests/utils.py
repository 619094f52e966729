"""Small helpers shared by the tests: parsing pages and driving the admin."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from tests.factories import PASSWORD

CJK = re.compile(r"[\u4e00-\u9fff]")


def soup(response) -> BeautifulSoup:
    """The response body parsed as HTML."""
    return BeautifulSoup(response.content.decode(response.charset or "utf-8"), "html.parser")


def text_of(response) -> str:
    """The visible text of an HTML response (tags removed), for 'is shown' checks."""
    return soup(response).get_text(" ", strip=True)


def meta_content(page_soup: BeautifulSoup, name: str) -> str | None:
    """The ``content`` of ``<meta name=...>`` (or ``property=`` for OpenGraph)."""
    tag = page_soup.find("meta", attrs={"name": name}) or page_soup.find("meta", attrs={"property": name})
    return None if tag is None else tag.get("content")


def logged_in_client(user) -> Client:
    """A test client logged in through the real login (password check and all)."""
    client = Client()
    assert client.login(username=user.get_username(), password=PASSWORD)
    return client


def admin_form(response, form_id: str = "page-edit-form"):
    """The fields a browser would post back from an admin form (a mutable QueryDict).

    Page editors use ``page-edit-form``; snippet and other generic editors ``w-editor-form``.
    """
    assert response.status_code == 200, response.status_code
    return querydict_from_html(response.content.decode(), form_id=form_id)


def message_texts(response) -> list[str]:
    """The django.contrib.messages queued or shown for this response."""
    from django.contrib.messages import get_messages

    return [str(message) for message in get_messages(response.wsgi_request)]


# ----------------------------------------------------------------------------
# The back office


def assert_denied(response) -> None:
    """A refusal: a 403, or Wagtail's redirect to the dashboard with a (Chinese) error message."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, f"expected a refusal, got {response.status_code}"
    assert response["Location"] == reverse("wagtailadmin_home")
    assert any(CJK.search(text) for text in message_texts(response)), message_texts(response)


def assert_page_denied(response) -> None:
    """A page action refused with the back office's 403 page, in Chinese."""
    assert response.status_code == 403, f"expected 403, got {response.status_code}"
    assert CJK.search(response.content.decode())


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def add_article_url(column: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=("portal", "articlepage", column.pk))


def wagtail_i18n_queries() -> int:
    """Queries Wagtail's i18n adds to an uncached page view (the 招商网's languages, docs/architecture.md).

    On a cold cache Wagtail reads each site's root-page translations for its site root paths (one query per
    site), and it looks up the active locale when routing.
    """
    from wagtail.models import Site

    return Site.objects.count() + 1
