"""A saved or deleted investment record refreshes the cached public pages and the search index.

The public pages, the overview pages' investment blocks and the API all read
the records, so any change — a corrected figure, a project moving on a stage,
a photo added — moves the page-cache generation on and the change shows at once.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.search import sources

from . import search
from .models import (
    Enterprise,
    EnterpriseYear,
    Indicator,
    IndicatorYear,
    Industry,
    InvestmentTask,
    Park,
    ParkZone,
    Project,
    ProjectInvestment,
    ProjectPhoto,
)

#: Every model whose rows a public page, block or API answer shows.
SHOWN = (
    Industry,
    Park,
    ParkZone,
    Enterprise,
    EnterpriseYear,
    Project,
    ProjectInvestment,
    ProjectPhoto,
    InvestmentTask,
    Indicator,
    IndicatorYear,
)


def refresh_pages(**kwargs) -> None:
    # After the commit: invalidating before it would let a request cache the old rows under the new generation.
    transaction.on_commit(invalidate_page_cache)


def reindex(instance, **kwargs) -> None:
    sources.changed(instance)


def unindex(instance, **kwargs) -> None:
    sources.removed(search.prefix_of(instance), instance.pk)


def connect() -> None:
    """Connect the receivers (from ``InvestmentConfig.ready()``)."""
    for model in SHOWN:
        post_save.connect(refresh_pages, sender=model, dispatch_uid=f"investment-refresh-save-{model.__name__}")
        post_delete.connect(refresh_pages, sender=model, dispatch_uid=f"investment-refresh-delete-{model.__name__}")
    m2m_changed.connect(refresh_pages, sender=Park.industries.through, dispatch_uid="investment-refresh-industries")
    for model in (Park, Project):
        post_save.connect(reindex, sender=model, dispatch_uid=f"investment-reindex-{model.__name__}")
        post_delete.connect(unindex, sender=model, dispatch_uid=f"investment-unindex-{model.__name__}")
