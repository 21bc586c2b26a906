"""The facilitator's private cues: small reminders on the console, never on the room's view.

`cues(session, remaining, warning, late)` says what the facilitator may want to know now, most
pressing first, each with a stable `key` the console remembers once dismissed:

- `("disguised", note_id)`: in the clarification phase (kind `question`), a note of kind
  suggestion or hypothesis: a question, or advice in disguise? (The method keeps advice for the
  consultation.) One per such note, newest first, named by its number only.
- `("contract", phase_index)`: the contract phase in its warning time and no contract written.
- `("round", phase_index, round_number)`: a phase with a round of the table in its warning time,
  and consultants who have not had the floor in this round yet.
- `("late", phase_index)`: the session projected to end more than `LATE_AFTER` late; `takes`
  proposes whole minutes to take from the phases after this one, those with the most time above
  their script minimum first (`take_proposal`), as much as brings the end back within
  `LATE_AFTER`.

Nothing here reads a clock or imports textual: the console passes the countdown's `remaining`
and `warning` seconds and how late the session is projected to end. A cue carries numbers and
names, never a note's text (a confidential note is named by its number, as any other).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from codev_tui.core.session import Session

LATE_AFTER = 10 * 60.0
"""Seconds of projected lateness beyond which the lateness cue shows."""

DISGUISED_KINDS = ("suggestion", "hypothesis")
"""The kinds of note that are advice, not questions."""

CLARIFICATION = "question"
"""The kind of the clarification phase."""


@dataclass(frozen=True)
class Cue:
    """One cue: what it is about (`kind`), its key for dismissal, and what it says."""

    kind: str
    """`disguised`, `contract`, `round` or `late`."""
    key: tuple[str | int, ...]
    note: int = 0
    """disguised: the note's number."""
    names: tuple[str, ...] = ()
    """round: who has not had the floor in this round, in the round's order."""
    seconds: float = 0.0
    """contract: seconds left in the phase (negative in overtime); late: seconds late."""
    takes: tuple[tuple[int, int], ...] = ()
    """late: (phase index, whole minutes) to take from each phase, in the script's order."""


def disguised_notes(session: Session) -> list[int]:
    """The suggestions and hypotheses typed in the current phase when it is a clarification
    phase, newest first (their numbers)."""
    phase = session.phase
    if phase.kind != CLARIFICATION:
        return []
    return [
        n.id
        for n in reversed(session.notes_in(phase.id))
        if n.kind in DISGUISED_KINDS and not n.prompt
    ]


def not_heard(session: Session) -> list[str]:
    """The consultants who have not had the floor in the current round of the table (all of
    them before the first turn), in the round's order."""
    phase_id, number = session.phase.id, session.round_number
    heard = {t.name for t in session.turns if t.phase == phase_id and t.round == number}
    return [name for name in session.roster.consultants if name not in heard]


def take_proposal(session: Session, late: float) -> tuple[tuple[int, int], ...]:
    """Whole minutes to take from the phases after the current one, to end within `LATE_AFTER`
    of the plan (`late`: seconds late, in the script's time).

    A minute at a time from the phase with the most minutes above its minimum (the later one
    when two have as many), never below a minimum; fewer when the phases cannot give enough.
    """
    need = math.ceil((late - LATE_AFTER) / 60 - 1e-9)
    s = session
    room = {
        i: math.floor((s.planned(i) - s.script.phases[i].min_seconds) / 60 + 1e-9)
        for i in range(s.current + 1, len(s.script.phases))
    }
    taken: dict[int, int] = {}
    for _ in range(max(0, need)):
        index = max(room, key=lambda i: (room[i], i), default=None)
        if index is None or room[index] <= 0:
            break
        room[index] -= 1
        taken[index] = taken.get(index, 0) + 1
    return tuple(sorted(taken.items()))


def cues(
    session: Session,
    remaining: float,
    warning: float,
    late: float,
    disguised: list[int] | None = None,
) -> list[Cue]:
    """The cues for now, most pressing first (see the module docstring).

    `remaining` and `warning`: the current phase's countdown (seconds; negative remaining in
    overtime); `late`: how late the session is projected to end, in the script's seconds;
    `disguised`: `disguised_notes(session)` when the caller keeps it between two changes.
    """
    s = session
    if s.ended is not None or s.started is None:
        return []
    found: list[Cue] = []
    for note in disguised_notes(s) if disguised is None else disguised:
        found.append(Cue("disguised", ("disguised", note), note=note))
    index, phase = s.current, s.phase
    ending = remaining <= warning
    if ending and phase.kind == "contract" and not s.contract:
        found.append(Cue("contract", ("contract", index), seconds=remaining))
    if ending and phase.round and (names := not_heard(s)):
        found.append(Cue("round", ("round", index, s.round_number), names=tuple(names)))
    if late > LATE_AFTER:
        takes = take_proposal(s, late)
        found.append(Cue("late", ("late", index), seconds=late, takes=takes))
    return found
