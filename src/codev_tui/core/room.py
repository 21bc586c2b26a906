"""What the room may see of a session, and nothing else: the phase, the time left and its
state in words, the rules, the contract once agreed, the end. Never a note, a confidential
item or the facilitator's cues (the room's view and the console's projector mode read it here).
"""

from __future__ import annotations

from typing import NamedTuple

from codev_tui.core.clock import TimerState
from codev_tui.core.session import Session
from codev_tui.core.session_times import SessionTimes
from codev_tui.core.times import format_clock, local_clock
from codev_tui.core.timing import session_timing
from codev_tui.words import Words


class RoomClock(NamedTuple):
    """The countdown as the room reads it."""

    value: str
    """`12:34`, or `+02:13` in overtime."""
    state: TimerState
    caption: str
    """The state in words, readable without colour: `EN PAUSE`, `DÉPASSEMENT +02:13`."""


def room_header(times: SessionTimes, w: Words) -> str:
    """`Phase 2/6 · Questions de clarification · fin prévue 11:45`: one plain line."""
    s = times.session
    line = w("view.header", n=s.current + 1, total=len(s.script.phases), title=s.phase.title)
    if s.ended is not None:
        return f"{line} · {w('view.ended')}"
    return f"{line} · {w('view.projected_end', time=local_clock(times.projected_end()))}"


def room_clock(times: SessionTimes, w: Words) -> RoomClock:
    """The time left of the current phase (counted from the events' times), and its state."""
    value = format_clock(times.countdown.remaining())
    state = times.state()
    if state is TimerState.READY:  # the console's word says which key starts it
        return RoomClock(value, state, w("view.ready"))
    words = w(f"ui.{state.value}")
    return RoomClock(value, state, f"{words} {value}" if state is TimerState.OVERTIME else words)


def contract_reached(session: Session) -> bool:
    """Whether the session is in its contract phase or past it (the contract is shown from
    then on)."""
    kinds = [p.kind for p in session.script.phases]
    return "contract" in kinds and session.current >= kinds.index("contract")


def room_contract(session: Session) -> str | None:
    """The contract from the contract phase on, unless it was typed confidential; None while
    there is none to show, and once the session ended (a view opened before the next session
    would show the previous client's contract to the next group)."""
    if session.ended is not None or not contract_reached(session):
        return None
    note = session.contract_note
    if note is None or note.confidential or not note.text.strip():
        return None
    return note.text


def room_rules(session: Session) -> tuple[str, ...]:
    """The group's rules, by name (the console shows them too)."""
    return tuple(rule.name for rule in session.script.rules)


class RoomEnd(NamedTuple):
    """A session's planned and real length, as the timing table writes them."""

    planned: str
    real: str


def room_end(session: Session) -> RoomEnd:
    """The planned and real length of the session (`1:35:00`, `1:41:12`)."""
    table = session_timing(session)
    return RoomEnd(table.duration(table.total.planned), table.duration(table.total.actual))
