"""The facilitator's private cue on the console: one calm line, hidden when there is none."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from codev_tui.ui.widgets.line_strip import LineStrip


class CueState(NamedTuple):
    """The cue shown, how many more wait behind it, and the width it has."""

    text: str
    more: int
    width: int


class CueLine(LineStrip):
    """The most pressing cue (`core.cues`), `+N` when more wait; cut to the width so that the
    `+N` stays. Its place on the screen is taken only while there is a cue (the strip is added
    the first time, then hidden with a class), and the screen hides it in projector mode."""

    DEFAULT_CSS = """
    CueLine {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        text-style: italic;
    }
    """

    def line(self, state: CueState) -> Text:
        """`› text · +N`, the text cut with an ellipsis when the line is too long."""
        more = f" · {self.t('cues.more', n=state.more)}" if state.more else ""
        room = max(8, state.width - 4 - len(more))  # the padding and the "› "
        text = state.text if len(state.text) <= room else state.text[: room - 1] + "…"
        line = Text("› ", style="bold", no_wrap=True, overflow="ellipsis")
        line.append(text)  # names and titles are data: never read as markup
        line.append(more, style="bold")
        return line
