"""An edited, published or withdrawn entry (or topic) refreshes the cached public pages and the index.

Votes change only the counters (a queryset ``update``, no signal): a cached
list may show counts up to ``PAGE_CACHE_SECONDS`` old, which is not worth
emptying the whole page cache on every click.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from .models import FaqEntry, FaqTopic


@receiver(post_save, sender=FaqEntry)
@receiver(post_delete, sender=FaqEntry)
@receiver(post_save, sender=FaqTopic)
@receiver(post_delete, sender=FaqTopic)
def refresh_pages(**kwargs) -> None:
    invalidate_page_cache()


@receiver(post_save, sender=FaqEntry)
def reindex_entry(instance: FaqEntry, **kwargs) -> None:
    sources.changed(instance)


@receiver(post_delete, sender=FaqEntry)
def unindex_entry(instance: FaqEntry, **kwargs) -> None:
    sources.removed("faq", instance.pk)
