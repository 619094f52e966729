"""Checks other apps run before a review step is approved (the compliance checks before publishing).

``ReviewTask.on_action`` asks each registered guard before an approval. A guard returns ``None`` to let
the approval go ahead, or the URL to send the reviewer to instead (where it explains what stops it); the
task then stays where it is. Core knows no guard by name: an app registers its own in ``ready()``.
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
