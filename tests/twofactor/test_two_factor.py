"""两步验证 through Wagtail's real login page and admin views, with real TOTP codes.

Codes are computed here from each device's key with django-otp's ``oath.TOTP``, exactly as an
authenticator app computes them; the server verifies them for real (its throttling and its refusal
of a used code included). Enforcement is checked from the outside: a session signed in with the
password alone is sent away from every admin URL tried, the admin's own API included.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from base64 import b32decode
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.core.test_deploy_checks import BASE_DIR, production_env
from tests.factories import PASSWORD, make_user
from tests.utils import soup, text_of
from zoneportal.core.ownership import office_reviewers

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
VERIFY = reverse("two_factor:verify")
ENROL = reverse("two_factor:enrol")
MANAGE = reverse("two_factor:manage")

#: Admin URLs of several kinds: the dashboard, Wagtail's own views, its JSON API, a project app's
#: view, the account pages and this app's own settings page.
ADMIN_URLS = [
    HOME,
    reverse("wagtailadmin_explore_root"),
    "/admin/api/main/pages/",
    reverse("wagtailimages:index"),
    reverse("wagtailadmin_account"),
    reverse("letters_oversight:index"),
    reverse("wagtailusers_users:index"),
    MANAGE,
]


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def reviewer():
    return make_user("otp_reviewer", office_reviewers())


@pytest.fixture
def administrator():
    return make_user("otp_admin", superuser=True)


@pytest.fixture
def editor():
    """A department editor: may use the back office, need not use two-factor login."""
    group = Group.objects.create(name="otp-editors")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return make_user("otp_editor", group)


def sign_in(user, client: Client | None = None) -> Client:
    """The password step through Wagtail's real login form; returns the client holding the session."""
    client = client or Client()
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD, "next": HOME})
    assert response.status_code == 302, response.status_code
    return client


def code_for(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now — or, if that one was used, at the next time step."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    step = max(int((time.time() - device.t0) // device.step), device.last_t + 1)
    totp.time = device.t0 + step * device.step
    return f"{totp.token():06d}"


def enrolled(user, confirmed: bool = True) -> TOTPDevice:
    """An authenticator set up the way the enrolment page sets it up."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=confirmed)


def wait_out_throttling(device) -> None:
    """Move the last failure back past django-otp's wait (1, 2, 4 … seconds), as the clock would."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(minutes=10)
    )


def field_errors(response) -> str:
    return " ".join(tag.get_text(" ", strip=True) for tag in soup(response).select(".error-message, .error"))


def redirect_target(response) -> str:
    assert response.status_code == 302, (response.status_code, response.get("Location"))
    return response["Location"].split("?")[0]


# ----------------------------------------------------------------------------
# Server-side enforcement


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_password_only_reviewer_without_an_authenticator_is_sent_to_set_one_up(required, reviewer, url):
    client = sign_in(reviewer)
    response = client.get(url)
    assert redirect_target(response) == ENROL
    assert f"next={url.replace('/', '%2F')}" in response["Location"]
    # Writing is refused too, and nothing is done.
    assert redirect_target(client.post(url, {})) == ENROL


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_password_only_reviewer_with_an_authenticator_is_sent_to_enter_the_code(required, reviewer, url):
    enrolled(reviewer)
    client = sign_in(reviewer)
    assert redirect_target(client.get(url)) == VERIFY
    assert redirect_target(client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")) == VERIFY


def test_an_administrator_must_have_two_factor_too(required, administrator):
    client = sign_in(administrator)
    assert redirect_target(client.get(HOME)) == ENROL
    assert redirect_target(client.get("/admin/api/main/pages/")) == ENROL


def test_the_login_logout_and_password_reset_pages_stay_open(required, reviewer):
    client = sign_in(reviewer)
    assert client.get(reverse("wagtailadmin_password_reset")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    assert client.get(ENROL).status_code == 200
    response = client.post(reverse("wagtailadmin_logout"))
    assert redirect_target(response) == LOGIN
    assert redirect_target(client.get(HOME)) == LOGIN


def test_after_the_code_the_reviewer_reaches_the_back_office(required, reviewer):
    device = enrolled(reviewer)
    client = sign_in(reviewer)
    session_before = client.cookies["sessionid"].value
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})
    assert redirect_target(response) == "/admin/pages/"
    # The session key changes when the second factor is passed (no fixation).
    assert client.cookies["sessionid"].value != session_before
    assert client.get(MANAGE).status_code == 200
    assert client.get(HOME).status_code == 200


