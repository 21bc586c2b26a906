"""A countdown that grows with the space it has, readable from the back of a room."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

# 5-row bitmaps; '#' is ink. Digits are 3 pixels wide, ':' and '+' narrower/wider.
_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", " # ", " # ", " # "),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
}


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
    """Block digits scaled to the widget's size; plain text when there is no room."""

    DEFAULT_CSS = """
    BigClock {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    value: reactive[str] = reactive("00:00")

    def render(self) -> RenderResult:
        """Draw the value centred in the widget."""
        width, height = self.content_size
        lines = render_big(self.value, width, height)
        return Text("\n".join(lines), no_wrap=True, overflow="crop", justify="center")
