"""Template tags of the public site: header and footer data, breadcrumbs,
the government-site meta tags, and small display helpers.

Everything a page's frame needs (navigation, footer links, the site-map link)
is looked up once per request and kept on the request, so a page pays for it
with a handful of queries however many times the templates ask.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from django import template
from django.db.models import Q
from django.http import HttpRequest
from django.template import loader
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from zoneportal.portal.fragments import cached_part
from zoneportal.portal.visibility import outside_private_sections, private_sections, visible_to_public

register = template.Library()

_CHROME_ATTR = "_portal_chrome"
_ANCESTORS_ATTR = "_portal_ancestors"


@dataclass
class Chrome:
    """What the header and footer of every page show, for one site."""

    site: Site | None = None
    settings: Any = None
    site_name: str = ""
    home: Page | None = None
    menu: list[Page] = field(default_factory=list)
    sitemap_page: Page | None = None
    #: Content languages the site's home page is published in (the 招商网's translations); one for most sites.
    languages: list[str] = field(default_factory=list)
    subsite_links: list = field(default_factory=list)
    government_links: list = field(default_factory=list)


def _site_name_fallback() -> str:
    from django.conf import settings as django_settings

    return getattr(django_settings, "WAGTAIL_SITE_NAME", "")


CHROME_CACHE_SECONDS = 300


def _site_chrome(site: Site, request: HttpRequest | None = None) -> Chrome:
    """Query the frame data of ``site``: settings with their links, top navigation, site-map page.

    Three queries when nothing is cached: the links with their settings row,
    the restricted sections, and the menu together with the site-map page.
    """
    from django.contrib.contenttypes.models import ContentType

    from zoneportal.portal.models import PortalSettings, SiteLink, SitemapPage

    chrome = Chrome(site=site, site_name=site.site_name or _site_name_fallback())
    links = list(SiteLink.objects.filter(settings__site=site).select_related("settings"))
    if links:
        portal_settings = links[0].settings
    else:
        try:
            portal_settings = PortalSettings.for_site(site)
        except PortalSettings.DoesNotExist:
            portal_settings = None
    if portal_settings is not None:
        chrome.settings = portal_settings
        chrome.site_name = portal_settings.site_name or chrome.site_name
        chrome.subsite_links = [link for link in links if link.group == SiteLink.Group.SUBSITE]
        chrome.government_links = [link for link in links if link.group == SiteLink.Group.GOVERNMENT]
    home = _localized_home(site)
    chrome.home = home
    sitemap_type = ContentType.objects.get_for_model(SitemapPage)
    in_site = Q(path__startswith=home.path, depth__gt=home.depth) & (
        Q(depth=home.depth + 1, show_in_menus=True) | Q(content_type=sitemap_type)
    )
    # The home page's published translations come with the menu (the 招商网's language switcher needs them).
    translations = Q(translation_key=home.translation_key)
    pages = Page.objects.live().filter(in_site | translations).select_related("locale")
    pages = list(pages.filter(outside_private_sections()).order_by("path"))
    chrome.languages = sorted(
        page.locale.language_code for page in pages if page.translation_key == home.translation_key
    )
    pages = [page for page in pages if page.translation_key != home.translation_key]
    chrome.menu = [page for page in pages if page.depth == home.depth + 1 and page.show_in_menus]
    chrome.sitemap_page = next((page for page in pages if page.content_type_id == sitemap_type.pk), None)
    return chrome


def _localized_home(site: Site) -> Page:
    """The site's home page in the active content language (the Chinese one when there is no translation)."""
    from django.conf import settings as django_settings

    home = site.root_page
    language = get_language()
    if not language or language == django_settings.LANGUAGE_CODE:
        return home
    translated = Page.objects.filter(translation_key=home.translation_key, locale__language_code=language).first()
    return translated or home


