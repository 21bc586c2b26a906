"""The facilitator's private cues on the console, with Pilot: each cue shows, Ctrl+O dismisses
it, F7 takes the minutes the lateness cue proposes (saved, read again after a restart), and no
cue ever shows in projector mode; SVG snapshots of a cue at 80x24 and 160x45."""

from __future__ import annotations

import pytest

from codev_tui.core.script import validate_script
from codev_tui.core.store import read_session
from codev_tui.core.timing import session_timing
from tests.functional.conftest import (
    Advance,
    Note,
    Press,
    let_time_pass,
    screen_of,
    screen_text,
    settle,
    shown,
    steps,
    strip,
    write_note,
)
from tests.unit.test_cues import CLARIFICATION, CONSULTATION, CONTRACT, SIX

SIZES = [(80, 24), (160, 45)]
size = pytest.mark.parametrize("terminal_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])


@pytest.fixture
def six():  # type: ignore[no-untyped-def]
    return validate_script(SIX, "six")


def cue(app) -> str:  # type: ignore[no-untyped-def]
    """The cue line's text; empty when none shows."""
    return strip(app, "#cue")


def keys(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The keys of the keys bar now: key -> action."""
    return {k: b.binding.action for k, b in screen_of(app).active_bindings.items()}


async def start(app, pilot, phase: int = 0) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f5")
    while app.control.session.current < phase:
        await pilot.press("pagedown")
    await settle(app, pilot)


async def test_no_cue_takes_room_on_a_calm_console(make_app, six) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=six)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot, CLARIFICATION)
        await write_note(app, pilot, "Comment le vis-tu ?")
        await settle(app, pilot)
        assert not screen_of(app).query("#cue")  # never added
        assert "ctrl+o" not in keys(app) and keys(app)["f7"] == "adjust(-1)"


async def test_a_disguised_suggestion_is_a_cue_until_dismissed(make_app, six) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=six)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot, CLARIFICATION)
        await write_note(app, pilot, "/s /c Tu devrais lui parler")
        await settle(app, pilot)
        assert cue(app) == "› Note 1 (09:00) : question ou suggestion déguisée ?"
        assert "lui parler" not in cue(app)  # by its number only
        assert keys(app)["ctrl+o"] == "dismiss_cue"
        await write_note(app, pilot, "/h Il a peut-être peur")
        await settle(app, pilot)
        assert cue(app) == "› Note 2 (09:00) : question ou suggestion déguisée ? · +1"
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert cue(app).startswith("› Note 1 ") and not cue(app).endswith("+1")
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert cue(app) == "" and not shown(app, "#cue")
        assert "ctrl+o" not in keys(app)
        screen_of(app).tick()  # dismissed for good in this run
        await pilot.pause()
        assert cue(app) == ""


async def test_the_contract_cue_near_the_end_of_its_phase(make_app, six, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=six)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot, CONTRACT)
        await let_time_pass(app, pilot, fake_time, 7 * 60)
        assert cue(app) == ""
        await let_time_pass(app, pilot, fake_time, 90)
        assert cue(app) == "› Pas encore de contrat écrit — la phase se termine dans 2 min"
        await write_note(app, pilot, "Comment retrouver la confiance de l'équipe")
        await settle(app, pilot)
        assert cue(app) == ""


async def test_the_round_cue_names_who_has_not_spoken(make_app, six, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=six, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot, CONSULTATION)
        await pilot.press("f6")  # Bruno has the floor
        await let_time_pass(app, pilot, fake_time, 26 * 60)
        assert cue(app) == "› Not heard yet in this round: Chloé, Driss"
        await pilot.press("f6")
        await let_time_pass(app, pilot, fake_time, 1)
        assert cue(app) == "› Not heard yet in this round: Driss"


async def test_f7_takes_the_minutes_the_lateness_cue_proposes(make_app, six, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=six)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press(*["f8"] * 13)
        await settle(app, pilot)
        assert cue(app) == "› 13 min de retard · F7 : prendre 3 min à Consultation"
        assert keys(app)["f7"] == "take_minutes"
        await pilot.press("f7")
        await settle(app, pilot)
        assert cue(app) == ""
        assert "Pris : 3 min à Consultation" in strip(app, "#status")
        assert keys(app)["f7"] == "adjust(-1)"  # F7 is a minute less again
        assert app.control.drift_minutes() == pytest.approx(10)
        path = app.control.file.path
    # What F7 took is saved: read again, and in the adjusted column of the timing table.
    again = read_session(path)
    assert [t.adjust for t in again.timings] == [13 * 60, 0, 0, -180, 0, 0]
    rows = session_timing(again).rows
    assert [r.adjusted for r in rows] == [23 * 60, 15 * 60, 10 * 60, 27 * 60, 15 * 60, 15 * 60]
    app = make_app(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.control.session.timings[CONSULTATION].adjust == -180
        assert cue(app) == ""


async def test_no_cue_in_projector_mode(make_app, six) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=six)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot, CLARIFICATION)  # the exposé skipped: 10 minutes ahead
        await pilot.press(*["f8"] * 23)
        await write_note(app, pilot, "/s Tu devrais lui parler")
        await settle(app, pilot)
        assert "déguisée" in cue(app) and "+1" in cue(app)
        await pilot.press("f2")
        await settle(app, pilot)
        screen_of(app).tick()
        await pilot.pause()
        assert not shown(app, "#cue")
        assert "déguisée" not in screen_text(app) and "retard ·" not in screen_text(app)
        assert "ctrl+o" not in keys(app) and keys(app)["f7"] == "adjust(-1)"
        await pilot.press("f7")  # a minute less for this phase, as always on the wall
        await settle(app, pilot)
        assert app.control.session.timings[CLARIFICATION].adjust == 22 * 60
        assert [t.adjust for t in app.control.session.timings][2:] == [0, 0, 0, 0]
        await pilot.press("escape")  # back on the console: the cue again
        await settle(app, pilot)
        assert "déguisée" in cue(app)


@size
def test_snapshot_lateness_cue(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()  # tests/fixtures/short.toml
    run = steps(app, fake_time, Press("f5"), Note("Un conflit depuis mars"), Advance(61))
    run_more = steps(app, fake_time, *[Press("f8")] * 12, Advance(1))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await run(pilot)
        await run_more(pilot)

    assert snap_compare(app, terminal_size=terminal_size, run_before=run_before)