def test_after_the_code_the_administrator_reaches_every_admin_url_tried(required, administrator):
    device = enrolled(administrator)
    client = sign_in(administrator)
    client.post(VERIFY, {"code": code_for(device)})
    for url in ADMIN_URLS:
        assert client.get(url).status_code == 200, url


def test_department_editors_need_not_use_it(required, editor):
    client = sign_in(editor)
    assert client.get(HOME).status_code == 200
    assert client.get(MANAGE).status_code == 200


def test_with_the_setting_off_the_password_is_enough_for_everyone(settings, reviewer, administrator):
    settings.TWO_FACTOR_REQUIRED = False
    for user in (reviewer, administrator):
        assert sign_in(user).get(HOME).status_code == 200


def test_a_person_who_set_up_an_authenticator_is_asked_even_with_the_setting_off(settings, editor):
    settings.TWO_FACTOR_REQUIRED = False
    enrolled(editor)
    assert redirect_target(sign_in(editor).get(HOME)) == VERIFY


def required_in(env: dict[str, str]) -> str:
    """``TWO_FACTOR_REQUIRED`` as ``settings.py`` decides it in a process started with ``env``."""
    code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", code]
    done = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("profile", "extra", "expected"),
    [
        ("production", {}, "True"),
        ("production", {"TWO_FACTOR_REQUIRED": "0"}, "False"),
        ("embedded", {}, "False"),  # `make run`'s demo accounts log in with the password only
    ],
)
def test_the_profile_decides_the_default(tmp_path, profile, extra, expected):
    env = production_env(tmp_path, **extra)
    env["ZONEPORTAL_PROFILE"] = profile
    if not extra:
        env.pop("TWO_FACTOR_REQUIRED", None)  # the default, whatever this shell has set
    assert required_in(env) == expected


# ----------------------------------------------------------------------------
# The code after the password


def test_the_verify_page_is_in_chinese_and_a_wrong_code_is_refused_and_throttled(required, reviewer):
    device = enrolled(reviewer)
    client = sign_in(reviewer)
    page = client.get(VERIFY + "?next=/admin/pages/")
    assert "请输入手机验证器应用中当前显示的6位数字" in text_of(page)

    wrong = "000000" if code_for(device) != "000000" else "111111"
    response = client.post(VERIFY, {"code": wrong, "next": "/admin/pages/"})
    assert response.status_code == 200
    assert "验证码不正确" in field_errors(response)
    assert soup(response).find("input", attrs={"name": "code"})["value"] == wrong

    # Straight after a failure even the right code waits (django-otp's throttling), said in Chinese.
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})
    assert re.search(r"验证码错误次数过多，请在 \d+ 秒后再试", field_errors(response))
    assert redirect_target(client.get(HOME)) == VERIFY

    wait_out_throttling(device)
    assert redirect_target(client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})) == "/admin/pages/"


def test_an_empty_or_malformed_code_is_named(required, reviewer):
    enrolled(reviewer)
    client = sign_in(reviewer)
    assert "请输入验证码" in field_errors(client.post(VERIFY, {"code": ""}))
    StaticDevice.objects.create(user=reviewer, name="recovery", confirmed=True)
    assert "恢复码不正确或已使用过" in field_errors(client.post(VERIFY, {"code": "abc"}))


