"""党建覆盖 in non-public enterprises (seed 2, 覆盖工程): organisation forms, the suggested form, 五个一, rates.

An enterprise with three or more full party members forms its own branch; one
or two join a joint branch or attach to the village's branch; with none the
zone sends a party-building liaison officer. The 五个一 are the five things a
covered enterprise should have; coverage rates are shares of the zone's
enterprises, in percent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from .figures import percent

#: Full members an enterprise needs for a branch of its own (党章: three or more).
OWN_BRANCH_MINIMUM = 3


class OrganisationForm(models.TextChoices):
    """How an enterprise's party members are organised."""

    OWN = "own", _("单独组建")
    JOINT = "joint", _("联合组建")
    VILLAGE = "village", _("挂靠村支部")
    LIAISON = "liaison", _("派驻党建联络员")
    NONE = "none", _("无")


#: Forms that count an enterprise as covered by a party organisation (the liaison officer covers the work only).
ORGANISED = frozenset({OrganisationForm.OWN, OrganisationForm.JOINT, OrganisationForm.VILLAGE})
#: Forms that count as covered by party work (组织覆盖 or 工作覆盖).
COVERED = ORGANISED | {OrganisationForm.LIAISON}


def suggested_forms(full_members: int) -> tuple[OrganisationForm, ...]:
    """The forms the rule allows for an enterprise with ``full_members`` full party members, preferred first."""
    if full_members >= OWN_BRANCH_MINIMUM:
        return (OrganisationForm.OWN,)
    if full_members >= 1:
        return (OrganisationForm.JOINT, OrganisationForm.VILLAGE)
    return (OrganisationForm.LIAISON,)


def suggested_form(full_members: int) -> OrganisationForm:
    """The form the rule suggests: 单独组建 from three full members, 联合组建 for one or two, else a liaison officer."""
    return suggested_forms(full_members)[0]


def follows_rule(form: str, full_members: int) -> bool:
    """Whether ``form`` is one the rule allows for ``full_members``."""
    return form in suggested_forms(full_members)


#: 五个一: (key, label). What a covered enterprise should have, as the zone's checklist asks.
FIVE_ONES: tuple[tuple[str, str], ...] = (
    ("organisation", _("一个党组织或党建联络员")),
    ("instructor", _("一名党建工作指导员")),
    ("venue", _("一处党员活动场所")),
    ("rules", _("一套党建工作制度")),
    ("activity", _("一项党建特色活动")),
)
FIVE_ONES_KEYS = tuple(key for key, _label in FIVE_ONES)


def five_ones_done(checked: Iterable[str]) -> int:
    """How many of the 五个一 ``checked`` (keys) holds; unknown keys do not count."""
    return len(set(checked) & set(FIVE_ONES_KEYS))


def five_ones_complete(checked: Iterable[str]) -> bool:
    """Whether all five are there."""
    return five_ones_done(checked) == len(FIVE_ONES)


def organisation_coverage(forms: Iterable[str]) -> Decimal | None:
    """组织覆盖率: the percentage of enterprises (one form each) with a party organisation; None for none."""
    return organisation_coverage_of(Counter(forms))


def work_coverage(forms: Iterable[str]) -> Decimal | None:
    """工作覆盖率: the percentage with an organisation or a liaison officer; None for no enterprises."""
    return work_coverage_of(Counter(forms))


def organisation_coverage_of(counts: Mapping[str, int]) -> Decimal | None:
    """组织覆盖率 from enterprises counted per form (a database GROUP BY's answer); None for none."""
    return percent(sum(count for form, count in counts.items() if form in ORGANISED), sum(counts.values()))


def work_coverage_of(counts: Mapping[str, int]) -> Decimal | None:
    """工作覆盖率 from enterprises counted per form; None for none."""
    return percent(sum(count for form, count in counts.items() if form in COVERED), sum(counts.values()))


def five_ones_rate(checklists: Iterable[Iterable[str]]) -> Decimal | None:
    """The percentage of enterprises with all of the 五个一; None for no enterprises."""
    checklists = list(checklists)
    return percent(sum(five_ones_complete(checked) for checked in checklists), len(checklists))
