"""Background work of the search index, run by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from .index import index_pages


@task()
def update_search_index(page_ids: list[int]) -> None:
    """Index these pages again, or take them out of the index if the public can no longer see them."""
    index_pages(page_ids)
