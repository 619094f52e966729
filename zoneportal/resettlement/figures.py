"""What is computed from the resettlement records, never typed: the 5:2:3 split of contributions, rates, totals.

Pure functions on numbers: no database, None instead of a division by zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ONE_DECIMAL = Decimal("0.1")
#: 被征地农民基本生活保障: the one-off contribution shared by the government, the village collective and the
#: farmer in the proportion 5:2:3.
SHARES = (5, 2, 3)


@dataclass(frozen=True)
class Split:
    """A contribution in its three parts (元)."""

    government: Decimal
    collective: Decimal
    individual: Decimal

    @property
    def total(self) -> Decimal:
        return self.government + self.collective + self.individual


def split_contribution(total: Decimal, shares: tuple[int, int, int] = SHARES) -> Split:
    """``total`` (元) split by ``shares``, each part to the cent; the individual's part takes the rounding.

    The parts always add up to ``total``: the first two are rounded, the last is what remains.
    """
    total = total.quantize(CENT, ROUND_HALF_UP)
    whole = sum(shares)
    government = (total * shares[0] / whole).quantize(CENT, ROUND_HALF_UP)
    collective = (total * shares[1] / whole).quantize(CENT, ROUND_HALF_UP)
    split = Split(government, collective, total - government - collective)
    if split.total != total:  # cannot happen with the remainder above; a guard should the rule ever change
        raise ArithmeticError(f"{split} does not add up to {total}")
    return split


def rate(part: Decimal | int | None, whole: Decimal | int | None) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to one decimal; None when either is missing or the whole is 0."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, ROUND_HALF_UP)
