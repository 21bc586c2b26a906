"""A one-line strip under the phase and the clock, hidden while it has nothing to say."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from codev_tui.words import Texts


class LineStrip(Static):
    """Shows the line its `state` makes, or hides when the state is None; it paints only when
    the line changes. Subclasses say how a state reads (`line`)."""

    state: reactive[Any] = reactive(None, repaint=False)

    def __init__(self, texts: Texts, state: Any, *, id: str | None = None) -> None:  # noqa: A002
        self.t = texts
        line = self.line(state) if state is not None else None
        super().__init__(line if line is not None else "", id=id)
        self._shown = line.plain if line is not None else None
        self.set_class(line is None, "-hidden")
        self.set_reactive(LineStrip.state, state)

    def line(self, state: Any) -> Text:
        """The line a state shows."""
        raise NotImplementedError

    def watch_state(self, state: Any) -> None:
        """The line again, painted when it changed (None: the strip hides)."""
        line = self.line(state) if state is not None else None
        plain = line.plain if line is not None else None
        if plain == self._shown:
            return
        self._shown = plain
        # A class, not `display`: an inline style would beat the "too small" view's CSS.
        self.set_class(line is None, "-hidden")
        if line is not None:
            self.update(line)
