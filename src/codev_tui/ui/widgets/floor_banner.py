"""Who has the floor in the round of the table, in block letters, and the turn order in words."""

from __future__ import annotations

from rich.text import Text

from codev_tui.ui.text import literal
from codev_tui.ui.widgets.bigtext import block_lines, centre
from codev_tui.ui.widgets.round_strip import RoundState, one_line, round_head
from codev_tui.words import Texts


def order_line(state: RoundState, t: Texts, width: int) -> Text:
    """`Tour de table : ✓ Ana · ✓ Bo (passe) · ▶ Cy a la parole · à venir : Dan · Eve` on one
    line of `width` cells (cut with "… +N", who has the floor always shown): marks and words,
    readable without colour."""
    head = round_head(state, t)
    floor = next((i for i, seat in enumerate(state.seats) if seat.has_floor), -1)
    entries, waiting = [], False
    for seat in state.seats:
        entry = Text()
        if seat.has_floor:
            entry.append_text(literal(f"▶ {seat.name}", "bold reverse"))
            entry.append(f" {t('floor.has_floor')}")
        elif seat.heard:
            entry.append_text(literal(f"✓ {seat.name}"))
            if seat.passed:
                entry.append(f" ({t('passed')})")
        else:
            if not waiting:
                entry.append(f"{t('floor.to_come')}{t('colon')}")
                waiting = True
            entry.append_text(literal(seat.name))
        entries.append(entry)
    return one_line(head, entries, max(floor, 0), width)


def speaker(state: RoundState | None) -> str:
    """The name of who has the floor ("" when nobody has it)."""
    if state is None:
        return ""
    return next((seat.name for seat in state.seats if seat.has_floor), "")


def banner_height(state: RoundState | None, width: int, rows: int) -> int:
    """The rows the name of who has the floor takes in `width` x at most `rows`."""
    if state is None or rows < 1:
        return 0
    return len(block_lines(speaker(state), width, rows))


def banner(state: RoundState, width: int, rows: int) -> Text:
    """The name of who has the floor in block letters, centred, as large as `width` x `rows`
    allows (the turn order is `order_line`, on a line of its own)."""
    name = block_lines(speaker(state), width, rows)
    text = Text("\n".join(centre(line, width) for line in name), style="bold", end="")
    text.no_wrap, text.overflow = True, "crop"
    return text
