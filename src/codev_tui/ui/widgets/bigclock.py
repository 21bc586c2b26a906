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
    """Lines drawing `value` in block digits at the largest scale that fits `width` x `height`."""
    glyphs = [_GLYPHS.get(ch, _GLYPHS["-"]) for ch in value]
    pixels_wide = sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)
    scale = min(width // (pixels_wide * 2) if pixels_wide else 0, height // 5)
    if scale < 1:
        return [value]
    lines = []
    for row in range(5):
        pieces = []
        for glyph in glyphs:
            pieces.append(
                "".join("█" * 2 * scale if px == "#" else " " * 2 * scale for px in glyph[row])
            )
        line = (" " * 2 * scale).join(pieces)
        lines.extend([line] * scale)
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
