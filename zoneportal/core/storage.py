"""Where files only staff may read are kept: a folder no URL leads to.

Letters' attachments carry names, phone numbers and ID cards; the ledger's evidence
is internal. Under ``MEDIA_ROOT`` they would be served to anyone guessing
``/media/…`` (by Django in the embedded profile, by nginx in production). They live
under ``PRIVATE_MEDIA_ROOT`` instead; each app's back-office view checks who asks
and sends the file.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """Files under ``settings.PRIVATE_MEDIA_ROOT`` (read when used, so tests can point it elsewhere); no URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; the back office serves them after a permission check.")

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


_private_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """The private storage (a callable, so migrations name it rather than a path)."""
    return _private_storage
