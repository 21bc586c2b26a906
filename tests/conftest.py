"""Shared fixtures: a private data folder per test, fake clocks, a small phase script."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.core.script import PhaseScript, load_script, validate_script
from codev_tui.core.session import Roster
from tests.tmux import tmux  # noqa: F401 (a fixture for the tests that drive a real terminal)

START = datetime(2026, 11, 29, 9, 0, 0, tzinfo=UTC)
"""The fake wall clock's default start: a Sunday morning session."""

SMALL_SCRIPT: dict = {
    "script": {"name": "Test — trois phases", "lang": "fr"},
    "phases": [
        {"id": "expose", "title": "Exposé", "minutes": 10},
        {"id": "questions", "title": "Questions", "minutes": 15, "kind": "question", "round": True},
        {"id": "plan", "title": "Plan d'action", "minutes": 5, "kind": "action"},
    ],
}
"""A three-phase script built here, so tests never depend on the repository's phases.toml."""

SHORT_SCRIPT = Path(__file__).parent / "fixtures" / "short.toml"
"""Five phases, one of each kind the flows need: the script of the flow tests and snapshots."""


class FakeWallClock:
    """An injectable wall clock (`WallClock`): aware UTC datetimes that move only on demand."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start
        self.calls = 0

    def __call__(self) -> datetime:
        self.calls += 1
        return self.now

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward (or back, with a negative value); returns the new time."""
        self.now += timedelta(seconds=seconds)
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when


class FakeMonotonic:
    """An injectable monotonic clock (`Clock`) in seconds; `step` moves it, nothing else does."""

    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t

    def step(self, seconds: float) -> float:
        self.t += seconds
        return self.t


@pytest.fixture(scope="session")
def _numbered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """New empty folders, numbered here: pytest's own numbering lists every folder made
    before at each test (thousands by the end of the suite, a few ms each time)."""
    base = tmp_path_factory.getbasetemp() / "each-test"
    base.mkdir(mode=0o700)

    def folders() -> Iterator[Path]:
        for n in itertools.count():
            folder = base / str(n)
            folder.mkdir(mode=0o700)  # as pytest makes them
            yield folder

    return folders()


@pytest.fixture
def tmp_path(_numbered: Iterator[Path]) -> Path:
    """A new empty folder for this test (pytest's `tmp_path`, numbered without a listing)."""
    return next(_numbered)


@pytest.fixture(autouse=True)
def _private_data_dir(_numbered: Iterator[Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes its sessions to its own temporary folder, never the user's."""
    folder = next(_numbered) / "sessions"
    monkeypatch.setenv(locations.DATA_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks English in tests unless one asks otherwise (`--lang`, `LANG`)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def data_dir() -> Path:
    """The session folder of this test (CODEV_DATA_DIR; not created yet)."""
    return locations.data_dir()


@pytest.fixture
def wall() -> FakeWallClock:
    """A fake wall clock starting at 2026-11-29 09:00:00 UTC."""
    return FakeWallClock()


@pytest.fixture
def mono() -> FakeMonotonic:
    """A fake monotonic clock."""
    return FakeMonotonic()


@pytest.fixture
def script() -> PhaseScript:
    """A valid three-phase script (expose 10 min, questions 15 min, plan 5 min), in French."""
    return validate_script(SMALL_SCRIPT, "test")


@pytest.fixture
def short_script() -> PhaseScript:
    """tests/fixtures/short.toml: expose, contract, consultation (round), actions, learnings."""
    return load_script(SHORT_SCRIPT)


@pytest.fixture
def roster() -> Roster:
    return Roster(
        topic="Gérer un conflit dans l'équipe !",
        group="Groupe du jeudi",
        facilitator="Fanny",
        client="Claire",
        consultants=["Ahmed", "Béatrice", "Chen"],
    )


@pytest.fixture(autouse=True)
def _quick_idle_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits for the app to be idle after each key by sleeping in slices of 20 ms and
    looking at the CPU used meanwhile: 5 ms slices (with the same CPU-to-wall ratio) see the
    same idleness four times sooner."""
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 1 / 200)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", 1 / 1000)
