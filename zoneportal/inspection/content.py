"""What the compliance checks read on a page or a policy: its text fields, rich text, streams and attachments.

``Rules.load()`` reads the editable lists once (typos, sensitive words, leaders); ``inspect_page`` and
``inspect_policy`` return the findings of one object. Attachments are read once per document and kept
in the ``Rules``' cache, so the self-inspection reads a document shared by many pages once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from . import extract
from .checks import Finding, Severity, with_where
from .checks.identity import find_addresses, find_personal_data
from .checks.markup import images_without_alt, rich_text_to_plain, stream_texts
from .checks.metadata import policy_metadata
from .checks.wording import (
    Correction,
    LeaderName,
    Term,
    find_misspelled_leaders,
    find_sensitive_words,
    find_typos,
)

#: Page fields that are not content: addresses, SEO and machine fields are checked elsewhere or not at all.
SKIPPED_FIELDS = frozenset({"slug", "url_path", "draft_title", "seo_title", "locale", "translation_key"})


@dataclass
class Rules:
    """The editable lists, read once for a publish or for a whole run."""

    corrections: list[Correction] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    leaders: list[LeaderName] = field(default_factory=list)
    attachment_findings: dict[int, list[Finding]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Rules:
        """The lists as the back office has them now."""
        from zoneportal.core.models import Leader

        from .models import SensitiveTerm, Typo

        return cls(
            corrections=[Correction(wrong, right) for wrong, right in Typo.objects.values_list("wrong", "right")],
            terms=[
                Term(word, Severity(level)) for word, level in SensitiveTerm.objects.values_list("word", "severity")
            ],
            leaders=[LeaderName(name, title) for name, title in Leader.objects.values_list("name", "title")],
        )

    def check_text(self, text: str) -> list[Finding]:
        """Typos, sensitive words, leaders' names and personal data in plain text."""
        if not text or not text.strip():
            return []
        return [
            *find_sensitive_words(text, self.terms),
            *find_misspelled_leaders(text, self.leaders),
            *find_personal_data(text),
            *find_typos(text, self.corrections),
        ]

    def check_html(self, markup: str) -> list[Finding]:
        """The text checks over rich text's visible text, and its images' alt text."""
        return [*self.check_text(rich_text_to_plain(markup)), *images_without_alt(markup)]

    def check_document(self, document) -> list[Finding]:
        """The text checks and addresses over an attached document (cached by document); unreadable: a warning."""
        if document.pk in self.attachment_findings:
            return self.attachment_findings[document.pk]
        findings: list[Finding] = []
        name = document.file.name or ""
        if extract.has_text(name):
            try:
                size = document.file.size
                if size > extract.MAX_BYTES:
                    raise extract.UnreadableFile("too large")
                with document.file.open("rb") as handle:
                    text = extract.extract_text(name, handle.read())
                findings = [*self.check_text(text), *find_addresses(text)]
            except (extract.UnreadableFile, OSError):
                findings = [Finding("attachment", Severity.WARNING, _("附件无法读取，未能检查其中文字"))]
        self.attachment_findings[document.pk] = findings
        return findings


def _value_findings(rules: Rules, model_field: models.Field, value) -> list[Finding]:
    if isinstance(model_field, StreamField):
        findings = []
        for kind, text in stream_texts(value):
            if kind == "html":
                findings += rules.check_html(text)
            elif kind == "image":
                if not text.strip():
                    findings.append(Finding("image_alt", Severity.WARNING, _("图片缺少替代文字（alt）")))
            else:
                findings += rules.check_text(text)
        return findings
    if isinstance(model_field, RichTextField):
        return rules.check_html(value or "")
    return rules.check_text(value or "")


@functools.cache
def _content_fields(model: type[models.Model]) -> list[models.Field]:
    """The text, rich-text and stream fields of ``model`` that hold content (a page: its own, and the title)."""
    fields = []
    for model_field in model._meta.concrete_fields:
        if model_field.name in SKIPPED_FIELDS or model_field.choices or not model_field.editable:
            continue
        if isinstance(model_field, models.URLField | models.SlugField | models.EmailField):
            continue
        if model_field.model is Page and model_field.name != "title":
            continue
        if isinstance(model_field, models.CharField | models.TextField | StreamField):
            fields.append(model_field)
    return fields


def attachment_documents(obj) -> list[tuple[str, object]]:
    """``(name shown, document)`` for each of ``obj``'s attachment rows (any child relation with a ``document``)."""
    from modelcluster.models import get_all_child_relations

    documents = []
    for relation in get_all_child_relations(obj):
        if not any(f.name == "document" for f in relation.related_model._meta.concrete_fields):
            continue
        for row in getattr(obj, relation.get_accessor_name()).all():
            if row.document_id is None:
                continue
            document = row.document
            documents.append((getattr(row, "display_title", "") or document.title, document))
    return documents


def inspect_fields(obj, rules: Rules, documents: list[tuple[str, object]] | None = None) -> list[Finding]:
    """The findings of ``obj``'s content fields and attachments, each located by field or attachment name.

    ``documents`` replaces ``obj``'s attachment rows (a form's, not saved yet).
    """
    findings: list[Finding] = []
    for model_field in _content_fields(type(obj)):
        found = _value_findings(rules, model_field, getattr(obj, model_field.attname))
        if found:  # the field's name translated only when needed: a whole-site run has millions of fields
            findings += with_where(found, str(model_field.verbose_name))
    for name, document in attachment_documents(obj) if documents is None else documents:
        findings += with_where(rules.check_document(document), _("附件《%(name)s》") % {"name": name})
    return findings


def inspect_page(page: Page, rules: Rules | None = None) -> list[Finding]:
    """Every finding of ``page`` (a specific page, as saved or as a revision's object)."""
    return inspect_fields(page, rules or Rules.load())


def inspect_policy(
    policy, rules: Rules | None = None, issuers: list[str] | None = None, documents: list | None = None
) -> list[Finding]:
    """Every finding of a policy document, its metadata included (``issuers``, ``documents``: a form's, unsaved)."""
    rules = rules or Rules.load()
    if issuers is None:
        issuers = [issuer.name for issuer in policy.issuers.all()] if policy.pk else []
    return [
        *inspect_fields(policy, rules, documents),
        *policy_metadata(
            doc_number=policy.doc_number, issuers=issuers, written_on=policy.written_on, issued_on=policy.issued_on
        ),
    ]


def blocking(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.blocking]


def describe(findings: list[Finding], limit: int = 5) -> str:
    """“正文：含公民身份证号码…；附件《名单》：…” for a message in the editor (the first ``limit``)."""
    parts = [
        f"{finding.where}：{finding.message}" if finding.where else finding.message for finding in findings[:limit]
    ]
    if len(findings) > limit:
        parts.append(_("等 %(count)d 处") % {"count": len(findings)})
    return "；".join(parts)
