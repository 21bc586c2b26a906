"""SVG snapshots of every screen and state, at 80x24 and 160x45 (too-small at 30x10).

Deterministic: both clocks are fake (and TZ=UTC), time only moves with `fake_time.advance`,
every `run_before` ends with `settle()` so each ✓ is there, and no screen shown here prints the
session file's (temporary) path. Update with `--snapshot-update`, then look at the SVGs in
`__snapshots__/test_snapshots/`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from codev_tui import locations
from codev_tui.core.session import Roster
from codev_tui.ui.app import CodevApp, SetupRequest
from tests.functional.conftest import FakeTime, let_time_pass, settle, write_note

SIZES = [(80, 24), (160, 45)]
size = pytest.mark.parametrize("terminal_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])


def steps(app: CodevApp, fake_time: FakeTime, *actions: object) -> Callable[..., Awaitable[None]]:
    """A `run_before`: keys (str or tuple of str), notes (`("note", text)`), time (a number)."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        for action in actions:
            if isinstance(action, int | float):
                await let_time_pass(app, pilot, fake_time, action)
            elif isinstance(action, tuple) and action[0] == "note":
                await write_note(app, pilot, str(action[1]))
            elif isinstance(action, tuple):
                await pilot.press(*action)
            else:
                await pilot.press(str(action))
        await settle(app, pilot)

    return run_before


NOTES = (
    ("note", "Une équipe de cinq, un conflit depuis mars"),
    ("note", "/q @bru Qui décide des plannings ?"),
    ("note", "/c [bold]pas de markup[/bold] ici"),
)


@size
def test_ready(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    assert snap_compare(app, terminal_size=terminal_size, run_before=steps(app, fake_time))


@size
def test_running(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", *NOTES, 95)
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_paused(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    # No time passes after the pause: the header does not refresh then (see
    # test_header_keeps_time_and_projection_while_paused in test_flows.py).
    run = steps(app, fake_time, "f5", NOTES[0], 150, "f5")
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_warning(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", NOTES[0], 8 * 60 + 30)
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_overtime(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", NOTES[0], 10 * 60 + 83)
    app.bell = lambda: None  # type: ignore[method-assign]
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_projector(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", NOTES[0], 4 * 60 + 7, "f2")
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_round_with_contract(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(
        app,
        fake_time,
        ("f5", "pagedown", "pagedown"),
        ("note", "Savoir dire non à Marc sans casser la relation"),
        "pagedown",
        "f6",
        75,
        "f6",
        40,
        "f4",
        ("note", "/h @dri Marc teste les limites"),
        ("note", "Poser un cadre écrit"),
    )
    # No time passes after the last round key: the talk time on screen only refreshes on a
    # key (see test_the_speakers_talk_time_counts_up_on_screen in test_flows.py).
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_closing(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(
        app,
        fake_time,
        "f5",
        *NOTES,
        11 * 60,
        "pagedown",
        14 * 60,
        "pagedown",
        ("note", "Savoir dire non"),
        10 * 60,
        "pagedown",
        "f8",
        ("note", "@chl Planifier un entretien"),
        32 * 60,
        "pagedown",
        ("note", "Appeler RH / Ana / vendredi"),
        12 * 60,
        "pagedown",
        ("note", "@Ana prendre du recul"),
        ("note", "/e @Bruno 4 rythme bon"),
        15 * 60,
        "pagedown",
        ("down", "space"),
    )
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_choosing_a_note(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", *NOTES, 30, ("up", "up"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_correcting_a_note(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", *NOTES, 30, ("up", "up", "enter"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_deleting_a_note(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", *NOTES, 30, ("up", "delete"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_setup(snap_compare, tmp_path, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = CodevApp(
        setup=SetupRequest(
            tmp_path / "setup", locations.bundled_scripts(), "classic", Roster(), {}
        ),
        clock=fake_time.monotonic,
        wall=fake_time.wall,
    )

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press(*"Dire non", "enter", *"Ana")

    assert snap_compare(app, terminal_size=terminal_size, run_before=run_before)


@size
def test_quit_dialog(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", NOTES[0], 30, "ctrl+q")
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_help(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f1")
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


def test_too_small(snap_compare, make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, "f5", 3 * 60 + 12)
    assert snap_compare(app, terminal_size=(30, 10), run_before=run)


@size
def test_english(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="en")
    run = steps(app, fake_time, "f5", ("note", "/q @bru Who decides the schedules?"), 200, "f5")
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_resumed_after_a_long_absence(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    first = make_app()
    first.file.record("resume")  # F5: the exposé runs, then the laptop is closed
    first.file.close()
    fake_time.seconds += 14 * 3600 + 4 * 60
    app = make_app(path=first.file.path)
    assert snap_compare(app, terminal_size=terminal_size, run_before=steps(app, fake_time))


@size
def test_session_file_replaced(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    import os

    app = make_app()
    path = app.file.path

    async def replace_it(pilot) -> None:  # type: ignore[no-untyped-def]
        stranger = path.with_name("incoming.tmp")
        stranger.write_text("# someone else's file\n")
        os.replace(stranger, path)

    run = steps(app, fake_time, "f5", NOTES[0], 30)
    note = steps(app, fake_time, NOTES[1])

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await run(pilot)
        await replace_it(pilot)
        await note(pilot)

    assert snap_compare(app, terminal_size=terminal_size, run_before=run_before)
