"""Parks and public projects in site search, as type 园区与项目.

Each links to its page below the first live :class:`InvestmentDataPage`; while
there is none, nothing is indexed (and a record's entries leave the index).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from zoneportal.search.indexers import IndexEntry, SiteTree

from . import public
from .models import Park, Project

TYPE = "investment"
TYPE_LABEL = _("园区与项目")
PARK_PREFIX = "inv_park"
PROJECT_PREFIX = "inv_project"


def prefix_of(record: Park | Project) -> str:
    return PARK_PREFIX if isinstance(record, Park) else PROJECT_PREFIX


def _data_page() -> tuple[int, str] | None:
    """(site id, URL in the site) of the page the entries link to."""
    from .pages import InvestmentDataPage

    page = InvestmentDataPage.first_live()
    located = SiteTree().locate(page) if page is not None else None
    if located is None:
        return None
    site, url = located
    return site.pk, url


def _park_entry(park: Park, site_id: int, base: str) -> IndexEntry:
    row = public.park_row(park)
    text = " ".join(
        part
        for part in (park.address, row["infrastructure"], row["industries"], *(zone.name for zone in park.zones.all()))
        if part
    )
    return IndexEntry(
        external_id=f"{PARK_PREFIX}:{park.pk}",
        type=TYPE,
        title=park.name,
        url=f"{base}yuanqu/{park.pk}/",
        text=text,
        keywords=row["industries"],
        site_id=site_id,
        date=park.updated_at,
    )


def _project_entry(project: Project, site_id: int, base: str) -> IndexEntry:
    parts = (project.investor, project.park.name if project.park else "", project.industry and project.industry.name)
    return IndexEntry(
        external_id=f"{PROJECT_PREFIX}:{project.pk}",
        type=TYPE,
        title=project.name,
        url=f"{base}xiangmu/{project.pk}/",
        text=" ".join(part for part in (*parts, str(project.get_stage_display())) if part),
        keywords=project.industry.name if project.industry else "",
        site_id=site_id,
        date=project.updated_at,
    )


def park_entries() -> Iterator[IndexEntry]:
    """An entry per park."""
    located = _data_page()
    if located is not None:
        for park in public.parks(public.Filters()):
            yield _park_entry(park, *located)


def project_entries() -> Iterator[IndexEntry]:
    """An entry per public project (past negotiation)."""
    located = _data_page()
    if located is not None:
        for project in public.projects(public.Filters()):
            yield _project_entry(project, *located)


def park_entries_for(park: Park) -> list[IndexEntry]:
    located = _data_page()
    if located is None:
        return []
    record = public.parks(public.Filters()).filter(pk=park.pk).first()
    return [_park_entry(record, *located)] if record else []


def project_entries_for(project: Project) -> list[IndexEntry]:
    located = _data_page()
    if located is None or project.stage not in public.PUBLIC_STAGES:
        return []
    return [_project_entry(project, *located)]


def register() -> None:
    """Register both sources (from ``InvestmentConfig.ready()``)."""
    from zoneportal.search.sources import register_source

    register_source(PARK_PREFIX, TYPE, TYPE_LABEL, park_entries, park_entries_for, model=Park)
    register_source(PROJECT_PREFIX, TYPE, TYPE_LABEL, project_entries, project_entries_for, model=Project)
