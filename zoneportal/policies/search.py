"""The policy library in site search: one entry of type 政策文件 per published document.

Entries are keyed by the document's ``external_id`` (``policy:H001``), so an imported
document is found in the search API under the id of the file it came from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from zoneportal.search.indexers import TEXT_LIMIT, IndexEntry, SiteTree
from zoneportal.search.models import DocumentType

from .models import Policy

PREFIX = "policy"
#: Documents read from the database at a time while the index is rebuilt.
CHUNK = 500
#: A tag of the (sanitised) body: replaced by a space, so paragraphs stay apart for segmentation. Django's
#: ``strip_tags`` parses the HTML and was most of the time an import of 10,000 documents spent outside the index.
TAG = re.compile(r"<[^>]*>")


def key(policy: Policy) -> str:
    """What search knows a document by."""
    return policy.external_id


def _library() -> tuple[int, str] | None:
    """``(site id, URL within the site)`` of the library documents link to, or None if there is none."""
    from .pages import PolicyLibraryPage

    page = PolicyLibraryPage.canonical()
    if page is None:
        return None
    located = SiteTree().locate(page)
    if located is None:
        return None
    site, url = located
    return site.pk, url


def entry(policy: Policy, site_id: int, library_url: str) -> IndexEntry:
    """The index entry of one document (its category, issuers and topics prefetched)."""
    return entry_with_names(
        policy,
        [issuer.name for issuer in policy.issuers.all()],
        [topic.name for topic in policy.topics.all()],
        site_id,
        library_url,
    )


def entry_with_names(
    policy: Policy, issuer_names: Iterable[str], topic_names: Iterable[str], site_id: int, library_url: str
) -> IndexEntry:
    """The index entry of one document whose issuers and topics are known by name, in the models' ordering.

    The import knows them from its rows, so it does not read back what it has just written.
    """
    issuers = "、".join(issuer_names)
    topics = " ".join(topic_names)
    return IndexEntry(
        external_id=f"{PREFIX}:{policy.external_id}",
        type=DocumentType.POLICY,
        title=policy.title,
        url=f"{library_url}{policy.pk}/",
        text=" ".join(html.unescape(TAG.sub(" ", policy.body)).split())[:TEXT_LIMIT],
        keywords=topics,
        site_id=site_id,
        date=policy.issued_at,
        doc_number=policy.doc_number,
        category=policy.category.name,
        issuer=issuers,
        year=policy.year,
        validity=policy.validity,
    )


def _entries(policies: Iterable[Policy]) -> Iterator[IndexEntry]:
    located = _library()
    if located is None:
        return
    site_id, library_url = located
    for policy in policies:
        yield entry(policy, site_id, library_url)


def _public():
    return Policy.objects.public().select_related("category").prefetch_related("issuers", "topics")


def all_entries() -> Iterator[IndexEntry]:
    """Entries of every published document (none while no library page is live)."""
    yield from _entries(_public().order_by("pk").iterator(chunk_size=CHUNK))


def entries_for(policy: Policy) -> list[IndexEntry]:
    """The entries of one document: one if published, none if it must leave the index."""
    return entries_for_keys([policy.external_id])


def entries_for_keys(keys: list[str]) -> list[IndexEntry]:
    """The entries of the documents with these external ids that the public can read."""
    return list(_entries(_public().filter(external_id__in=keys)))
