"""The Content-Security-Policy in a real browser: the watch every browser test keeps can fail."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, watch_csp_violations
from tests.browser.test_accessibility import demo_paths  # noqa: F401 (a fixture)
from tests.browser.test_review_flow import log_in, owned_column

pytestmark = pytest.mark.browser


def test_an_inline_style_or_script_on_a_public_page_is_refused_and_reported(portal_server, browser):
    """Guard against a silent harness: markup the policy refuses is caught, and the page did not run it."""
    context = browser.new_context(locale="zh-CN")
    try:
        violations = watch_csp_violations(context)
        page = context.new_page()
        page.goto(portal_server.url + "/")
        assert not violations, violations
        page.evaluate(
            """() => {
                const box = document.createElement("div");
                box.innerHTML = '<p id="planted" style="color: rgb(255, 0, 0)">x</p>'
                    + '<img id="planted-img" src="/static/none.png" onerror="window.ranInline = true">';
                document.querySelector("main").appendChild(box);
                const script = document.createElement("script");
                script.textContent = "window.ranInline = true";
                document.body.appendChild(script);
            }"""
        )
        page.wait_for_timeout(500)
        assert page.evaluate("() => getComputedStyle(document.getElementById('planted')).color") != "rgb(255, 0, 0)"
        assert page.evaluate("() => window.ranInline") is None
        directives = " ".join(violations)
        assert "style-src" in directives and "script-src" in directives, violations
    finally:
        context.close()


def test_an_editor_edits_and_previews_a_page_and_sees_it_with_the_userbar(portal_server, new_page):
    """The back office under its own policy: log in, edit, the preview panel, then the public page with the userbar.

    ``new_page`` fails the test on any violation, in the admin's pages and in the preview's frame alike.
    """
    base = portal_server.url
    column_id, _url = owned_column(portal_server, "zhaoshang")
    article_id, title, url = json.loads(
        portal_server.query(
            "import json\n"
            "from wagtail.models import Page\n"
            "from zoneportal.portal.models import ArticlePage\n"
            f"a = ArticlePage.objects.live().child_of(Page.objects.get(pk={column_id})).order_by('path').first()\n"
            "print(json.dumps([a.pk, a.title, a.get_url_parts()[2]], ensure_ascii=False))"
        ).splitlines()[-1]
    )
    editor = log_in(new_page, base, "zhaoshang_editor")
    editor.goto(f"{base}/admin/pages/{article_id}/edit/", wait_until="networkidle")
    expect(editor.locator("#id_title")).to_have_value(title)
    editor.fill("#id_title", title + "（预览）")
    editor.locator("[data-side-panel-toggle='preview']").click()
    preview = editor.frame_locator("[data-w-preview-target='iframe']").first
    expect(preview.locator("h1")).to_contain_text(title + "（预览）")
    editor.goto(base + url)
    expect(editor.locator("h1")).to_contain_text(title)
    expect(editor.locator("wagtail-userbar")).to_have_count(1)


def test_the_api_docs_page_runs_under_the_policy(portal_server, new_page):
    """Swagger UI (django-ninja's own static files) draws the documented operations without a violation."""
    page = new_page()
    page.goto(portal_server.url + "/api/v1/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()


@pytest.mark.parametrize("which", ["home", "article"])
def test_the_policy_changes_nothing_a_visitor_sees(portal_server, browser, demo_paths, which):  # noqa: F811
    """The same page with the policy enforced and with it bypassed is the same picture, pixel for pixel.

    The screenshots are kept in test-results/browser/csp/ to look at.
    """
    from PIL import Image, ImageChops

    ARTIFACTS.joinpath("csp").mkdir(parents=True, exist_ok=True)
    shots = {}
    for enforced in (True, False):
        context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, bypass_csp=not enforced)
        try:
            page = context.new_page()
            page.goto(portal_server.url + demo_paths[which], wait_until="networkidle")
            path = ARTIFACTS / "csp" / f"{which}-{'enforced' if enforced else 'bypassed'}.png"
            page.screenshot(path=str(path), full_page=True, animations="disabled")
            shots[enforced] = Image.open(path).convert("RGB")
        finally:
            context.close()
    assert shots[True].size == shots[False].size
    difference = ImageChops.difference(shots[True], shots[False]).getbbox()
    assert difference is None, f"{which} looks different under the policy in {difference}"
