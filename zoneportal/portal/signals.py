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


WATCHED_APPS = {"core", "wagtailimages", "wagtaildocs"}
WATCHED_MODELS = {"portalsettings", "sitelink"}


@receiver(post_delete)
@receiver(post_save, dispatch_uid="portal-shared-content-saved")
def shared_content_changed(sender, **kwargs) -> None:
    # Departments, leaders, images, documents and site settings appear on
    # public pages too; pages themselves are covered by the signals above.
    meta = sender._meta
    if kwargs.get("raw"):
        return
    if meta.app_label in WATCHED_APPS or meta.model_name in WATCHED_MODELS:
        invalidate_page_cache()
