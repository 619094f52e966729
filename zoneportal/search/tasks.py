"""Background work of the search index, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from .index import index_pages, remove_source, update_source


@task()
def update_search_index(page_ids: list[int]) -> None:
    """Index these pages again, or take them out of the index if the public can no longer see them."""
    index_pages(page_ids)


@task()
def update_source_items(prefix: str, keys: list[str]) -> None:
    """Index these objects of a registered source again (``sources.changed``), or drop those without entries now."""
    update_source(prefix, keys)


@task()
def remove_source_items(prefix: str, keys: list[str]) -> None:
    """Take these objects of a registered source out of the index (``sources.removed``)."""
    remove_source(prefix, keys)
