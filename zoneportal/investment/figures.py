"""The investment figures computed, never typed: pure functions over numbers, no database.

Money is in 万元 and areas in km² or 亩, as Decimals. A rate whose base is
zero or missing is None — shown as “—” — never a division error or a
made-up 0 %. Percentages are rounded to one decimal place, as the zone's
reports give them.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: 1 km² = 1,500 亩 (1 亩 = 666.67 m²), the conversion the zone's reports use (1.23 km² = 1,845 亩).
MU_PER_KM2 = Decimal(1500)
#: 规模以上工业企业: main business revenue of 20 million yuan (2,000 万元) or more a year.
ABOVE_SCALE_REVENUE = Decimal(2000)
#: 亿元以上项目: planned total investment of 100 million yuan (10,000 万元) or more.
MAJOR_PROJECT_INVESTMENT = Decimal(10000)

ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")

Number = Decimal | int | float | str | None


def _decimal(value: Number) -> Decimal | None:
    """``value`` as a Decimal (floats through their shortest text, so 0.1 stays 0.1), or None."""
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def percent(part: Number, whole: Number) -> Decimal | None:
    """``part`` as a percentage of ``whole``, one decimal place; None when ``whole`` is 0 or missing."""
    part, whole = _decimal(part), _decimal(whole)
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def km2_to_mu(km2: Number) -> Decimal | None:
    """An area in 亩 from km² (1 km² = 1,500 亩); None when unknown."""
    km2 = _decimal(km2)
    return None if km2 is None else km2 * MU_PER_KM2


def average_cost_per_mu(cost: Number, mu: Number) -> Decimal | None:
    """万元 per 亩, two decimal places; None when the area is 0 or either figure unknown."""
    cost, mu = _decimal(cost), _decimal(mu)
    if cost is None or not mu:
        return None
    return (cost / mu).quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP)


def remaining(whole: Number, used: Number) -> Decimal | None:
    """What is left of ``whole`` after ``used`` (never below 0); None when ``whole`` is unknown."""
    whole, used = _decimal(whole), _decimal(used)
    if whole is None:
        return None
    return max(whole - (used or Decimal(0)), Decimal(0))


def growth_rate(current: Number, previous: Number) -> Decimal | None:
    """Growth over the previous figure in percent (15.1 for +15.1 %); None without a previous figure or from 0."""
    current, previous = _decimal(current), _decimal(previous)
    if current is None or not previous:
        return None
    return ((current - previous) * 100 / previous).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def achievement(actual: Number, target: Number) -> Decimal | None:
    """完成率: the actual figure as a percentage of the target; None without a target or with a zero target."""
    return percent(actual, target)


def above_scale(main_revenue: Number) -> bool:
    """规模以上: main business revenue (万元) of 2,000 万元 (20 million yuan) or more."""
    revenue = _decimal(main_revenue)
    return revenue is not None and revenue >= ABOVE_SCALE_REVENUE


def major_project(planned_investment: Number) -> bool:
    """亿元以上项目: planned total investment (万元) of 10,000 万元 (100 million yuan) or more."""
    investment = _decimal(planned_investment)
    return investment is not None and investment >= MAJOR_PROJECT_INVESTMENT


# ---- infrastructure -------------------------------------------------------------

#: (key, label): the seven services a site is connected to (七通), in the order reports list them …
SERVICES: tuple[tuple[str, str], ...] = (
    ("road", gettext_lazy("道路")),
    ("water", gettext_lazy("供水")),
    ("power", gettext_lazy("供电")),
    ("gas", gettext_lazy("天然气")),
    ("telecom", gettext_lazy("通讯")),
    ("cable_tv", gettext_lazy("有线电视")),
    ("broadband", gettext_lazy("宽带")),
)
#: … and the levelled land (一平).
LEVELLED = ("levelled", gettext_lazy("土地平整"))
INFRASTRUCTURE: tuple[tuple[str, str], ...] = (*SERVICES, LEVELLED)
#: 三通一平: road, water and power to a levelled site.
THREE_AND_ONE = frozenset({"road", "water", "power", "levelled"})
SEVEN_AND_ONE = frozenset(key for key, _label in INFRASTRUCTURE)


def infrastructure_label(items: Iterable[str]) -> str:
    """七通一平 when all seven services reach levelled land, 三通一平 for road, water and power, else what is there."""
    present = set(items)
    if SEVEN_AND_ONE <= present:
        return _("七通一平")
    if THREE_AND_ONE <= present:
        return _("三通一平")
    labels = [str(label) for key, label in INFRASTRUCTURE if key in present]
    return "、".join(labels) if labels else _("尚无基础设施")
