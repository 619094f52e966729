"""Uploads are checked by what they contain, not by what they are called.

Wagtail already limits document extensions and sizes (settings) and decodes
every image with Willow; this adds the missing half for documents: the bytes
must match the extension, so a renamed executable or HTML page is refused.
"""

from pathlib import PurePath

import filetype
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.ppt/.wps
ZIP_MAGIC = b"PK\x03\x04"  # .docx/.xlsx/.pptx/.odt/.ods/.zip

MAGIC_BY_EXTENSION: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "doc": (OLE2_MAGIC,),
    "xls": (OLE2_MAGIC,),
    "ppt": (OLE2_MAGIC,),
    "wps": (OLE2_MAGIC,),
    "docx": (ZIP_MAGIC,),
    "xlsx": (ZIP_MAGIC,),
    "pptx": (ZIP_MAGIC,),
    "odt": (ZIP_MAGIC,),
    "ods": (ZIP_MAGIC,),
    "zip": (ZIP_MAGIC,),
}
VIDEO_MIME_BY_EXTENSION = {"mp4": "video/mp4", "webm": "video/webm"}
TEXT_EXTENSIONS = {"txt", "csv"}


def content_matches_extension(upload: UploadedFile) -> bool:
    """True when the upload's first bytes are what its extension promises."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if extension in MAGIC_BY_EXTENSION:
        return head.startswith(MAGIC_BY_EXTENSION[extension])
    if extension in VIDEO_MIME_BY_EXTENSION:
        kind = filetype.guess(head)
        return kind is not None and kind.mime == VIDEO_MIME_BY_EXTENSION[extension]
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in head or head.lstrip().lower().startswith((b"<!doctype", b"<html", b"<script")):
            return False
        for encoding in ("utf-8", "gb18030"):
            try:
                # A multi-byte character may be cut at the end of the sample.
                head[:-4].decode(encoding) if len(head) == 8192 else head.decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
        return False
    return False


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content betrays their name."""

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile) and not content_matches_extension(upload):
            raise forms.ValidationError(
                _("文件内容与扩展名不符（例如把网页或程序改名为 .pdf），请上传真实的文档。"), code="content_mismatch"
            )
        return upload
