"""Redirects only for addresses that were once public.

Wagtail makes a redirect whenever a page's address changes. An address that was never
public needs none: a draft's slug becomes the page's own only when it is first published,
and a redirect from the creation-time slug would squat an address nobody ever saw.
"""

from __future__ import annotations

from wagtail.contrib.redirects.signal_handlers import (
    autocreate_redirects_on_page_move,
    autocreate_redirects_on_slug_change,
)
from wagtail.models import Page
from wagtail.signals import page_slug_changed, post_page_move


def was_ever_public(page: Page) -> bool:
    """Whether ``page`` or a page below it has ever been published (its address may be known)."""
    if page.first_published_at is not None:
        return True
    return Page.objects.descendant_of(page).filter(first_published_at__isnull=False).exists()


def redirect_on_slug_change(sender, instance: Page, instance_before: Page, **kwargs) -> None:
    """Wagtail's redirect for a changed slug, only for an address that was once public."""
    if was_ever_public(instance_before):
        autocreate_redirects_on_slug_change(instance_before=instance_before, instance=instance, **kwargs)


def redirect_on_move(sender, instance: Page, **kwargs) -> None:
    """Wagtail's redirects for a moved page, only for addresses that were once public."""
    if was_ever_public(instance):
        autocreate_redirects_on_page_move(instance=instance, **kwargs)


def connect() -> None:
    """Replace Wagtail's redirect handlers with the ones above; called from ``PortalConfig.ready``.

    ``wagtail.contrib.redirects`` must come before this app in ``INSTALLED_APPS``: its
    ``ready()`` connects the handlers this disconnects.
    """
    for signal, wagtails, ours in (
        (page_slug_changed, autocreate_redirects_on_slug_change, redirect_on_slug_change),
        (post_page_move, autocreate_redirects_on_page_move, redirect_on_move),
    ):
        if not signal.disconnect(wagtails):
            raise RuntimeError("wagtail.contrib.redirects must precede zoneportal.portal in INSTALLED_APPS")
        signal.connect(ours, dispatch_uid=f"portal-{ours.__name__}")
