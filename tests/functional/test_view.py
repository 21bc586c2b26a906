"""`codev view`, the room's screen, driven with Pilot beside a console writing the file: it
follows the phase and the time, shows the contract, never a note, and says when the file is
gone; the countdown counts from the events' times."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.follow import Follower
from codev_tui.core.script import PhaseScript
from codev_tui.core.store import SessionFile
from codev_tui.ui.view import ViewApp
from codev_tui.ui.widgets.bigtext import block_lines
from tests.functional.conftest import ROSTER, FakeTime, screen_text

SIZE = (80, 24)


@pytest.fixture
def console(tmp_path: Path, short_script: PhaseScript, fake_time: FakeTime):  # type: ignore[no-untyped-def]
    """The console's side: a session file written event by event."""
    file = SessionFile.create(tmp_path / "sessions", short_script, ROSTER, now=fake_time.wall)
    yield file
    file.close()


def view_of(file: SessionFile, fake_time: FakeTime, lang: str | None = None) -> ViewApp:
    follower = Follower(file.path)
    session = follower.poll()
    assert session is not None
    return ViewApp(
        follower,
        session,
        lang=lang,
        clock=fake_time.monotonic,
        wall=fake_time.wall,
        poll_every=0.02,
    )


def clock_rows(app: ViewApp, shown: str) -> int:
    """The rows of the countdown's digits (in the clock's region of the screen)."""
    region = app.clock_widget.region
    lines = shown.splitlines()[region.y : region.y + region.height]
    return sum("██" in line for line in lines)


async def wait_for(pilot, app: ViewApp, text: str, present: bool = True) -> str:  # type: ignore[no-untyped-def]
    for _ in range(100):
        await pilot.pause(0.02)
        shown = screen_text(app)
        if (text in shown) is present:
            return shown
    raise AssertionError(f"{text!r} {'never' if present else 'still'} on screen:\n{shown}")


