"""Login throttling and the password policy, through Wagtail's real login page and user forms.

The policy (settings, core/login_guard.py): failures are counted per user name *and* address.
``AXES_FAILURE_LIMIT`` wrong passwords lock that pair for ``AXES_COOLOFF_TIME``; the page then
answers 429 in Chinese and refuses even the right password; a colleague behind the same address,
and the same name from another address, still sign in; a right password resets the count.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import PASSWORD, make_user
from tests.utils import CJK, soup, text_of

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
OFFICE_ADDRESS = "203.0.113.7"
OTHER_ADDRESS = "198.51.100.23"


@pytest.fixture
def editor():
    return make_user("guard_editor", superuser=True)


def sign_in(username: str, password: str, address: str = OFFICE_ADDRESS, client: Client | None = None):
    """POST Wagtail's login form from ``address`` the way a browser does; returns the response."""
    client = client or Client(REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password, "next": HOME}, REMOTE_ADDR=address)


def fail_until_locked(username: str, address: str = OFFICE_ADDRESS):
    """Type a wrong password ``AXES_FAILURE_LIMIT`` times; returns the last answer."""
    responses = [sign_in(username, "wrong-password-1", address) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert all(response.status_code == 200 for response in responses[:-1])
    return responses[-1]


def lockout_text() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return f"登录失败次数过多，该账号已暂时锁定。请在 {minutes} 分钟后再试"


def test_a_wrong_password_below_the_limit_says_so_and_the_right_one_then_works(editor):
    response = sign_in(editor.username, "wrong-password-1")
    assert response.status_code == 200
    assert "密码不匹配" in text_of(response)
    assert sign_in(editor.username, PASSWORD).status_code == 302


def test_the_limit_locks_with_a_chinese_429_page_that_keeps_the_form(editor):
    response = fail_until_locked(editor.username)
    assert response.status_code == 429
    page = soup(response)
    error = page.select_one(".messages .error").get_text(strip=True)
    assert error.startswith(lockout_text()), error
    # Still the login page: the branded heading and the form, with the name typed kept.
    assert CJK.search(page.h1.get_text())
    assert page.select_one("form.login-form input[name=username]")["value"] == editor.username
    assert page.find("label", attrs={"for": "id_password"}) is not None
    # Locked: the right password is refused too, and nobody is signed in.
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    locked = sign_in(editor.username, PASSWORD, client=client)
    assert locked.status_code == 429
    assert lockout_text() in text_of(locked)
    assert client.get(HOME).status_code == 302  # to the login page


def test_after_the_cool_off_the_right_password_works(editor):
    fail_until_locked(editor.username)
    assert sign_in(editor.username, PASSWORD).status_code == 429
    # The cool-off has passed: the attempts are dated back beyond it (no clock is faked).
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(seconds=1))
    response = sign_in(editor.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == HOME
    # Success reset the count: one more mistake does not lock again.
    assert sign_in(editor.username, "wrong-password-1").status_code == 200


def test_a_colleague_at_the_same_address_and_the_same_name_elsewhere_are_not_locked(editor):
    colleague = make_user("guard_colleague", superuser=True)
    fail_until_locked(editor.username)
    assert sign_in(colleague.username, PASSWORD).status_code == 302
    assert sign_in(editor.username, PASSWORD, address=OTHER_ADDRESS).status_code == 302
    assert sign_in(editor.username, PASSWORD).status_code == 429


def test_a_right_password_before_the_limit_resets_the_count(editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(editor.username, "wrong-password-1").status_code == 200
    assert sign_in(editor.username, PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(editor.username, "wrong-password-1").status_code == 200
    assert sign_in(editor.username, PASSWORD).status_code == 302


def test_behind_the_proxy_the_forwarded_address_is_counted_and_a_forged_one_is_not(editor):
    """nginx (a trusted proxy) names the visitor; a header typed by the visitor themselves changes nothing."""
    proxy = settings.TRUSTED_PROXIES[0]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(
            LOGIN,
            {"username": editor.username, "password": "wrong-password-1"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=OFFICE_ADDRESS,
        )
    via_proxy = {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": OTHER_ADDRESS}
    assert Client().post(LOGIN, {"username": editor.username, "password": PASSWORD}, **via_proxy).status_code == 302
    # The locked visitor writes another address into the header; nginx appends the real one after it.
    forged = {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": f"{OTHER_ADDRESS}, {OFFICE_ADDRESS}"}
    assert Client().post(LOGIN, {"username": editor.username, "password": PASSWORD}, **forged).status_code == 429


# ----------------------------------------------------------------------------
# The password policy


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Kx7#pq2", "密码长度太短"),
        ("password123", "这个密码太常见了"),
        ("83920175463", "密码只包含数字"),
        ("guard_editor1", "太相似"),
    ],
)
def test_the_password_policy_refuses_in_chinese(editor, password, message):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, editor)
    assert any(message in text for text in refused.value.messages), refused.value.messages


def test_the_policy_asks_for_the_configured_length():
    assert settings.PASSWORD_MIN_LENGTH >= 10
    with pytest.raises(ValidationError):
        validate_password("Kx7#pq2!mZ"[: settings.PASSWORD_MIN_LENGTH - 1])


def test_the_demo_password_satisfies_the_policy_for_every_demo_account():
    """The README tells newcomers the demo password: the demo's accounts must be able to have it."""
    from zoneportal.demo.builder import ADMIN_USERNAME, DEMO_PASSWORD, REVIEWER_USERNAME
    from zoneportal.demo.content.organisation import DEPARTMENTS

    names = [ADMIN_USERNAME, REVIEWER_USERNAME]
    names += [f"{spec.slug}_{suffix}" for spec in DEPARTMENTS for suffix in ("editor", "head")]
    for name in names:
        validate_password(DEMO_PASSWORD, make_user(name))


def test_creating_a_user_in_the_back_office_with_a_weak_password_is_refused_in_chinese(editor):
    client = Client()
    client.force_login(editor)
    form = {
        "username": "new_clerk",
        "email": "new_clerk@zone.test",
        "first_name": "新",
        "last_name": "文员",
        "password1": "12345678",
        "password2": "12345678",
        "is_active": "on",
    }
    response = client.post(reverse("wagtailusers_users:add"), form)
    assert response.status_code == 200
    errors = " ".join(tag.get_text(" ", strip=True) for tag in soup(response).select(".error-message, .help-critical"))
    assert "密码长度太短" in errors and "这个密码太常见了" in errors, errors
    assert not type(editor).objects.filter(username="new_clerk").exists()


def test_changing_ones_own_password_to_a_weak_one_is_refused_in_chinese(editor):
    client = Client()
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "guard_editor",
            "password-new_password2": "guard_editor",
            "name_email-first_name": "编辑",
            "name_email-last_name": "甲",
            "name_email-email": "guard_editor@zone.test",
            "locale-preferred_language": "zh-hans",
            "locale-current_time_zone": "Asia/Shanghai",
        },
    )
    assert response.status_code == 200
    assert "太相似" in text_of(response)
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_a_weak_password_from_the_reset_link_is_refused_in_chinese(editor):
    """The forgotten-password path (the link mailed by 忘记密码) applies the same policy."""
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(editor.pk))
    link = reverse("wagtailadmin_password_reset_confirm", args=[uid, default_token_generator.make_token(editor)])
    form_url = client.get(link)["Location"]  # Django moves the token into the session first
    response = client.post(form_url, {"new_password1": "password123", "new_password2": "password123"})
    assert response.status_code == 200
    assert "这个密码太常见了" in text_of(response)
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)
