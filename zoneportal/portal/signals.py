"""Keep the anonymous page cache honest: any change to live content empties it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .page_cache import invalidate_page_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def page_changed(sender, **kwargs) -> None:
    invalidate_page_cache()


#: Shared content shown on public pages (app label, model name); pages
#: themselves are covered by the page signals above. Image renditions are
#: created while pages render, so they must not empty the cache.
WATCHED_MODELS = {
    ("core", "department"),
    ("core", "leader"),
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
    ("portal", "portalsettings"),
    ("portal", "sitelink"),
    ("wagtailcore", "site"),
    ("wagtailcore", "pageviewrestriction"),
}


@receiver(post_delete)
@receiver(post_save, dispatch_uid="portal-shared-content-saved")
def shared_content_changed(sender, **kwargs) -> None:
    if not kwargs.get("raw") and (sender._meta.app_label, sender._meta.model_name) in WATCHED_MODELS:
        invalidate_page_cache()
