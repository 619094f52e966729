"""Where files only staff may read are kept: a folder no URL leads to.

Letters' attachments carry names, phone numbers and ID cards; the ledger's evidence
is internal. Under ``MEDIA_ROOT`` they would be served to anyone guessing
``/media/…`` (by Django in the embedded profile, by nginx in production). They live
under ``PRIVATE_MEDIA_ROOT`` instead; each app's back-office view checks who asks
and sends the file.
"""

from __future__ import annotations

import mimetypes
import os
from urllib.parse import quote as url_quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _


class CleanFileSystemStorage(FileSystemStorage):
    """Django's file system storage, minus the partial file a failed write leaves behind.

    Django opens the new file, then writes it chunk by chunk; when a chunk fails (the disk full: ENOSPC,
    a quota: EDQUOT) the part already written stays, a file no record points to. Here it is deleted
    before the error goes on, so the upload fails whole (tests/reliability/test_media_full.py). The
    settings' default storage (``STORAGES``) and the private storage are this class.
    """

    def _save(self, name, content):
        # Django retries under another name when the file exists; a file already there is never ours to delete.
        existed = os.path.lexists(self.path(name))
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                try:
                    os.remove(self.path(name))
                except FileNotFoundError:
                    pass  # failed before the file was created
            raise


class PrivateStorage(CleanFileSystemStorage):
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


def private_download(stored: FieldFile, name: str) -> FileResponse:
    """A privately stored file as a download under ``name`` (the name it was uploaded with), never rendered in
    the site's origin nor kept by a cache; 404 when the file is gone from the disk."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError as missing:
        raise Http404(_("文件不存在或已被删除")) from missing
    response = FileResponse(handle, content_type=mimetypes.guess_type(stored.name)[0] or "application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{url_quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
