"""Fixtures for driving the real app with Pilot: fake clocks, a session in a temp folder."""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual import events

from codev_tui import locations
from codev_tui.core.script import PhaseScript, load_script
from codev_tui.core.session import Roster
from codev_tui.core.cycle import with_retour
from codev_tui.core.session_parts import ReviewItem
from codev_tui.core.store import GroupLink, SessionFile
from codev_tui.ui.app import CodevApp

START = datetime(2026, 11, 30, 9, 0, 0, tzinfo=UTC)


class FakeTime:
    """One fake time source for both clocks: monotonic seconds and the UTC wall clock."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def monotonic(self) -> float:
        """The fake monotonic clock."""
        return self.seconds

    def wall(self) -> datetime:
        """The fake wall clock, moving with the monotonic one."""
        return START + timedelta(seconds=self.seconds - 1000.0)

    def advance(self, seconds: float) -> None:
        """Let time pass."""
        self.seconds += seconds


@pytest.fixture(autouse=True)
def _utc_timezone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times of day on screen do not depend on the machine's time zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.fixture
def fake_time() -> FakeTime:
    """A controllable clock."""
    return FakeTime()


@pytest.fixture
def classic() -> PhaseScript:
    """The bundled classic French script (the one users see)."""
    return load_script(locations.bundled_scripts()["classic"])


ROSTER = Roster(
    topic="Gérer un conflit dans l'équipe",
    group="Codev Lyon",
    facilitator="Fanny",
    client="Ana",
    consultants=["Bruno", "Chloé", "Driss"],
)


@pytest.fixture
def make_app(
    tmp_path: Path, fake_time: FakeTime, short_script: PhaseScript
) -> Callable[..., CodevApp]:
    """Build the app on a new session (or an existing session file) with fake clocks.

    The session follows tests/fixtures/short.toml unless another `script` is given."""

    def factory(
        script: PhaseScript | None = None,
        path: Path | None = None,
        lang: str | None = None,
        notice: str = "",
    ) -> CodevApp:
        if path is None:
            file = SessionFile.create(
                tmp_path / "sessions", script or short_script, ROSTER, lang=lang, now=fake_time.wall
            )
        else:
            file = SessionFile.open(path, now=fake_time.wall)
        return CodevApp(
            file,
            lang=lang,
            clock=fake_time.monotonic,
            wall=fake_time.wall,
            notice=notice,
            retry_every=0.05,
        )

    return factory


REVIEW = (
    ReviewItem(1, "Appeler la DRH", "Ana", "15/12", "s0:1"),
    ReviewItem(2, "Relire le contrat [bold]", "Ana + Bruno", "", "s0:2"),
    ReviewItem(3, "Parler à Marc", "Ana", "fin janvier", "s0:3"),
)
"""The previous plan a group's session reviews in its retour phase (`make_retour_app`)."""


@pytest.fixture
def make_retour_app(
    tmp_path: Path, fake_time: FakeTime, short_script: PhaseScript
) -> Callable[..., CodevApp]:
    """Build the app on a group's new session that opens with the retour of `REVIEW`."""

    def factory(lang: str | None = None) -> CodevApp:
        link = GroupLink("g1", {"Ana": "p1", "Bruno": "p2", "Chloé": "p3"}, REVIEW)
        file = SessionFile.create(
            tmp_path / "sessions",
            with_retour(short_script),
            ROSTER,
            lang=lang,
            group=link,
            now=fake_time.wall,
        )
        return CodevApp(file, lang=lang, clock=fake_time.monotonic, wall=fake_time.wall)

    return factory


