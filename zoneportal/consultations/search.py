"""Drafts in site search: one index entry per public consultation, prefix ``consultation:``, type 公告.

A consultation is announced as a notice (关于公开征求《…》意见的公告), so it
reuses the existing 公告 type rather than adding a new ``DocumentType`` (which
would change the search app's choices and its migrations). The entry carries
what a visitor searches for: the draft, the reason for it and, once published,
the feedback summary (采纳情况), with the department as issuer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.html import strip_tags

from zoneportal.portal.visibility import visible_to_public
from zoneportal.search.indexers import TEXT_LIMIT, IndexEntry, SiteTree
from zoneportal.search.models import DocumentType

from .models import ConsultationPage

PREFIX = "consultation:"


def external_id(page: ConsultationPage) -> str:
    return f"{PREFIX}{page.pk}"


def _text(page: ConsultationPage) -> str:
    parts = [page.summary, strip_tags(page.body or ""), strip_tags(page.feedback_summary or "")]
    return " ".join(" ".join(part.split()) for part in parts if part)[:TEXT_LIMIT]


def _entries(pages: Iterable[ConsultationPage], sites: SiteTree) -> Iterator[IndexEntry]:
    for page in pages:
        located = sites.locate(page)
        if located is None:
            continue
        site, url = located
        yield IndexEntry(
            external_id=external_id(page),
            type=DocumentType.NOTICE,
            title=page.title,
            url=url,
            text=_text(page),
            keywords=page.keywords,
            site_id=site.pk,
            date=page.opens_at,
            issuer=page.department.name if page.department else "",
        )


def public_consultations():
    """Live consultations the public can see."""
    return visible_to_public(ConsultationPage.objects.all()).select_related("department").order_by("path")


def all_entries() -> Iterator[IndexEntry]:
    """An index entry for every consultation the public can see."""
    yield from _entries(public_consultations(), SiteTree())


def entries_for(page: ConsultationPage) -> list[IndexEntry]:
    """The index entries of one consultation: one while the public can see it, none otherwise."""
    return list(_entries(public_consultations().filter(pk=page.pk), SiteTree()))