def test_a_code_is_accepted_once(required, reviewer):
    device = enrolled(reviewer)
    code = code_for(device)
    assert redirect_target(sign_in(reviewer).post(VERIFY, {"code": code})) == HOME
    second = sign_in(reviewer, Client())
    response = second.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "验证码不正确" in field_errors(response)


def test_the_next_address_must_stay_on_this_site(required, reviewer):
    device = enrolled(reviewer)
    client = sign_in(reviewer)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/admin/"})
    assert redirect_target(response) == HOME


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(required, reviewer):
    device = enrolled(reviewer)
    recovery = StaticDevice.objects.create(user=reviewer, name="recovery", confirmed=True)
    for token in ("aaaaabbbbb", "cccccddddd"):
        recovery.token_set.create(token=token)

    client = sign_in(reviewer)
    response = client.post(VERIFY, {"code": "AAAAA-BBBBB"}, follow=True)
    assert response.redirect_chain[0][0] == HOME
    assert "您使用了一个恢复码，还剩 1 个" in text_of(response)
    assert list(StaticToken.objects.filter(device=recovery).values_list("token", flat=True)) == ["cccccddddd"]

    again = sign_in(reviewer, Client())
    response = again.post(VERIFY, {"code": "aaaaabbbbb"})
    assert "恢复码不正确或已使用过" in field_errors(response)
    assert redirect_target(again.get(HOME)) == VERIFY
    assert device.pk  # the authenticator itself is untouched


# ----------------------------------------------------------------------------
# Setting up an authenticator


def shown_key(response) -> bytes:
    secret = re.sub(r"\s", "", soup(response).select_one("[data-zp-secret]").get_text())
    return b32decode(secret + "=" * (-len(secret) % 8))


def test_enrolment_shows_a_local_svg_qr_code_and_the_secret_then_gives_ten_recovery_codes(required, reviewer):
    client = sign_in(reviewer)
    page = client.get(ENROL + "?next=/admin/pages/")
    assert page.status_code == 200
    assert "必须开启两步验证" in text_of(page)
    svg = soup(page).select_one("svg.zp-qr-code")
    assert svg is not None and svg.get("role") == "img" and svg.find("path") is not None
    assert "<img" not in str(soup(page).select_one(".zp-qr-frame"))  # drawn here, fetched from nowhere
    pending = TOTPDevice.objects.get(user=reviewer)
    assert not pending.confirmed
    assert shown_key(page) == pending.bin_key
    # Reloading keeps the same secret (the app may already have scanned it).
    assert shown_key(client.get(ENROL)) == pending.bin_key

    response = client.post(ENROL, {"code": code_for(pending), "next": "/admin/pages/"})
    assert response.status_code == 200
    codes = [tag.get_text() for tag in soup(response).select("[data-zp-recovery-code]")]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(codes) == sorted(StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True))
    assert "恢复码只显示这一次" in text_of(response)
    assert TOTPDevice.objects.get(pk=pending.pk).confirmed
    # Verified by the enrolment: straight on to the back office.
    assert client.get(MANAGE).status_code == 200
    # Never shown again.
    assert not any(code in client.get(MANAGE).content.decode() for code in codes)


def test_a_wrong_enrolment_code_confirms_nothing_and_keeps_the_input(required, reviewer):
    client = sign_in(reviewer)
    client.get(ENROL)
    pending = TOTPDevice.objects.get(user=reviewer)
    response = client.post(ENROL, {"code": "12 34"})
    assert "验证码应为验证器应用显示的6位数字" in field_errors(response)
    assert soup(response).find("input", attrs={"name": "code"})["value"] == "12 34"
    response = client.post(ENROL, {"code": "000000" if code_for(pending) != "000000" else "111111"})
    assert "验证码不正确" in field_errors(response)
    assert not TOTPDevice.objects.get(pk=pending.pk).confirmed
    assert not StaticDevice.objects.filter(user=reviewer).exists()
    assert redirect_target(client.get(HOME)) == ENROL