def build_chrome(request: HttpRequest | None) -> Chrome:
    """The frame data for the request's site; safe when there is no site or no database rows.

    Kept in the cache under the page-cache generation, which every publish,
    move or unpublish and every save of the site settings advances, so a
    change shows at once; the timeout bounds anything those signals miss
    (a new view restriction, a changed Site record).
    """
    from zoneportal.portal.page_cache import layered_cache, request_generation

    if request is None:
        return Chrome(site_name=_site_name_fallback())
    site = Site.find_for_request(request)
    if site is None:
        return Chrome(site_name=_site_name_fallback())
    key = f"portal:chrome:{site.pk}:{get_language()}:{request_generation(request)}"
    chrome = layered_cache.get(key)
    if chrome is None:
        chrome = _site_chrome(site, request)
        layered_cache.set(key, chrome, CHROME_CACHE_SECONDS)
    chrome.site = site
    return chrome


@register.simple_tag(takes_context=True)
def portal_chrome(context: template.Context) -> Chrome:
    """``{% portal_chrome as chrome %}``: the site's header/footer data, once per request."""
    request = context.get("request")
    if request is None:
        return build_chrome(None)
    chrome = getattr(request, _CHROME_ATTR, None)
    if chrome is None:
        chrome = build_chrome(request)
        setattr(request, _CHROME_ATTR, chrome)
    return chrome


# ---- Cached fragments ------------------------------------------------------------
# {% fragment "name" arg … %} … {% endfragment %} caches what it encloses under the
# page-cache generation (zoneportal.portal.fragments). Inside it, {% live %} … {% endlive %}
# marks parts rendered afresh on every request (the 简/繁 switch links, the search box
# with the visitor's query): the cache keeps the HTML around them.

_LIVE_MARK = f"\x00live-{secrets.token_hex(8)}:"
_LIVE_SPLIT = re.compile(re.escape(_LIVE_MARK) + r"(\d+)\x00")
_RENDERING_FOR_CACHE = "_portal_fragment_rendering"


class LiveNode(template.Node):
    """A part of a fragment that is never cached; rendered with the context around the fragment."""

    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.owner: FragmentNode | None = None
        self.index = 0

    def render(self, context: template.Context) -> str:
        if self.owner is not None and context.get(_RENDERING_FOR_CACHE) is self.owner:
            return f"{_LIVE_MARK}{self.index}\x00"
        return self.nodelist.render(context)


class FragmentNode(template.Node):
    """What ``{% fragment %}`` encloses, cached as text pieces between its live parts."""

    child_nodelists = ("nodelist",)

    def __init__(self, name, vary: list, nodelist: template.NodeList) -> None:
        self.name = name
        self.vary = vary
        self.nodelist = nodelist
        self.live_nodes = nodelist.get_nodes_by_type(LiveNode)
        for index, node in enumerate(self.live_nodes):
            node.owner, node.index = self, index

    def _pieces(self, context: template.Context) -> list:
        """The enclosed HTML split at the live parts: [text, live index, text, …]."""
        with context.push({_RENDERING_FOR_CACHE: self}):
            html = self.nodelist.render(context)
        parts = _LIVE_SPLIT.split(html)
        return [int(part) if position % 2 else part for position, part in enumerate(parts)]

    def render(self, context: template.Context) -> SafeString:
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        pieces = cached_part(context.get("request"), name, vary, lambda: self._pieces(context))
        rendered = [
            self.live_nodes[piece].nodelist.render(context) if isinstance(piece, int) else piece for piece in pieces
        ]
        return mark_safe("".join(rendered))  # rendered by the enclosed template, which escaped it


