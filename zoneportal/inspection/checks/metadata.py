"""Metadata a published government document must carry (政策文件: 文号, 发文机关, 成文/发布日期)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from . import Finding, Severity


def policy_metadata(
    *, doc_number: str, issuers: list[str], written_on: datetime.date | None, issued_on: datetime.date | None
) -> list[Finding]:
    """Missing 文号, 发文机关 or dates of a policy document: warnings (some documents truly have no 文号).

    The reviewer decides; the self-inspection lists every published document still missing them.
    """
    findings = []
    if not (doc_number or "").strip():
        findings.append(Finding("metadata", Severity.WARNING, _("缺少文号"), where=_("文号")))
    if not issuers:
        findings.append(Finding("metadata", Severity.WARNING, _("缺少发文机关"), where=_("发文机关")))
    if written_on is None and issued_on is None:
        findings.append(Finding("metadata", Severity.WARNING, _("缺少成文日期和发布日期"), where=_("日期")))
    return findings
