"""The retour's list: the previous plan's actions, numbered, with who, when and their status."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from codev_tui.ui.text import literal
from codev_tui.ui.widgets.line_strip import LineStrip

STATUS_STYLES = {"done": "bold green", "partly": "bold yellow", "not_done": "bold red"}
"""Colour as a second cue: each status is also said in words."""


class ReviewLine(NamedTuple):
    """One action of the previous plan, as the retour shows it."""

    n: int
    what: str
    who: str
    due: str
    status: str
    """`done`, `partly`, `not_done`, or "" while none was said."""
    said: str
    """The status in words (or a dash)."""
    comment: str
    carried: str
    """The words "carried over" when it is, else ""."""


class ReviewState(NamedTuple):
    """The heading and the actions."""

    heading: str
    lines: tuple[ReviewLine, ...]


class ReviewStrip(LineStrip):
    """The previous plan's actions in the retour phase (state None elsewhere: hidden)."""

    def line(self, state: ReviewState) -> Text:
        """The heading, then one line per action: `2. what — who — by when · status: comment`."""
        text = Text(state.heading, style="bold")
        for item in state.lines:
            text.append(f"\n{item.n}. ", style="bold")
            text.append_text(literal(item.what))
            for part in (item.who, item.due):
                if part:
                    text.append(" — ", style="dim")
                    text.append_text(literal(part))
            text.append("  ")
            text.append(f"[{item.said}]", style=STATUS_STYLES.get(item.status, "dim"))
            if item.comment:
                text.append(" ")
                text.append_text(literal(item.comment, "italic"))
            if item.carried:
                text.append(f" → {item.carried}", style="bold")
        return text
