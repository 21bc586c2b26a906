"""`codev resume` after a long absence: the dialog asks whether the time away counts (not by
default); under 30 minutes nothing is asked and the time counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from codev_tui.core.control import SessionControl
from codev_tui.core.script import PhaseScript
from codev_tui.core.store import SessionFile, read_session
from codev_tui.ui.screens.dialogs import AwayScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import (
    ROSTER,
    FakeTime,
    clock_value,
    let_time_pass,
    screen_of,
    screen_text,
    settle,
    text_of,
)

NOTICE = "Séance reprise · le temps a couru"


@pytest.fixture
def left_running(tmp_path: Path, fake_time: FakeTime, short_script: PhaseScript) -> Path:
    """A session whose app was closed 4 minutes into the 10-minute exposé, just after a note
    (the last event is when the app was last seen): made without a screen, as F5 and a note
    would make it."""
    file = SessionFile.create(tmp_path / "sessions", short_script, ROSTER, now=fake_time.wall)
    control = SessionControl(file, file.write, fake_time.monotonic, fake_time.wall)
    control.toggle_timer()
    fake_time.advance(240)
    control.capture("dernière note")
    file.close()
    return file.path


def reopened(path: Path, fake_time: FakeTime) -> SessionControl:
    """The session opened again, as the app opens it (without a screen)."""
    file = SessionFile.open(path, now=fake_time.wall)
    return SessionControl(file, file.write, fake_time.monotonic, fake_time.wall)


@pytest.mark.parametrize(
    ("answer", "hours"),
    [("enter", 72), ("escape", 72), ("n", 14), ("y", 72), ("o", 1)],
)
async def test_resume_after_a_long_absence_asks_whether_the_time_counts(  # type: ignore[no-untyped-def]
    make_app, fake_time, left_running, answer, hours
) -> None:
    path = left_running
    fake_time.advance(hours * 3600)
    app = make_app(path=path, notice=NOTICE)
    counted = answer in ("y", "o")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AwayScreen)
        shown = screen_text(app)
        assert f"{hours} h 00 min" in shown  # since the last note
        assert "Exposé" in shown
        await pilot.press(answer)
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        if counted:
            assert clock_value(app).startswith("+")  # hours of overtime, as asked
        else:
            assert clock_value(app) == "06:00"  # 10 minutes planned, 4 spent: as it was left
            status = text_of(screen_of(app).query_one("#status", Static))
            assert status.endswith("l'absence n'est pas comptée")
        await let_time_pass(app, pilot, fake_time, 60)
        expected = "+" if counted else "05:00"
        assert clock_value(app).startswith(expected)
        await settle(app, pilot)
    # A later resume shows the same time, and asks nothing.
    fake_time.advance(5)
    spent = read_session(path).elapsed(0, fake_time.wall())
    assert spent == (240 + hours * 3600 + 65 if counted else 240 + 65)
    again = reopened(path, fake_time)
    assert again.away_since is None  # nothing to ask: the app opens on the session
    assert again.countdown.elapsed() == spent
    again.file.close()


@pytest.mark.parametrize("minutes", [1, 29])
async def test_a_short_absence_counts_without_asking(
    make_app, fake_time, left_running, minutes
) -> None:  # type: ignore[no-untyped-def]
    path = left_running
    fake_time.advance(minutes * 60)
    app = make_app(path=path, notice=NOTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FacilitationScreen)
        assert app.control.countdown.elapsed() == 240 + minutes * 60


async def test_english_dialog(make_app, fake_time, left_running) -> None:  # type: ignore[no-untyped-def]
    path = left_running
    fake_time.advance(10 * 3600)
    app = make_app(path=path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AwayScreen)
        assert "Does that time count in the phase?" in screen_text(app)
        assert "Don't count it" in screen_text(app)
