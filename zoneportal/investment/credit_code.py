"""统一社会信用代码 (GB 32100-2015): the 18-character code every enterprise registers under.

The code is 1 registration-authority character, 1 type character, the
6-digit administrative division, the 9-character organisation code and a check
character. Its alphabet is the digits and the capital letters except I, O, Z,
S and V (they look like digits); the check character makes the weighted sum of
all 18 values divisible by 31. Only the shape and the check character are
verified here: whether a code was really issued is for the registry to say.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
LENGTH = 18
#: Weight of position i (0-based) among the first 17 characters: 3^i mod 31.
WEIGHTS = tuple(pow(3, i, 31) for i in range(LENGTH - 1))


def check_character(first17: str) -> str:
    """The check character that completes ``first17`` (17 characters of the alphabet)."""
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def with_check_character(first17: str) -> str:
    """``first17`` followed by its check character: a complete, valid code."""
    return first17 + check_character(first17)


def normalise(code: str) -> str:
    """``code`` as it is registered: surrounding spaces dropped, letters in capitals."""
    return code.strip().upper()


def problem(code: str) -> str | None:
    """What is wrong with ``code``, in Chinese, or None when it is a well-formed code."""
    if len(code) != LENGTH:
        return _("统一社会信用代码应为18位，现为%(count)d位。") % {"count": len(code)}
    for position, char in enumerate(code, start=1):
        if char not in ALPHABET:
            return _(
                "统一社会信用代码第%(position)d位“%(char)s”不是允许的字符："
                "只能是数字和除 I、O、Z、S、V 以外的大写字母。"
            ) % {"position": position, "char": char}
    expected = check_character(code[:-1])
    if code[-1] != expected:
        return _("统一社会信用代码的校验码（第18位）不对：按前17位应为“%(expected)s”，现为“%(actual)s”。") % {
            "expected": expected,
            "actual": code[-1],
        }
    return None


def is_valid(code: str) -> bool:
    """Whether ``code`` is a well-formed code with the right check character."""
    return problem(code) is None


@deconstructible
class CreditCodeValidator:
    """Django validator: refuses a code with the wrong length, a character outside the alphabet or a wrong check."""

    code = "invalid_credit_code"

    def __call__(self, value: str) -> None:
        message = problem(value or "")
        if message:
            raise ValidationError(message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CreditCodeValidator)


validate_credit_code = CreditCodeValidator()
