"""Template tags of the public site: header and footer data, breadcrumbs,
the government-site meta tags, and small display helpers.

Everything a page's frame needs (navigation, footer links, the site-map link)
is looked up once per request and kept on the request, so a page pays for it
with a handful of queries however many times the templates ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

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
    subsite_links: list = field(default_factory=list)
    government_links: list = field(default_factory=list)


def _site_name_fallback() -> str:
    from django.conf import settings as django_settings

    return getattr(django_settings, "WAGTAIL_SITE_NAME", "")


CHROME_CACHE_SECONDS = 300


def _site_chrome(site: Site) -> Chrome:
    """Query the frame data of ``site``: settings, link groups, top navigation, site-map page."""
    from zoneportal.portal.models import PortalSettings, SitemapPage

    chrome = Chrome(site=site, site_name=site.site_name or _site_name_fallback())
    try:
        portal_settings = PortalSettings.for_site(site)
    except PortalSettings.DoesNotExist:
        portal_settings = None
    if portal_settings is not None:
        chrome.settings = portal_settings
        chrome.site_name = portal_settings.site_name or chrome.site_name
        # One query for both link groups instead of one per group.
        links = list(portal_settings.links.all())
        chrome.subsite_links = [link for link in links if link.group == "subsite"]
        chrome.government_links = [link for link in links if link.group == "government"]
    home = site.root_page
    chrome.home = home
    chrome.menu = list(home.get_children().live().public().in_menu())
    chrome.sitemap_page = SitemapPage.objects.live().public().descendant_of(home).first()
    return chrome


def build_chrome(request: HttpRequest | None) -> Chrome:
    """The frame data for the request's site; safe when there is no site or no database rows.

    Kept in the cache under the page-cache generation, which every publish,
    move or unpublish and every save of the site settings advances, so a
    change shows at once; the timeout bounds anything those signals miss
    (a new view restriction, a changed Site record).
    """
    from zoneportal.portal.page_cache import current_generation

    if request is None:
        return Chrome(site_name=_site_name_fallback())
    site = Site.find_for_request(request)
    if site is None:
        return Chrome(site_name=_site_name_fallback())
    key = f"portal:chrome:{site.pk}:{current_generation()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _site_chrome(site)
        cache.set(key, chrome, CHROME_CACHE_SECONDS)
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


def page_ancestors(request: HttpRequest | None, page: Page | None) -> list[Page]:
    """Ancestors of ``page`` below the site root (for breadcrumbs and ColumnName), once per request."""
    if page is None or not getattr(page, "pk", None):
        return []
    cache_key = (page.pk, page.path)
    cached = getattr(request, _ANCESTORS_ATTR, None) if request is not None else None
    if cached and cached[0] == cache_key:
        return cached[1]
    site = Site.find_for_request(request) if request is not None else None
    root_depth = site.root_page.depth if site is not None else 1
    ancestors = list(page.get_ancestors().filter(depth__gt=root_depth))
    if request is not None:
        setattr(request, _ANCESTORS_ATTR, (cache_key, ancestors))
    return ancestors


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


def _image_url(request: HttpRequest | None, image) -> str:
    if image is None:
        return ""
    try:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
    except Exception:  # a missing source file must not break the page head
        return ""
    return _absolute(request, rendition.url)


@register.inclusion_tag("includes/government_meta.html", takes_context=True)
def government_meta(context: template.Context) -> dict:
    """All meta tags of the page head: government-site metadata, OpenGraph, canonical, RSS.

    Site level on every page (SiteName, SiteDomain, SiteIDCode); column level on
    column-like pages (ColumnName, ColumnDescription, ColumnKeywords, ColumnType);
    article level on articles (ArticleTitle, PubDate, ContentSource, Author, Image).
    """
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
            meta["image"] = _image_url(request, page.cover_image)
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
            meta["image"] = _image_url(request, page.banner)
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
    """Pair each multimedia item (album or video) with its cover image using one query for all albums.

    ``PhotoAlbumPage.cover`` costs a query per album; on strips of several
    albums this asks for every album's first photo at once.
    """
    from zoneportal.portal.models import AlbumPhoto, PhotoAlbumPage

    items = list(items or [])
    album_ids = [item.pk for item in items if isinstance(item, PhotoAlbumPage)]
    first_photo: dict[int, Any] = {}
    if album_ids:
        photos = AlbumPhoto.objects.filter(page_id__in=album_ids).select_related("image").order_by("sort_order", "pk")
        for photo in photos:
            first_photo.setdefault(photo.page_id, photo.image)
    pairs = []
    for item in items:
        if isinstance(item, PhotoAlbumPage):
            pairs.append((item, first_photo.get(item.pk)))
        else:
            pairs.append((item, getattr(item, "cover", None)))
    return pairs


@register.simple_tag(takes_context=True)
def quick_links(context: template.Context, home) -> list:
    """The home page's quick links with their target pages fetched in the same query."""
    return list(home.quick_links.select_related("link_page").all())


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


def _section_tree(section: Page, branch: Page | None) -> tuple[list[Page], list[Page], Page | None]:
    """Sub-pages (not articles) of ``section`` and of its child ``branch``, cached like the chrome."""
    from zoneportal.portal.models import ArticlePage
    from zoneportal.portal.page_cache import current_generation

    key = f"portal:section-nav:{section.pk}:{branch.pk if branch else 0}:{current_generation()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    children = list(section.get_children().live().public().not_type(ArticlePage))
    open_child = next((child for child in children if branch is not None and child.pk == branch.pk), None)
    grandchildren: list[Page] = []
    if open_child is not None and open_child.numchild:
        grandchildren = list(open_child.get_children().live().public().not_type(ArticlePage))
    tree = (children, grandchildren, open_child)
    cache.set(key, tree, CHROME_CACHE_SECONDS)
    return tree


@register.simple_tag(takes_context=True)
def current_state(context: template.Context, item: Page) -> str:
    """``{% current_state item as state %}``: :func:`nav_state` for pages that may have no ``page`` in context."""
    return nav_state(item, context.get("page"))


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
    ancestors = page_ancestors(request, page)
    section = ancestors[0] if ancestors else page
    chrome = portal_chrome(context)
    if chrome.home is not None and section.pk == chrome.home.pk:
        return result
    # The branch the visitor is in: the section's child on the way down to this page.
    branch = ancestors[1] if len(ancestors) > 1 else (page if ancestors else None)
    children, grandchildren, open_child = _section_tree(section, branch)
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
    return list(page.get_children().live().public().not_type(ArticlePage))
