"""Wording: common typos of government texts, sensitive words, leaders' names beside their titles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import Finding, Severity, excerpt


@dataclass(frozen=True)
class Correction:
    """A wrong form and the right one (按装 → 安装)."""

    wrong: str
    right: str


@dataclass(frozen=True)
class Term:
    """A sensitive word and what finding it means."""

    word: str
    severity: Severity


@dataclass(frozen=True)
class LeaderName:
    """A leader as the organisation snippets spell them: name and title (职务, may list several with 、)."""

    name: str
    title: str

    def title_forms(self) -> dict[str, bool]:
        """The ways a text names the post: each listed post (管委会主任) and its short form (主任) → whether short."""
        forms: dict[str, bool] = {}
        for part in re.split(r"[、，,；;/\s]+", self.title):
            part = part.strip()
            if len(part) >= 2:
                forms[part] = False
                short = part[-3:] if part[-3:-2] == "副" else part[-2:]
                forms.setdefault(short, True)
        return forms


def find_typos(text: str, corrections: Iterable[Correction]) -> list[Finding]:
    """Every occurrence of a known wrong form: a warning naming the right one."""
    findings = []
    for correction in corrections:
        if correction.wrong not in text:  # a substring test first: most texts hold none of the list
            continue
        for match in re.finditer(re.escape(correction.wrong), text):
            findings.append(
                Finding(
                    "typo",
                    Severity.WARNING,
                    _("疑似错别字：“%(wrong)s”应为“%(right)s”")
                    % {"wrong": correction.wrong, "right": correction.right},
                    excerpt=excerpt(text, *match.span()),
                )
            )
    return findings


def find_sensitive_words(text: str, terms: Iterable[Term]) -> list[Finding]:
    """Every occurrence of a sensitive word, at the severity the list gives it."""
    findings = []
    for term in terms:
        if term.word not in text:
            continue
        for match in re.finditer(re.escape(term.word), text):
            findings.append(
                Finding(
                    "sensitive",
                    term.severity,
                    _("含敏感词“%(word)s”") % {"word": term.word},
                    excerpt=excerpt(text, *match.span()),
                )
            )
    return findings


def _one_character_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def find_misspelled_leaders(text: str, leaders: Iterable[LeaderName]) -> list[Finding]:
    """A name next to a leader's title that differs from that leader's name by one character (blocking).

    “管委会主任陈建图” or “陈建图主任” where the organisation snippets have 陈建国 as 管委会主任: a wrong
    leader's name is a serious error (严重表述错误) in the national inspection, so it stops publishing.
    Only the characters right before and right after the title are compared, with the names of the leaders
    holding that title: a stranger's name elsewhere in the text is not a leader's misspelled. Beside a short
    form of the title (主任) the surname must match too.
    """
    leaders = list(leaders)
    findings: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for leader in leaders:
        size = len(leader.name)
        for title, short in leader.title_forms().items():
            for match in re.finditer(re.escape(title), text):
                start, end = match.span()
                for left, right in ((end, end + size), (start - size, start)):
                    if left < 0 or right > len(text):
                        continue
                    written = text[left:right]
                    if written == leader.name or (left, written) in seen:
                        continue
                    if any(written == other.name for other in leaders):
                        continue  # another leader of the same short title (两位副主任)
                    # Beside a bare 主任 a different surname is another person (村主任王大明), not a typo.
                    if short and written[0] != leader.name[0]:
                        continue
                    if _one_character_apart(written, leader.name):
                        seen.add((left, written))
                        findings.append(
                            Finding(
                                "leader_name",
                                Severity.BLOCKING,
                                _("领导姓名疑似写错：“%(written)s”，%(title)s应为“%(name)s”")
                                % {"written": written, "title": leader.title, "name": leader.name},
                                excerpt=excerpt(text, left, right),
                            )
                        )
    return findings
