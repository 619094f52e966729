"""Published letters in site search: one entry per published letter, typed 信件回复, personal data masked.

The search registry calls :func:`all_entries` when the index is rebuilt and
:func:`entries_for` when one letter changes (an empty list means: take it out).
The entry links to the letter's page below the site's 领导信箱 page; without a
live 领导信箱 page there is nowhere to link to, so nothing is indexed.
"""

from __future__ import annotations

from collections.abc import Iterator

from wagtail.models import Site

from zoneportal.search.indexers import TEXT_LIMIT, IndexEntry
from zoneportal.search.models import DocumentType

from .models import Letter
from .pages import MailboxIndexPage
from .presentation import PublicLetter

EXTERNAL_PREFIX = "letter:"


def external_id(letter: Letter) -> str:
    """The search index's key of a letter: ``letter:<pk>``, as the search sources' registry keys objects."""
    return f"{EXTERNAL_PREFIX}{letter.pk}"


def _letters_page() -> tuple[Site, str] | None:
    """The site of the first live 领导信箱 page and its URL there (ending in ``/``)."""
    page = MailboxIndexPage.objects.live().public().order_by("path").first()
    if page is None:
        return None
    for site in sorted(Site.objects.select_related("root_page"), key=lambda s: -len(s.root_page.path)):
        root = site.root_page
        if page.path.startswith(root.path):
            return site, page.url_path[len(root.url_path) - 1 :]
    return None


def _entry(letter: Letter, site: Site, base_url: str) -> IndexEntry:
    public = PublicLetter.of(letter)
    keywords = " ".join(part for part in (public.mailbox, public.category, public.department) if part)
    return IndexEntry(
        external_id=external_id(letter),
        type=DocumentType.REPLY,
        title=public.subject,
        url=f"{base_url}gongkai/{letter.tracking_number}/",
        text=f"{public.content}\n{public.reply}"[:TEXT_LIMIT],
        keywords=keywords,
        site_id=site.pk,
        date=letter.replied_at,
    )


def _published():
    return Letter.objects.published().select_related("mailbox", "category", "department", "reply_department")


def all_entries() -> Iterator[IndexEntry]:
    """An entry for every published letter."""
    located = _letters_page()
    if located is None:
        return
    site, base_url = located
    for letter in _published().order_by("pk").iterator(chunk_size=500):
        yield _entry(letter, site, base_url)


def entries_for(letter: Letter) -> list[IndexEntry]:
    """The letter's entry while it is published, else none (so the registry removes it)."""
    located = _letters_page()
    current = _published().filter(pk=letter.pk).first()
    if located is None or current is None:
        return []
    return [_entry(current, *located)]
