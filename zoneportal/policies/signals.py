"""An edited, published or withdrawn document refreshes the cached public pages and the search index.

The import (``importing.py``) writes in bulk, without these signals, and indexes and
empties the page cache itself once per file.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from . import search
from .models import Policy, PolicyCategory, PolicyInterpretation, PolicyIssuer, PolicyTopic


@receiver(post_save, sender=Policy)
@receiver(post_delete, sender=Policy)
@receiver(post_save, sender=PolicyInterpretation)
@receiver(post_delete, sender=PolicyInterpretation)
@receiver(post_save, sender=PolicyCategory)
@receiver(post_delete, sender=PolicyCategory)
@receiver(post_save, sender=PolicyIssuer)
@receiver(post_delete, sender=PolicyIssuer)
@receiver(post_save, sender=PolicyTopic)
@receiver(post_delete, sender=PolicyTopic)
def refresh_pages(**kwargs) -> None:
    invalidate_page_cache()


@receiver(post_save, sender=Policy)
def reindex_policy(instance: Policy, **kwargs) -> None:
    sources.changed(instance)


@receiver(post_delete, sender=Policy)
def unindex_policy(instance: Policy, **kwargs) -> None:
    sources.removed(search.PREFIX, instance.external_id)
