"""The demo's policy library: its documents and interpretations as records of ``zoneportal.policies``.

The text of each document is an entry of ``content/articles.py`` whose column is a
library (``content/policies.LIBRARY_COLUMNS``); ``content/policies.py`` gives the
metadata. Records are made in two passes because texts link both ways: first the
records (so articles can link to them), then, once every page exists, their
bodies, attachments, replacements, related documents and interpretations. Links
to a document use its permanent address ``/policies/<id>/``, which follows the
library page wherever an editor moves it.
"""

from __future__ import annotations

import html
from datetime import date

from django.db.models import Q
from django.urls import reverse

from zoneportal.core.models import Department
from zoneportal.policies.models import (
    Policy,
    PolicyAttachment,
    PolicyCategory,
    PolicyInterpretation,
    PolicyIssuer,
    PolicyTopic,
)

from .content.articles import ARTICLES, ArticleSpec
from .content.policies import EXTRA_CATEGORIES, EXTRA_POLICIES, INTERPRETATIONS, LIBRARY_COLUMNS, POLICIES

ISSUER_SEPARATOR = "、"


def is_library_article(spec: ArticleSpec) -> bool:
    """Whether this entry of ``articles.py`` is a library document rather than an article."""
    return spec.column in LIBRARY_COLUMNS


def library_specs() -> list[ArticleSpec]:
    return [spec for spec in ARTICLES if is_library_article(spec)]


def steps() -> int:
    """Items the builder's progress counts for the library's documents (``create_policies``)."""
    return len(library_specs()) + len(EXTRA_POLICIES)


def finishing_steps() -> int:
    """Items counted by ``finish_policies``: the interpretations, made once the articles they cite exist."""
    return len(INTERPRETATIONS)


def permanent_url(policy: Policy) -> str:
    return reverse("policies:permanent", args=[policy.pk])


def link_html(policy: Policy, text: str | None = None) -> str:
    """A rich-text paragraph linking to ``policy`` (Wagtail's database format keeps a plain href)."""
    return f'<p><a href="{permanent_url(policy)}">{html.escape(text or policy.title)}</a></p>'


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def create_categories() -> None:
    """The demo's category beside the ten defaults."""
    for code, name in EXTRA_CATEGORIES:
        PolicyCategory.objects.get_or_create(name=name, defaults={"code": code, "sort_order": int(code) * 10})


def category_lists() -> dict[str, list[PolicyCategory]]:
    """The categories each library column shows, by column key."""
    return {
        key: list(PolicyCategory.objects.filter(name__in=names)) if names else []
        for key, names in LIBRARY_COLUMNS.items()
    }


def _issuers(names: str) -> list[PolicyIssuer]:
    return [
        PolicyIssuer.objects.get_or_create(name=name.strip())[0]
        for name in names.split(ISSUER_SEPARATOR)
        if name.strip()
    ]


def _topic_names(topics: tuple[str, ...], keywords: str) -> tuple[str, ...]:
    """The document's topics, then the article's keywords (主题词 too, and what search matched it by);
    a keyword that is a 文号 is left out (the 文号 has its own field)."""
    words = [word.strip() for word in keywords.split(",") if word.strip()]
    return tuple(dict.fromkeys([*topics, *(word for word in words if not any(char.isdigit() for char in word))]))


def _topics(names: tuple[str, ...]) -> list[PolicyTopic]:
    return [PolicyTopic.objects.get_or_create(name=name)[0] for name in names]


def create_policies(builder) -> None:
    """Every document as a record with its metadata; bodies follow in :func:`finish_policies`."""
    categories = {category.name: category for category in PolicyCategory.objects.all()}
    builder.policies = {}
    for spec in library_specs():
        meta = POLICIES[spec.key]
        department = builder.departments[spec.department] if spec.department else None
        policy = Policy(
            external_id=spec.key,
            title=spec.title,
            doc_number=spec.doc_number if meta.doc_number is None else meta.doc_number,
            category=categories[meta.category],
            department=department,
            written_on=_date(meta.written_on),
            issued_on=_date(meta.issued_on),
            effective_on=_date(meta.effective_on),
            expires_on=_date(meta.expires_on),
            validity=spec.validity or "valid",
        )
        policy.issuers = _issuers(spec.issuer)
        policy.topics = _topics(_topic_names(meta.topics, spec.keywords))
        _save(policy)
        builder.policies[spec.key] = policy
        builder.progress.tick()
    for extra in EXTRA_POLICIES:
        policy = Policy(
            external_id=extra.key,
            title=extra.title,
            doc_number=extra.doc_number,
            category=categories[extra.category],
            issued_on=_date(extra.issued_on),
            body="".join(f"<p>{html.escape(text)}</p>" for text in extra.body),
        )
        policy.issuers = _issuers(extra.issuer)
        policy.topics = _topics(extra.topics)
        _save(policy)
        builder.policies[extra.key] = policy
        builder.progress.tick()


def _save(policy: Policy) -> None:
    policy.is_demo = True
    policy.full_clean(exclude=["index_number", "issuers", "topics"])
    policy.save()


def finish_policies(builder) -> None:
    """Bodies, attachments, replacements and related documents; then the interpretations."""
    for spec in library_specs():
        meta = POLICIES[spec.key]
        policy = builder.policies[spec.key]
        lead = f"<p>{html.escape(meta.lead)}</p>" if meta.lead else ""
        policy.body = lead + builder.rich_text(spec.body)
        policy.replaced_by = builder.policies[meta.replaced_by] if meta.replaced_by else None
        policy.related = [builder.policies[key] for key in (*meta.related, *spec.related) if key in builder.policies]
        policy.attachments = [PolicyAttachment(document=builder.documents[key]) for key in spec.attachments]
        _save(policy)
    for spec in INTERPRETATIONS:
        article = next(item for item in ARTICLES if item.key == spec.article)
        interpretation = PolicyInterpretation(
            title=article.title,
            kind=spec.kind,
            department=builder.departments[article.department] if article.department else None,
            published_on=_date(article.date[:10]),
            body=builder.rich_text(article.body),
            image=builder.images[spec.image] if spec.image else None,
            image_text=article.summary if spec.image else "",
            is_demo=True,
        )
        interpretation.policies = [builder.policies[key] for key in spec.policies]
        interpretation.save()
        builder.progress.tick()


def remove_policies(departments: list[Department]) -> None:
    """Delete the demo's documents and interpretations (imported ones of other files stay)."""
    PolicyInterpretation.objects.filter(Q(is_demo=True) | Q(department__in=departments)).delete()
    demo = Policy.objects.filter(Q(is_demo=True, external_id__in=[*POLICIES, *(e.key for e in EXTRA_POLICIES)]))
    demo.update(replaced_by=None)
    demo.delete()
