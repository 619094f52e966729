"""A survey's list entry, page and results are public pages: a change invalidates the page cache and re-indexes it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from .models import Survey


@receiver(post_save, sender=Survey)
@receiver(post_delete, sender=Survey)
def survey_changed(sender, **kwargs) -> None:
    """Opening, closing or publishing results changes what /hudong/diaocha/ shows."""
    invalidate_page_cache()


@receiver(post_save, sender=Survey)
def reindex_survey(instance: Survey, **kwargs) -> None:
    sources.changed(instance)


@receiver(post_delete, sender=Survey)
def unindex_survey(instance: Survey, **kwargs) -> None:
    sources.removed("survey", instance.pk)
