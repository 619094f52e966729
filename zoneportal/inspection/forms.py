"""The same checks on a policy document saved from the back office (snippets have no workflow here)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .checks import Finding
from .content import Rules, blocking, inspect_policy
from .guards import WARNINGS_ACTION, log_findings


class ComplianceFormMixin:
    """For a Wagtail admin form of a policy: a published document (已发布 ticked) with a blocking finding is refused.

    Each blocking finding is an error on its field (an attachment's on the form), in Chinese, and the
    input is kept; warnings are logged in the document's history once it is saved.
    """

    def is_valid(self) -> bool:
        self.compliance_warnings: list[Finding] = []
        if not super().is_valid():
            return False
        if not self.cleaned_data.get("live", True):
            return True  # a draft is not published: nothing to stop yet
        findings = inspect_policy(
            self.instance,
            Rules.load(),
            issuers=[issuer.name for issuer in self.cleaned_data.get("issuers") or []],
            documents=self._attachment_documents(),
        )
        stopping = blocking(findings)
        if stopping:
            fields_by_label = {str(field.label): name for name, field in self.fields.items()}
            for finding in stopping:
                message = _("%(message)s（%(excerpt)s）") % {"message": finding.message, "excerpt": finding.excerpt}
                name = fields_by_label.get(finding.where)
                if name is None:
                    message = f"{finding.where}：{message}" if finding.where else message
                self.add_error(name, message)
            return False
        self.compliance_warnings = findings
        return True

    def _attachment_documents(self) -> list[tuple[str, object]]:
        formset = getattr(self, "formsets", {}).get("attachments")
        if formset is None:
            return []
        documents = []
        for row in formset.cleaned_data:
            if row and not row.get("DELETE") and row.get("document") is not None:
                documents.append((row.get("title") or row["document"].title, row["document"]))
        return documents

    def save(self, commit: bool = True):
        obj = super().save(commit=commit)
        if commit and getattr(self, "compliance_warnings", None):
            log_findings(obj, WARNINGS_ACTION, getattr(self, "for_user", None), self.compliance_warnings)
        return obj
