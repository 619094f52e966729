"""Compliance checks (合规检查): pure functions over text and markup, returning :class:`Finding` s.

Nothing here touches the database: the lists the checks need (typos, sensitive words, leaders) are
passed in, so the checks run the same on a page being published, on a policy being saved and over the
whole site (``inspection.content`` gathers the texts and the lists).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """阻断 stops publishing; 警告 is shown to the reviewer, who decides, and logged."""

    BLOCKING = "blocking"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem: what kind, how serious, what is wrong (Chinese) and where it is."""

    kind: str
    severity: Severity
    message: str
    where: str = ""
    excerpt: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    def as_dict(self) -> dict[str, str]:
        """For JSON (the command's output, log entries, stored runs)."""
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


#: Characters of context either side of a finding in its excerpt.
EXCERPT_CONTEXT = 12


def excerpt(text: str, start: int, end: int, context: int = EXCERPT_CONTEXT) -> str:
    """``text[start:end]`` with a little context, on one line: “…开发区管委会主任陈建图同志…”."""
    before = max(0, start - context)
    after = min(len(text), end + context)
    snippet = " ".join(text[before:after].split())
    return ("…" if before else "") + snippet + ("…" if after < len(text) else "")


def with_where(findings: list[Finding], where: str) -> list[Finding]:
    """The same findings, located in ``where`` (a field's name or an attachment's)."""
    return [Finding(f.kind, f.severity, f.message, where, f.excerpt) for f in findings]
