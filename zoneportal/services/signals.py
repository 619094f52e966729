"""An edited, published or withdrawn item, journey or topic refreshes the cached pages and the index."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from .models import Journey, ServiceItem, ServiceTopic
from .search import PREFIX


@receiver(post_save, sender=ServiceItem)
@receiver(post_delete, sender=ServiceItem)
@receiver(post_save, sender=Journey)
@receiver(post_delete, sender=Journey)
@receiver(post_save, sender=ServiceTopic)
@receiver(post_delete, sender=ServiceTopic)
def refresh_pages(**kwargs) -> None:
    invalidate_page_cache()


@receiver(post_save, sender=ServiceItem)
def reindex_item(instance: ServiceItem, **kwargs) -> None:
    # Queued for after the commit, when the item's materials and topics are saved too.
    sources.changed(instance)


@receiver(post_delete, sender=ServiceItem)
def unindex_item(instance: ServiceItem, **kwargs) -> None:
    sources.removed(PREFIX, instance.pk)
