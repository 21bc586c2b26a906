"""Resuming a session where it was left, and saving when the disk is full."""

from __future__ import annotations

from textual.widgets import Static

from codev_tui.core.store import read_session
from codev_tui.ui.screens.closing import ClosingScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import (
    CONTRACT,
    clock_value,
    go_to_phase,
    let_time_pass,
    note_lines,
    screen_of,
    screen_text,
    settle,
    text_of,
    write_note,
)


async def test_resume_brings_everything_back_and_counts_the_time_away(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await write_note(first, pilot, "avant la coupure")
        await let_time_pass(first, pilot, fake_time, 600)
        await go_to_phase(first, pilot, CONTRACT)
        await write_note(first, pilot, "Savoir dire non")
        await let_time_pass(first, pilot, fake_time, 60)
        await settle(first, pilot)
    path = first.file.path

    fake_time.advance(180)  # the room went on talking while the app was down
    notice = "Séance reprise : le temps a continué pendant l'interruption"
    app = make_app(path=path, notice=notice)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        s = app.control.session
        assert s.current == CONTRACT
        assert s.running
        assert s.contract == "Savoir dire non"
        assert [n.text for n in s.notes] == ["avant la coupure", "Savoir dire non"]
        assert app.control.countdown.elapsed() == 60 + 180
        assert clock_value(app) == "01:00"
        status = text_of(app.screen.query_one("#status", Static))
        assert status.startswith("✓ enregistré · 2 notes") and status.endswith(notice)
        assert note_lines(app) == ["✓ 09:10 contrat — Savoir dire non"]
        assert "Savoir dire non" in text_of(app.screen.query_one("#contract", Static))
        await write_note(app, pilot, "Savoir dire non, avec tact")
        await settle(app, pilot)
    on_disk = read_session(path)
    assert on_disk.reopened == 1
    assert [n.id for n in on_disk.notes] == [1, 2, 3]
    assert on_disk.contract == "Savoir dire non, avec tact"


async def test_an_ended_session_reopens_on_its_closing_screen(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await write_note(first, pilot, "dite")
        await pilot.press("f10")
        await settle(first, pilot)
        assert isinstance(first.screen, ClosingScreen)
    app = make_app(path=first.file.path, notice="Séance reprise après sa fin")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        assert "dite" in screen_text(app)
        await pilot.press("pageup")  # and the session can go on
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        assert app.control.session.ended is None


async def test_disk_full_shows_not_saved_then_recovers(make_app, disk) -> None:  # type: ignore[no-untyped-def]
    """No waiting for the writer's retry timer: each retry is asked for (`retry_now`)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "avant")
        await settle(app, pilot)
        disk.full()
        await write_note(app, pilot, "pendant la panne")
        disk.wait_failed(1)
        await settle_screen(pilot)
        screen = screen_of(app)
        assert screen.has_class("-unsaved")
        status = text_of(screen.query_one("#status", Static))
        assert "NON ENREGISTRÉ" in status
        note = app.control.session.notes[-1]
        assert not app.control.is_saved(note.id)
        assert note_lines(app)[-1].startswith("…")
        # More notes while the disk is full: kept, in order.
        await write_note(app, pilot, "encore")
        app.writer.retry_now()
        disk.wait_failed(2)  # retried
        assert [n.text for n in read_session(app.file.path).notes] == ["avant"]

        disk.ok()
        await settle(app, pilot)  # flushing retries at once
        await settle_screen(pilot)
        assert not screen.has_class("-unsaved")
        assert [line[:1] for line in note_lines(app)] == ["✓", "✓", "✓"]
        assert "NON ENREGISTRÉ" not in text_of(screen.query_one("#status", Static))
        assert [n.text for n in read_session(app.file.path).notes] == [
            "avant",
            "pendant la panne",
            "encore",
        ]


async def settle_screen(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the screen handle what the writer thread posted."""
    await pilot.pause()
    await pilot.pause()
