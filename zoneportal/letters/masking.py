"""Personal data hidden on public pages (张**, 138****1234)."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """The family name and one star per further character: 张三丰 → 张**; empty → 匿名."""
    name = name.strip()
    if not name:
        return "匿名"
    return name[0] + "*" * max(len(name) - 1, 1)


def mask_phone(phone: str) -> str:
    """The first three and last four digits of a mobile number, stars between: 138****1234."""
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_email(email: str) -> str:
    """The first character of the local part and the domain: z***@example.com."""
    local, _, domain = email.partition("@")
    if not domain:
        return "*" * len(email)
    return f"{local[:1]}***@{domain}"