@register.tag("fragment")
def do_fragment(parser, token) -> FragmentNode:
    """``{% fragment "name" arg … %}…{% endfragment %}``: cache the enclosed HTML per generation.

    The arguments name what the HTML depends on besides the site, the 简/繁
    script prefix and published content (e.g. ``page.pk``). Fragments must not
    be nested, and the enclosed template must not set variables that are used
    after it: on a cache hit it does not run.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(FragmentNode):
        raise template.TemplateSyntaxError("{% fragment %} cannot be nested")
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@register.tag("live")
def do_live(parser, token) -> LiveNode:
    """``{% live %}…{% endlive %}`` inside a fragment: rendered on every request, never cached."""
    nodelist = parser.parse(("endlive",))
    parser.delete_first_token()
    return LiveNode(nodelist)


def _page_tree(request: HttpRequest | None, page: Page) -> tuple[list[Page], tuple | None]:
    """Ancestors of ``page`` below the site root, and the side-navigation tree of its section.

    Both come from one query (the navigation part only when it is not cached
    yet): every path involved is a prefix of ``page.path``, so nothing has to be
    fetched first. The result is kept on the request. The tree is
    ``(children, grandchildren, open_child)``: the section's sub-pages other than
    articles, those of the branch the visitor is in, and that branch.
    """
    from django.contrib.contenttypes.models import ContentType

    from zoneportal.portal.models import ArticlePage
    from zoneportal.portal.page_cache import current_generation, layered_cache

    memo = getattr(request, _ANCESTORS_ATTR, None) if request is not None else None
    if memo is not None and memo[0] == (page.pk, page.path):
        return memo[1], memo[2]
    site = Site.find_for_request(request) if request is not None else None
    root_depth = site.root_page.depth if site is not None else 1
    inside_site = site is None or page.path.startswith(site.root_page.path)
    step = Page.steplen
    ancestors: list[Page] = []
    tree = None
    if inside_site and page.depth > root_depth:
        section_depth = root_depth + 1
        section_path = page.path[: step * section_depth]
        branch_path = page.path[: step * (section_depth + 1)] if page.depth > section_depth else ""
        ancestor_paths = {page.path[: step * depth] for depth in range(section_depth, page.depth)}
        tree_key = f"portal:section-nav:{section_path}:{branch_path}:{current_generation()}"
        tree = layered_cache.get(tree_key)
        wanted = Q(path__in=ancestor_paths) if ancestor_paths else Q(pk__in=[])
        article_type = ContentType.objects.get_for_model(ArticlePage)
        if tree is None:
            level = Q(path__startswith=section_path, depth=section_depth + 1)
            if branch_path:
                level |= Q(path__startswith=branch_path, depth=section_depth + 2)
            wanted |= Q(live=True) & level & ~Q(content_type=article_type)
        rows = list(Page.objects.filter(wanted).order_by("path"))
        ancestors = [row for row in rows if row.path in ancestor_paths]
        if tree is None:
            sections = private_sections()
            nav = [
                row
                for row in rows
                if row.live
                and row.content_type_id != article_type.pk
                and row.path.startswith(section_path)
                and row.depth in (section_depth + 1, section_depth + 2)
                and not sections.is_private(row.path)
            ]
            children = [row for row in nav if row.depth == section_depth + 1]
            open_child = next((row for row in children if branch_path and row.path == branch_path), None)
            grandchildren = [row for row in nav if open_child is not None and row.depth == section_depth + 2]
            tree = (children, grandchildren, open_child)
            layered_cache.set(tree_key, tree, CHROME_CACHE_SECONDS)
    if request is not None:
        setattr(request, _ANCESTORS_ATTR, ((page.pk, page.path), ancestors, tree))
    return ancestors, tree


def page_ancestors(request: HttpRequest | None, page: Page | None) -> list[Page]:
    """Ancestors of ``page`` below the site root (for breadcrumbs and ColumnName), once per request."""
    if page is None or not getattr(page, "pk", None):
        return []
    return _page_tree(request, page)[0]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict:
    """当前位置: home › ancestors › this page. Nothing on the home page itself."""
    request = context.get("request")
    page = context.get("page")
    chrome = portal_chrome(context)
    is_home = page is not None and chrome.home is not None and page.pk == chrome.home.pk
    return {
        "request": request,
        "home": chrome.home,
        "ancestors": page_ancestors(request, page) if not is_home else [],
        "current_title": context.get("breadcrumb_title") or (page.title if page is not None else ""),
        "show": not is_home,
    }


def _plain(text: str | None, limit: int = 200) -> str:
    """Rich text or plain text reduced to one line for a meta tag."""
    if not text:
        return ""
    return Truncator(" ".join(strip_tags(str(text)).split())).chars(limit)


def _absolute(request: HttpRequest | None, url: str | None) -> str:
    if not url:
        return ""
    if url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


# The meta image reuses a rendition the page itself shows (same filter specs as
# the templates), so it costs no extra lookup: article_page.html shows the
# cover as ARTICLE_COVER_SPEC, home_page.html the banner as BANNER_SPECS.
ARTICLE_COVER_SPEC = "max-960x640"
BANNER_SPECS = ("width-800", "width-1600", "width-2400")


def _image_url(request: HttpRequest | None, image, specs: tuple[str, ...], pick: str) -> str:
    if image is None:
        return ""
    try:
        renditions = image.get_renditions(*specs)
    except Exception:  # a missing source file must not break the page head
        return ""
    rendition = renditions.get(pick)
    return _absolute(request, rendition.url) if rendition is not None else ""


@register.simple_tag(takes_context=True)
def government_meta(context: template.Context) -> SafeString:
    """All meta tags of the page head: government-site metadata, OpenGraph, canonical, RSS.

    Site level on every page (SiteName, SiteDomain, SiteIDCode); column level on
    column-like pages (ColumnName, ColumnDescription, ColumnKeywords, ColumnType);
    article level on articles (ArticleTitle, PubDate, ContentSource, Author, Image).
    A page's tags are cached until the next publish; views that are not pages
    (search results, errors) build theirs from the request each time.
    """
    request = context.get("request")
    page = context.get("page")

    def render() -> SafeString:
        return loader.render_to_string("includes/government_meta.html", _government_meta(context))

    if request is None or page is None or not getattr(page, "pk", None):
        return render()
    # Absolute URLs (image, RSS) are built from the request's scheme and host.
    vary = [
        page.pk,
        request.build_absolute_uri("/"),
        context.get("meta_title"),
        context.get("meta_description"),
        bool(context.get("noindex")),
    ]
    return cached_part(request, "government-meta", vary, render)


def _government_meta(context: template.Context) -> dict:
    """The context of ``includes/government_meta.html``: see :func:`government_meta`."""
    from zoneportal.portal.models import ArticlePage, ColumnPage, HomePage

    request = context.get("request")
    page = context.get("page")
    chrome = portal_chrome(context)
    portal_settings = chrome.settings
    site_domain = ""
    if portal_settings is not None and portal_settings.site_domain:
        site_domain = portal_settings.site_domain
    elif chrome.site is not None:
        site_domain = chrome.site.hostname
    meta: dict[str, Any] = {
        "site_name": chrome.site_name,
        "site_domain": site_domain,
        "site_id_code": getattr(portal_settings, "site_id_code", ""),
        "page_title": context.get("meta_title") or "",
        "description": context.get("meta_description") or "",
        "keywords": "",
        "url": "",
        "image": "",
        "og_type": "website",
        "column": None,
        "article": None,
        "rss_url": "",
        "noindex": bool(context.get("noindex")),
    }
    if request is not None and not meta["url"]:
        meta["url"] = request.build_absolute_uri(request.path)
    if page is not None and getattr(page, "pk", None):
        meta["page_title"] = page.seo_title or page.title
        meta["url"] = page.get_full_url(request) or meta["url"]
        meta["keywords"] = getattr(page, "keywords", "")
        meta["description"] = _plain(page.search_description, 300)
        if isinstance(page, ArticlePage):
            meta["og_type"] = "article"
            meta["description"] = meta["description"] or _plain(page.summary, 300) or _plain(page.body, 120)
            meta["image"] = _image_url(request, page.cover_image, (ARTICLE_COVER_SPEC,), ARTICLE_COVER_SPEC)
            ancestors = page_ancestors(request, page)
            meta["article"] = {
                "title": page.title,
                "pub_date": timezone.localtime(page.publish_at).strftime("%Y-%m-%d %H:%M") if page.publish_at else "",
                "source": page.content_source,
                "author": page.author,
                "column_name": ancestors[-1].title if ancestors else "",
            }
        elif isinstance(page, HomePage):
            meta["description"] = meta["description"] or _plain(page.tagline) or _plain(page.intro, 300)
            meta["image"] = _image_url(request, page.banner, BANNER_SPECS, "width-1600")
        else:
            intro = getattr(page, "intro", "")
            meta["description"] = meta["description"] or _plain(intro, 300)
            if isinstance(page, ColumnPage):
                column_type = page.get_column_type_display()
                meta["rss_url"] = _absolute(request, (page.get_url(request) or "") + "rss/")
            else:
                column_type = str(type(page)._meta.verbose_name)
            meta["column"] = {
                "name": page.title,
                "description": meta["description"] or page.title,
                "keywords": meta["keywords"],
                "type": column_type,
            }
    meta["description"] = meta["description"] or meta["site_name"]
    meta["image"] = _absolute(request, meta["image"])
    return {"meta": meta, "request": request}


@register.filter
def plain_excerpt(value: Any, length: int = 120) -> str:
    """Rich text as a plain one-line excerpt of ``length`` characters."""
    return _plain(value, int(length))


@register.filter
def file_type_label(document) -> str:
    """A document's type as visitors know it: PDF, Word, Excel … ("文件" if unknown)."""
    extension = (getattr(document, "file_extension", "") or "").lower()
    labels = {
        "pdf": "PDF",
        "doc": "Word",
        "docx": "Word",
        "wps": "WPS",
        "xls": "Excel",
        "xlsx": "Excel",
        "csv": "CSV",
        "ppt": "PPT",
        "pptx": "PPT",
        "odt": "ODT",
        "ods": "ODS",
        "txt": _("文本"),
        "zip": _("压缩包"),
        "mp4": _("视频"),
        "webm": _("视频"),
    }
    return labels.get(extension, extension.upper() or _("文件"))


