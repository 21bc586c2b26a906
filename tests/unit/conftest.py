"""Fixtures of the unit tests: SessionControl on fake clocks (see desk.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.unit.desk import ROSTER, Desk


@pytest.fixture
def desk(tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock) -> Desk:
    """A new session of the short script, at its first phase, not started."""
    file = SessionFile.create(tmp_path, short_script, ROSTER, now=wall)
    return Desk(file, wall, FakeMonotonic())


@pytest.fixture
def practice(tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock) -> Desk:
    """A practice session of the short script: the client's part, at ten times the speed."""
    file = SessionFile.create(
        tmp_path,
        short_script,
        Roster(topic="practice"),
        practice=True,
        practice_role="client",
        speed=10,
        now=wall,
    )
    return Desk(file, wall, FakeMonotonic())
