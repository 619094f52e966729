"""Published surveys as site-search entries (type ``survey``, 民意调查).

The search app's source registry calls :func:`all_entries` for a rebuild and
:func:`entries_for` when one survey changes; an unpublished survey has no entry.
The text is the survey's description and its questions, so a search for a
topic the survey asks about finds it. Entries link below the first live 民意调查
page (:class:`~zoneportal.surveys.pages.SurveyIndexPage`) inside a site, on that
site; without one there is nowhere to link to, so nothing is indexed.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone

from zoneportal.search.indexers import IndexEntry, SiteTree

from .models import Survey
from .pages import SurveyIndexPage

#: ``IndexEntry.type`` of a survey, registered with the search sources (apps.py).
SURVEY_TYPE = "survey"
EXTERNAL_PREFIX = "survey:"


def external_id(survey: Survey) -> str:
    return f"{EXTERNAL_PREFIX}{survey.pk}"


def _list_page(sites: SiteTree) -> tuple[int, str] | None:
    """The site id and URL in that site (ending in ``/``) of the 民意调查 page entries link to."""
    for page in SurveyIndexPage.objects.live().public().order_by("path"):
        located = sites.locate(page)
        if located is not None:
            site, url = located
            return site.pk, url
    return None


def _entry(survey: Survey, site_id: int, list_url: str) -> IndexEntry:
    questions = " ".join(question.text for question in survey.questions.all())
    when = survey.opens_at or survey.created_at or timezone.now()
    return IndexEntry(
        external_id=external_id(survey),
        type=SURVEY_TYPE,
        title=survey.title,
        url=f"{list_url}{survey.slug}/",
        text=f"{survey.intro} {questions}".strip(),
        keywords=f"民意调查,问卷,{survey.department.name}",
        site_id=site_id,
        date=when,
        issuer=survey.department.name,
        year=timezone.localtime(when).year,
    )


def entries_for(survey: Survey) -> list[IndexEntry]:
    """The entry of ``survey``: none when it is not published or no 民意调查 page is live."""
    if not survey.is_published:
        return []
    located = _list_page(SiteTree())
    return [_entry(survey, *located)] if located is not None else []


def all_entries() -> Iterator[IndexEntry]:
    """Every published survey's entry (none while no 民意调查 page is live)."""
    located = _list_page(SiteTree())
    if located is None:
        return
    surveys = Survey.objects.filter(is_published=True).select_related("department").prefetch_related("questions")
    for survey in surveys:
        yield _entry(survey, *located)
