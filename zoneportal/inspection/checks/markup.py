"""Markup: rich text as plain text, and images without a text alternative (alt)."""

from __future__ import annotations

import html
from collections.abc import Iterator

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _

from . import Finding, Severity


def rich_text_to_plain(markup: str) -> str:
    """The visible text of rich text or HTML, block elements on their own lines."""
    if not markup:
        return ""
    soup = BeautifulSoup(markup, "html.parser")
    return html.unescape(soup.get_text("\n")).strip()


def images_without_alt(markup: str) -> list[Finding]:
    """``<img>`` and Wagtail's image ``<embed>`` s in ``markup`` whose alt text is missing or blank."""
    if not markup or ("<img" not in markup and "<embed" not in markup):
        return []
    soup = BeautifulSoup(markup, "html.parser")
    findings = []
    for element in soup.find_all(["img", "embed"]):
        if element.name == "embed" and element.get("embedtype") != "image":
            continue
        if not (element.get("alt") or "").strip():
            name = element.get("src") or _("图片 %(id)s") % {"id": element.get("id", "")}
            findings.append(
                Finding("image_alt", Severity.WARNING, _("图片缺少替代文字（alt）"), excerpt=str(name)[:80])
            )
    return findings


def stream_texts(value) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` for each piece of a StreamField value: ``("html", …)`` for rich text, ``("text", …)``.

    Walks structs, lists and streams; images of an ``ImageBlock`` come as ``("image", alt)`` so the
    alt check sees them.
    """
    from wagtail.images.blocks import ImageBlock
    from wagtail.rich_text import RichText

    for child in _children(value):
        block, data = child
        if isinstance(block, ImageBlock):
            if data is not None and not getattr(data, "decorative", False):
                yield "image", getattr(data, "contextual_alt_text", "") or ""
            continue
        if isinstance(data, RichText):
            yield "html", data.source
        elif isinstance(data, str):
            yield "text", data
        elif isinstance(data, dict) and "data" in data:  # a TableBlock's rows
            yield "text", "\n".join(" ".join(str(cell or "") for cell in row) for row in data.get("data") or [])
        else:
            yield from stream_texts(data)


def _children(value) -> Iterator[tuple[object, object]]:
    from wagtail.blocks import StreamValue, StructValue
    from wagtail.blocks.list_block import ListValue

    if isinstance(value, StreamValue):
        for child in value:
            yield child.block, child.value
    elif isinstance(value, StructValue):
        for name, item in value.items():
            yield value.block.child_blocks[name], item
    elif isinstance(value, ListValue):
        for item in value:
            yield value.list_block.child_block, item
