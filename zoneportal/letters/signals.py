"""A letter's published reply follows it into site search (信件回复) and out again.

Only what the public can see matters: a letter is re-indexed when it is saved and
is, or may just have stopped being, published; ``entries_for`` gives no entry for
an unpublished letter, which takes it out of the index.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zoneportal.search import sources

from .models import Letter


@receiver(post_save, sender=Letter, dispatch_uid="letters-reindex")
def reindex_letter(instance: Letter, **kwargs) -> None:
    # A new or unanswered letter is never public: no index work for the letters arriving.
    if instance.is_public and (instance.is_published or instance.reply):
        sources.changed(instance)


@receiver(post_delete, sender=Letter, dispatch_uid="letters-unindex")
def unindex_letter(instance: Letter, **kwargs) -> None:
    sources.removed("letter", instance.pk)
