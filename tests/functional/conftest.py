"""Fixtures for driving the real app with Pilot: fake clocks, a session in a temp folder."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.core.script import PhaseScript, load_script
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile
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
    """The bundled classic French script."""
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
    tmp_path: Path, fake_time: FakeTime, classic: PhaseScript
) -> Callable[..., CodevApp]:
    """Build the app on a new session (or an existing session file) with fake clocks."""

    def factory(
        script: PhaseScript | None = None,
        path: Path | None = None,
        lang: str | None = None,
        notice: str = "",
    ) -> CodevApp:
        if path is None:
            file = SessionFile.create(
                tmp_path / "sessions", script or classic, ROSTER, lang=lang, now=fake_time.wall
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


async def settle(app: CodevApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every queued event is on disk and the screen has caught up."""
    if app.writer is not None:
        assert app.writer.flush(5.0)
    await pilot.pause()
    await pilot.pause()


def file_mode(path: Path) -> int:
    """Permission bits of a file."""
    return os.stat(path).st_mode & 0o777
