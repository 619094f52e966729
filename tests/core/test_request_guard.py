"""A NUL character in an address is refused with a Chinese 400, on both databases — never a 500.

It reaches no view, so the views' own handling of odd input (search ignoring a filter naming nothing) is
not asked to cope with a value PostgreSQL cannot compare."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "/letters/public/?department=%00",
        "/search/?q=a%00b",
        "/search/?q=招商&category=%00",
        "/admin/pages/search/?q=%00",
        "/%00/",
    ],
)
def test_a_nul_in_a_page_address_is_a_bad_request_in_chinese(client: Client, address: str):
    response = client.get(address)
    assert response.status_code == 400
    assert "网址中含有无效字符" in response.content.decode()


def test_the_api_answers_a_nul_filter_with_no_letters(client: Client):
    response = client.get("/api/v1/letters/public", {"department": "a\x00b", "mailbox": "\x00"})
    assert response.status_code == 200
    assert response.json()["total"] == 0
