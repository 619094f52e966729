"""两步验证 in a real browser: a department editor turns it on, logs out, and logs in with a code.

The code is computed here from the secret the enrolment page shows (RFC 6238, django-otp's own
``oath.TOTP``), as the authenticator app on a phone would. The demo account is put back afterwards
with ``manage.py reset_two_factor``, so the other browser tests still sign in with the password.
"""

from __future__ import annotations

import re
import time
from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django_otp.oath import TOTP

DEMO_PASSWORD = "laifeng2016"  # printed by load_demo for every demo account

pytestmark = pytest.mark.browser

USERNAME = "guotu_editor"  # no other browser test signs in as this editor


def secret_key(text: str) -> bytes:
    """The key behind the secret as the page shows it (base32 in groups of four)."""
    secret = re.sub(r"\s", "", text)
    return b32decode(secret + "=" * (-len(secret) % 8))


def code_at(key: bytes, step: int) -> str:
    """The 6-digit code an authenticator shows during time step ``step``."""
    totp = TOTP(key)
    totp.time = step * totp.step
    return f"{totp.token():06d}"


def current_step() -> int:
    return int(time.time() // 30)


def sign_in_with_password(page, base_url: str) -> None:
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")


def test_an_editor_enrols_logs_out_and_logs_in_with_a_code(portal_server, new_page):
    from playwright.sync_api import expect

    base = portal_server.url
    page = new_page()
    try:
        sign_in_with_password(page, base)
        page.wait_for_url(base + "/admin/")

        # 账户设置 › 更多动作 › 两步验证 › 设置两步验证
        page.goto(base + "/admin/account/")
        page.click("#tab-label-actions")
        page.get_by_role("link", name="两步验证").click()
        page.wait_for_url(base + "/admin/two-factor/")
        expect(page.get_by_text("两步验证未开启")).to_be_visible()
        page.get_by_role("link", name="设置两步验证").click()

        expect(page.get_by_role("heading", name="设置两步验证")).to_be_visible()
        expect(page.get_by_role("img", name=re.compile("两步验证二维码"))).to_be_visible()
        key = secret_key(page.locator("[data-zp-secret]").inner_text())

        # A wrong code first: a Chinese error beside the field, the typed code kept.
        page.fill("#id_code", "12345")
        page.get_by_role("button", name="确认并开启两步验证").click()
        expect(page.locator(".messages .error")).to_have_text(re.compile("验证码应为验证器应用显示的6位数字"))
        expect(page.locator("#id_code")).to_have_value("12345")

        enrolled_at = current_step()
        page.fill("#id_code", code_at(key, enrolled_at))
        page.get_by_role("button", name="确认并开启两步验证").click()
        expect(page.get_by_role("heading", name=re.compile("请保存恢复码"))).to_be_visible()
        expect(page.locator("[data-zp-recovery-code]")).to_have_count(10)
        page.get_by_role("link", name="我已保存，进入后台").click()
        page.wait_for_url(base + "/admin/two-factor/")
        expect(page.get_by_text("两步验证已开启")).to_be_visible()

        # Log out through the sidebar's account menu.
        page.goto(base + "/admin/")
        page.locator(".sidebar-footer__account").click()
        page.get_by_role("button", name="注销").click()
        page.wait_for_url(re.compile(r"/admin/login/"))

        # The password alone now leads to the code page, not the dashboard.
        sign_in_with_password(page, base)
        page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
        expect(page.get_by_role("heading", name="两步验证")).to_be_visible()
        page.goto(base + "/admin/pages/")
        page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))

        # The code an authenticator shows now (a code already used is refused, so one step later at least).
        page.fill("#id_code", code_at(key, max(current_step(), enrolled_at + 1)))
        page.get_by_role("button", name="验证并进入后台").click()
        # The explorer (it opens the editor's own column), no longer the code page.
        page.wait_for_url(lambda url: urlsplit(url).path.startswith("/admin/pages/"))
        expect(page.get_by_role("link", name="开发区动态")).to_be_visible()
    finally:
        portal_server.manage("reset_two_factor", USERNAME)
