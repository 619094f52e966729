"""Published surveys as site-search entries (type ``survey``, 民意调查).

The search app's source registry calls :func:`all_entries` for a rebuild and
:func:`entries_for` when one survey changes; an unpublished survey has no entry.
The text is the survey's description and its questions, so a search for a
topic the survey asks about finds it.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from wagtail.models import Site

from zoneportal.search.indexers import IndexEntry

from .models import Survey

#: ``IndexEntry.type`` of a survey, registered with the search sources (apps.py).
SURVEY_TYPE = "survey"
EXTERNAL_PREFIX = "survey:"


def external_id(survey: Survey) -> str:
    return f"{EXTERNAL_PREFIX}{survey.pk}"


def entries_for(survey: Survey) -> list[IndexEntry]:
    """The entry of ``survey`` (empty when it is not published), on the default site."""
    if not survey.is_published:
        return []
    site = Site.objects.filter(is_default_site=True).first()
    questions = " ".join(question.text for question in survey.questions.all())
    when = survey.opens_at or survey.created_at or timezone.now()
    return [
        IndexEntry(
            external_id=external_id(survey),
            type=SURVEY_TYPE,
            title=survey.title,
            url=survey.get_absolute_url(),
            text=f"{survey.intro} {questions}".strip(),
            keywords=f"民意调查,问卷,{survey.department.name}",
            site_id=site.pk if site else None,
            date=when,
            issuer=survey.department.name,
            year=timezone.localtime(when).year,
        )
    ]


def all_entries() -> Iterator[IndexEntry]:
    """Every published survey's entry."""
    surveys = Survey.objects.filter(is_published=True).select_related("department").prefetch_related("questions")
    for survey in surveys:
        yield from entries_for(survey)
