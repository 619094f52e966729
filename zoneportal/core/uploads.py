"""Uploads are checked by what they contain, not by what they are called.

Wagtail already limits document extensions and sizes (settings) and decodes
every image with Willow; this adds the missing half for documents: the bytes
must match the extension, so a renamed executable or HTML page is refused.
"""

import codecs
from pathlib import PurePath

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
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
#: Photos citizens attach (letters, survey answers): recognised by their signature, like videos.
IMAGE_MIME_BY_EXTENSION = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif"}
TEXT_EXTENSIONS = {"txt", "csv", "jsonl"}
#: How much of an upload is read to judge it.
SAMPLE_BYTES = 8192


def content_matches_extension(upload: UploadedFile) -> bool:
    """True when the upload's first bytes are what its extension promises."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    upload.seek(0)
    head = upload.read(SAMPLE_BYTES)
    upload.seek(0)
    if extension in MAGIC_BY_EXTENSION:
        return head.startswith(MAGIC_BY_EXTENSION[extension])
    if extension in VIDEO_MIME_BY_EXTENSION:
        kind = filetype.guess(head)
        return kind is not None and kind.mime == VIDEO_MIME_BY_EXTENSION[extension]
    if extension in IMAGE_MIME_BY_EXTENSION:
        kind = filetype.guess(head)
        return kind is not None and kind.mime == IMAGE_MIME_BY_EXTENSION[extension]
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in head or head.lstrip().lower().startswith((b"<!doctype", b"<html", b"<script")):
            return False
        # The sample may end inside a multi-byte character (3 bytes per Chinese
        # character in UTF-8, 2 or 4 in GB18030): an incremental decoder keeps
        # such a tail pending instead of refusing it, wherever the cut falls.
        whole_file = upload.size is not None and upload.size <= len(head)
        for encoding in ("utf-8", "gb18030"):
            try:
                codecs.getincrementaldecoder(encoding)().decode(head, final=whole_file)
                return True
            except UnicodeDecodeError:
                continue
        return False
    return False


def check_upload(upload: UploadedFile, extensions: tuple[str, ...], max_bytes: int) -> None:
    """Refuse ``upload`` (``forms.ValidationError``, in Chinese) unless its extension is one of
    ``extensions``, it is at most ``max_bytes`` long and its content matches its extension.

    For forms outside Wagtail's document library (evidence files, letters' attachments).
    """
    name = upload.name or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in extensions:
        raise forms.ValidationError(
            _("“%(name)s”的文件类型不允许，只能上传：%(allowed)s。")
            % {"name": name, "allowed": "、".join(f".{ext}" for ext in extensions)},
            code="extension",
        )
    if upload.size is not None and upload.size > max_bytes:
        raise forms.ValidationError(
            _("“%(name)s”超过 %(limit)s MB，请压缩后再上传。") % {"name": name, "limit": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    if not content_matches_extension(upload) or (extension in IMAGE_MIME_BY_EXTENSION and not image_decodes(upload)):
        raise forms.ValidationError(
            _("“%(name)s”的内容与扩展名不符（例如把程序改名为 .jpg），请上传真实的文件。") % {"name": name},
            code="content_mismatch",
        )


def image_decodes(upload: UploadedFile) -> bool:
    """True when Pillow reads the whole image: a valid header on a broken or disguised body is refused."""
    from PIL import Image

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
        # verify() checks the structure; decoding the pixels catches a truncated body too.
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, DecompressionBombError …)
        return False
    finally:
        upload.seek(0)
    return True


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content betrays their name."""

    def clean_file(self) -> UploadedFile:
        """Refuse an extension that is not allowed, else content that does not match the extension."""
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if allowed:
            # Wagtail checks the extension only later, on the model (Document.clean):
            # checked here first, a .exe is refused for its extension alone.
            FileExtensionValidator(allowed)(upload)
        if not content_matches_extension(upload):
            raise forms.ValidationError(
                _("文件内容与扩展名不符（例如把网页或程序改名为 .pdf），请上传真实的文档。"), code="content_mismatch"
            )
        return upload

    def add_error(self, field: str | None, error) -> None:
        """One reason per refused file: drop the model's second opinion on a file already refused.

        When ``clean_file`` refuses the upload, the document has no file, and
        ``Document.clean`` would add “文件扩展“”是不被允许” for that empty name.
        """
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            if "file" in error.error_dict and self.has_error("file"):
                rest = {name: errors for name, errors in error.error_dict.items() if name != "file"}
                if not rest:
                    return
                error = ValidationError(rest)
        super().add_error(field, error)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name (Django's documented pattern); cleans to a list, empty when none were
    chosen. Each file is still checked by the form (``check_upload``)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []
