"""The round of the table: who has the floor, who passed, each consultant's talk time."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from codev_tui.core.cues import not_heard
from codev_tui.core.session_times import SessionTimes
from codev_tui.core.times import format_duration
from codev_tui.ui.text import literal
from codev_tui.ui.widgets.line_strip import LineStrip
from codev_tui.words import Texts


class Seat(NamedTuple):
    """One consultant in the round."""

    name: str
    has_floor: bool
    passed: bool
    """Passed in this round ("je passe")."""
    spent: float
    """Seconds of talk time so far."""
    heard: bool = False
    """Had the floor (or passed) in this round already."""


class RoundState(NamedTuple):
    """The round of the table as the strip shows it."""

    number: int
    """The round, counted from 1."""
    seats: tuple[Seat, ...]
    width: int
    """The cells the line may take: the names that do not fit are counted ("… +N")."""


def round_state(control: SessionTimes, width: int) -> RoundState | None:
    """The round of the table, in a phase that has one and with consultants; else None."""
    s = control.session
    if not (s.phase.round and s.roster.consultants):
        return None
    now = control.wall()
    waiting = set(not_heard(s))
    seats = tuple(
        Seat(
            name,
            name == s.speaker,
            s.passed_this_round(name),
            s.talk_time(name, now),
            name not in waiting,
        )
        for name in s.roster.consultants
    )
    return RoundState(s.round_number, seats, width)


def round_head(state: RoundState, t: Texts) -> Text:
    """`Round (round 2): `, the start of a line about the round."""
    label = t("round")
    if state.number > 1:
        label += f" ({t('round_n', n=state.number)})"
    return Text(f"{label}{t('colon')}", style="bold")


def round_line(state: RoundState, t: Texts) -> Text:
    """`Round: ▶ Ana 01:30 · Bo (passed) · Cy`, on one line of `state.width` cells."""
    head = round_head(state, t)
    entries = []
    for seat in state.seats:
        mark = "▶ " if seat.has_floor else ""
        entry = Text()
        entry.append_text(literal(f"{mark}{seat.name}", "bold reverse" if seat.has_floor else ""))
        if seat.passed:
            entry.append(f" ({t('passed')})")
        elif seat.spent or seat.has_floor:
            # Rounded as the minutes round it: the screen and the minutes agree.
            entry.append(f" {format_duration(seat.spent)}")
        entries.append(entry)
    first = next((i for i, seat in enumerate(state.seats) if seat.has_floor), 0)
    return one_line(head, entries, first, state.width)


def one_line(head: Text, entries: list[Text], first: int, width: int) -> Text:
    """`head` then the entries joined with " · ", cut to one line of `width` cells with
    " … +N" for the N left out after it: a roster of 200 names never pushes the notes input
    off the screen. The entry `first` (who has the floor) is always shown: when it would not
    fit, the line starts with it, after "… " for those before it."""
    line = head.copy()
    line.no_wrap, line.overflow = True, "ellipsis"
    whole = line.cell_len + sum(e.cell_len for e in entries) + 3 * max(0, len(entries) - 1)
    if whole <= width:
        line.append_text(Text(" · ").join(entries))
        return line
    first = min(max(first, 0), max(0, len(entries) - 1))
    more = len(f" … +{len(entries)}")
    before = line.cell_len + sum(e.cell_len + 3 for e in entries[: first + 1]) + more
    start = 0 if before <= width else first
    if start:
        after = len(entries) - start - 1
        tail = len(f" … +{after}") if after else 0
        if line.cell_len + 2 + entries[start].cell_len + tail > width:
            line = Text(no_wrap=True, overflow="ellipsis")  # no room for the head: the speaker
        line.append("… ")
    shown = 0
    for entry in entries[start:]:
        sep = " · " if shown else ""
        left = len(entries) - start - shown - 1
        tail = len(f" … +{left}") if left else 0
        if shown and line.cell_len + len(sep) + entry.cell_len + tail > width:
            break
        line.append(sep)
        line.append_text(entry)
        shown += 1
    if left_out := len(entries) - start - shown:
        tail = f" … +{left_out}"
        line.truncate(max(1, width - len(tail)), overflow="ellipsis")
        line.append(tail)
    return line


class RoundStrip(LineStrip):
    """The round of the table, in a phase that has one (state None: hidden)."""

    def line(self, state: RoundState) -> Text:
        """The round on one line."""
        return round_line(state, self.t)
