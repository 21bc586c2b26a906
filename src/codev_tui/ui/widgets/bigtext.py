"""Text in block letters, as large as the space allows: a phase title or a name, for the room.

The font is 5 pixels high (a pixel row above for the accents of French capitals), 1 to 5 pixels
wide, with a 1-pixel gap between glyphs; the countdown (`bigclock`) draws its digits with it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len

from codev_tui.core.visible import visible

Bitmap = tuple[str, ...]
"""5 rows of a glyph; '#' is ink."""

DIGITS: dict[str, tuple[str, ...]] = {
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
"""The digits (3 pixels wide), `:` and `+`, `-`: the clock's (`bigclock.render_big`) too."""

_LETTERS: dict[str, Bitmap] = {
    "A": ("###", "# #", "###", "# #", "# #"),
    "B": ("## ", "# #", "## ", "# #", "## "),
    "C": ("###", "#  ", "#  ", "#  ", "###"),
    "D": ("## ", "# #", "# #", "# #", "## "),
    "E": ("###", "#  ", "## ", "#  ", "###"),
    "F": ("###", "#  ", "## ", "#  ", "#  "),
    "G": ("####", "#   ", "# ##", "#  #", "####"),
    "H": ("# #", "# #", "###", "# #", "# #"),
    "I": ("###", " # ", " # ", " # ", "###"),
    "J": ("  #", "  #", "  #", "# #", "###"),
    "K": ("# #", "# #", "## ", "# #", "# #"),
    "L": ("#  ", "#  ", "#  ", "#  ", "###"),
    "M": ("#   #", "## ##", "# # #", "#   #", "#   #"),
    "N": ("#  #", "## #", "# ##", "#  #", "#  #"),
    "O": ("###", "# #", "# #", "# #", "###"),
    "P": ("###", "# #", "###", "#  ", "#  "),
    "Q": ("### ", "# # ", "# # ", "### ", "  ##"),
    "R": ("###", "# #", "## ", "# #", "# #"),
    "S": (" ##", "#  ", " # ", "  #", "## "),
    "T": ("###", " # ", " # ", " # ", " # "),
    "U": ("# #", "# #", "# #", "# #", "###"),
    "V": ("# #", "# #", "# #", "# #", " # "),
    "W": ("#   #", "#   #", "# # #", "## ##", "#   #"),
    "X": ("# #", "# #", " # ", "# #", "# #"),
    "Y": ("# #", "# #", " # ", " # ", " # "),
    "Z": ("###", "  #", " # ", "#  ", "###"),
    "Œ": ("#####", "# #  ", "# ###", "# #  ", "#####"),
    "Æ": ("#####", "# #  ", "#####", "# #  ", "# ###"),
    "Ç": ("###", "#  ", "#  ", "###", " # "),
    "'": ("#", "#", " ", " ", " "),
    "’": ("#", "#", " ", " ", " "),
    ",": ("  ", "  ", "  ", " #", "# "),
    ".": (" ", " ", " ", " ", "#"),
    ";": ("  ", " #", "  ", " #", "# "),
    "!": ("#", "#", "#", " ", "#"),
    "?": ("###", "  #", " ##", "   ", " # "),
    "/": ("  #", "  #", " # ", "#  ", "#  "),
    "(": (" #", "# ", "# ", "# ", " #"),
    ")": ("# ", " #", " #", " #", "# "),
    "&": (" # ", "# #", " ##", "# #", " ##"),
    "·": (" ", " ", "#", " ", " "),
    "[": ("##", "# ", "# ", "# ", "##"),
    "]": ("##", " #", " #", " #", "##"),
    '"': ("# #", "# #", "   ", "   ", "   "),
    "_": ("   ", "   ", "   ", "   ", "###"),
    "=": ("   ", "###", "   ", "###", "   "),
    "*": ("# #", " # ", "# #", "   ", "   "),
    "<": ("  #", " # ", "#  ", " # ", "  #"),
    ">": ("#  ", " # ", "  #", " # ", "#  "),
    "%": ("# #", "  #", " # ", "#  ", "# #"),
    " ": ("  ",) * 5,
}

