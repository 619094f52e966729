"""Serving a request's files from private storage: always as a download, never rendered in the site's origin."""

from __future__ import annotations

import mimetypes
from urllib.parse import quote as url_quote

from django.http import FileResponse, Http404

from .models import RequestFile


def download(item: RequestFile) -> FileResponse:
    """``item`` as an attachment under the name it was uploaded with (404 when the file is gone)."""
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    content_type = mimetypes.guess_type(item.file.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{url_quote(item.original_name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
