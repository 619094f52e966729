"""The flow chart of an item's steps, drawn on the server as SVG.

No script and no image file: the SVG is part of the page, scales with it, prints,
and is read by screen readers through its ``<title>`` and ``<desc>`` (the page
also lists the steps as text). Boxes run top to bottom from 申请 to 办结, each
with the step's name, who handles it and its time limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
BOX_X, BOX_WIDTH, BOX_HEIGHT = 60, 520, 68
TERMINAL_HEIGHT = 40
GAP = 34  # the arrow between two boxes
TOP = 16
NAME_SIZE, DETAIL_SIZE = 18, 14
#: Room for text inside a box (the box less its padding), in pixels.
TEXT_ROOM = BOX_WIDTH - 32


@dataclass(frozen=True)
class FlowStep:
    """What the chart shows of a step (the model's ``Step`` has these attributes)."""

    name: str
    handler: str
    days: int


def time_limit_text(days: int) -> str:
    """ "3 个工作日", or "即办" for 0 (as the item's page says it)."""
    return _("即办") if days == 0 else _("%(days)s 个工作日") % {"days": days}


def text_width(text: str, size: int) -> float:
    """Roughly how wide ``text`` is at font ``size``: a Chinese character is square, others about half."""
    return sum(size if ord(char) > 0x2E7F else size * 0.56 for char in text)


def fit(text: str, size: int, room: float = TEXT_ROOM) -> str:
    """``text`` cut with “…” to fit ``room`` pixels; the full text is in the list beside the chart."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text + "…"


def description(steps: Sequence[FlowStep]) -> str:
    """The chart as one sentence, for its ``<desc>``."""
    parts = [
        _("第%(number)s步%(name)s（%(handler)s，%(limit)s）")
        % {"number": number, "name": step.name, "handler": step.handler, "limit": time_limit_text(step.days)}
        for number, step in enumerate(steps, start=1)
    ]
    return _("从提交申请开始，") + "；".join(parts) + _("；最后办结。")


def flow_svg(steps: Sequence[FlowStep], title: str, element_id: str) -> SafeString:
    """The SVG of ``steps`` under the accessible name ``title``; ``element_id`` makes its ids unique on the page."""
    shapes: list[str] = []
    y = TOP
    centre = WIDTH / 2

    def terminal(label: str) -> None:
        nonlocal y
        shapes.append(
            f'<rect class="flow-terminal" x="{centre - 110}" y="{y}" width="220" height="{TERMINAL_HEIGHT}" '
            f'rx="20" ry="20"/><text x="{centre}" y="{y + TERMINAL_HEIGHT / 2 + 6}" text-anchor="middle" '
            f'font-size="{DETAIL_SIZE + 2}">{escape(label)}</text>'
        )
        y += TERMINAL_HEIGHT

    def arrow() -> None:
        nonlocal y
        shapes.append(
            f'<line class="flow-arrow" x1="{centre}" y1="{y}" x2="{centre}" y2="{y + GAP - 6}" '
            f'marker-end="url(#{element_id}-head)"/>'
        )
        y += GAP

    terminal(_("提交申请"))
    for number, step in enumerate(steps, start=1):
        arrow()
        name = fit(f"{number}. {step.name}", NAME_SIZE)
        detail = fit(
            _("承办：%(handler)s　时限：%(limit)s")
            % {
                "handler": step.handler,
                "limit": time_limit_text(step.days),
            },
            DETAIL_SIZE,
        )
        shapes.append(
            f'<rect class="flow-step" x="{BOX_X}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" ry="6"/>'
            f'<text x="{BOX_X + 16}" y="{y + 28}" font-size="{NAME_SIZE}" font-weight="bold">{escape(name)}</text>'
            f'<text x="{BOX_X + 16}" y="{y + 54}" font-size="{DETAIL_SIZE}">{escape(detail)}</text>'
        )
        y += BOX_HEIGHT
    arrow()
    terminal(_("办结"))
    height = y + TOP
    return mark_safe(  # every text above is escaped; the rest is our own markup
        f'<svg class="flow-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{element_id}-title {element_id}-desc">'
        f'<title id="{element_id}-title">{escape(title)}</title>'
        f'<desc id="{element_id}-desc">{escape(description(steps))}</desc>'
        f'<defs><marker id="{element_id}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        f'markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
        f"{''.join(shapes)}</svg>"
    )
