"""A SessionControl on fake clocks, writing to a real session file: the harness of the unit
tests of the facilitator's actions (test_control_*.py)."""

from __future__ import annotations

from codev_tui.core.control import SessionControl
from codev_tui.core.events import Event
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile
from tests.conftest import FakeMonotonic, FakeWallClock

EXPOSE, CONTRACT, CONSULTATION, SYNTHESIS, LEARNINGS = range(5)
"""The phases of tests/fixtures/short.toml."""

ROSTER = Roster(
    topic="Gérer un conflit dans l'équipe",
    group="Codev Lyon",
    facilitator="Fanny",
    client="Ana",
    consultants=["Bruno", "Chloé", "Driss"],
)


class Desk:
    """A SessionControl on fake clocks; what it submits is written at once, unless held."""

    def __init__(self, file: SessionFile, wall: FakeWallClock, mono: FakeMonotonic) -> None:
        self.wall, self.mono = wall, mono
        self.holding = False
        self.held: list[Event] = []
        self.control = SessionControl(file, self._submit, mono, wall)
        self.session = self.control.session
        self.path = file.path

    def _submit(self, event: Event) -> None:
        if self.holding:
            self.held.append(event)
        else:
            self._write(event)

    def _write(self, event: Event) -> None:
        self.control.file.write(event)
        self.control.saved(event)

    def release(self) -> None:
        """Write what was held, and write at once from now on."""
        self.holding = False
        for event in self.held:
            self._write(event)
        self.held.clear()

    def later(self, seconds: float) -> None:
        """Let time pass on both clocks."""
        self.wall.advance(seconds)
        self.mono.step(seconds)

    def notes(self, *fields: str) -> list[tuple[object, ...]]:
        """The notes of the session (as folded), as tuples of the given fields."""
        return [tuple(getattr(n, f) for f in fields) for n in self.session.notes]

    def on_disk(self, kind: str) -> list[dict[str, object]]:
        """The events of one type in the session file."""
        import tomllib

        events = tomllib.loads(self.path.read_text(encoding="utf-8")).get("events", [])
        return [e for e in events if e["type"] == kind]
