"""A deleted attachment (or a deleted document's) takes its stored file with it."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import DocumentAttachment


@receiver(post_delete, sender=DocumentAttachment, dispatch_uid="circulation-attachment-deleted")
def attachment_deleted(sender, instance: DocumentAttachment, **kwargs) -> None:
    # After commit: a rolled-back delete must not lose the file.
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
