"""Internal links and images of published pages: dead page and document links, images gone or without a file.

Internal links are always checked; external ones only collected here (``external`` arguments), for
``external.check_urls`` to ask over the network when the run says so.
Rich text keeps Wagtail's references (``<a linktype="page" id>``, ``<embed embedtype="image" id>``),
so most checks are look-ups by id; a typed address (``href="/zwgk/"``) is resolved against the page tree,
through a routable page's own routes where the tree ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .external import is_external

#: Addresses the site answers outside the page tree (zoneportal/urls.py): not dead because no page has them.
NON_PAGE_PREFIXES = ("/search/", "/api/", "/admin/", "/static/", "/sitemap.xml", "/robots.txt", "/policies/")


@dataclass
class LinkChecker:
    """Answers "is this reference alive?", remembering each answer for the whole run."""

    live_pages: set[int] = field(default_factory=set)
    #: Each site's root page path, longest first: a typed address is resolved within the page's own site.
    site_roots: list[str] = field(default_factory=list)
    _documents: dict[int, bool] = field(default_factory=dict)
    _images: dict[int, bool] = field(default_factory=dict)
    _paths: dict[str, bool] = field(default_factory=dict)
    _default_root: str | None = None

    @classmethod
    def for_site(cls) -> LinkChecker:
        roots = sorted({root.root_path for root in Site.get_site_root_paths()}, key=len, reverse=True)
        return cls(live_pages=set(Page.objects.live().public().values_list("pk", flat=True)), site_roots=roots)

    def root_of(self, page: Page) -> str:
        """The url_path of the root of ``page``'s site ("/home/"), the default site's when none contains it."""
        for root in self.site_roots:
            if page.url_path.startswith(root):
                return root
        return self.default_root()

    def default_root(self) -> str:
        if self._default_root is None:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            self._default_root = site.root_page.url_path if site is not None else "/"
        return self._default_root

    def document_alive(self, pk: int) -> bool:
        if pk not in self._documents:
            document = get_document_model().objects.filter(pk=pk).first()
            self._documents[pk] = document is not None and _file_exists(document.file)
        return self._documents[pk]

    def image_alive(self, pk: int) -> bool:
        if pk not in self._images:
            image = get_image_model().objects.filter(pk=pk).first()
            self._images[pk] = image is not None and _file_exists(image.file)
        return self._images[pk]

    def path_alive(self, path: str, root_path: str | None = None) -> bool:
        """Whether a site-relative address reaches a live page (or a route of a routable page).

        ``root_path`` is the url_path of the site's root page the address is relative to (default site's if not given).
        """
        root_path = root_path or self.default_root()
        path = urlsplit(path).path or "/"
        if path.startswith("/zh-hant/"):
            path = path[len("/zh-hant") :]
        if path.startswith(NON_PAGE_PREFIXES):
            return True
        key = root_path + path
        if key not in self._paths:
            self._paths[key] = self._resolve(path, root_path)
        return self._paths[key]

    def _resolve(self, path: str, root_path: str) -> bool:
        if path.startswith("/documents/"):
            parts = path.strip("/").split("/")
            return len(parts) >= 2 and parts[1].isdigit() and self.document_alive(int(parts[1]))
        if path.startswith("/media/"):
            from django.core.files.storage import default_storage

            return default_storage.exists(path[len("/media/") :])
        wanted = root_path + path.lstrip("/")
        if not wanted.endswith("/"):
            wanted += "/"
        # The deepest live page whose address starts the wanted one: itself, or a routable page with the rest.
        candidates = Page.objects.live().filter(
            url_path__in=[
                wanted[: index + 1] for index in range(len(root_path) - 1, len(wanted)) if wanted[index] == "/"
            ]
        )
        deepest = max(candidates, key=lambda page: len(page.url_path), default=None)
        if deepest is None:
            return False
        if deepest.url_path == wanted:
            return True
        page = deepest.specific
        if not isinstance(page, RoutablePageMixin):
            return False
        try:
            page.resolve_subpage("/" + wanted[len(deepest.url_path) :])
        except Http404:
            return False
        return True


def _file_exists(file) -> bool:
    try:
        return bool(file.name) and file.storage.exists(file.name)
    except (OSError, ValueError):
        return False


def problems_in_html(
    markup: str, checker: LinkChecker, root_path: str | None = None, external: list | None = None
) -> Iterator[str]:
    """A Chinese description of each dead internal link or missing image in ``markup``.

    ``external``, when given, receives ``(address, link text)`` for each external link.
    """
    if not markup or ("<a" not in markup and "<embed" not in markup and "<img" not in markup):
        return
    soup = BeautifulSoup(markup, "html.parser")
    for anchor in soup.find_all("a"):
        kind, pk = anchor.get("linktype"), anchor.get("id", "")
        text = anchor.get_text(strip=True)[:30]
        if kind == "page":
            if not (pk.isdigit() and int(pk) in checker.live_pages):
                yield _("链接“%(text)s”指向的页面不存在或未发布") % {"text": text}
        elif kind == "document":
            if not (pk.isdigit() and checker.document_alive(int(pk))):
                yield _("链接“%(text)s”指向的文件不存在") % {"text": text}
        elif (href := anchor.get("href") or "").startswith("/") and not href.startswith("//"):
            if not checker.path_alive(href, root_path):
                yield _("链接“%(text)s”（%(href)s）无法打开") % {"text": text, "href": href}
        elif external is not None and is_external(href):
            external.append((href, text))
    for embed in soup.find_all("embed", attrs={"embedtype": "image"}):
        pk = embed.get("id", "")
        if not (pk.isdigit() and checker.image_alive(int(pk))):
            yield _("图片（编号 %(id)s）已不存在") % {"id": pk}
    for image in soup.find_all("img"):
        src = image.get("src") or ""
        if src.startswith("/") and not src.startswith("//") and not checker.path_alive(src, root_path):
            yield _("图片 %(src)s 无法打开") % {"src": src}


def page_link_problems(page: Page, checker: LinkChecker, external: list | None = None) -> list[str]:
    """Dead internal links and missing images of a specific page (rich text, streams, images, attachments).

    ``external``, when given, receives ``(address, link text)`` for each external link of the page.
    """
    from wagtail.fields import RichTextField, StreamField
    from wagtail.images.models import AbstractImage

    from .checks.markup import stream_texts

    root_path = checker.root_of(page)
    problems: list[str] = []
    for model_field in type(page)._meta.concrete_fields:
        value = getattr(page, model_field.attname, None)
        if isinstance(model_field, RichTextField):
            problems += problems_in_html(value or "", checker, root_path, external)
        elif isinstance(model_field, StreamField):
            for kind, text in stream_texts(value):
                if kind == "html":
                    problems += problems_in_html(text, checker, root_path, external)
        elif model_field.is_relation and model_field.related_model is not None and value is not None:
            if issubclass(model_field.related_model, AbstractImage) and not checker.image_alive(value):
                problems.append(_("%(field)s的图片文件已不存在") % {"field": model_field.verbose_name})
    problems += _child_row_problems(page, checker, root_path, external)
    return problems


def _child_row_problems(page: Page, checker: LinkChecker, root_path: str, external: list | None) -> list[str]:
    """Attachments whose file is gone, typed addresses of inline rows (首页快捷入口) that lead nowhere."""
    from modelcluster.models import get_all_child_relations

    problems = []
    for relation in get_all_child_relations(page):
        names = {f.name for f in relation.related_model._meta.concrete_fields}
        for row in getattr(page, relation.get_accessor_name()).all():
            if "document" in names and row.document_id and not checker.document_alive(row.document_id):
                problems.append(_("附件“%(title)s”的文件已不存在") % {"title": row.document.title})
            url = getattr(row, "link_url", "") if "link_url" in names else ""
            if url.startswith("/") and not url.startswith("//") and not checker.path_alive(url, root_path):
                problems.append(_("链接 %(url)s 无法打开") % {"url": url})
            elif external is not None and is_external(url):
                external.append((url, getattr(row, "title", "") or url))
    return problems
