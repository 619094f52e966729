"""A survey's list entry, page and results are public pages: a change invalidates the page cache and re-indexes it.

The surveys' search entries link below the 民意调查 page, so publishing,
withdrawing or moving that page re-indexes every published survey (entries
follow the page's new address, or leave the index with it).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from .models import Survey
from .pages import SurveyIndexPage


@receiver(post_save, sender=Survey)
@receiver(post_delete, sender=Survey)
def survey_changed(sender, **kwargs) -> None:
    """Opening, closing or publishing results changes what the 民意调查 page shows."""
    invalidate_page_cache()


@receiver(post_save, sender=Survey)
def reindex_survey(instance: Survey, **kwargs) -> None:
    sources.changed(instance)


@receiver(post_delete, sender=Survey)
def unindex_survey(instance: Survey, **kwargs) -> None:
    sources.removed("survey", instance.pk)


@receiver(page_published, sender=SurveyIndexPage)
@receiver(page_unpublished, sender=SurveyIndexPage)
@receiver(post_page_move, sender=SurveyIndexPage)
def survey_page_changed(**kwargs) -> None:
    """The page surveys link to was published, withdrawn or moved: their search entries follow it."""
    for survey in Survey.objects.filter(is_published=True).only("pk"):
        sources.changed(survey)