async def test_the_view_follows_the_phase_and_never_shows_a_note(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    console.record("note", id=1, phase="expose", kind="note", text="SECRET-NOTE-77 privé")
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        shown = await wait_for(pilot, app, "Phase 1/5 · Exposé · fin projetée 09:40")
        assert "10:00" not in shown  # the digits are drawn, the header is plain text
        console.record("phase", index=1, running=True)
        shown = await wait_for(pilot, app, "Phase 2/5 · Contrat")
        console.record("note", id=2, phase="contrat", kind="note", text="SECRET-NOTE-88")
        console.record("note", id=3, phase="contrat", kind="contract", text="Trois [bold] pistes")
        shown = await wait_for(pilot, app, "Contrat : Trois [bold] pistes")
        assert "SECRET" not in shown
        assert "Confidentialité" in shown


async def test_the_countdown_moves_with_time_and_says_its_state(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    fake_time.advance(9 * 60)
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, app, "BIENTÔT FINI")
        fake_time.advance(3 * 60 + 13)
        await wait_for(pilot, app, "DÉPASSEMENT +02:13")
        console.record("pause")
        await wait_for(pilot, app, "EN PAUSE")


async def test_the_countdown_is_at_least_ten_rows_high_at_80x24(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, app, "EN COURS")
        assert clock_rows(app, screen_text(app)) >= 10


async def test_the_end_shows_the_planned_and_real_time(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    fake_time.advance(12 * 60)
    console.record("end")
    app = view_of(console, fake_time, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        shown = await wait_for(pilot, app, "Planned 40:00 · actual 12:00")
        assert "End of the session" in shown


async def test_a_file_gone_is_said_and_the_last_state_stays(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, app, "Phase 1/5")
        console.path.unlink()
        shown = await wait_for(pilot, app, "Le fichier de la séance a disparu")
        # The last state stays: the countdown, stopped, and the phase in block letters.
        assert "EN COURS" in shown
        assert sum("██" in line for line in shown.splitlines()) >= 10
        fake_time.advance(5)
        await pilot.pause(0.1)
        assert screen_text(app) == shown


async def test_in_the_round_the_floor_is_in_block_letters_with_the_order_in_words(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    console.record("phase", index=2, running=True)  # the consultation, with its round
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, app, "Phase 3/5 · Consultation")
        console.record("speaker", name="Chloé")
        shown = await wait_for(pilot, app, "▶ Chloé a la parole")
        assert "à venir : Bruno · ▶ Chloé a la parole · Driss" in shown
        for row in block_lines("Chloé", 78, 3):
            assert row.strip() in shown
        console.record("speaker", name="Driss")
        shown = await wait_for(pilot, app, "▶ Driss a la parole")
        assert "✓ Chloé" in shown


SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("terminal_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_snapshot_of_the_room_s_view_in_the_round(  # type: ignore[no-untyped-def]
    snap_compare, console, fake_time, terminal_size
) -> None:
    console.record("resume")
    console.record("phase", index=1, running=True)
    console.record("note", id=1, phase="contrat", kind="contract", text="Trois pistes [bold]")
    console.record("phase", index=2, running=True)
    console.record("speaker", name="Bruno")
    fake_time.advance(95)
    assert snap_compare(view_of(console, fake_time), terminal_size=terminal_size)


@pytest.mark.parametrize("terminal_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_snapshot_of_the_room_s_view_at_the_end(  # type: ignore[no-untyped-def]
    snap_compare, console, fake_time, terminal_size
) -> None:
    console.record("resume")
    fake_time.advance(41 * 60 + 7)
    console.record("end")
    assert snap_compare(view_of(console, fake_time), terminal_size=terminal_size)


async def test_what_was_written_while_the_view_started_shows(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    app = view_of(console, fake_time)  # the file is read here, then the app takes its time
    console.record("phase", index=1, running=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, app, "Phase 2/5 · Contrat")


async def test_the_projected_end_moves_on_in_a_pause(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    console.record("pause")
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, app, "fin projetée 09:40")
        fake_time.advance(20 * 60)  # nothing written meanwhile: the pause goes on
        await wait_for(pilot, app, "fin projetée 10:00")


async def test_the_countdown_is_at_least_twenty_rows_high_at_160x45_in_the_round(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    console.record("phase", index=2, running=True)
    console.record("speaker", name="Bruno")
    app = view_of(console, fake_time)
    async with app.run_test(size=(160, 45)) as pilot:
        shown = await wait_for(pilot, app, "▶ Bruno a la parole")
        assert clock_rows(app, shown) >= 20


async def test_with_a_contract_and_the_floor_the_countdown_keeps_ten_rows_at_80x24(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    console.record("phase", index=1, running=True)
    text = "Trouver trois pistes pour parler à mon N+1 sans le braquer, d'ici la fin du mois"
    console.record("note", id=1, phase="contrat", kind="contract", text=text)
    console.record("phase", index=2, running=True)
    console.record("speaker", name="Bruno")
    app = view_of(console, fake_time)
    async with app.run_test(size=SIZE) as pilot:
        shown = await wait_for(pilot, app, "▶ Bruno a la parole")
        assert "Contrat" in shown
        assert clock_rows(app, shown) >= 10
        console.record("phase", index=4, running=True)  # the learnings: a long title
        shown = await wait_for(pilot, app, "Phase 5/5")
        assert clock_rows(app, shown) >= 10


async def test_after_a_resize_the_order_fits_the_new_width(
    console: SessionFile, fake_time: FakeTime
) -> None:
    console.record("resume")
    console.record("phase", index=2, running=True)
    console.record("speaker", name="Driss")
    app = view_of(console, fake_time)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, app, "▶ Driss a la parole")
        await pilot.resize_terminal(40, 12)
        shown = await wait_for(pilot, app, "… ▶ Driss")
        assert "Bruno" not in shown.splitlines()[-3]
        await pilot.resize_terminal(100, 30)
        await wait_for(pilot, app, "à venir : Bruno · Chloé · ▶ Driss a la parole")
