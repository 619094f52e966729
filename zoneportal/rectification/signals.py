"""The public ledger page is cached whole for anonymous visitors: a change to a public item refreshes it;
a deleted item's evidence files are removed from disk.

An item that is or was public (made private since it was loaded) moves the page
cache's generation on once its transaction commits; internal items change
nothing the public sees, so they leave the cache alone.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from .models import RectificationEvidence, RectificationItem, RectificationMeasure


def _refresh_public_pages(item: RectificationItem) -> None:
    if item.is_public or item.was_public:
        transaction.on_commit(invalidate_page_cache)


@receiver(post_save, sender=RectificationItem, dispatch_uid="rectification-item-saved")
@receiver(post_delete, sender=RectificationItem, dispatch_uid="rectification-item-deleted")
def item_changed(sender, instance: RectificationItem, **kwargs) -> None:
    _refresh_public_pages(instance)
    if instance.is_public or instance.was_public:
        if kwargs.get("created") is None:  # post_delete
            sources.removed("rectification", instance.pk)
        else:
            sources.changed(instance)
    instance._loaded_public = instance.is_public


@receiver(post_save, sender=RectificationMeasure, dispatch_uid="rectification-measure-saved")
@receiver(post_delete, sender=RectificationMeasure, dispatch_uid="rectification-measure-deleted")
def measure_changed(sender, instance: RectificationMeasure, **kwargs) -> None:
    try:
        item = instance.item
    except RectificationItem.DoesNotExist:
        return
    _refresh_public_pages(item)
    if item.is_public:
        sources.changed(item)


@receiver(post_delete, sender=RectificationEvidence, dispatch_uid="rectification-evidence-deleted")
def evidence_deleted(sender, instance: RectificationEvidence, **kwargs) -> None:
    """An item deleted (by the office) takes its evidence files with it, once the deletion is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
