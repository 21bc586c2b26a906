"""The timing table: one table, rounded once, for the closing screen and the minutes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from codev_tui.core.minutes.facts import gather
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.timing import session_timing, taken_at, timing_table
from tests.unit.minutes_kit import START, Writer, parse


def test_timing_table_rounds_once_and_adds_up(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.advance(10.5)
    w.record("phase", index=1, running=True)
    w.advance(10.5)
    w.record("phase", index=2, running=True)
    w.advance(0.4)
    w.record("end")
    session = w.done()
    table = timing_table(session)
    assert [r.actual for r in table.rows] == [11, 11, 0, 0]  # half a second up, each once
    assert table.total.actual == 22 and table.total.planned == 45 * 60
    assert not table.adjusted and not table.long
    assert [r.over for r in table.rows] == [11 - 600, 11 - 600, -1200, -300]
    assert [r.title for r in table.rows][0] == "Exposé" and table.rows[0].phase == "expose"
    assert table.duration(table.total.actual) == "00:22"
    # Practice compares like with like: rehearsal time scaled to the real session's.
    scaled = timing_table(session, scale=10)
    assert [r.actual for r in scaled.rows] == [105, 105, 4, 0]


def test_the_practice_journal_uses_the_same_timing_table(tmp_path: Path) -> None:
    w = Writer(tmp_path, practice=True, speed=10.0)
    w.record("phase", index=0, running=True)
    w.record("adjust", seconds=60)  # in real-session time: 11:00
    w.advance(72)  # 12:00 at ten times the speed
    w.record("phase", index=1, running=True)
    w.advance(30)
    w.record("end")
    rows = parse(render_minutes(w.done())).table_after("Minutage")
    assert rows[0] == ["Phase", "Prévu", "Ajusté", "Répétition", "Équivalent séance", "Dépassement"]
    assert rows[1] == ["1. Exposé", "10:00", "11:00", "01:12", "12:00", "+01:00"]
    assert rows[2] == ["2. Questions de clarification", "10:00", "10:00", "00:30", "05:00", "—"]


def test_the_closing_screen_and_the_minutes_take_one_table(tmp_path: Path) -> None:
    """session_timing: up to the end (or the latest time of the log), practice time scaled."""
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.advance(90)
    w.note("expose", "dernier évènement")
    w.advance(1000)  # nothing recorded after the note: the minutes count up to it
    running = w.done()
    assert taken_at(running) == START + timedelta(seconds=90)
    assert session_timing(running) == timing_table(running, now=taken_at(running))
    assert session_timing(running).rows[0].actual == 90
    later = START + timedelta(seconds=700)
    assert session_timing(running, later).rows[0].actual == 700

    w = Writer(tmp_path / "practice", practice=True, speed=10.0)
    w.record("phase", index=0, running=True)
    w.advance(72)
    w.record("end")
    practice = w.done()
    table = session_timing(practice)
    assert table == timing_table(practice, now=practice.ended, scale=10)
    assert (table.rows[0].spent, table.rows[0].actual) == (72, 720)
    # The minutes' facts hold that very table.
    assert gather(practice).timing == table and gather(running).timing == session_timing(running)
