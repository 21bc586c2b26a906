"""The lines of `codev list`: user text on one line, columns aligned to a terminal's width."""

from __future__ import annotations

import re
from collections.abc import Sequence

from codev_tui.core.visible import visible

LIST_WIDTH = 100
"""`codev list` fits its lines in this many columns when the file names leave room."""

_TOPIC, _CLIENT, _NOTES = 2, 3, 4
_CLIENT_MAX = 16
_TOPIC_MIN, _TOPIC_MAX = 12, 40


def format_rows(rows: Sequence[list[str] | str], width: int = LIST_WIDTH) -> list[str]:
    """Align the columns; the topic gets what the other columns leave of `width`.

    A row given as a string (an unreadable file) is printed as it is.
    """
    table = [list(r) for r in rows if not isinstance(r, str)]
    digits = max((len(r[_NOTES].split(" ", 1)[0]) for r in table), default=0)
    for row in table:
        row[_CLIENT] = cut(row[_CLIENT], _CLIENT_MAX)
        count, word = row[_NOTES].split(" ", 1)
        row[_NOTES] = f"{count:>{digits}} {word}"  # the counts right-aligned
    ncols = len(table[0]) if table else 0
    widths = [max((width_of(r[i]) for r in table), default=0) for i in range(ncols)]
    if table:
        others = sum(w for i, w in enumerate(widths) if i != _TOPIC)
        gaps = 2 * sum(1 for i, w in enumerate(widths) if w and i != _TOPIC)
        room = max(_TOPIC_MIN, min(_TOPIC_MAX, width - others - gaps))
        for row in table:
            row[_TOPIC] = cut(row[_TOPIC], room)
        widths[_TOPIC] = max(width_of(r[_TOPIC]) for r in table)
    lines: list[str] = []
    it = iter(table)
    for row in rows:
        if isinstance(row, str):
            lines.append(row)
            continue
        cells = next(it)
        out = []
        for i, cell in enumerate(cells):
            if not widths[i]:
                continue  # a column empty on every line (no practice session)
            pad = widths[i] - width_of(cell)
            out.append(cell + " " * pad)
        lines.append("  ".join(out).rstrip())
    return lines


_UNSHOWN = "[\u00ad\u115f\u1160\u180e\u200c\u200d]"
"""The invisible characters `core.visible` leaves (they join or hyphenate, and move nothing),
which a one-line cell of `codev list` does without: soft hyphen, fillers, joiners."""
_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"


def clean(text: str) -> str:
    """User text for one line of a terminal: breaks and tabs as spaces, the other control
    characters as pictures (an ESC could drive the terminal: `core.visible`), no invisible
    format character, lone surrogates as U+FFFD."""
    text = visible(re.sub(f"[{_BREAKS}]", " ", text))
    return " ".join(re.sub(_UNSHOWN, "", text).split())


def width_of(text: str) -> int:
    """Terminal columns of `text`: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def cut(text: str, limit: int) -> str:
    """`text` in at most `limit` columns, ending with … when cut."""
    if width_of(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width_of(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"
