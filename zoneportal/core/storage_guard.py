"""The media disk full while a view saves a file: a page in Chinese saying nothing was saved, not a 500.

Views that can keep the person's input handle the failure themselves (the letter form: ``letters.views``).
Anywhere else — a document or an image uploaded in the back office, an attachment of another app — the
file's write raises ``OSError`` (ENOSPC, or EDQUOT over a quota) before its record is inserted, the
storage deletes the part it wrote (``core.storage.CleanFileSystemStorage``), and this middleware answers.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

#: The errors of a full disk or an exhausted quota.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
#: 507 Insufficient Storage.
STORAGE_FULL_STATUS = 507


class StorageFullMiddleware:
    """Answer 507 with ``507.html`` when a view fails because the disk has no space left."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """The Chinese page for a full disk; any other error goes on as before."""
        if not isinstance(exception, OSError) or exception.errno not in NO_SPACE:
            return None
        logger.error("No space left saving a file for %s %s: %s", request.method, request.path, exception)
        page = loader.get_template("507.html").render({"site_name": settings.WAGTAIL_SITE_NAME})
        return HttpResponse(page, status=STORAGE_FULL_STATUS)
