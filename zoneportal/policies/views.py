"""The library's public views, served by :class:`~zoneportal.policies.pages.PolicyLibraryPage`'s routes.

Every view renders in the library page's column layout (breadcrumbs, side
navigation, the 繁體 view) and is kept by the page cache until a document,
interpretation or list changes (``signals.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from zoneportal.portal.fragments import cached_part
from zoneportal.portal.paging import page_of

from . import export as exports
from . import library
from .models import Policy, PolicyCategory, PolicyInterpretation, PolicyIssuer
from .presentation import metadata_rows, validity_notice

if TYPE_CHECKING:
    from .pages import PolicyLibraryPage

PER_PAGE = 20


def _categories(page: PolicyLibraryPage) -> list[PolicyCategory]:
    return list(page.categories.all())


def _documents(page: PolicyLibraryPage):
    return library.documents_of(_categories(page))


def library_list(request: HttpRequest, page: PolicyLibraryPage, **fixed) -> TemplateResponse:
    """The library: filters with their counts, sorting, one page of documents.

    ``fixed`` holds a filter a route sets (``category`` for ``fenlei/<code>/``,
    ``issuer`` for ``jiguan/<id>/``); the form's other filters narrow it further.
    """
    documents = _documents(page)
    selection = library.Selection.from_query(request.GET, **fixed)
    paginator = Paginator(library.sorted_page_list(documents, selection), PER_PAGE)
    # The counts change only when a document does (which starts a new page-cache generation): counted once per
    # generation and choice of filters, so paging and sorting reuse them.
    filters = [page.pk, *(getattr(selection, name) for name in library.FILTERS)]
    paginator.count = cached_part(request, "policy-count", filters, paginator.object_list.count)
    page_of_documents = page_of(paginator, request)
    options = cached_part(request, "policy-options", filters, lambda: library.options(documents, selection))
    library_url = page.get_url(request)
    heading, list_url = "", library_url
    if "category" in fixed:
        heading = next((option.label for option in options["category"] if option.value == selection.category), "")
        list_url = f"{library_url}fenlei/{selection.category}/"
    elif "issuer" in fixed:
        heading = next((option.label for option in options["issuer"] if option.value == str(selection.issuer)), "")
        list_url = f"{library_url}jiguan/{selection.issuer}/"
    return page.render(
        request,
        template="policies/policy_library_page.html",
        context_overrides={
            "documents": page_of_documents,
            "selection": selection,
            "options": options,
            "sorts": [(value, label) for value, (label, _order) in library.SORTS.items()],
            "list_heading": heading,
            "breadcrumb_title": heading or None,
            "library_url": library_url,
            "list_url": list_url,
            "export_url": f"{library_url}daochu/?{export_query(selection)}",
        },
    )


def category_list(request: HttpRequest, page: PolicyLibraryPage, code: str) -> TemplateResponse:
    """分类: the documents of one category (404 for a category this library does not show)."""
    categories = _categories(page)
    category = get_object_or_404(PolicyCategory, code=code)
    if categories and category not in categories:
        raise Http404(_("本栏目不收录这个分类的文件"))
    return library_list(request, page, category=category.code)


def issuer_list(request: HttpRequest, page: PolicyLibraryPage, pk: int) -> TemplateResponse:
    """发文机关: the documents one body issued."""
    issuer = get_object_or_404(PolicyIssuer, pk=pk)
    return library_list(request, page, issuer=issuer.pk)


def published_document(page: PolicyLibraryPage, pk: int) -> Policy:
    """The published document ``pk`` if this library shows it, else 404."""
    documents = _documents(page).select_related("category", "replaced_by").prefetch_related("issuers", "topics")
    return get_object_or_404(documents, pk=pk)


def document(request: HttpRequest, page: PolicyLibraryPage, pk: int) -> TemplateResponse:
    """One document: the metadata table, body, attachments, interpretations, related documents."""
    policy = published_document(page, pk)
    replaced_by = policy.replaced_by if policy.replaced_by_id and policy.replaced_by.live else None
    return page.render(
        request,
        template="policies/policy_document.html",
        context_overrides={
            "policy": policy,
            "metadata": metadata_rows(policy),
            "notice": validity_notice(policy),
            "issuers": list(policy.issuers.all()),
            "attachments": list(policy.attachments.select_related("document")),
            "interpretations": list(policy.interpretations.filter(live=True)),
            "related": list(policy.related.filter(live=True).order_by("-issued_on", "-id")),
            "replaces": list(policy.replaces.public().order_by("-issued_on", "-id")),
            "replaced_by": replaced_by,
            "breadcrumb_title": policy.title,
            "library_url": page.get_url(request),
        },
    )


def document_pdf(request: HttpRequest, page: PolicyLibraryPage, pk: int) -> HttpResponse:
    """The document as a text PDF (metadata table and body), for download."""
    from .pdf import policy_pdf

    policy = published_document(page, pk)
    url = request.build_absolute_uri(page.document_url(policy, request) or "")
    response = HttpResponse(policy_pdf(policy, url), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="policy-{policy.pk}.pdf"'
    return response


def interpretation(request: HttpRequest, page: PolicyLibraryPage, pk: int) -> TemplateResponse:
    """政策解读: text, 图解 or video, linking back to the documents it explains."""
    item = get_object_or_404(PolicyInterpretation.objects.filter(live=True).select_related("image", "video"), pk=pk)
    return page.render(
        request,
        template="policies/policy_interpretation.html",
        context_overrides={
            "interpretation": item,
            "documents": list(_documents(page).filter(interpretations=item)),
            "breadcrumb_title": item.title,
            "library_url": page.get_url(request),
        },
    )


def permanent(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """``/policies/<id>/``: a document's address that never changes, sent on to its page in the library.

    Old article addresses redirect here (migration 0003), so they keep working
    when the library page is moved or renamed.
    """
    from .pages import PolicyLibraryPage

    policy = get_object_or_404(Policy.objects.public(), pk=pk)
    page = PolicyLibraryPage.canonical()
    url = page.document_url(policy, request) if page is not None else None
    if url is None:
        raise Http404(_("政策法规库尚未发布"))
    return HttpResponseRedirect(url)


def export_query(selection: library.Selection) -> str:
    """The query string of the export of what the visitor filtered (a route's own filter included), without format."""
    params = {name: getattr(selection, name) for name in library.FILTERS if getattr(selection, name) not in ("", None)}
    params["sort"] = selection.sort
    return urlencode(params)


def export(request: HttpRequest, page: PolicyLibraryPage) -> HttpResponse:
    """导出: the documents the visitor filtered, as .xlsx or .csv in the import's columns (an export re-imports)."""
    fmt = request.GET.get("format", "xlsx")
    if fmt not in exports.FORMATS:
        raise Http404(_("没有这种导出格式"))
    selection = library.Selection.from_query(request.GET)
    documents = selection.apply(_documents(page)).order_by(*library.SORTS[selection.sort][1])
    return exports.export_response(documents, fmt)
