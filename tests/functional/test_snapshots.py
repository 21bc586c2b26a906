"""SVG snapshots of every screen and state, at 80x24 and 160x45 (too-small at 30x10).

They run on tests/fixtures/short.toml, so that editing the bundled phases.toml changes none of
them; `test_ready_on_the_bundled_script` (and the setup screen, which lists the bundled scripts)
show the script users see. Deterministic: both clocks are fake (and TZ=UTC), time only moves
with `Advance`, every `run_before` ends with `settle()` so each ✓ is there, and no screen shown
here prints the session file's (temporary) path. Update with `--snapshot-update`, then look at
the SVGs in `__snapshots__/test_snapshots/`.
"""

from __future__ import annotations

import pytest

from codev_tui import locations
from codev_tui.core.session import Roster
from codev_tui.ui.app import CodevApp, SetupRequest
from tests.functional.conftest import Advance, Note, Press, steps

SIZES = [(80, 24), (160, 45)]
size = pytest.mark.parametrize("terminal_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])


NOTES = (
    Note("Une équipe de cinq, un conflit depuis mars"),
    Note("/q @bru Qui décide des plannings ?"),
    Note("/c [bold]pas de markup[/bold] ici"),
)


@size
def test_ready(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    assert snap_compare(app, terminal_size=terminal_size, run_before=steps(app, fake_time))


@size
def test_ready_on_the_bundled_script(
    snap_compare, make_app, classic, fake_time, terminal_size
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(script=classic)
    assert snap_compare(app, terminal_size=terminal_size, run_before=steps(app, fake_time))


@size
def test_running(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), *NOTES, Advance(95))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_paused(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    # No time passes after the pause: the header does not refresh then (see
    # test_header_keeps_time_and_projection_while_paused in test_phases_and_clock.py).
    run = steps(app, fake_time, Press("f5"), NOTES[0], Advance(150), Press("f5"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_warning(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), NOTES[0], Advance(8 * 60 + 30))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_overtime(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), NOTES[0], Advance(10 * 60 + 83))
    app.bell = lambda: None  # type: ignore[method-assign]
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_projector(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), NOTES[0], Advance(4 * 60 + 7), Press("f2"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_projector_in_the_round(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(
        app,
        fake_time,
        Press("f5", "pagedown", "pagedown", "f6"),
        Advance(40),
        Press("f4", "f2"),
    )
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_round_with_contract(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(
        app,
        fake_time,
        Press("f5", "pagedown"),
        Note("Savoir dire non à Marc sans casser la relation"),
        Press("pagedown", "f6"),
        Advance(75),
        Press("f6"),
        Advance(40),
        Press("f4"),
        Note("/h @dri Marc teste les limites"),
        Note("Poser un cadre écrit"),
    )
    # No time passes after the last round key: the talk time on screen only refreshes on a
    # key (see test_the_speakers_talk_time_counts_up_on_screen in test_round.py).
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_closing(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(
        app,
        fake_time,
        Press("f5"),
        *NOTES,
        Advance(11 * 60),
        Press("pagedown"),
        Note("Savoir dire non"),
        Advance(5 * 60),
        Press("pagedown", "f8"),
        Note("@chl Planifier un entretien"),
        Advance(16 * 60),
        Press("pagedown"),
        Note("Appeler RH / Ana / vendredi"),
        Advance(4 * 60),
        Press("pagedown"),
        Note("@Ana prendre du recul"),
        Note("/e @Bruno 4 rythme bon"),
        Advance(5 * 60),
        Press("pagedown"),
        Press("down", "space"),
    )
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_choosing_a_note(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), *NOTES, Advance(30), Press("up", "up"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_correcting_a_note(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), *NOTES, Advance(30), Press("up", "up", "enter"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_deleting_a_note(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), *NOTES, Advance(30), Press("up", "delete"))
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
    run = steps(app, fake_time, Press("f5"), NOTES[0], Advance(30), Press("ctrl+q"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_help(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f1"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


def test_too_small(snap_compare, make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    run = steps(app, fake_time, Press("f5"), Advance(3 * 60 + 12))
    assert snap_compare(app, terminal_size=(30, 10), run_before=run)


@size
def test_english(snap_compare, make_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="en")
    run = steps(
        app,
        fake_time,
        Press("f5"),
        Note("/q @bru Who decides the schedules?"),
        Advance(200),
        Press("f5"),
    )
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

    run = steps(app, fake_time, Press("f5"), NOTES[0], Advance(30))
    note = steps(app, fake_time, NOTES[1])

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await run(pilot)
        await replace_it(pilot)
        await note(pilot)

    assert snap_compare(app, terminal_size=terminal_size, run_before=run_before)


@size
def test_retour(snap_compare, make_retour_app, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    app = make_retour_app()
    statuses = (Note("1 fait appel passé"), Note("3 en partie"))
    run = steps(app, fake_time, Press("f5"), *statuses, Advance(30), Press("f4"))
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)


@size
def test_choosing_the_subject(  # type: ignore[no-untyped-def]
    snap_compare, make_app, tmp_path, short_script, fake_time, terminal_size
) -> None:
    from tests.functional.test_choosing import choosing_session

    path = choosing_session(tmp_path, short_script, fake_time)
    app = make_app(path=path)
    candidates = (Note("@Ana Conflit avec mon N+1"), Note("@Ben Réorganisation du service"))
    votes = (Note("/v @Ana 3"), Note("/v @Ben 2"))
    run = steps(app, fake_time, Press("f5"), *candidates, *votes)
    assert snap_compare(app, terminal_size=terminal_size, run_before=run)