@register.filter
def document_size(document) -> int | None:
    """The document's size in bytes: the stored value, else the file's, never writing to the database."""
    size = getattr(document, "file_size", None)
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):  # file missing from storage: show no size rather than fail
            size = None
    return size


@register.simple_tag
def media_covers(items) -> list[tuple[Any, Any]]:
    """Pair each multimedia item (album or video) with its cover image.

    ``zoneportal.portal.models.media_items`` has already loaded the covers.
    """
    return [(item, item.cover) for item in items or []]


@register.simple_tag(takes_context=True)
def quick_links(context: template.Context, home) -> list[tuple[Any, str]]:
    """The home page's quick links as ``(link, url)``, target pages fetched in the same query.

    The URL of a chosen page is built with the request, so it stays relative on
    its own site (and inside the 繁體 view); a typed URL goes through :func:`local_url`.
    """
    request = context.get("request")
    pairs = []
    for link in home.quick_links.select_related("link_page").all():
        url = link.link_page.get_url(request) if link.link_page_id else local_url(link.link_url)
        pairs.append((link, url or "#"))
    return pairs


@register.simple_tag
def query_string(request: HttpRequest, **kwargs: Any) -> str:
    """The current query string with some parameters replaced (pagination keeps the search terms)."""
    params = request.GET.copy()
    for key, value in kwargs.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return "?" + encoded if encoded else ""


