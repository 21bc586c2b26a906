"""What the facilitator does to a session, whatever the interface: one method per action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from codev_tui.core.clock import Clock, Countdown, TimerState
from codev_tui.core.notes import PASTED_NEWLINE, parse_note, split_action
from codev_tui.core.session import Note, Session
from codev_tui.core.store import SessionFile, WallClock

Submit = Callable[[dict[str, Any]], None]


class SessionControl:
    """Turns the facilitator's actions into events: folded at once, handed to `submit` to save.

    The countdown of the current phase runs on the injected monotonic clock; events carry
    UTC times from the injected wall clock.
    """

    def __init__(self, file: SessionFile, submit: Submit, clock: Clock, wall: WallClock) -> None:
        self.file = file
        self.session: Session = file.session
        self._submit = submit
        self._clock = clock
        self._wall = wall
        self.scale = self.session.speed if self.session.practice and self.session.speed > 0 else 1.0
        self.saved_notes: set[int] = {n.id for n in self.session.notes}
        self.unsaved = 0
        self.save_error = ""
        self.countdown = self._countdown_for_current()
        self.bell_rung = self.countdown.remaining() < 0

    # -- events -------------------------------------------------------------------------------

    def _emit(self, type_: str, **fields: Any) -> dict[str, Any]:
        event = self.file.make_event(type_, **fields)
        self.session.apply(event)
        self.unsaved += 1
        self._submit(event)
        return event

    def saved(self, event: dict[str, Any]) -> None:
        """Called once an event is on disk."""
        self.unsaved = max(0, self.unsaved - 1)
        if event["type"] == "note":
            self.saved_notes.add(int(event["id"]))
        if not self.unsaved:
            self.save_error = ""

    def failed(self, message: str) -> None:
        """Called when a write failed; it will be retried."""
        self.save_error = message

    def _countdown_for_current(self) -> Countdown:
        s = self.session
        i = s.current
        return Countdown(
            s.script.phases[i].seconds / self.scale,
            self._clock,
            elapsed=s.elapsed(i, self._wall()),
            adjust=s.timings[i].adjust / self.scale,
            running=s.running,
            warning=s.script.phases[i].warning_seconds / self.scale,
        )

    # -- the timer ----------------------------------------------------------------------------

    def reopened(self) -> None:
        """Record that the app opened this session again (time went on meanwhile)."""
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

    def adjust(self, minutes: float) -> None:
        """Add (or remove, when negative) minutes to the current phase; its plan stays >= 0."""
        seconds = max(minutes * 60, -self.session.planned(self.session.current))
        if not seconds:
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

    def state(self) -> TimerState:
        """The countdown's state."""
        return self.countdown.state()

    # -- projections for the header -----------------------------------------------------------

    def planned_end(self) -> datetime:
        """When the session ends if every phase takes its planned time, from its start."""
        start = self.session.started or self._wall()
        total = sum(p.seconds for p in self.session.script.phases) / self.scale
        return start + timedelta(seconds=total)

    def projected_end(self) -> datetime:
        """Now + what is left of this phase + the planned time of the phases after it."""
        s = self.session
        left = max(0.0, self.countdown.remaining())
        later = sum(s.planned(i) for i in range(s.current + 1, len(s.script.phases))) / self.scale
        return self._wall() + timedelta(seconds=left + later)

    def drift_minutes(self) -> float:
        """Minutes behind (positive) or ahead (negative) of the plan."""
        return (self.projected_end() - self.planned_end()).total_seconds() / 60

    # -- notes and what the phases capture ---------------------------------------------------

    def real_equivalent(self) -> float:
        """Practice: the current phase's elapsed time in real-session seconds."""
        return self.countdown.elapsed() * self.scale

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

    def capture(self, raw: str) -> dict[str, Any] | None:
        """Save what was typed, as the current phase captures it; None when there is no text."""
        s = self.session
        phase = s.phase
        if s.practice and (prompt := self.current_prompt()) is not None:
            return self.note_for_prompt(raw, prompt[1])
        parsed = parse_note(raw, phase.kind, s.roster.names())
        if not parsed.text:
            return None
        # In the round of the table a note without @name is the consultant who has the floor's.
        author = parsed.author or (s.speaker if phase.round else "")
        note = self._emit(
            "note",
            phase=phase.id,
            kind=parsed.kind,
            text=parsed.text,
            author=author,
            confidential=parsed.confidential,
        )
        if phase.kind == "contract" and parsed.kind == "contract":
            self._emit("contract", text=parsed.text)
        elif phase.kind == "action" and parsed.kind == "action":
            what, who, due = split_action(parsed.text)
            if any(c.isalnum() for c in what):  # " / / " stays a note, not an empty action
                self._emit("action", what=what, who=who or parsed.author, due=due, note=note["id"])
        elif phase.kind == "learning" and parsed.kind == "learning":
            self._emit("learning", who=parsed.author, what=parsed.text, note=note["id"])
        return note

    def note_for_prompt(self, raw: str, prompt: str) -> dict[str, Any] | None:
        """Practice: save an answer to a guiding prompt."""
        text = raw.replace(PASTED_NEWLINE, "\n").strip()
        if not text:
            return None
        return self._emit(
            "note",
            phase=self.session.phase.id,
            kind="note",
            text=text,
            author="",
            confidential=False,
            prompt=prompt,
        )

    def skip_prompt(self) -> bool:
        """Practice: leave the current prompt without an answer; False when none is left."""
        current = self.current_prompt()
        if current is None:
            return False
        self._emit("skip", prompt=current[1])
        return True

    def set_confidential(self, note: Note, value: bool) -> None:
        """Mark a note confidential (left out of the minutes) or not."""
        if note.confidential != value:
            self._emit("confidential", note=note.id, value=value)

    # -- the round of the table ---------------------------------------------------------------

    def next_speaker(self, passed: bool = False) -> str:
        """Give the floor to the next consultant in order (after the last one: nobody).

        Only in a phase with a round of the table; elsewhere nothing changes."""
        order = self.session.roster.consultants
        if not order or not self.session.phase.round:
            return ""
        current = self.session.speaker
        index = order.index(current) + 1 if current in order else 0
        name = order[index] if index < len(order) else ""
        if passed and current:
            self._emit("speaker", name=name, passed=current)
        else:
            self._emit("speaker", name=name)
        return name

    def pass_turn(self) -> str:
        """The consultant with the floor passes ("je passe"): noted, and the floor moves on."""
        return self.next_speaker(passed=True)
