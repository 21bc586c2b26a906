"""The session: who is in the room, and the state folded from its log of events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from codev_tui.core.script import Phase, PhaseScript

SCHEMA = 1
"""Version of the session file format."""

EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "phase": ("index", "running"),
    "pause": (),
    "resume": (),
    "adjust": ("seconds",),
    "note": ("id", "phase", "kind", "text", "author", "confidential"),
    "confidential": ("note", "value"),
    "contract": ("text",),
    "action": ("what", "who", "due"),
    "learning": ("who", "what"),
    "evaluation": ("text",),
    "speaker": ("name",),
    "skip": ("prompt",),
    "reopened": (),
    "end": (),
}
"""Every kind of event in a session log, with its required fields (besides seq, t and type)."""


class SessionError(Exception):
    """A session file that cannot be used as it is; the message is one readable line."""


def parse_names(text: str) -> list[str]:
    """Comma-separated names, trimmed, blanks and repeats (ignoring case) left out."""
    names: list[str] = []
    seen: set[str] = set()
    for name in (n.strip() for n in text.split(",")):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


@dataclass
class Roster:
    """Who takes part, and what the session is about."""

    topic: str = ""
    group: str = ""
    facilitator: str = ""
    client: str = ""
    consultants: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Everybody's name, client first, without blanks or repeats."""
        seen: list[str] = []
        for name in [self.client, *self.consultants, self.facilitator]:
            if name and name not in seen:
                seen.append(name)
        return seen

    def role_of(self, name: str) -> str | None:
        """`client`, `consultant N` (1-based) or `facilitator` for a name on the roster."""
        if name and name == self.client:
            return "client"
        if name and name in self.consultants:
            return f"consultant {self.consultants.index(name) + 1}"
        if name and name == self.facilitator:
            return "facilitator"
        return None


@dataclass
class Note:
    """A note taken during a phase."""

    id: int
    at: datetime
    phase: str
    kind: str
    text: str
    author: str = ""
    confidential: bool = False
    prompt: str = ""


@dataclass
class ActionItem:
    """One line of the action plan."""

    what: str
    who: str = ""
    due: str = ""
    note: int | None = None
    """The note it was typed as: the action is as confidential as that note."""


@dataclass
class Learning:
    """What one person takes away."""

    who: str
    what: str
    note: int | None = None
    """The note it was typed as: the learning is as confidential as that note."""


@dataclass
class PhaseTiming:
    """Time actually spent in one phase, from the log's timestamps."""

    spent: float = 0.0
    adjust: float = 0.0
    entered: datetime | None = None
    left: datetime | None = None


@dataclass
class Session:
    """The state of a session: its header plus the fold of its events."""

    id: str
    created: datetime
    lang: str
    script: PhaseScript
    roster: Roster
    practice: bool = False
    practice_role: str = ""
    speed: float = 1.0
    notes: list[Note] = field(default_factory=list)
    contract: str = ""
    actions: list[ActionItem] = field(default_factory=list)
    learnings: list[Learning] = field(default_factory=list)
    evaluation: list[str] = field(default_factory=list)
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
    passes: list[str] = field(default_factory=list)
    last_seq: int = 0
    last_at: datetime | None = None
    timings: list[PhaseTiming] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.timings:
            self.timings = [PhaseTiming() for _ in self.script.phases]

    # -- folding -----------------------------------------------------------------------------

    def apply(self, event: dict[str, Any]) -> None:
        """Fold one event into the state."""
        kind = event["type"]
        at: datetime = event["t"]
        self.last_seq = max(self.last_seq, int(event.get("seq", 0)))
        self.last_at = at if self.last_at is None else max(self.last_at, at)
        if kind == "phase":
            index = int(event["index"])
            if not 0 <= index < len(self.script.phases):
                raise SessionError(
                    f"event {event.get('seq')}: phase {index + 1} is not in the script"
                )
            self._stop_clock(at)
            self.speaker = ""
            if self.timings[self.current].entered is not None:
                self.timings[self.current].left = at
            self.current = index
            if self.timings[index].entered is None:
                self.timings[index].entered = at
            self.timings[index].left = None
            if event["running"]:
                self._start_clock(at)
        elif kind in ("pause", "end"):
            self._stop_clock(at)
            if kind == "end":
                self.speaker = ""
                self.ended = at
                self.timings[self.current].left = at
        elif kind == "resume":
            self._start_clock(at)
            if self.timings[self.current].entered is None:
                self.timings[self.current].entered = at
            self.ended = None
        elif kind == "adjust":
            self.timings[self.current].adjust += float(event["seconds"])
        elif kind == "note":
            self.notes.append(
                Note(
                    id=int(event["id"]),
                    at=at,
                    phase=str(event["phase"]),
                    kind=str(event["kind"]),
                    text=str(event["text"]),
                    author=str(event["author"]),
                    confidential=bool(event["confidential"]),
                    prompt=str(event.get("prompt", "")),
                )
            )
        elif kind == "confidential":
            for note in self.notes:
                if note.id == int(event["note"]):
                    note.confidential = bool(event["value"])
        elif kind == "contract":
            self.contract = str(event["text"])
        elif kind == "action":
            self.actions.append(
                ActionItem(
                    str(event["what"]), str(event["who"]), str(event["due"]), _note_id(event)
                )
            )
        elif kind == "learning":
            self.learnings.append(Learning(str(event["who"]), str(event["what"]), _note_id(event)))
        elif kind == "evaluation":
            self.evaluation.append(str(event["text"]))
        elif kind == "speaker":
            self._bank_talk(at)
            if event.get("passed"):
                self.passes.append(str(event["passed"]))
            self.speaker = str(event["name"])
            self.speaker_since = at if self.speaker and self.running else None
            if self.speaker:
                self.talk.setdefault(self.speaker, 0.0)
        elif kind == "skip":
            self.skipped.append((self.phase.id, str(event["prompt"])))
        elif kind == "reopened":
            self.reopened += 1

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

    def _bank_talk(self, at: datetime) -> None:
        if self.speaker_since is not None:
            self.talk[self.speaker] = self.talk.get(self.speaker, 0.0) + max(
                0.0, (at - self.speaker_since).total_seconds()
            )
        self.speaker_since = None

    # -- questions the screens and the minutes ask -------------------------------------------

    @property
    def phase(self) -> Phase:
        """The current phase of the script."""
        return self.script.phases[self.current]

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

    def talk_time(self, name: str, now: datetime | None = None) -> float:
        """Seconds `name` has held the floor."""
        total = self.talk.get(name, 0.0)
        if name == self.speaker and self.speaker_since is not None:
            now = now or datetime.now(UTC)
            total += max(0.0, (now - self.speaker_since).total_seconds())
        return total

    def notes_in(self, phase_id: str, include_confidential: bool = True) -> list[Note]:
        """The notes of one phase, in order."""
        return [
            n
            for n in self.notes
            if n.phase == phase_id and (include_confidential or not n.confidential)
        ]


def _note_id(event: dict[str, Any]) -> int | None:
    """The `note` an action or learning event points to (absent in older files)."""
    note = event.get("note")
    return note if isinstance(note, int) and not isinstance(note, bool) else None