@register.simple_tag
def elided_pages(page_obj) -> list:
    """Page numbers for a pager, with “…” gaps on long lists."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@register.simple_tag
def article_attachments(article) -> list:
    """An article's attachments with their documents in one query."""
    return list(article.attachments.select_related("document").all())


@register.simple_tag
def album_photos(album) -> list:
    """An album's photos with their images in one query."""
    return list(album.photos.select_related("image").all())


@register.filter
def split_first(items) -> tuple[Any, list]:
    """``(first, rest)`` of a sequence, evaluating a queryset only once."""
    items = list(items or [])
    return (items[0] if items else None, items[1:])


@register.filter
def nav_state(item: Page, page: Page | None) -> str:
    """``"page"`` when ``item`` is the current page, ``"true"`` when the current page is inside it."""
    if page is None or not getattr(page, "path", None):
        return ""
    if item.pk == page.pk:
        return "page"
    if page.path.startswith(item.path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def current_state(context: template.Context, item: Page) -> str:
    """``{% current_state item as state %}``: :func:`nav_state` for pages that may have no ``page`` in context."""
    return nav_state(item, context.get("page"))


@register.simple_tag(takes_context=True)
def nav_position(context: template.Context) -> str:
    """``{% nav_position as position %}``: where the page is in the main navigation.

    Every ``aria-current`` of the main navigation follows from it (the home
    page, a top-level column itself, or a page inside one), so it is all the
    cached navigation needs to vary on.
    """
    page = context.get("page")
    home = portal_chrome(context).home
    if page is None or not getattr(page, "path", None) or home is None:
        return ""
    if page.pk == home.pk:
        return "home"
    if page.depth <= home.depth or not page.path.startswith(home.path):
        return ""
    section_path = page.path[: Page.steplen * (home.depth + 1)]
    return f"{section_path}:{'page' if page.depth == home.depth + 1 else 'inside'}"


@register.simple_tag(takes_context=True)
def section_nav(context: template.Context) -> dict:
    """``{% section_nav as nav %}``: side navigation of the current section (its top-level column).

    Lists the section's sub-columns and, for the branch the visitor is in, one
    more level; articles are never listed here.
    """

    request = context.get("request")
    page = context.get("page")
    cached = getattr(request, "_portal_section_nav", None) if request is not None else None
    if cached is not None and cached["page"] is page:
        return cached
    result: dict[str, Any] = {"request": request, "page": page, "section": None, "items": []}
    if request is not None:
        request._portal_section_nav = result
    if page is None or not getattr(page, "pk", None):
        return result
    ancestors, tree = _page_tree(request, page)
    if tree is None:  # the home page, or a page outside this site
        return result
    section = ancestors[0] if ancestors else page
    children, grandchildren, open_child = tree
    result["section"] = section
    result["open_child"] = open_child
    result["grandchildren"] = grandchildren
    result["items"] = [
        {"page": child, "children": grandchildren if open_child is not None and child.pk == open_child.pk else []}
        for child in children
    ]
    return result


@register.filter
def model_name(page) -> str:
    """The page's model name in lower case (``"videopage"``), to choose an icon or a layout."""
    meta = getattr(page, "_meta", None)
    return meta.model_name if meta is not None else ""


@register.simple_tag(takes_context=True)
def sub_columns(context: template.Context) -> list[Page]:
    """``{% sub_columns as columns %}``: the current page's live child pages other than articles.

    Reuses what :func:`section_nav` already fetched for this request when it can.
    """
    from zoneportal.portal.models import ArticlePage

    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    nav = section_nav(context)
    if nav.get("section") is not None and nav["section"].pk == page.pk:
        return [item["page"] for item in nav["items"]]
    if nav.get("open_child") is not None and nav["open_child"].pk == page.pk:
        return list(nav["grandchildren"])
    return list(visible_to_public(page.get_children()).not_type(ArticlePage))


# ---- Rich text, cleaned on the way out -------------------------------------------
# The editor (Draftail) only ever stores an allow-listed subset of HTML, but rich
# text can also arrive by import, the API or a migration. Everything public goes
# through ``|safe_richtext``: Wagtail expands its links and images, then anything
# outside the allow-list below is removed before the page is sent.

_DROPPED_WITH_CONTENT = frozenset(
    "script style iframe frame frameset object embed applet form input button textarea select option "
    "link meta base svg math template noscript audio video source track canvas".split()
)
_ALLOWED_TAGS = frozenset(
    "p br hr h2 h3 h4 h5 h6 strong b em i u s sub sup small ol ul li a img blockquote q cite code pre "
    "figure figcaption table caption thead tbody tfoot tr th td span div".split()
)
_GLOBAL_ATTRIBUTES = frozenset({"class", "title", "lang", "dir"})
_TAG_ATTRIBUTES = {
    "a": frozenset({"href", "rel", "hreflang", "download"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "td": frozenset({"colspan", "rowspan"}),
}
_URL_ATTRIBUTES = frozenset({"href", "src"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def is_safe_url(value: str) -> bool:
    """True for relative URLs and http(s)/mailto/tel ones; false for javascript:, data: and the like."""
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    compact = "".join(ch for ch in value if ch > " " and ch != "\x7f").lower()
    head = compact.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" not in head:
        return True
    return head.split(":", 1)[0] in _SAFE_SCHEMES


def clean_html(html: str) -> str:
    """Remove every tag, attribute and URL scheme outside the rich-text allow-list."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if name in _DROPPED_WITH_CONTENT:
            tag.decompose()
            continue
        if name not in _ALLOWED_TAGS:
            tag.unwrap()  # keep the text, lose the element
            continue
        allowed = _GLOBAL_ATTRIBUTES | _TAG_ATTRIBUTES.get(name, frozenset())
        for attribute in list(tag.attrs):
            value = tag.attrs[attribute]
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower() not in allowed or (attribute.lower() in _URL_ATTRIBUTES and not is_safe_url(text)):
                del tag.attrs[attribute]
    return str(soup)


@register.filter
def safe_richtext(value: Any) -> SafeString:
    """``|richtext`` followed by :func:`clean_html`: what every public template uses for rich text."""
    from wagtail.templatetags.wagtailcore_tags import richtext

    if value is None or value == "":
        return mark_safe("")
    if isinstance(value, RichText):
        rendered = value.__html__()
    else:
        rendered = str(richtext(value))
    return mark_safe(clean_html(rendered))  # cleaned just above


@register.filter
def local_url(url: str | None) -> str:
    """A site-relative URL typed by an editor, kept inside the 繁體 view when the visitor is in it.

    URLs that Django or Wagtail build already carry the script prefix; free-text
    ones (quick links, the mailbox address) do not, so they get it here.
    """
    if not url:
        return ""
    url = str(url)
    prefix = get_script_prefix()
    if prefix == "/" or not url.startswith("/") or url.startswith("//") or url.startswith(prefix):
        return url
    return prefix.rstrip("/") + url


@register.filter(is_safe=True)
def sanitise(html: Any) -> SafeString:
    """:func:`clean_html` for rendered markup: ``{% filter sanitise %}{% include_block block %}{% endfilter %}``."""
    return mark_safe(clean_html(str(html)))  # cleaned just above


@register.simple_tag
def prepare_renditions(items, attribute: str, *specs: str) -> str:
    """Look up, in one query, the renditions a list of pictures is about to need.

    ``{% prepare_renditions headlines "cover_image" "fill-720x405" "fill-240x150" %}``
    (``attribute`` empty when ``items`` are images themselves). Images whose
    renditions are all in the cache are left alone; the others get their
    renditions prefetched, so the ``{% image %}`` tags that follow do not query
    once per picture. Renders nothing.
    """
    from django.db.models import Prefetch, prefetch_related_objects
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter

    images = [getattr(item, attribute, None) if attribute else item for item in (items or [])]
    images = [image for image in images if image is not None and getattr(image, "pk", None)]
    if not images or not specs:
        return ""
    rendition_model = get_image_model().get_rendition_model()
    filters = [Filter(spec=spec) for spec in specs]
    keys = {
        id(image): [
            rendition_model.construct_cache_key(image, image_filter.get_cache_key(image), image_filter.spec)
            for image_filter in filters
        ]
        for image in images
    }
    cached = rendition_model.cache_backend.get_many([key for image_keys in keys.values() for key in image_keys])
    missing = [
        image
        for image in images
        if "renditions" not in getattr(image, "_prefetched_objects_cache", {})
        and any(key not in cached for key in keys[id(image)])
    ]
    if missing:
        renditions = rendition_model.objects.filter(filter_spec__in=specs)
        prefetch_related_objects(missing, Prefetch("renditions", queryset=renditions))
    return ""


@register.simple_tag
def images_of(banner, articles) -> list:
    """The banner and the article covers the top of a home page shows."""
    images = [banner] + [article.cover_image for article in articles or []]
    return [image for image in images if image is not None]


@register.simple_tag
def media_images(pairs) -> list:
    """The cover images of ``(item, cover)`` pairs from :func:`media_covers`."""
    return [cover for _item, cover in pairs or [] if cover is not None]
