"""A countdown that grows with the space it has, readable from the back of a room."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

from codev_tui.core.clock import TimerState
from codev_tui.ui.widgets.bigtext import DIGITS
from codev_tui.ui.widgets.projector_head import ProjectorHead

__all__ = ["BigClock", "ProjectorHead", "render_big"]
"""The countdown, and what stands above it in projector mode (the phase's title and who has the
floor, `projector_head`): the screen takes both from here."""

_GLYPHS = DIGITS
"""The clock's digits, `:`, `+` and `-`: the block letters' font (see `bigtext`)."""


def render_big(value: str, width: int, height: int) -> list[str]:
    """Lines drawing `value` in block digits, as large as `width` x `height` allows.

    A pixel is `pw` cells wide and `ph` rows high. A cell is about twice as high as it is wide,
    so `pw = 2 * ph` draws square pixels; where width is short (an overtime `+`, hours) the
    pixels get narrower, down to one cell, rather than the digits smaller: the time stays big.
    """
    glyphs = [_GLYPHS.get(ch, _GLYPHS["-"]) for ch in value]
    pixels_wide = sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)  # 1-pixel gaps
    pw_max = width // pixels_wide if pixels_wide else 0
    ph = min(height // 5, pw_max)
    if ph < 1:
        return [value]
    pw = min(pw_max, 2 * ph)
    lines = []
    for row in range(5):
        pieces = ["".join("█" * pw if px == "#" else " " * pw for px in g[row]) for g in glyphs]
        lines.extend([(" " * pw).join(pieces)] * ph)
    return lines


class BigClock(Widget):
    """Block digits scaled to the widget's size, the state in words on the last line.

    The state (`-running`, `-warning`…, a class of the widget) colours the digits and the
    caption, so that a change of state restyles the clock only, not the whole screen. The
    caption says the state in words: it reads without colour.
    """

    DEFAULT_CSS = """
    BigClock {
        width: 1fr;
        height: 1fr;
        text-style: bold;
    }
    BigClock.-running { color: $success; }
    BigClock.-warning { color: $warning; }
    BigClock.-overtime { color: $error; }
    BigClock.-paused, BigClock.-ready { color: $text-muted; }
    BigClock > .big-clock--caption { text-style: bold; color: $foreground; }
    BigClock.-warning > .big-clock--caption { background: $warning; color: $background; }
    BigClock.-overtime > .big-clock--caption { background: $error; color: $background; }
    BigClock.-paused > .big-clock--caption { background: $secondary; color: $background; }
    """

    COMPONENT_CLASSES = {"big-clock--caption"}

    value: reactive[str] = reactive("00:00")
    caption: reactive[str] = reactive("", layout=False)

    def __init__(
        self,
        value: str,
        state: TimerState,
        caption: str,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id, classes=f"-{state.value}")
        self.set_reactive(BigClock.value, value)
        self.set_reactive(BigClock.caption, caption)

    def show(self, value: str, state: TimerState, caption: str) -> None:
        """The time left, its state (a class: its colours) and the state in words."""
        for name in TimerState:
            self.set_class(state is name, f"-{name.value}")
        self.value = value
        self.caption = caption

    _drawn: tuple[tuple[object, ...], Text] | None = None

    def render(self) -> RenderResult:
        """The digits centred in all but the last line, the caption on the last."""
        width, height = self.content_size
        style = self.get_component_rich_style("big-clock--caption")
        key = (self.value, self.caption, width, height, style)
        if self._drawn is None or self._drawn[0] != key:  # a repaint of the same: no new text
            self._drawn = (key, self._draw(width, height, style))
        return self._drawn[1]

    def _draw(self, width: int, height: int, style: object) -> Text:
        rows = max(0, height - 1) if self.caption else height
        digits = render_big(self.value, width, rows)
        above = max(0, (rows - len(digits)) // 2)
        lines = [""] * above + digits + [""] * max(0, rows - above - len(digits))
        text = Text("\n".join(line.center(width) for line in lines), no_wrap=True, overflow="crop")
        if self.caption and height:
            if lines:
                text.append("\n")
            text.append(self.caption[:width].center(width), style=style)  # type: ignore[arg-type]
        return text