async def settle(app: CodevApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every queued event is on disk and the screen has caught up."""
    if app.writer is not None:
        assert app.writer.flush(5.0)
    await pilot.pause()
    await pilot.pause()


def file_mode(path: Path) -> int:
    """Permission bits of a file."""
    return os.stat(path).st_mode & 0o777


# -- helpers for driving the facilitation screen ----------------------------------------------

EXPOSE, CONTRACT, CONSULTATION, SYNTHESIS, LEARNINGS = range(5)
"""The phases of tests/fixtures/short.toml (the script of `make_app`)."""


def screen_of(app: CodevApp):  # type: ignore[no-untyped-def]
    """The facilitation screen (even under a dialog)."""
    from codev_tui.ui.screens.facilitation import FacilitationScreen

    for screen in app.screen_stack:
        if isinstance(screen, FacilitationScreen):
            return screen
    raise AssertionError(f"no facilitation screen in {app.screen_stack}")


def note_input(app: CodevApp):  # type: ignore[no-untyped-def]
    """The notes input of the facilitation screen."""
    from codev_tui.ui.widgets.note_input import NoteInput

    return screen_of(app).query_one(NoteInput)


async def paste(app: CodevApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Paste `text` into the notes input, as a terminal's bracketed paste does."""
    from textual import events

    note_input(app).post_message(events.Paste(text))
    await pilot.pause()


async def write_note(app: CodevApp, pilot, text: str, typed: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Put `text` in the notes input, then press Enter.

    `typed=True` presses one key per character (slow: ~75 ms a key); otherwise the text is
    inserted at the cursor as typing does, in one go.
    """
    if typed:
        await pilot.press(*text)
    else:
        note_input(app).insert_text_at_cursor(text)
    await pilot.press("enter")


async def go_to_phase(app: CodevApp, pilot, index: int) -> None:  # type: ignore[no-untyped-def]
    """PageDown until phase `index`."""
    while app.control.session.current < index:  # type: ignore[union-attr]
        await pilot.press("pagedown")
    assert app.control.session.current == index  # type: ignore[union-attr]


def clock_value(app: CodevApp) -> str:
    """What the big countdown shows."""
    from codev_tui.ui.widgets.bigclock import BigClock

    return screen_of(app).query_one(BigClock).value


def clock_state(app: CodevApp) -> str:
    """The caption under the big countdown (PRÊT, EN COURS...)."""
    from codev_tui.ui.widgets.bigclock import BigClock

    return screen_of(app).query_one(BigClock).caption


async def tick(app: CodevApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Run the screen's twice-a-second refresh now instead of waiting for its timer."""
    screen_of(app).tick()
    await pilot.pause()


async def let_time_pass(app: CodevApp, pilot, fake_time: FakeTime, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Move both fake clocks, then let the screen refresh as its timer would."""
    fake_time.advance(seconds)
    await tick(app, pilot)


def text_of(widget) -> str:  # type: ignore[no-untyped-def]
    """The plain text a Static shows."""
    content = widget.content
    return str(getattr(content, "plain", content))


def shown(app: CodevApp, selector: str) -> bool:
    """Whether the facilitation screen shows this widget (strips are added when needed)."""
    found = screen_of(app).query(selector)
    return bool(found) and found.first().display


def strip(app: CodevApp, selector: str) -> str:
    """The text of a strip of the facilitation screen; empty when it is not shown."""
    from textual.widgets import Static

    return text_of(screen_of(app).query_one(selector, Static)) if shown(app, selector) else ""


def note_lines(app: CodevApp) -> list[str]:
    """The plain text of the notes list's lines."""
    from textual.widgets import OptionList

    notes = screen_of(app).query_one("#notes", OptionList)
    return [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]


def screen_text(app: CodevApp) -> str:
    """What the terminal shows of the active screen, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001


def disk_events(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """The events of a session file, as written."""
    import tomllib

    return list(tomllib.loads(path.read_text(encoding="utf-8")).get("events", []))


def events_of(path: Path, kind: str) -> list[dict]:  # type: ignore[type-arg]
    """The events of one type on disk."""
    return [e for e in disk_events(path) if e["type"] == kind]


class Disk:
    """Stands in for `os` where the store writes: writes can be made to fail or to wait.

    `full()` makes every write fail with ENOSPC, `hold()` makes writes wait until `release()`;
    `ok()` puts things back. Everything else is the real `os`.
    """

    def __init__(self) -> None:
        import threading

        self.mode = "ok"
        self.gate = threading.Event()
        self.gate.set()
        self.failed_writes = 0
        self.failing = threading.Condition()

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(os, name)

    def write(self, fd: int, data) -> int:  # type: ignore[no-untyped-def]
        self.gate.wait(10.0)
        if self.mode == "full":
            with self.failing:
                self.failed_writes += 1
                self.failing.notify_all()
            raise OSError(28, "No space left on device")
        return os.write(fd, data)

    def wait_failed(self, count: int) -> None:
        """Wait until `count` writes have failed (the writer thread tries them)."""
        with self.failing:
            assert self.failing.wait_for(lambda: self.failed_writes >= count, 5.0)

    def full(self) -> None:
        self.mode = "full"

    def hold(self) -> None:
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()

    def ok(self) -> None:
        self.mode = "ok"
        self.gate.set()


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Control over the session file's writes (see `Disk`); always released at the end."""
    from codev_tui.core.store import folders, session_file

    fake = Disk()
    for module in (session_file, folders):  # the session file's appends, every other file
        monkeypatch.setattr(module, "os", fake)
    yield fake
    fake.ok()


@pytest.fixture
def make_practice_app(
    tmp_path: Path, fake_time: FakeTime, short_script: PhaseScript
) -> Callable[..., CodevApp]:
    """Build the app on a new practice session of the short script (`role` at `speed`)."""

    def factory(role: str = "client", speed: float = 10, lang: str | None = None) -> CodevApp:
        file = SessionFile.create(
            tmp_path / "practice",
            short_script,
            Roster(topic="practice"),
            practice=True,
            practice_role=role,
            speed=speed,
            lang=lang,
            now=fake_time.wall,
        )
        return CodevApp(
            file, lang=lang, clock=fake_time.monotonic, wall=fake_time.wall, retry_every=0.05
        )

    return factory


def type_fast(app: CodevApp, keys: list[str]) -> None:
    """Keys arriving faster than the app reads them: all queued before any is handled.

    A one-character key is typed as that character; others are key names ("enter", "tab")."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


# -- explicit steps for a `run_before` (snapshots) ------------------------------------------------


class Press:
    """Press these keys, in order."""

    def __init__(self, *keys: str) -> None:
        self.keys = keys


@dataclass(frozen=True)
class Note:
    """Write this note in the notes input, then press Enter."""

    text: str


@dataclass(frozen=True)
class Advance:
    """Let this many seconds pass on the fake clocks, then refresh the screen as its timer
    would."""

    seconds: float


Step = Press | Note | Advance


def steps(app: CodevApp, fake_time: FakeTime, *actions: Step) -> Callable[..., Awaitable[None]]:
    """A `run_before` doing `actions` in order, then waiting until all is saved and shown."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        for action in actions:
            if isinstance(action, Press):
                await pilot.press(*action.keys)
            elif isinstance(action, Note):
                await write_note(app, pilot, action.text)
            else:
                await let_time_pass(app, pilot, fake_time, action.seconds)
        await settle(app, pilot)

    return run_before