FONT: dict[str, Bitmap] = {**DIGITS, **_LETTERS}
"""Every character drawn as itself: A–Z, 0–9, Œ Æ Ç and the punctuation; accented capitals
are their base letter with the accent on the row above (`_ACCENTS`)."""

_BOX: Bitmap = ("####", "#  #", "#  #", "#  #", "####")
"""A character the font cannot draw (an emoji, a control character…)."""

_ACCENTS = {"\u0301": "acute", "\u0300": "grave", "\u0302": "circ", "\u0308": "diaer"}
"""The combining accents drawn on the row above a capital (from its NFD decomposition)."""

_SPACES = frozenset(" \t\n\r\f\v\u00a0\u2007\u202f")


def _accent_row(accent: str, width: int) -> str:
    """One pixel row: acute on the right, grave on the left, circumflex in the middle,
    diaeresis on both sides."""
    row = [" "] * width
    if accent == "diaer":
        row[0] = row[-1] = "#"
    elif accent == "acute":
        row[-1 if width < 4 else width // 2 + 1] = "#"
    elif accent == "grave":
        row[0 if width < 4 else width // 2 - 1] = "#"
    else:
        row[width // 2] = "#"
    return "".join(row)


@lru_cache(maxsize=512)
def glyph(char: str) -> tuple[str, Bitmap]:
    """The accent row and the 5 rows of one (upper-case) character: itself in the font, else its
    base letter (NFD) with its accent, else a box."""
    if char in _SPACES:
        return "  ", FONT[" "]
    if char in FONT:
        return " " * len(FONT[char][0]), FONT[char]
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    if base and base != char and base in FONT:
        bitmap = FONT[base]
        if "\u0327" in marks and base == "C":
            bitmap = FONT["Ç"]
        width = len(bitmap[0])
        accent = next((_ACCENTS[m] for m in marks if m in _ACCENTS), None)
        if base == "I" and accent:  # the accent instead of the top serif: Ï must not read Y
            bitmap = ("   ", *bitmap[1:])
        return (_accent_row(accent, width) if accent else " " * width), bitmap
    return "    ", _BOX


def _glyphs(word: str) -> list[tuple[str, Bitmap]]:
    return [glyph(ch) for ch in word.upper()]


def _width(glyphs: list[tuple[str, Bitmap]]) -> int:
    """Pixels wide, with the 1-pixel gaps."""
    return sum(len(g[1][0]) for g in glyphs) + max(0, len(glyphs) - 1)


def _wrap(text: str, budget: int, split: bool) -> list[list[tuple[str, Bitmap]]] | None:
    """The glyphs of each line, words wrapped to `budget` pixels; None when a word is wider
    than the budget (unless `split`: then it is cut, None only if one character is wider)."""
    space = [glyph(" ")]
    lines: list[list[tuple[str, Bitmap]]] = []
    line: list[tuple[str, Bitmap]] = []
    for word in "".join(" " if ch in _SPACES else ch for ch in text).split(" "):
        if not word:
            continue
        glyphs = _glyphs(word)
        if line and _width(line + space + glyphs) <= budget:
            line = line + space + glyphs
            continue
        if line:
            lines.append(line)
            line = []
        if not split and _width(glyphs) > budget:
            return None
        for g in glyphs:  # a word longer than the line is split
            if line and _width([*line, g]) > budget:
                lines.append(line)
                line = []
            if _width([g]) > budget:
                return None
            line.append(g)
    if line:
        lines.append(line)
    return lines


def _pixels(glyphs: list[tuple[str, Bitmap]]) -> list[str]:
    """The pixel rows of one line: the accent row when a glyph has an accent, then 5 rows."""
    rows = ["".join(g[1][r] + " " for g in glyphs)[:-1] for r in range(5)]
    accents = "".join(g[0] + " " for g in glyphs)[:-1]
    return [accents, *rows] if "#" in accents else rows


_HALVES = {("#", "#"): "█", ("#", " "): "▀", (" ", "#"): "▄", (" ", " "): " "}


def _draw(lines: list[list[str]], scale: int) -> list[str]:
    """Pixel rows (one list per text line, each centred on the widest, a blank pixel row
    between lines) drawn at `scale`: a pixel is `scale` columns wide and `scale` half-rows high,
    in ▀ ▄ █. Every row is as wide as the widest line."""
    widest = max(len(pixels[0]) for pixels in lines)
    half: list[str] = []
    for n, pixels in enumerate(lines):
        if n:
            half.extend([" " * (widest * scale)] * scale)
        pad = " " * ((widest - len(pixels[0])) // 2)
        for row in pixels:
            half.extend(["".join(px * scale for px in (pad + row).ljust(widest))] * scale)
    if len(half) % 2:
        half.append(" " * (widest * scale))
    return [
        "".join(_HALVES[a, b] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(half[::2], half[1::2], strict=True)
    ]


def _rows_needed(lines: list[list[str]], scale: int) -> int:
    half = (sum(len(pixels) for pixels in lines) + len(lines) - 1) * scale
    return (half + 1) // 2


def _fit(text: str, width: int, rows: int, scale: int, split: bool) -> list[list[str]] | None:
    """The pixel rows of each wrapped line if they fit `width` x `rows` at `scale`, else None."""
    wrapped = _wrap(text, width // scale, split)
    if wrapped is None:
        return None
    lines = [_pixels(line) for line in wrapped]
    return lines if _rows_needed(lines, scale) <= rows else None


def block_lines(text: str, width: int, rows: int) -> list[str]:
    """The drawing of `text` (see `_block_lines`); a new list each time."""
    return list(_block_lines(text, width, rows))


@lru_cache(maxsize=64)
def _block_lines(text: str, width: int, rows: int) -> tuple[str, ...]:
    """`text` in block letters, word-wrapped to `width` cells, as large as `width` x `rows`
    allows, each line centred on the widest (every row equally wide; no padding to `width`).
    Words are kept whole when some scale allows it, else split. When even the smallest letters
    do not fit: the plain text upper-cased in at most `rows` lines, the last cut with "…".
    Empty text (or no room): no lines."""
    if not text.strip() or width < 1 or rows < 1:
        return ()
    for split in (False, True):
        best: tuple[int, list[list[str]]] | None = None
        low, high = 1, max(1, min(width, rows * 2 // 5))
        while low <= high:  # a larger scale wraps into more, taller lines: fitting is monotonic
            mid = (low + high) // 2
            fitted = _fit(text, width, rows, mid, split)
            if fitted is None:
                high = mid - 1
            else:
                best, low = (mid, fitted), mid + 1
        if best is not None:
            return tuple(_draw(best[1], best[0]))
    return tuple(plain_lines(text, width, rows))


def plain_lines(text: str, width: int, rows: int) -> list[str]:
    """The text upper-cased, made visible, word-wrapped to `width` cells in at most `rows`
    lines, the last cut with "…"."""
    words = [visible(w) for w in "".join(" " if c in _SPACES else c for c in text).split()]
    lines: list[str] = []
    line = ""
    for word in (w.upper() for w in words):
        if line and cell_len(f"{line} {word}") <= width:
            line = f"{line} {word}"
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:
            if line and cell_len(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    lines = [_cut(line, width) for line in lines]
    if len(lines) > rows:
        lines = lines[:rows]
        lines[-1] = _cut(lines[-1], width, more=True)
    return lines


def _cut(line: str, width: int, more: bool = False) -> str:
    """`line` in `width` cells, ending with "…" when cut (always when `more` follows)."""
    if cell_len(line) <= width and not more:
        return line
    body = line
    while body and cell_len(body + "…") > width:
        body = body[:-1]
    return body + "…"


def centre(line: str, width: int) -> str:
    """`line` centred in `width` cells (by cells: a wide character takes two)."""
    left = max(0, width - cell_len(line)) // 2
    return " " * left + line
