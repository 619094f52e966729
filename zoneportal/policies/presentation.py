"""What a document page shows about a document, shared by the page and its PDF."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Policy, Validity


def _date(value) -> str:
    return value.isoformat() if value else "—"


def metadata_rows(policy: Policy) -> list[tuple[str, str, str]]:
    """The metadata table every disclosure page carries: ``(field name, label, value)``, in the usual order."""
    issuers = "、".join(issuer.name for issuer in policy.issuers.all())
    topics = "、".join(topic.name for topic in policy.topics.all())
    values = {
        "index_number": policy.index_number,
        "category": policy.category.name,
        "issuers": issuers or "—",
        "written_on": _date(policy.written_on),
        "issued_on": _date(policy.issued_on),
        "doc_number": policy.doc_number or "—",
        "effective_on": _date(policy.effective_on),
        "expires_on": _date(policy.expires_on),
        "validity": policy.get_validity_display(),
        "topics": topics or "—",
    }
    return [(name, str(Policy._meta.get_field(name).verbose_name), value) for name, value in values.items()]


def validity_notice(policy: Policy) -> str:
    """The banner of a document no longer in force (empty for a valid one)."""
    if policy.validity == Validity.EXPIRED:
        return _("本文件已失效，仅供查阅，不再作为办事依据。")
    if policy.validity == Validity.REPEALED:
        return _("本文件已废止，仅供查阅，不再作为办事依据。")
    if policy.validity == Validity.AMENDED:
        if policy.replaced_by_id and policy.replaced_by.live:
            return _("本文件已修订，请以修订后的《%(title)s》为准。") % {"title": policy.replaced_by.title}
        return _("本文件已修订，请以修订后的文件为准。")
    return ""
