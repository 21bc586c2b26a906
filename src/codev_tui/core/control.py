"""What the facilitator does to a session, whatever the interface: one method per action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from codev_tui.core.choosing import SUBJECT, check_candidacy, choice_command
from codev_tui.core.clock import Clock
from codev_tui.core.control_cycle import CycleActions
from codev_tui.core.events import Event, NoteDeleted, NoteEdited
from codev_tui.core.notes import PASTED_NEWLINE, note_line, parse_note
from codev_tui.core.session import Note
from codev_tui.core.session_times import SessionTimes
from codev_tui.core.store import SessionFile, WallClock

Submit = Callable[[Event], None]
"""Hands an event to the writer."""

AWAY_ASKED = 30 * 60
"""Seconds the app may be down while a phase runs before resuming asks whether that time
counts (a laptop closed overnight); under it, the time away counts."""


@dataclass
class Undo:
    """What Ctrl+Z puts back: the note as it was before a correction or a deletion."""

    note: Note
    deleted: bool


class SessionControl(SessionTimes, CycleActions):
    """Turns the facilitator's actions into events: folded at once, handed to `submit` to save.

    The countdown of the current phase runs on the injected monotonic clock; events carry
    UTC times from the injected wall clock.
    """

    def __init__(self, file: SessionFile, submit: Submit, clock: Clock, wall: WallClock) -> None:
        SessionTimes.__init__(self, file.session, clock, wall)
        self.file = file
        self._submit = submit
        self.unsaved = 0
        self.save_error = ""
        self._pending: dict[int, int] = {}
        """Per note id, its events not yet on disk: the note shows ✓ only at zero."""
        self._deleting = 0
        """Deletions not yet on disk (each removes the minutes beside the session)."""
        self._undo: list[Undo] = []
        self.opened = wall()
        """When the app opened the session."""
        last = self.session.last_at
        away = (self.opened - last).total_seconds() if last is not None else 0.0
        self.away_since = last if self.session.running and away > AWAY_ASKED else None
        """When the app was last seen, if it was down long enough while a phase ran that
        resuming asks whether the time away counts (None: it counts, nothing to ask)."""
        self._reopening = False
        """`reopened` was held back until the question about the time away is answered."""
        self.bell_rung = self.countdown.remaining() < 0

    # -- events -------------------------------------------------------------------------------

    def _emit(self, type_: str, **fields: Any) -> Event:
        event = self._fold(type_, **fields)
        self._send(event)
        return event

    def _fold(self, type_: str, **fields: Any) -> Event:
        """A new event, folded into the session at once (the screen shows it)."""
        event = self.file.make_event(type_, **fields)
        self.session.apply(event)
        return event

    def _send(self, event: Event) -> None:
        """Hand a folded event to the writer; its note shows ✓ once it is on disk."""
        self.unsaved += 1
        if (note := event.note_id) is not None:
            self._pending[note] = self._pending.get(note, 0) + 1
        if isinstance(event, NoteDeleted):
            self._deleting += 1
        self._submit(event)

    def saved(self, event: Event) -> None:
        """Called once an event is on disk."""
        self.unsaved = max(0, self.unsaved - 1)
        if isinstance(event, NoteDeleted):
            self._deleting -= 1
        note = event.note_id
        if note is not None and note in self._pending:
            self._pending[note] -= 1
            if not self._pending[note]:
                del self._pending[note]
        if not self.unsaved:
            self.save_error = ""

    def is_saved(self, note_id: int) -> bool:
        """Whether everything typed about this note (the note, its corrections) is on disk."""
        return note_id not in self._pending

    @property
    def deleting(self) -> bool:
        """Whether a deletion is on its way to the disk (minutes written beside the session now
        would go with it)."""
        return self._deleting > 0

    def failed(self, message: str) -> None:
        """Called when a write failed; it will be retried."""
        self.save_error = message

    # -- the timer ----------------------------------------------------------------------------

    def reopened(self) -> None:
        """Record that the app opened this session again (time went on meanwhile).

        After a long absence this waits for the answer to the question (`leave_out_time_away`,
        `count_time_away`): the app closed before it (the terminal too), nothing says it was
        seen again, and the next resume asks again instead of counting the night.
        """
        if self.away_since is not None:
            self._reopening = True
            return
        self._emit("reopened")

    def leave_out_time_away(self) -> None:
        """The time the app was down does not count in the phase: recorded as a pause when it
        was last seen and the phase going on when it opened again, so that a later resume
        shows the same time."""
        since = self.away_since
        if since is None or not self.session.running:
            return
        self.away_since = None
        for type_, at in (("pause", since), ("resume", self.opened)):
            event = replace(self.file.make_event(type_), t=at)
            self.session.apply(event)
            self._send(event)
        self._reopened_at_last()
        self.countdown = self._countdown_for_current()
        self.bell_rung = self.countdown.remaining() < 0

    def count_time_away(self) -> None:
        """The time the app was down counts in the phase (as it already does): not asked again."""
        self.away_since = None
        self._reopened_at_last()

    def _reopened_at_last(self) -> None:
        """The reopening `reopened` held back until the question about the time away was
        answered."""
        if self._reopening:
            self._reopening = False
            self._emit("reopened")

    def toggle_timer(self) -> bool:
        """F5: start, pause or resume; returns True when now running."""
        if self.session.ended:
            return False
        if self.countdown.running:
            self.countdown.pause()
            self._emit("pause")
        else:
            self.countdown.start()
            self._emit("resume")
        return self.countdown.running

    def adjust(self, minutes: float, index: int | None = None) -> None:
        """Add (or remove, when negative) minutes to the current phase, or to phase `index`
        (a later phase giving minutes); its plan stays >= 0."""
        s = self.session
        index = s.current if index is None else index
        seconds = max(minutes * 60, -s.planned(index))
        if not seconds:
            return
        if index != s.current:
            self._emit("adjust_later", seconds=seconds, phase=s.script.phases[index].id)
            return
        self.countdown.add(seconds / self.scale)
        self._emit("adjust", seconds=seconds)
        if self.countdown.remaining() > 0:
            self.bell_rung = False

    def go_to(self, index: int) -> bool:
        """Enter phase `index` (counting starts at once); False when out of range."""
        if not 0 <= index < len(self.session.script.phases) or index == self.session.current:
            return False
        self._emit("phase", index=index, running=True)
        self.countdown = self._countdown_for_current()
        self.bell_rung = self.countdown.remaining() < 0
        return True

    def end(self) -> None:
        """Close the session after the last phase."""
        if not self.session.ended:
            self.countdown.pause()
            self._emit("end")

    def reopen(self) -> None:
        """Back from the closing screen: the session goes on and the countdown runs again."""
        if self.session.ended:
            self.countdown.start()
            self._emit("resume")

    def time_out(self) -> bool:
        """True once when the running phase's time has just run out (for the bell)."""
        if self.countdown.running and not self.bell_rung and self.countdown.remaining() <= 0:
            self.bell_rung = True
            return True
        return False

    # -- notes and what the phases capture ---------------------------------------------------

    def prompts(self) -> list[tuple[str, str]]:
        """Practice: the (role, prompt) pairs of the current phase for the rehearsed role."""
        role = self.session.practice_role or None
        if role == "consultant":
            role = "consultants"
        return self.session.phase.prompts.for_role(role)

    def current_prompt(self) -> tuple[str, str] | None:
        """Practice: the prompt to answer now, or None when the phase's prompts are done."""
        s = self.session
        done = sum(1 for n in s.notes if n.phase == s.phase.id and n.prompt)
        done += sum(1 for phase_id, _ in s.skipped if phase_id == s.phase.id)
        prompts = self.prompts()
        return prompts[done] if done < len(prompts) else None

    def capture(self, raw: str) -> Event | None:
        """Save what was typed, as the current phase captures it; None when there is no text.

        The contract, the action plan, the learnings and the evaluation are notes of their
        kind: the session derives them, so a correction of the note corrects them too.
        """
        s = self.session
        if s.practice and (prompt := self.current_prompt()) is not None:
            return self.note_for_prompt(raw, prompt[1])
        if s.phase.kind == SUBJECT and (name := choice_command(raw, s.roster.names())) is not None:
            return self.choose_subject(name)
        parsed = parse_note(raw, s.phase.kind, s.roster.names(), len(s.script.phases))
        if not parsed.text:
            return None
        phase = s.phase if parsed.phase is None else s.script.phases[parsed.phase - 1]
        # A note for another phase (`/p2`) without a kind token is of that phase's kind: a
        # question forgotten in the clarification is no contract, typed in the contract phase.
        kind = parsed.kind if parsed.has_kind else phase.kind
        if kind == "status" and not self.is_status(parsed.text):
            kind = "note"  # in the retour, what is no status of an action is a plain note
        # In the round of the table a note without @name is the consultant who has the floor's.
        author = parsed.author or (s.speaker if phase.round and phase is s.phase else "")
        check_candidacy(kind, author, parsed.text, s.roster.names(), phase.kind)
        return self._emit(
            "note",
            phase=phase.id,
            kind=kind,
            text=parsed.text,
            author=author,
            confidential=parsed.confidential,
        )

    def note_for_prompt(self, raw: str, prompt: str) -> Event | None:
        """Practice: save an answer to a guiding prompt."""
        text = raw.replace(PASTED_NEWLINE, "\n").strip()
        if not text:
            return None
        return self._emit(
            "note",
            phase=self.session.phase.id,
            kind="note",
            text=text,
            prompt=prompt,
        )

    def skip_prompt(self) -> bool:
        """Practice: leave the current prompt without an answer; False when none is left."""
        current = self.current_prompt()
        if current is None:
            return False
        self._emit("skip", prompt=current[1])
        return True

    # -- corrections --------------------------------------------------------------------------

    def correction_line(self, note: Note, here: str | None = None) -> str:
        """The note as one line of the prefix syntax, to correct it by editing that line.

        `here` is the phase the line is typed in: a note of another phase says `/pN`.
        """
        phase = None
        if here is not None and note.phase != here:
            index = self.session.phase_index(note.phase)
            phase = index + 1 if index is not None else None
        return note_line(note.text, note.kind, note.author, note.confidential, phase)

    def correct(self, note_id: int, raw: str) -> Event | None:
        """Save the corrected line of a note: only what changed; None when nothing did.

        No kind token keeps the kind (a note of its phase's kind moved with `/pN` takes the new
        phase's), no `/pN` keeps the phase; no `@name` means no author and no `/c` not
        confidential, as the line shows them. An empty text is no correction.
        """
        s = self.session
        note = s.note(note_id)
        if note is None:
            return None
        parsed = parse_note(raw, note.kind, s.roster.names(), len(s.script.phases))
        if not parsed.text:
            return None
        phase = s.script.phases[parsed.phase - 1] if parsed.phase else None
        kind = parsed.kind
        if phase is not None and not parsed.has_kind:
            before = s.phase_index(note.phase)
            if before is not None and note.kind == s.script.phases[before].kind:
                kind = phase.kind
        target = phase or s.script.phases[s.phase_index(note.phase) or 0]
        check_candidacy(kind, parsed.author, parsed.text, s.roster.names(), target.kind)
        wanted = {
            "text": parsed.text,
            "kind": kind,
            "author": parsed.author,
            "confidential": parsed.confidential,
            "phase": phase.id if phase is not None else note.phase,
        }
        return self._change(note, {k: v for k, v in wanted.items() if getattr(note, k) != v})

    def has_text(self, raw: str) -> bool:
        """Whether a line says something besides its prefixes (`/q @Marie` alone does not)."""
        s = self.session
        return bool(parse_note(raw, "note", s.roster.names(), len(s.script.phases)).text)

    def set_confidential(self, note: Note, value: bool) -> None:
        """Mark a note confidential (left out of the minutes) or not: a correction too."""
        self._change(note, {"confidential": value} if note.confidential != value else {})

    def _change(self, note: Note, changes: dict[str, Any]) -> Event | None:
        if not changes:
            return None
        self._undo.append(Undo(replace(note), deleted=False))
        return self._emit("edit", note=note.id, **changes)

    def delete(self, note_id: int) -> Event | None:
        """Withdraw a note: once on disk, its text is nowhere in the folder (Ctrl+Z brings it
        back from memory). Minutes written beside the session are removed with it: they may
        show the note (F3 writes them again)."""
        note = self.session.note(note_id)
        if note is None:
            return None
        self._undo.append(Undo(replace(note), deleted=True))
        event = self._fold("delete", note=note_id)
        self._send(event)
        return event

    def undo(self) -> Note | None:
        """Ctrl+Z: undo the last correction or deletion; the note as it is again, or None."""
        while self._undo:
            last = self._undo.pop()
            before = last.note
            if last.deleted:
                if self.session.note(before.id) is not None:
                    continue
                self._emit(
                    "restore",
                    note=before.id,
                    phase=before.phase,
                    kind=before.kind,
                    text=before.text,
                    author=before.author,
                    confidential=before.confidential,
                    prompt=before.prompt,
                )
                return self.session.note(before.id)
            now = self.session.note(before.id)
            if now is None:
                continue
            changes = {
                f: getattr(before, f)
                for f in NoteEdited.CORRECTABLE
                if getattr(now, f) != getattr(before, f)
            }
            if changes:
                self._emit("edit", note=before.id, **changes)
                return now
        return None

    # -- the round of the table ---------------------------------------------------------------

    def next_speaker(self, passed: bool = False) -> str:
        """Give the floor to the next consultant in order; after the last, a new round starts.

        Only in a phase with a round of the table; elsewhere nothing changes."""
        order = self.session.roster.consultants
        if not order or not self.session.phase.round:
            return ""
        current = self.session.speaker
        index = order.index(current) + 1 if current in order else 0
        name = order[index % len(order)]
        if passed and current:
            self._emit("speaker", name=name, passed=current)
        else:
            self._emit("speaker", name=name)
        return name

    def pass_turn(self) -> str:
        """The consultant with the floor passes ("je passe"): noted, and the floor moves on."""
        return self.next_speaker(passed=True)
