"""Checks other apps run before a review step is approved, or before a text goes public (the compliance
checks before publishing).

``ReviewTask.on_action`` asks each registered guard before an approval. A guard returns ``None`` to let
the approval go ahead, or the URL to send the reviewer to instead (where it explains what stops it); the
task then stays where it is. Core knows no guard by name: an app registers its own in ``ready()``.

A text check (``register_text_check``) is asked before a text written by staff is made public outside the page
workflow — a letter's reply when it is approved and when it is put on the site. It raises ``ValidationError`` to
stop it (inside the transaction that would publish it, so nothing is half-written) and logs any warnings itself.
"""

from __future__ import annotations

from collections.abc import Callable

#: ``guard(task_state, user) -> str | None``.
ApprovalGuard = Callable[[object, object], "str | None"]

_guards: list[ApprovalGuard] = []


def register_approval_guard(guard: ApprovalGuard) -> None:
    """Ask ``guard`` before every approval of a review step (once, however often ``ready()`` runs)."""
    if guard not in _guards:
        _guards.append(guard)


def refusal(task_state, user) -> str | None:
    """The first guard's refusal (a URL), or ``None`` when every guard lets the approval go ahead."""
    for guard in _guards:
        url = guard(task_state, user)
        if url:
            return url
    return None


#: ``check(obj, text, user)``: raises ``ValidationError`` to stop ``text`` (about ``obj``) going public.
TextCheck = Callable[[object, str, object], None]

_text_checks: list[TextCheck] = []


def register_text_check(check: TextCheck) -> None:
    """Ask ``check`` before every text made public outside the page workflow (once, however often ``ready()``
    runs)."""
    if check not in _text_checks:
        _text_checks.append(check)


def check_public_text(obj, text: str, user) -> None:
    """Run every registered text check on ``text``; the first that refuses raises ``ValidationError``."""
    for check in _text_checks:
        check(obj, text, user)
