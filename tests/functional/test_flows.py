"""The facilitation flows, driven with Pilot, checked on the session (and so on disk)."""

from __future__ import annotations

from codev_tui.core.store import read_session
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import settle


async def test_note_is_saved_and_acknowledged(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.press(*"[bold]x[/]")
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FacilitationScreen)
        assert app.control is not None
        note = app.control.session.notes[-1]
        assert note.text == "[bold]x[/]"
        assert note.id in app.control.saved_notes
    on_disk = read_session(app.file.path)
    assert [n.text for n in on_disk.notes] == ["[bold]x[/]"]
