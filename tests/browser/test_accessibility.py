"""axe-core on the home, a column and an article page: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
# Colours are measured as drawn: a message still fading in (Wagtail's admin messages do) reads as low
# contrast. Finite animations and transitions finish first; an endless one (a spinner) is left running.
_SETTLE_ANIMATIONS = """async () => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => null))),
                      new Promise((resolve) => setTimeout(resolve, 5000))]);
}"""


def axe_violations(page) -> list[dict]:
    """Run axe-core (vendored, injected from disk) on the current page, once its animations have ended."""
    page.wait_for_load_state()
    page.evaluate(_SETTLE_ANIMATIONS)
    # Evaluated through the DevTools protocol, not added as an inline <script> the page's CSP would refuse.
    page.evaluate(AXE.read_text())
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.fixture(scope="module")
def demo_paths(portal_server) -> dict[str, str]:
    """Paths of the pages checked: home, 新闻快递 and its newest article (and 繁體 home)."""
    answer = portal_server.query(
        "from wagtail.models import Site\n"
        "from zoneportal.portal.models import ArticlePage, ColumnPage\n"
        "root = Site.objects.get(is_default_site=True).root_page\n"
        "column = ColumnPage.objects.live().descendant_of(root).get(title='新闻快递')\n"
        "article = ArticlePage.objects.live().descendant_of(column).order_by('-publish_at').first()\n"
        "print(column.get_url_parts()[2]); print(article.get_url_parts()[2])"
    )
    column, article = answer.splitlines()[-2:]
    return {"home": "/", "column": column, "article": article, "home-traditional": "/zh-hant/"}


@pytest.mark.parametrize("which", ["home", "column", "article", "home-traditional"])
def test_no_serious_or_critical_violations(portal_server, demo_paths, new_page, which):
    path = demo_paths[which]
    page = new_page()
    response = page.goto(portal_server.url + path)
    assert response.ok, path
    violations = axe_violations(page)
    assert not violations, violations


def test_phone_layout_has_no_serious_or_critical_violations(portal_server, demo_paths, new_page):
    page = new_page(viewport={"width": 360, "height": 740})
    page.goto(portal_server.url + demo_paths["article"])
    assert not axe_violations(page)


def test_the_check_itself_catches_a_planted_violation(portal_server, new_page):
    """Guard against a silent harness: an image without alt text must be reported."""
    page = new_page()
    page.goto(portal_server.url + "/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/none.png';"
        " document.querySelector('main').appendChild(img); }"
    )
    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}
