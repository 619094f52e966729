"""Every back-office screen an editor, a head, the office reviewer or the administrator opens is in Chinese.

The sweep logs in as each role through the real login, opens the main Wagtail views and looks
at what a person reads: the visible text, plus the ``title``, ``placeholder``, ``aria-label`` and
``alt`` attributes and the labels of the sidebar (rendered by JavaScript from a JSON island). Any
run of Latin letters that is not an allowed name (brands, file types, the demo's user names…)
fails the test, which names the view and the words it found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site, Task, Workflow

from tests.utils import logged_in_client

pytestmark = pytest.mark.django_db

#: Words that may stay in Latin letters: names, formats and codes, not UI words (compared in upper case).
ALLOWED = {word.upper() for word in {
    # file formats, protocols, standards
    "PDF", "DOC", "DOCX", "XLS", "XLSX", "PPT", "PPTX", "WPS", "ODT", "ODS", "TXT", "CSV", "ZIP",
    "MP", "JPG", "JPEG", "PNG", "GIF", "WEBP", "WebP", "SVG", "AVIF", "HEIC", "HTML", "URL", "RSS",
    "API", "ID", "ICP", "SEO", "HTTP", "HTTPS", "IP", "MB", "KB", "GB", "px", "Ctrl", "Alt", "Shift",
    "Esc", "Enter", "Tab", "Cmd", "Option", "Markdown", "SiteDomain", "Django", "English",
    "Python", "Chrome", "Firefox", "Safari", "Edge", "Unicode", "emoji", "oEmbed", "YouTube", "Word", "Excel",
}}  # fmt: skip

#: Tokens that are data rather than UI: e-mail addresses, URLs, paths, user names, slugs, file names.
DATA_TOKEN = re.compile(
    r"""
      [\w.+-]+@[\w-]+(?:\.[\w-]+)+      # e-mail
    | (?:https?://|/)\S*                # URL or path
    | \b\w*[_\d]\w*\b                   # user names and codes: zhaoshang_editor, a-news1, 2024
    | \b[\w-]+\.(?:pdf|mp4|png|jpe?g|gif|docx?|xlsx?|txt|zip)\b   # file names
    | \b(?:[a-z]+-)+[a-z]+\b            # slugs: new-projects
    """,
    re.VERBOSE | re.IGNORECASE,
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-w-tooltip-content-value")
INVISIBLE_TAGS = ("script", "style", "template", "noscript", "code", "pre", "textarea", "svg", "meta", "link")


def _sidebar_labels(page: BeautifulSoup) -> list[str]:
    """The labels the JavaScript sidebar shows (menu items, the account menu, the search box)."""
    island = page.find("script", id="wagtail-sidebar-props")
    if island is None:
        return []
    found: list[str] = []

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "label" and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(island.string))
    return found


def english_words(html: str, also_allowed: set[str] = frozenset()) -> list[str]:
    """The English UI words a reader of this admin page would see (empty when all is Chinese)."""
    page = BeautifulSoup(html, "html.parser")
    texts = _sidebar_labels(page)
    for tag in page(INVISIBLE_TAGS):
        tag.decompose()
    # Time zone names (Asia/Shanghai…) are the IANA database's, not UI words; the side panel's error
    # counter holds a placeholder ("None") until JavaScript fills in a number and unhides it.
    for tag in page.select("select[name$=current_time_zone], [data-side-panel-toggle-counter][hidden]"):
        tag.decompose()
    # Switched off by an inline style (the date picker's unused "Save Selected" button).
    for tag in page.select('[style*="display: none"], [style*="display:none"]'):
        tag.decompose()
    # Inputs carry user data in their values; visually hidden text is still read out by screen readers.
    texts.append(page.get_text(" "))
    for attribute in VISIBLE_ATTRIBUTES:
        texts.extend(tag[attribute] for tag in page.find_all(attrs={attribute: True}))
    words: list[str] = []
    for text in texts:
        for word in LATIN_WORD.findall(DATA_TOKEN.sub(" ", text)):
            if word.upper() not in ALLOWED and word not in also_allowed and word not in words:
                words.append(word)
    return words


# Each view: a name for the report, and how to build its URL from the zone.
View = tuple[str, Callable]
COMMON_VIEWS: list[View] = [
    ("dashboard", lambda zone: reverse("wagtailadmin_home")),
    ("explorer", lambda zone: reverse("wagtailadmin_explore", args=(zone.columns["investment"].pk,))),
    ("explorer root", lambda zone: reverse("wagtailadmin_explore", args=(zone.home.pk,))),
    ("article edit", lambda zone: reverse("wagtailadmin_pages:edit", args=(zone.articles["invest1"].pk,))),
    (
        "article create",
        lambda zone: reverse("wagtailadmin_pages:add", args=("portal", "articlepage", zone.columns["investment"].pk)),
    ),
    # 政务公开 offers several page types; a news column offers 文章 only and goes straight to its form.
    ("add child page", lambda zone: reverse("wagtailadmin_pages:add_subpage", args=(zone.columns["disclosure"].pk,))),
    ("page history", lambda zone: reverse("wagtailadmin_pages:history", args=(zone.articles["invest1"].pk,))),
    ("page search", lambda zone: reverse("wagtailadmin_pages:search") + "?q=招商"),
    ("page search, no hits", lambda zone: reverse("wagtailadmin_pages:search") + "?q=不存在的词语"),
    ("images", lambda zone: reverse("wagtailimages:index")),
    ("image upload", lambda zone: reverse("wagtailimages:add_multiple")),
    ("documents", lambda zone: reverse("wagtaildocs:index")),
    ("document upload", lambda zone: reverse("wagtaildocs:add_multiple")),
    ("reports: locked pages", lambda zone: reverse("wagtailadmin_reports:locked_pages")),
    ("reports: workflows", lambda zone: reverse("wagtailadmin_reports:workflow")),
    ("reports: workflow tasks", lambda zone: reverse("wagtailadmin_reports:workflow_tasks")),
    ("reports: site history", lambda zone: reverse("wagtailadmin_reports:site_history")),
    ("reports: aging pages", lambda zone: reverse("wagtailadmin_reports:aging_pages")),
    ("reports: page types", lambda zone: reverse("wagtailadmin_reports:page_types_usage")),
    ("account", lambda zone: reverse("wagtailadmin_account")),
    (
        "explorer search",
        lambda zone: reverse("wagtailadmin_explore", args=(zone.columns["investment"].pk,)) + "?q=项目",
    ),
    (
        "explorer search, whole site",
        lambda zone: reverse("wagtailadmin_explore", args=(zone.columns["investment"].pk,)) + "?q=项目&search_all=1",
    ),
    (
        "workflow history",
        lambda zone: reverse("wagtailadmin_pages:workflow_history", args=(zone.articles["invest1"].pk,)),
    ),
    ("page usage", lambda zone: reverse("wagtailadmin_pages:usage", args=(zone.articles["invest1"].pk,))),
    ("page privacy", lambda zone: reverse("wagtailadmin_pages:set_privacy", args=(zone.articles["invest1"].pk,))),
    ("page chooser", lambda zone: reverse("wagtailadmin_choose_page")),
    ("image chooser", lambda zone: reverse("wagtailimages_chooser:choose")),
    ("document chooser", lambda zone: reverse("wagtaildocs_chooser:choose")),
    ("image edit", lambda zone: reverse("wagtailimages:edit", args=(zone.images["cover1"].pk,))),
    ("document edit", lambda zone: reverse("wagtaildocs:edit", args=(zone.documents["notice_pdf"].pk,))),
]
ADMIN_VIEWS: list[View] = [
    ("sites", lambda zone: reverse("wagtailsites:index")),
    ("site edit", lambda zone: reverse("wagtailsites:edit", args=(zone.site.pk,))),
    ("users", lambda zone: reverse("wagtailusers_users:index")),
    ("user edit", lambda zone: reverse("wagtailusers_users:edit", args=(zone.users["invest_editor"].pk,))),
    ("groups", lambda zone: reverse("wagtailusers_groups:index")),
    ("workflows", lambda zone: reverse("wagtailadmin_workflows:index")),
    ("workflow tasks", lambda zone: reverse("wagtailadmin_workflows:task_index")),
    ("collections", lambda zone: reverse("wagtailadmin_collections:index")),
    ("redirects", lambda zone: reverse("wagtailredirects:index")),
    ("portal settings", lambda zone: reverse("wagtailsettings:edit", args=("portal", "portalsettings", zone.site.pk))),
    ("departments", lambda zone: reverse("wagtailsnippets_core_department:list")),
    ("page delete", lambda zone: reverse("wagtailadmin_pages:delete", args=(zone.articles["invest1"].pk,))),
    ("page unpublish", lambda zone: reverse("wagtailadmin_pages:unpublish", args=(zone.articles["invest1"].pk,))),
    ("page move", lambda zone: reverse("wagtailadmin_pages:move", args=(zone.articles["invest1"].pk,))),
    ("page copy", lambda zone: reverse("wagtailadmin_pages:copy", args=(zone.articles["invest1"].pk,))),
    ("group edit", lambda z: reverse("wagtailusers_groups:edit", args=(z.departments["invest"].editors_group.pk,))),
    ("workflow edit", lambda z: reverse("wagtailadmin_workflows:edit", args=(z.departments["invest"].workflow.pk,))),
    ("department edit", lambda z: reverse("wagtailsnippets_core_department:edit", args=(z.departments["invest"].pk,))),
]  # fmt: skip
ROLES = ["admin", "invest_editor", "invest_head", "reviewer"]


def _cases():
    for role in ROLES:
        for name, url in COMMON_VIEWS:
            yield pytest.param(role, name, url, id=f"{role}-{name}")
    for name, url in ADMIN_VIEWS:
        yield pytest.param("admin", name, url, id=f"admin-{name}")


def data_words() -> set[str]:
    """Latin words in the content rather than the UI: user, group and workflow names, titles, host names.

    Wagtail's migrations create a "Moderators" group and a "Moderators approval" workflow; taking them
    out of the demo is the demo's business, and their names are content an administrator can change.
    """
    names = [
        *get_user_model().objects.values_list("username", flat=True),
        *Group.objects.values_list("name", flat=True),
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
        *Site.objects.values_list("hostname", flat=True),
        *Image.objects.values_list("title", flat=True),
        *Document.objects.values_list("title", flat=True),
        *Page.objects.values_list("title", flat=True),
    ]
    return {word for name in names for word in LATIN_WORD.findall(name)}


@pytest.mark.parametrize(("role", "view", "url"), list(_cases()))
def test_admin_view_has_no_english(zone, role, view, url):
    client = logged_in_client(zone.users[role])
    response = client.get(url(zone), follow=False)
    if response.status_code in (302, 403) and role != "admin":
        # A view this role may not open: the refusal it meets (the 403 page, or
        # the page Wagtail sends it to with a message) must be Chinese too.
        response = client.get(url(zone), follow=True)
        assert response.status_code in (200, 403), (view, response.status_code)
    else:
        assert response.status_code == 200, (view, response.status_code)
    html = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        html = json.loads(html)["html"]  # a chooser or dialog: the modal's HTML inside JSON
    words = english_words(html, data_words())
    assert not words, f"{view} ({role}) shows English: {', '.join(words)}"


def test_login_page_has_no_english(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert english_words(response.content.decode()) == []


def test_the_sweep_notices_english():
    """The detector itself: it finds UI words and lets data through."""
    html = """<html><body><p>147 Pages</p><p>admin zhaoshang_editor a-news1 policy.pdf PDF</p>
        <input placeholder="Search all pages…"><p>已发布</p></body></html>"""
    assert english_words(html, {"admin"}) == ["Pages", "Search", "all", "pages"]
