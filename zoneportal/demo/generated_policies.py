"""The demo library's generated documents: 1,300 across the ten categories, through the policy import.

They come from ``policy_corpus.library_records`` (a fixed seed: the same documents
every time), are marked ``is_demo`` and go through ``policies.importing`` exactly as a
file would, without indexing: the demo builds the whole search index at its end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from zoneportal.policies.importing import WRITE, import_records
from zoneportal.policies.models import Policy

from .policy_corpus import library_records

if TYPE_CHECKING:
    from .builder import DemoBuilder

COUNT = 1300
SEED = 2016
PREFIX = "demo"


def build(builder: DemoBuilder) -> None:
    """Import the generated documents (inside the demo's transaction); counts them on the progress line."""

    def progress(stage: str, done: int, total: int) -> None:
        if stage == WRITE:
            builder.progress.tick(done - builder.progress.done)

    report = import_records(
        lambda: enumerate(library_records(COUNT, SEED, PREFIX), start=1), is_demo=True, index=False, progress=progress
    )
    if report.errors:
        raise RuntimeError(_("演示政策文件导入失败：%(error)s") % {"error": report.errors[0]})


def remove() -> None:
    """Delete the generated documents (the demo's own seed documents are the policy library's)."""
    Policy.objects.filter(is_demo=True, external_id__startswith=f"{PREFIX}-{SEED}-").delete()
