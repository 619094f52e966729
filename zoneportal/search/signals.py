"""Keep the index in step with the site: publish, unpublish, move, rename, delete, privacy.

Updates are queued as tasks once the change is committed, so the editor's
request does not wait for the analysis and the worker sees committed data.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from zoneportal.portal.page_cache import invalidate_page_cache

from .models import HiddenSearchTerm, Synonym
from .tasks import update_search_index


def schedule(page_ids: Iterable[int]) -> None:
    """Queue an index update for these pages when the current transaction commits."""
    ids = sorted(set(page_ids))
    if ids:
        transaction.on_commit(partial(update_search_index.enqueue, ids))


def _subtree(page: Page) -> list[int]:
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance: Page, **kwargs) -> None:
    schedule([instance.pk])


@receiver(post_page_move)
@receiver(page_slug_changed)
def page_moved(sender, instance: Page, **kwargs) -> None:
    # Every page below has a new URL, and a move may take it into or out of a private section.
    schedule(_subtree(instance))


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance: Page, **kwargs) -> None:
    schedule([instance.pk])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    if not kwargs.get("raw"):
        schedule(_subtree(instance.page))


@receiver(post_save, sender=HiddenSearchTerm)
@receiver(post_delete, sender=HiddenSearchTerm)
def hidden_terms_changed(sender, **kwargs) -> None:
    # Kept results pages show hot words and suggestions (results_cache): a term hidden goes at once.
    invalidate_page_cache()


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(sender, **kwargs) -> None:
    # Each process keeps the parsed rules per page-cache generation (engine.synonyms).
    invalidate_page_cache()