def test_the_password_alone_cannot_replace_an_existing_authenticator(required, reviewer):
    enrolled(reviewer)
    client = sign_in(reviewer)
    assert redirect_target(client.get(ENROL)) == VERIFY
    assert redirect_target(client.post(ENROL, {"code": "123456"})) == VERIFY
    assert TOTPDevice.objects.filter(user=reviewer).count() == 1


def test_re_enrolling_replaces_the_authenticator_and_the_recovery_codes(required, reviewer):
    old = enrolled(reviewer)
    client = sign_in(reviewer)
    client.post(VERIFY, {"code": code_for(old)})
    old_recovery = StaticDevice.objects.create(user=reviewer, name="recovery", confirmed=True)
    client.get(ENROL)
    pending = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    assert client.post(ENROL, {"code": code_for(pending)}).status_code == 200
    assert list(TOTPDevice.objects.filter(user=reviewer)) == [pending]
    assert not StaticDevice.objects.filter(pk=old_recovery.pk).exists()
    assert StaticToken.objects.filter(device__user=reviewer).count() == 10


# ----------------------------------------------------------------------------
# 账户设置 › 两步验证


def test_the_account_page_offers_two_factor(editor):
    client = sign_in(editor)
    account = client.get(reverse("wagtailadmin_account"))
    assert soup(account).find("a", href=MANAGE) is not None
    page = client.get(MANAGE)
    assert "两步验证未开启" in text_of(page)
    assert soup(page).find("a", href=f"{ENROL}?next={MANAGE}") is not None


def test_an_editor_turns_it_off_with_a_current_code(editor):
    device = enrolled(editor)
    client = sign_in(editor)
    client.post(VERIFY, {"code": code_for(device)})
    assert "两步验证已开启" in text_of(client.get(MANAGE))

    response = client.post(MANAGE, {"code": "99999"})
    assert response.status_code == 200
    assert "验证码应为验证器应用显示的6位数字" in field_errors(response)
    assert TOTPDevice.objects.filter(user=editor).exists()

    wait_out_throttling(device)
    response = client.post(MANAGE, {"code": code_for(device)}, follow=True)
    assert "已关闭两步验证" in text_of(response)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get(HOME).status_code == 200


def test_those_who_must_use_it_cannot_turn_it_off(required, reviewer):
    device = enrolled(reviewer)
    client = sign_in(reviewer)
    client.post(VERIFY, {"code": code_for(device)})
    page = client.get(MANAGE)
    assert "必须使用两步验证，不能关闭" in text_of(page)
    assert soup(page).find("input", attrs={"name": "code"}) is None
    response = client.post(MANAGE, {"code": code_for(device)}, follow=True)
    assert "不能关闭" in text_of(response)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


# ----------------------------------------------------------------------------
# manage.py reset_two_factor


def test_reset_two_factor_removes_the_devices_and_the_verified_session_no_longer_counts(required, reviewer, capsys):
    device = enrolled(reviewer)
    StaticDevice.objects.create(user=reviewer, name="recovery", confirmed=True).token_set.create(token="aaaaabbbbb")
    client = sign_in(reviewer)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get(HOME).status_code == 200

    call_command("reset_two_factor", reviewer.username)
    assert "已删除用户“otp_reviewer”的两步验证；其下次登录时须重新设置验证器" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticToken.objects.filter(device__user=reviewer).exists()
    # The session verified with the lost phone must set up a new authenticator before going on.
    assert redirect_target(client.get(HOME)) == ENROL

    call_command("reset_two_factor", reviewer.username)
    assert "没有设置两步验证" in capsys.readouterr().out


def test_reset_two_factor_names_an_unknown_user_in_chinese():
    with pytest.raises(CommandError, match="没有用户名为“nobody”的用户"):
        call_command("reset_two_factor", "nobody")
