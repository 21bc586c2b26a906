"""Projector mode (F2) and terminal sizes: the notes hide, typing goes on, the clock stays."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from codev_tui.core.store import read_session
from codev_tui.ui.screens.facilitation import FacilitationScreen
from codev_tui.ui.widgets.bigclock import BigClock
from tests.functional.conftest import (
    clock_value,
    let_time_pass,
    note_input,
    screen_of,
    screen_text,
    settle,
    shown,
    strip,
    text_of,
    write_note,
)


async def test_projector_mode_hides_the_notes(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "une note privee")
        await pilot.press("f5")
        screen = app.screen
        notes, entry = screen.query_one("#notes"), screen.query_one("#note-input")
        assert notes.display and entry.display
        small = screen.query_one(BigClock).content_size
        await pilot.press("f2")
        assert screen.has_class("-projector")
        assert not notes.display
        assert entry.display and entry.password  # typing goes on, masked
        assert "une note privee" not in screen_text(app)
        big = screen.query_one(BigClock).content_size
        assert big.width > small.width
        await let_time_pass(app, pilot, fake_time, 30)
        assert clock_value(app) == "09:30"
        await pilot.press("escape")
        assert not screen.has_class("-projector")
        assert notes.display and entry.display
        assert "une note privee" in screen_text(app)
        await pilot.press("f2", "f2")
        assert not screen.has_class("-projector")


async def test_notes_input_has_the_focus_again_after_projector_mode(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "escape")
        await write_note(app, pilot, "apres", typed=True)
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["apres"]


async def test_a_note_typed_in_projector_mode_is_saved_and_never_shown(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f2")
        await pilot.press(*"secret")
        assert "secret" not in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "secret" not in screen_text(app)
        assert "✓" in text_of(app.screen.query_one("#status", Static))
        await pilot.press("escape")
        assert not note_input(app).password
    assert [n.text for n in read_session(app.file.path).notes] == ["secret"]


async def test_a_note_typed_in_a_too_small_terminal_is_saved(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("-too-small")
        await pilot.press(*"petit", "enter")
        await settle(app, pilot)
        assert "✓" in screen_text(app)
    assert [n.text for n in read_session(app.file.path).notes] == ["petit"]


async def test_notes_input_has_the_focus_again_after_a_too_small_terminal(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(30, 10)
        await pilot.resize_terminal(80, 24)
        await write_note(app, pilot, "apres", typed=True)
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["apres"]


SIZES = [(40, 12), (20, 6), (300, 80), (80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_terminal_sizes(make_app, fake_time, size) -> None:  # type: ignore[no-untyped-def]
    width, height = size
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = screen_of(app)
        assert screen.has_class("-too-small") == (width < 40 or height < 12)
        assert shown(app, "#too-small") == (width < 40 or height < 12)
        await pilot.press("f5")
        await write_note(app, pilot, "note a cette taille")
        await let_time_pass(app, pilot, fake_time, 30)
        if shown(app, "#too-small"):
            assert "09:30" in strip(app, "#too-small")
            assert "09:30" in screen_text(app)
            assert "Agrandissez le" in screen_text(app)
        await pilot.press("f2", "f2", "pagedown")
        await write_note(app, pilot, "apres la page suivante")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    notes = read_session(app.file.path).notes
    assert [n.text for n in notes] == ["note a cette taille", "apres la page suivante"]


async def test_resizing_switches_the_too_small_view_both_ways(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    """Every size of SIZES (and the edges, 39 and 40 columns) reached by resizing, once."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        await pilot.press("f5")
        await write_note(app, pilot, "note a cette taille")
        await pilot.press("pagedown")
        for w, h in [(30, 10), (20, 6), (300, 80), (40, 12), (39, 12), (160, 45), (80, 24)]:
            await pilot.resize_terminal(w, h)
            await pilot.pause()
            small = w < 40 or h < 12
            assert screen.has_class("-too-small") == small, (w, h)
            assert shown(app, "#too-small") == small, (w, h)
            await let_time_pass(app, pilot, fake_time, 1)
            if small:
                assert clock_value(app) in screen_text(app)
            await pilot.press("f2")
            await pilot.press("f2")
        await write_note(app, pilot, "apres les changements de taille")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    notes = read_session(app.file.path).notes
    assert [n.text for n in notes] == ["note a cette taille", "apres les changements de taille"]
