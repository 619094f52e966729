"""The rules a service item obeys, as plain functions: the back-office form and the tests call them.

Each returns the errors, in Chinese, keyed by the field they belong to; an empty
dict means the values are consistent.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _


def time_limit_errors(statutory_days: int | None, promised_days: int | None, step_days: Sequence[int]) -> dict:
    """The promised limit is within the statutory one, and the steps fit within the promised limit."""
    errors: dict[str, str] = {}
    if statutory_days is None or promised_days is None:
        return errors  # the missing field has its own error
    if promised_days > statutory_days:
        errors["promised_days"] = _("承诺时限（%(promised)s 个工作日）不能超过法定时限（%(statutory)s 个工作日）。") % {
            "promised": promised_days,
            "statutory": statutory_days,
        }
    elif sum(step_days) > promised_days:
        errors["promised_days"] = _(
            "各办理环节的时限合计 %(total)s 个工作日，超过了承诺时限 %(promised)s 个工作日，请调整环节时限或承诺时限。"
        ) % {"total": sum(step_days), "promised": promised_days}
    return errors


def fee_errors(charges_fee: bool, fee_standard: str, fee_basis: str) -> dict:
    """A fee needs its standard and its legal basis; an item that charges nothing has neither."""
    errors: dict[str, str] = {}
    if charges_fee:
        if not fee_standard.strip():
            errors["fee_standard"] = _("收费的事项请填写收费标准。")
        if not fee_basis.strip():
            errors["fee_basis"] = _("收费的事项请填写收费依据（文件名称和文号）。")
    else:
        if fee_standard.strip() or fee_basis.strip():
            errors["charges_fee"] = _("填写了收费标准或依据，请勾选“收费”；不收费的事项请清空这两项。")
    return errors
