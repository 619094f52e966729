"""One page of a public list, as every list on the site pages it."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _


def page_of(paginator: Paginator, request: HttpRequest) -> Page:
    """The page ``?page=`` asks for: the first for a missing or malformed number, 404 past the end."""
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        raise Http404(_("没有这一页")) from None
