"""The session: who is in the room, and the state folded from its log of events.

`Session.apply` is the fold, and the only place where state is derived: the notes as corrected,
the contract, the action plan, the learnings and the evaluation (all derived from the notes),
the time spent per phase, the round of the table and the talk times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from codev_tui.core.choosing import Choice, choose
from codev_tui.core.events import (
    Adjusted,
    AdjustedLater,
    Carried,
    Ended,
    Event,
    LegacyAction,
    LegacyConfidential,
    LegacyContract,
    LegacyEvaluation,
    LegacyLearning,
    NoteAdded,
    NoteDeleted,
    NoteEdited,
    NoteRestored,
    Paused,
    PhaseEntered,
    PromptSkipped,
    Reopened,
    Resumed,
    SpeakerChanged,
    SubjectChosen,
    Tombstone,
)
from codev_tui.core.problems import CoreError, Problem
from codev_tui.core.script import Phase, PhaseScript
from codev_tui.core.session_parts import (
    ActionItem,
    Evaluation,
    ItemStatus,
    Learning,
    Note,
    PhaseTiming,
    ReviewItem,
    Roster,
    Turn,
    action_items,
    evaluations_of,
    learnings_of,
    statuses_of,
)
from codev_tui.core.session_parts import parse_names as parse_names
from codev_tui.core.session_round import RoundOfTheTable

ADJUST_LIMIT = 7 * 24 * 3600.0
"""The most one adjustment (F7/F8: a minute) may add or remove, in seconds; a crafted NaN or
infinity is refused."""


class SessionError(CoreError):
    """A session file that cannot be used as it is: one problem, worded in one line."""


@dataclass(repr=False)  # a repr of every note would be no help; it costs the start too
class Session(RoundOfTheTable):
    """The state of a session: its header plus the fold of its events."""

    id: str
    created: datetime
    lang: str
    script: PhaseScript
    roster: Roster
    practice: bool = False
    practice_role: str = ""
    speed: float = 1.0
    group_id: str = ""
    """The group this session is one of (its id), "" for a session on its own."""
    people: dict[str, str] = field(default_factory=dict)
    """Name on the roster → the group member's stable id (a renamed person keeps it)."""
    review_items: list[ReviewItem] = field(default_factory=list)
    """The group's previous action plan, reviewed in the retour phase (copied at creation)."""
    absent: list[str] = field(default_factory=list)
    """The group's members away that day."""
    quorum: int = 0
    """The group's quorum that day (0: not a group's session, or not known)."""
    carried: set[int] = field(default_factory=set)
    """The reviewed actions carried over to the next session's retour (`/report N`)."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    current: int = 0
    running: bool = False
    run_since: datetime | None = None
    started: datetime | None = None
    ended: datetime | None = None
    reopened: int = 0
    speaker: str = ""
    speaker_since: datetime | None = None
    talk: dict[str, float] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    turn: int | None = None
    """Index in `turns` of the turn under way, None when nobody has the floor."""
    last_seq: int = 0
    last_at: datetime | None = None
    timings: list[PhaseTiming] = field(default_factory=list)
    legacy_evaluation: list[str] = field(default_factory=list)
    """Schema 1 evaluation lines, not tied to any note."""
    choice: Choice | None = None
    """The subject chosen in the session (the roster says it too), None before any choice."""
    _notes: dict[int, Note] = field(default_factory=dict, repr=False)
    """Live notes by id, in the order they were taken (ids grow with time)."""
    _removed: dict[int, Note] = field(default_factory=dict, repr=False, compare=False)
    """Deleted notes by id, without their text: where they were, should they be restored."""
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.timings:
            self.timings = [PhaseTiming() for _ in self.script.phases]

    # -- folding -----------------------------------------------------------------------------

    def apply(self, event: Event) -> None:
        """Fold one event into the state."""
        if event.seq > self.last_seq:
            self.last_seq = event.seq
        if self.last_at is None or event.t > self.last_at:
            self.last_at = event.t
        _FOLD[type(event)](self, event)

    def _changed(self) -> None:
        """The notes changed: what is derived from them is computed again when asked."""
        if self._cache:
            self._cache.clear()

    def _phase(self, event: PhaseEntered) -> None:
        index = event.index
        if not 0 <= index < len(self.script.phases):
            problem = Problem("session.no_such_phase", {"seq": event.seq, "phase": index + 1})
            raise SessionError(problem)
        at = event.t
        self._stop_clock(at)
        self.speaker = ""
        self.turn = None
        if self.timings[self.current].entered is not None:
            self.timings[self.current].left = at
        self.current = index
        if self.timings[index].entered is None:
            self.timings[index].entered = at
        self.timings[index].left = None
        if event.running:
            self._start_clock(at)

    def _pause(self, event: Paused) -> None:
        self._stop_clock(event.t)

    def _end(self, event: Ended) -> None:
        self._stop_clock(event.t)
        self.speaker = ""
        self.turn = None
        self.ended = event.t
        self.timings[self.current].left = event.t

    def _resume(self, event: Resumed) -> None:
        self._start_clock(event.t)
        if self.timings[self.current].entered is None:
            self.timings[self.current].entered = event.t
        self.ended = None

    def _adjust(self, event: Adjusted | AdjustedLater) -> None:
        if not -ADJUST_LIMIT <= event.seconds <= ADJUST_LIMIT:  # NaN is neither
            raise SessionError(Problem("session.bad_adjust", {"seq": event.seq}))
        index = self.phase_index(event.phase) if isinstance(event, AdjustedLater) else self.current
        if index is None:
            raise SessionError(Problem("session.adjust_no_phase", {"seq": event.seq}))
        self.timings[index].adjust += event.seconds

    def _reopened(self, event: Reopened) -> None:
        self.reopened += 1

    def _skip(self, event: PromptSkipped) -> None:
        self.skipped.append((self.phase.id, event.prompt))

    def _note(self, event: NoteAdded) -> None:
        turn = self.turn if event.phase == self.phase.id else None
        self._add(event.id, event, event.t, event.seq, turn)

    def _add(
        self,
        note_id: int,
        typed: NoteAdded | NoteRestored,
        at: datetime,
        seq: int,
        turn: int | None,
    ) -> None:
        """A note as typed (or as it was before its deletion), at its place in the log."""
        self._notes[note_id] = Note(
            note_id,
            at,
            typed.phase,
            typed.kind,
            typed.text,
            typed.author,
            typed.confidential,
            typed.prompt,
            seq,
            turn,
        )
        self._changed()

    def _edit(self, event: NoteEdited) -> None:
        note = self._notes.get(event.note)
        if note is None:  # a correction of a note deleted since: nothing to show
            return
        for name in NoteEdited.CORRECTABLE:
            if (value := getattr(event, name)) is not None:
                setattr(note, name, value)
        note.edited = True
        self._changed()

    def _confidential(self, event: LegacyConfidential) -> None:
        note = self._notes.get(event.note)
        if note is not None:
            note.confidential = event.value
            self._changed()

    def _delete(self, event: NoteDeleted) -> None:
        note = self._notes.pop(event.note, None)
        if note is not None:
            note.text = note.author = note.prompt = ""
            self._removed[note.id] = note
            self._changed()

    def _tombstone(self, event: Tombstone) -> None:
        # What a deletion left of the note's first event keeps the note's place and id.
        if event.was == "note" and event.note not in self._notes:
            self._removed.setdefault(
                event.note,
                Note(event.note, event.t, self.phase.id, "note", "", seq=event.seq, turn=self.turn),
            )

    def _restore(self, event: NoteRestored) -> None:
        before = self._removed.pop(event.note, None)
        if before is None:
            self._add(event.note, event, event.t, event.seq, None)
        else:
            self._add(event.note, event, before.at, before.seq, before.turn)
        if event.note != max(self._notes):  # back at its place among the others
            self._notes = dict(sorted(self._notes.items()))

    def _carry(self, event: Carried) -> None:
        if event.on:
            self.carried.add(event.item)
        else:
            self.carried.discard(event.item)
        self._changed()

    def _chosen(self, event: SubjectChosen) -> None:
        self.choice = choose(self.roster, event, self.choice)
        self._changed()  # who does an action is read against the roster

    def _legacy_copy(self, event: Event) -> None:
        """Schema 1 copies of the contract, actions and learnings: derived from notes now."""

    def _legacy_evaluation(self, event: LegacyEvaluation) -> None:
        self.legacy_evaluation.append(event.text)
        self._changed()

    def _start_clock(self, at: datetime) -> None:
        if not self.running:
            self.running = True
            self.run_since = at
            self.started = self.started or at
            if self.speaker:
                self.speaker_since = at

    def _stop_clock(self, at: datetime) -> None:
        if self.running and self.run_since is not None:
            self.timings[self.current].spent += max(0.0, (at - self.run_since).total_seconds())
        self.running = False
        self.run_since = None
        self._bank_talk(at)

    # -- the notes and what is derived from them ---------------------------------------------

    def _derived(self, key: str, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    @property
    def notes(self) -> list[Note]:
        """The notes as corrected, deleted ones left out, in the order they were taken."""
        return self._derived("notes", lambda: list(self._notes.values()))  # type: ignore[no-any-return]

    @property
    def note_count(self) -> int:
        """How many notes there are (deleted ones left out)."""
        return len(self._notes)

    def note(self, note_id: int) -> Note | None:
        """A live note by id."""
        return self._notes.get(note_id)

    @property
    def next_note_id(self) -> int:
        """The id the next note gets: never one a deleted note had."""
        newest = max(next(reversed(self._notes), 0), max(self._removed, default=0))
        return newest + 1

    def notes_in(self, phase_id: str, include_confidential: bool = True) -> list[Note]:
        """The notes of one phase, in order."""
        return [
            n
            for n in self._notes.values()
            if n.phase == phase_id and (include_confidential or not n.confidential)
        ]

    @property
    def contract(self) -> str:
        """The contract: the latest note of kind `contract`."""
        note = self.contract_note
        return note.text if note is not None else ""

    @property
    def contract_note(self) -> Note | None:
        """The note the contract is, if any."""

        def build() -> Note | None:
            return next((n for n in reversed(self._notes.values()) if n.kind == "contract"), None)

        return self._derived("contract", build)  # type: ignore[no-any-return]

    @property
    def actions(self) -> list[ActionItem]:
        """The action plan: every note of kind `action` that says what to do."""
        return self._derived(  # type: ignore[no-any-return]
            "actions", lambda: action_items(self._notes.values(), self.roster.names())
        )

    @property
    def learnings(self) -> list[Learning]:
        """What each person takes away: every note of kind `learning`."""
        return self._derived(  # type: ignore[no-any-return]
            "learnings", lambda: learnings_of(self._notes.values())
        )

    @property
    def evaluations(self) -> list[Evaluation]:
        """The evaluation of the session: every note of kind `evaluation` (`/e 4 …`)."""
        return self._derived(  # type: ignore[no-any-return]
            "evaluations", lambda: evaluations_of(self._notes.values(), self.legacy_evaluation)
        )

    @property
    def statuses(self) -> dict[int, ItemStatus]:
        """What the retour said of each reviewed action, by its number (`1 fait …`)."""
        return self._derived(  # type: ignore[no-any-return]
            "statuses", lambda: statuses_of(self._notes.values(), self.review_items, self.carried)
        )

    # -- questions the screens and the minutes ask -------------------------------------------

    @property
    def phase(self) -> Phase:
        """The current phase of the script."""
        return self.script.phases[self.current]

    def phase_index(self, phase_id: str) -> int | None:
        """The index of a phase by its id."""
        return next((i for i, p in enumerate(self.script.phases) if p.id == phase_id), None)

    def elapsed(self, index: int, now: datetime | None = None) -> float:
        """Seconds spent in phase `index`, counting the running interval up to `now`."""
        spent = self.timings[index].spent
        if index == self.current and self.running and self.run_since is not None:
            now = now or datetime.now(UTC)
            spent += max(0.0, (now - self.run_since).total_seconds())
        return spent

    def planned(self, index: int) -> float:
        """Planned seconds of phase `index`, with the minutes added or removed."""
        return self.script.phases[index].seconds + self.timings[index].adjust


_FOLD: dict[type[Event], Callable[[Session, Any], None]] = {
    PhaseEntered: Session._phase,
    Paused: Session._pause,
    Resumed: Session._resume,
    Adjusted: Session._adjust,
    AdjustedLater: Session._adjust,
    Reopened: Session._reopened,
    Ended: Session._end,
    NoteAdded: Session._note,
    NoteEdited: Session._edit,
    NoteDeleted: Session._delete,
    NoteRestored: Session._restore,
    Tombstone: Session._tombstone,
    SpeakerChanged: Session._speaker,
    PromptSkipped: Session._skip,
    Carried: Session._carry,
    SubjectChosen: Session._chosen,
    LegacyConfidential: Session._confidential,
    LegacyContract: Session._legacy_copy,
    LegacyAction: Session._legacy_copy,
    LegacyLearning: Session._legacy_copy,
    LegacyEvaluation: Session._legacy_evaluation,
}
"""How each type of event is folded: every type in the registry has its entry (a test checks)."""
