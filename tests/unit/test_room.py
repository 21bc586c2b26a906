"""What the room may see of a session (core.room), and following its file read-only
(core.follow): the time from the events' times, the contract unless confidential, the end."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from codev_tui.core.clock import TimerState
from codev_tui.core.follow import Follower, LatestFollower, Trouble
from codev_tui.core.room import room_clock, room_contract, room_end, room_header, room_rules
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.session_times import SessionTimes
from codev_tui.core.store import SessionFile, read_session
from codev_tui.words import Words

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ROSTER = Roster(topic="Sujet", client="Ana", consultants=["Bruno", "Chloé"])


class Wall:
    """A wall clock the test moves, and the monotonic clock that goes with it."""

    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return (self.at - START).total_seconds()


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture
def file(tmp_path: Path, short_script: PhaseScript, wall: Wall):  # type: ignore[no-untyped-def]
    f = SessionFile.create(tmp_path / "s", short_script, ROSTER, now=wall)
    yield f
    f.close()


def times_of(path: Path, wall: Wall) -> SessionTimes:
    return SessionTimes(read_session(path), wall.monotonic, wall)


W = Words("view", "fr")


def test_a_view_started_late_shows_the_console_s_time(file: SessionFile, wall: Wall) -> None:
    file.record("resume")
    wall.at += timedelta(minutes=3, seconds=20)
    file.record("adjust", seconds=60.0)
    wall.at += timedelta(seconds=40)
    # Read now, 4 minutes after the start: 10 + 1 - 4 = 7 minutes left, as the console says.
    clock = room_clock(times_of(file.path, wall), W)
    assert clock.value == "07:00"
    assert clock.state is TimerState.RUNNING
    assert clock.caption == "EN COURS"


def test_pause_warning_and_overtime_are_said_in_words(file: SessionFile, wall: Wall) -> None:
    file.record("resume")
    wall.at += timedelta(minutes=9)
    assert room_clock(times_of(file.path, wall), W).caption == "BIENTÔT FINI"
    wall.at += timedelta(minutes=3, seconds=13)
    over = room_clock(times_of(file.path, wall), W)
    assert (over.value, over.caption) == ("+02:13", "DÉPASSEMENT +02:13")
    file.record("pause")
    wall.at += timedelta(minutes=5)
    paused = room_clock(times_of(file.path, wall), W)
    assert (paused.value, paused.caption) == ("+02:13", "EN PAUSE")


def test_the_header_names_the_phase_and_the_projected_end(
    file: SessionFile, wall: Wall, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    file.record("resume")
    file.record("phase", index=1, running=True)
    header = room_header(times_of(file.path, wall), W)
    # 5 + 15 + 5 + 5 minutes left after the exposé, left at once.
    assert header == "Phase 2/5 · Contrat · fin projetée 09:30"
    en = room_header(times_of(file.path, wall), Words("view", "en"))
    assert en == "Phase 2/5 · Contrat · projected end 09:30"


def test_the_contract_shows_from_its_phase_on_unless_confidential(
    file: SessionFile, wall: Wall
) -> None:
    file.record("resume")
    assert room_contract(read_session(file.path)) is None
    file.record("phase", index=1, running=True)
    assert room_contract(read_session(file.path)) is None  # none written yet
    file.record("note", id=1, phase="contrat", kind="contract", text="Trois pistes [bold]")
    assert room_contract(read_session(file.path)) == "Trois pistes [bold]"
    file.record("note", id=2, phase="contrat", kind="contract", text="Secret", confidential=True)
    assert room_contract(read_session(file.path)) is None


def test_rules_and_the_end(file: SessionFile, wall: Wall) -> None:
    session = read_session(file.path)
    assert room_rules(session)[0] == "Confidentialité"
    file.record("resume")
    wall.at += timedelta(minutes=12)
    file.record("end")
    end = room_end(read_session(file.path))
    assert (end.planned, end.real) == ("40:00", "12:00")


def test_the_follower_reads_again_only_when_the_file_changed(file: SessionFile, wall: Wall) -> None:
    follower = Follower(file.path)
    first = follower.poll()
    assert first is not None and first.current == 0
    assert follower.poll() is None
    file.record("phase", index=2, running=True)
    again = follower.poll()
    assert again is not None and again.current == 2
    assert follower.trouble is None


def test_the_follower_never_writes_nor_locks(file: SessionFile, tmp_path: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in file.path.parent.iterdir()}
    mode = file.path.stat().st_mode
    Follower(file.path).poll()
    after = {p: p.stat().st_mtime_ns for p in file.path.parent.iterdir()}
    assert before == after
    assert file.path.stat().st_mode == mode


def test_a_file_gone_or_damaged_is_said_and_the_last_state_kept(
    file: SessionFile, tmp_path: Path
) -> None:
    follower = Follower(file.path)
    assert follower.poll() is not None
    saved = file.path.read_bytes()
    file.path.write_bytes(b"not a session at all\n")
    assert follower.poll() is None
    assert follower.trouble is Trouble.DAMAGED
    file.path.unlink()
    assert follower.poll() is None
    assert follower.trouble is Trouble.GONE
    file.path.write_bytes(saved)
    back = follower.poll()
    assert back is not None and follower.trouble is None


def test_following_the_latest_session_moves_to_one_started_later(
    file: SessionFile, short_script: PhaseScript, wall: Wall
) -> None:
    follower = LatestFollower(file.path)
    assert follower.poll() is not None
    wall.at += timedelta(minutes=1)
    later = SessionFile.create(file.path.parent, short_script, ROSTER, now=wall)
    try:
        later.record("phase", index=3, running=True)
        seen = [follower.poll() for _ in range(LatestFollower.LOOK_EVERY)]
        assert follower.path == later.path
        assert [s.current for s in seen if s is not None] == [3]
    finally:
        later.close()


def test_an_ended_session_shows_no_contract(file: SessionFile) -> None:
    file.record("phase", index=1, running=True)
    file.record("note", id=1, phase="contrat", kind="contract", text="Trois pistes")
    assert room_contract(read_session(file.path)) == "Trois pistes"
    file.record("end")
    assert room_contract(read_session(file.path)) is None
