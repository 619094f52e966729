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
            self._show(stopping)
            return False
        self.compliance_warnings = findings
        return True

    def _show(self, findings: list[Finding]) -> None:
        """Each finding where the editor will look: on its field, on its attachment's row, else on the form."""
        fields_by_label = {str(field.label): name for name, field in self.fields.items()}
        for finding in findings:
            message = _("%(message)s（%(excerpt)s）") % {"message": finding.message, "excerpt": finding.excerpt}
            if finding.where in fields_by_label:
                self.add_error(fields_by_label[finding.where], message)
            elif finding.where in self._attachment_rows:
                self._attachment_rows[finding.where].add_error("document", message)
                # Also above the form: Wagtail's message names the form's own errors only.
                self.add_error(None, f"{finding.where}：{message}")
            else:
                self.add_error(None, f"{finding.where}：{message}" if finding.where else message)

    def _attachment_documents(self) -> list[tuple[str, object]]:
        """The attachments as the form has them (not saved yet), each row remembered by its shown name."""
        self._attachment_rows = {}
        formset = getattr(self, "formsets", {}).get("attachments")
        if formset is None:
            return []
        documents = []
        for form in formset.forms:
            row = getattr(form, "cleaned_data", None)
            if row and not row.get("DELETE") and row.get("document") is not None:
                name = row.get("title") or row["document"].title
                documents.append((name, row["document"]))
                self._attachment_rows[_("附件《%(name)s》") % {"name": name}] = form
        return documents

    def save(self, commit: bool = True):
        obj = super().save(commit=commit)
        if commit and getattr(self, "compliance_warnings", None):
            log_findings(obj, WARNINGS_ACTION, getattr(self, "for_user", None), self.compliance_warnings)
        return obj
