"""Resuming after the app was down: under 30 minutes the time away counts in the phase; beyond,
resuming asks, and the answer is in the log so that a later resume shows the same time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from codev_tui.core.control import AWAY_ASKED, SessionControl
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from tests.conftest import FakeMonotonic, FakeWallClock

BEFORE = 4 * 60
"""Seconds the phase ran before the app went down."""


def open_control(path: Path, wall: FakeWallClock, mono: FakeMonotonic) -> SessionControl:
    file = SessionFile.open(path, now=wall)
    return SessionControl(file, file.write, mono, wall)


def session_left(
    tmp_path: Path, script: PhaseScript, roster: Roster, wall: FakeWallClock, how: str
) -> Path:
    """A session whose app went down 4 minutes into phase 2: running, paused or ended."""
    file = SessionFile.create(tmp_path, script, roster, now=wall)
    mono = FakeMonotonic()
    control = SessionControl(file, file.write, mono, wall)
    control.toggle_timer()
    control.go_to(1)
    control.next_speaker()
    wall.advance(BEFORE)
    mono.step(BEFORE)
    control.capture("la dernière note avant la coupure")
    if how == "paused":
        control.toggle_timer()
    elif how == "ended":
        control.end()
    file.close()
    return file.path


AWAY = [60, AWAY_ASKED - 1, AWAY_ASKED + 1, 3 * 3600, 72 * 3600]


@pytest.mark.parametrize("away", AWAY, ids=[f"{s}s" for s in AWAY])
def test_a_long_absence_is_asked_about_and_left_out_for_good(
    tmp_path: Path, script: PhaseScript, roster: Roster, wall: FakeWallClock, away: int
) -> None:
    path = session_left(tmp_path, script, roster, wall, "running")
    wall.advance(away)
    mono = FakeMonotonic()
    control = open_control(path, wall, mono)
    talk_before = control.session.talk_time("Ahmed", wall())
    if away <= AWAY_ASKED:  # today's behaviour: the room went on talking
        assert control.away_since is None
        assert control.countdown.elapsed() == BEFORE + away
        return
    assert control.away_since == wall() - timedelta(seconds=away)
    assert control.countdown.elapsed() == BEFORE + away  # until the question is answered
    control.leave_out_time_away()
    assert control.away_since is None
    assert control.countdown.elapsed() == BEFORE
    assert control.countdown.running
    assert control.session.talk_time("Ahmed", wall()) == BEFORE < talk_before
    mono.step(90)
    wall.advance(90)
    assert control.countdown.elapsed() == BEFORE + 90
    control.file.close()
    # Every later reading of the file shows the same time: the answer is in the log.
    on_disk = read_session(path)
    assert on_disk.elapsed(1, wall()) == BEFORE + 90
    assert on_disk.talk_time("Ahmed", wall()) == BEFORE + 90
    wall.advance(60)
    again = open_control(path, wall, FakeMonotonic())
    assert again.away_since is None  # the gap since the answer is a minute: nothing to ask
    assert again.countdown.elapsed() == BEFORE + 90 + 60


def test_counting_the_time_away_keeps_it_and_asks_no_more(
    tmp_path: Path, script: PhaseScript, roster: Roster, wall: FakeWallClock
) -> None:
    path = session_left(tmp_path, script, roster, wall, "running")
    wall.advance(72 * 3600)
    control = open_control(path, wall, FakeMonotonic())
    assert control.away_since is not None
    control.count_time_away()
    control.leave_out_time_away()  # asked once: nothing happens after the answer
    assert control.countdown.elapsed() == BEFORE + 72 * 3600
    control.file.close()
    assert read_session(path).elapsed(1, wall()) == BEFORE + 72 * 3600


@pytest.mark.parametrize("how", ["paused", "ended"])
def test_a_session_left_paused_or_ended_asks_nothing(
    tmp_path: Path, script: PhaseScript, roster: Roster, wall: FakeWallClock, how: str
) -> None:
    path = session_left(tmp_path, script, roster, wall, how)
    wall.advance(72 * 3600)
    control = open_control(path, wall, FakeMonotonic())
    assert control.away_since is None
    control.leave_out_time_away()
    assert control.countdown.elapsed() == BEFORE


def test_a_question_left_unanswered_is_asked_again(
    tmp_path: Path, script: PhaseScript, roster: Roster, wall: FakeWallClock
) -> None:
    """The app (or its terminal) closed while the question was on screen: the next resume asks
    again, and the night is still not counted by default."""
    path = session_left(tmp_path, script, roster, wall, "running")
    wall.advance(14 * 3600)
    control = open_control(path, wall, FakeMonotonic())
    control.reopened()  # what the app does on resuming, before the question is answered
    assert control.away_since is not None
    control.file.close()
    wall.advance(60)
    again = open_control(path, wall, FakeMonotonic())
    again.reopened()
    assert again.away_since is not None  # asked again
    again.leave_out_time_away()
    assert again.countdown.elapsed() == BEFORE
    assert again.session.reopened == 1  # once the question was answered
    again.file.close()
    assert read_session(path).elapsed(1, wall()) == BEFORE
