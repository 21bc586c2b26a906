"""The help screen, the command palette, and quitting (nothing typed is lost)."""

from __future__ import annotations

from codev_tui.core.store import read_session
from codev_tui.ui.screens.dialogs import HelpScreen, QuitScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import (
    CONTRACT,
    screen_text,
    settle,
    write_note,
)


async def test_every_key_is_a_command_of_the_palette(make_app) -> None:  # type: ignore[no-untyped-def]
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        commands = [c.title for c in app.get_system_commands(app.screen)]
        for key in ("pagedown", "pageup", "f5", "f1", "f2", "f7", "f8", "f10", "ctrl+q", "ctrl+t"):
            assert any(title.endswith(f"({key})") for title in commands), key
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        assert "Chercher une commande" in screen_text(app)
        await pilot.press(*"Suiv", "enter")
        await settle(app, pilot)
        assert app.control.session.current == CONTRACT


async def test_help_opens_and_closes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, FacilitationScreen)
        await pilot.press("f1", "f1")
        assert isinstance(app.screen, FacilitationScreen)
        await pilot.press("f1", "q")
        assert isinstance(app.screen, FacilitationScreen)


async def test_help_shows_the_keys_and_the_note_syntax(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        shown = screen_text(app)
        assert "Aide" in shown
        for key in ("PageSuiv / PagePréc", "F5 :", "F2 :", "Échap", "Ctrl+T", "Ctrl+P", "F10 :"):
            assert key in shown, key
        assert "Espace confidentielle" in shown  # the closing screen's keys too
        assert "@Marie" in shown and "/c confidentiel" in shown


async def test_quit_dialog_cancel_then_confirm(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await write_note(app, pilot, "note un")
        await write_note(app, pilot, "/q note deux ?")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitScreen)
        assert "Quitter codev ?" in screen_text(app)
        await pilot.click("#cancel")
        assert isinstance(app.screen, FacilitationScreen)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.press("escape")
        assert isinstance(app.screen, FacilitationScreen)
        await pilot.press("ctrl+q", "n")
        assert isinstance(app.screen, FacilitationScreen)
        await write_note(app, pilot, "note trois")
        await settle(app, pilot)
        acknowledged = {n.id for n in app.control.session.notes if app.control.is_saved(n.id)}
        await pilot.press("ctrl+q")
        await pilot.click("#quit")
        await pilot.pause()
        assert not app.is_running
    assert app.return_value == 0
    on_disk = read_session(app.file.path)
    assert {n.id for n in on_disk.notes} >= acknowledged
    assert [n.text for n in on_disk.notes] == ["note un", "note deux ?", "note trois"]


async def test_a_note_being_typed_is_saved_on_quit(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "envoyée")
        await pilot.press(*"pas fini")
        await pilot.press("ctrl+q")
        await pilot.click("#quit")
        await pilot.pause()
        assert not app.is_running
    assert [n.text for n in read_session(app.file.path).notes] == ["envoyée", "pas fini"]


async def test_quit_dialog_tells_what_is_not_saved_yet(make_app, disk) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        disk.hold()
        await write_note(app, pilot, "pas encore")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitScreen)
        assert "1 élément(s) pas encore enregistré(s)" in screen_text(app)
        await pilot.press("escape")
        disk.release()
        await settle(app, pilot)
    assert [n.text for n in read_session(app.file.path).notes] == ["pas encore"]


async def test_ctrl_q_twice_quits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
