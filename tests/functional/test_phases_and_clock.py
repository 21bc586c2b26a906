"""The clicker keys and the big countdown: phases, start/pause, a minute more or less, the
warning, overtime and the bell; on fake time only (`let_time_pass`, `tick`).

The timer's rules are unit tests (tests/unit/test_control.py); here, the keys and the screen.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from codev_tui.core.store import read_session
from codev_tui.ui.widgets.bigclock import BigClock
from codev_tui.ui.widgets.phase_text import PhaseText
from tests.functional.conftest import (
    CONSULTATION,
    CONTRACT,
    EXPOSE,
    SYNTHESIS,
    clock_state,
    clock_value,
    disk_events,
    events_of,
    let_time_pass,
    screen_of,
    settle,
    text_of,
    tick,
)


async def test_pagedown_and_pageup_move_between_phases(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        s = app.control.session
        assert s.current == EXPOSE
        await pilot.press("pagedown")
        assert s.current == CONTRACT
        phase = app.screen.query_one(PhaseText).text.plain
        assert phase.startswith("CONTRAT\n")
        assert "Phase 2/5" in text_of(app.screen.query_one("#topbar", Static))
        assert s.running  # counting starts at once in the new phase
        await pilot.press("pagedown", "pagedown")
        assert s.current == SYNTHESIS
        await pilot.press("pageup")
        assert s.current == CONSULTATION
        await pilot.press("pageup", "pageup", "pageup", "pageup")
        assert s.current == EXPOSE
        await settle(app, pilot)
    assert [e["index"] for e in events_of(app.file.path, "phase")] == [1, 2, 3, 2, 1, 0]
    assert read_session(app.file.path).current == EXPOSE


async def test_f5_starts_pauses_and_resumes(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        s = app.control.session
        assert not s.running
        assert clock_state(app).startswith("PRÊT")
        assert clock_value(app) == "10:00"
        await pilot.press("f5")
        assert s.running
        assert clock_state(app) == "EN COURS"
        await let_time_pass(app, pilot, fake_time, 90)
        assert clock_value(app) == "08:30"
        await pilot.press("f5")
        assert not s.running
        assert clock_state(app) == "EN PAUSE"
        assert app.screen.query_one(BigClock).has_class("-paused")  # its colours
        await let_time_pass(app, pilot, fake_time, 600)  # paused: the time does not move
        assert clock_value(app) == "08:30"
        await pilot.press("f5")
        assert s.running
        assert clock_state(app) == "EN COURS"
        await settle(app, pilot)
    assert [e["type"] for e in disk_events(app.file.path)] == ["resume", "pause", "resume"]
    assert read_session(app.file.path).elapsed(0, fake_time.wall()) == 90


async def test_header_keeps_time_and_projection_while_paused(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f5")
        await settle(app, pilot)
        await tick(app, pilot)  # the pause is on disk, as it is within milliseconds
        await let_time_pass(app, pilot, fake_time, 600)
        await tick(app, pilot)  # and again, as the twice-a-second timer does
        topbar = text_of(app.screen.query_one("#topbar", Static))
        assert "09:11" in topbar
        assert "fin projetée 09:50 (+10 min de retard)" in topbar


async def test_f7_and_f8_change_the_remaining_time_by_exactly_a_minute(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        cd = app.control.countdown
        before = cd.remaining()
        await pilot.press("f8")
        assert cd.remaining() - before == 60
        assert clock_value(app) == "11:00"
        await pilot.press("f7", "f7")
        assert before - cd.remaining() == 60
        assert clock_value(app) == "09:00"
        await settle(app, pilot)
    assert [e["seconds"] for e in events_of(app.file.path, "adjust")] == [60, -60, -60]
    assert read_session(app.file.path).planned(0) == 540


async def test_warning_overtime_and_a_single_bell(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 7 * 60)
        assert clock_state(app) == "EN COURS"
        await let_time_pass(app, pilot, fake_time, 60 + 1)  # 1:59 left; warning is at 2 minutes
        assert clock_state(app) == "BIENTÔT FINI"
        assert app.screen.query_one(BigClock).has_class("-warning")
        assert clock_value(app) == "01:59"
        assert rings == []
        await let_time_pass(app, pilot, fake_time, 119)
        assert clock_value(app) == "00:00"
        await let_time_pass(app, pilot, fake_time, 65)
        assert clock_value(app) == "+01:05"
        assert clock_state(app) == "DÉPASSEMENT"
        topbar = text_of(app.screen.query_one("#topbar", Static))
        assert topbar.endswith("09:11 · fin prévue 09:40 · fin projetée 09:41 (+1 min de retard)")
        assert app.screen.query_one(BigClock).has_class("-overtime")
        for _ in range(5):
            await let_time_pass(app, pilot, fake_time, 1)
        assert rings == [1]
        # The twice-a-second refresh goes on without ringing again.
        await tick(app, pilot)
        await tick(app, pilot)
        assert clock_value(app) == "+01:10"
        assert rings == [1]
        # Two more minutes: time is left again; when it runs out again, one more ring.
        await pilot.press("f8", "f8")
        assert clock_state(app) == "BIENTÔT FINI"  # 50 s left
        await let_time_pass(app, pilot, fake_time, 60)
        assert rings == [1, 1]


async def test_f9_silences_the_bell(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await pilot.press("f9", "f5")
        await let_time_pass(app, pilot, fake_time, 11 * 60)
        assert clock_state(app) == "DÉPASSEMENT"
        assert rings == []


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_overtime_stays_in_big_digits(make_app, fake_time, size) -> None:  # type: ignore[no-untyped-def]
    """Running over is when the room most needs to read the clock: it must not shrink to text."""
    from codev_tui.ui.widgets.bigclock import render_big

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        clock = screen_of(app).query_one(BigClock)
        width, height = clock.content_size
        on_time = render_big(clock_value(app), width, height)
        await let_time_pass(app, pilot, fake_time, 10 * 60 + 5)
        assert clock_value(app) == "+00:05"
        over = render_big(clock_value(app), width, height)
        assert len(over) >= 5 and "█" in over[0] + over[1]
        assert len(over) * 2 >= len(on_time)  # at most half as high as on time
