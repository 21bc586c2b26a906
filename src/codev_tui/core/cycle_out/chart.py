"""A text bar chart for a Markdown document: bars of `█` in a fenced block, read without colour.

One chart is a title and one row per item (`Séance 1`): a bar as long as the value against the
chart's top value, then the value as written. A row without a value (nothing to measure yet)
has no bar, only its words. Under the bars an axis of ASCII (`+----+----+`) and the scale's
numbers, so that a reader whose terminal or printer cannot show `█` still reads the values
written beside each bar, and the lengths against the axis.

The labels and values are the document's own words and numbers, never user text: the chart is
a code block, where Markdown escaping does not apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Bar", "bar_chart"]

WIDTH = 20
"""How many characters the longest bar (the top of the scale) takes."""

FULL, HALF = "█", "▌"


@dataclass(frozen=True)
class Bar:
    """One row of a chart: its label, its value (None: nothing to draw) and how it is written."""

    label: str
    value: float | None
    shown: str


def bar_chart(title: str, bars: Sequence[Bar], top: float, scale: Sequence[str]) -> list[str]:
    """The lines of a chart in a fenced code block: `title`, a bar per row drawn against `top`,
    then an axis from 0 to `top` with a tick under each number of `scale` (evenly spaced: 2 to
    21 of them, the first for 0, the last for `top`)."""
    label_width = max((len(b.label) for b in bars), default=0)
    lines = [title, ""]
    for bar in bars:
        drawn = _bar(bar.value, top) if bar.value is not None else ""
        lines.append(f"{bar.label.ljust(label_width)}  {drawn.ljust(WIDTH)}  {bar.shown}".rstrip())
    # The axis starts one column before the bars: a bar of n characters ends under column n.
    indent = " " * (label_width + 1)
    ticks = max(1, len(scale) - 1)
    step = WIDTH // ticks
    lines.append(indent + "+" + ("-" * (step - 1) + "+") * ticks)
    numbers = ""
    for i, number in enumerate(scale):
        # Each number starts under its tick, a space after the one before at least.
        at = max(i * step, len(numbers) + 1 if numbers else 0)
        numbers = numbers.ljust(at) + number
    lines.append(indent + numbers)
    fence = "```"
    while any(fence in line for line in lines):
        fence += "`"
    return [f"{fence}text", *lines, fence]


def _bar(value: float, top: float) -> str:
    """`█` per step of the scale, `▌` for a half step left over; a value above zero shows."""
    halves = round(max(0.0, min(value, top)) / top * WIDTH * 2) if top > 0 else 0
    if value > 0 and halves == 0:
        halves = 1
    return FULL * (halves // 2) + HALF * (halves % 2)
