"""A moderated (or deleted) comment changes what the draft's page shows: refresh the cached pages.

A new comment awaiting moderation shows nowhere, so it leaves the cache alone.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache

from .models import ConsultationComment


@receiver(post_save, sender=ConsultationComment)
def comment_saved(instance: ConsultationComment, created: bool, **kwargs) -> None:
    if not (created and instance.status == ConsultationComment.Status.PENDING):
        invalidate_page_cache()


@receiver(post_delete, sender=ConsultationComment)
def comment_deleted(**kwargs) -> None:
    invalidate_page_cache()
