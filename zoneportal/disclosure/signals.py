"""The guide and the list of annual reports are cached whole for anonymous visitors: saving or deleting
a report refreshes them; a deleted request's files are removed from disk.

Requests themselves change nothing a cached page shows (the look-up, the status and each report's
table are never cached).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache

from .models import AnnualReport, RequestFile


@receiver(post_save, sender=AnnualReport, dispatch_uid="disclosure-report-saved")
@receiver(post_delete, sender=AnnualReport, dispatch_uid="disclosure-report-deleted")
def report_changed(sender, instance: AnnualReport, **kwargs) -> None:
    """A report published, changed or withdrawn: the pages listing reports show it once this commits."""
    transaction.on_commit(invalidate_page_cache)


@receiver(post_delete, sender=RequestFile, dispatch_uid="disclosure-file-deleted")
def file_deleted(sender, instance: RequestFile, **kwargs) -> None:
    """A request deleted takes its files with it, once the deletion is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
