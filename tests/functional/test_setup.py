"""The setup screen (on the bundled scripts): the form, its memory of groups, fast typing."""

from __future__ import annotations

from textual.widgets import Static

from codev_tui.core.store import read_session
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import (
    file_mode,
    settle,
    text_of,
    type_fast,
    write_note,
)


async def test_setup_screen_creates_the_session(tmp_path, fake_time) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from codev_tui import locations
    from codev_tui.core.session import Roster
    from codev_tui.ui.app import CodevApp, SetupRequest
    from codev_tui.ui.screens.setup import SetupScreen

    previous = {
        "Codev Lyon": Roster(
            group="Codev Lyon", facilitator="Fanny", consultants=["Bruno", "Chloé"]
        )
    }
    folder = tmp_path / "setup"
    app = CodevApp(
        setup=SetupRequest(folder, locations.bundled_scripts(), "classic", Roster(), previous),
        clock=fake_time.monotonic,
        wall=fake_time.wall,
        retry_every=0.05,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        await pilot.press("f5")  # nothing filled in: refused, with the reason
        assert isinstance(app.screen, SetupScreen)
        assert "Il faut au moins un sujet" in text_of(screen.query_one("#setup-error", Static))
        screen.query_one("#topic", Input).insert_text_at_cursor("Dire non [bold]")
        await pilot.press("enter")
        assert screen.query_one("#client", Input).has_focus
        screen.query_one("#client", Input).insert_text_at_cursor("Ana")
        screen.query_one("#group", Input).value = "Codev Lyon"  # a known group fills the rest
        await pilot.pause()
        assert screen.query_one("#consultants", Input).value == "Bruno, Chloé"
        assert screen.query_one("#facilitator", Input).value == "Fanny"
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        assert app.file is not None
        assert app.file.path.parent == folder
        await write_note(app, pilot, "premiere")
        await settle(app, pilot)
    s = read_session(app.file.path)
    assert (s.roster.topic, s.roster.client, s.roster.consultants) == (
        "Dire non [bold]",
        "Ana",
        ["Bruno", "Chloé"],
    )
    assert [n.text for n in s.notes] == ["premiere"]
    assert file_mode(app.file.path) == 0o600


async def test_setup_typed_faster_than_the_app_reads(tmp_path, fake_time) -> None:  # type: ignore[no-untyped-def]
    """Tab, Enter and F5 typed fast act where they were typed: each name in its own field."""
    from codev_tui import locations
    from codev_tui.core.session import Roster
    from codev_tui.ui.app import CodevApp, SetupRequest

    app = CodevApp(
        setup=SetupRequest(tmp_path / "s", locations.bundled_scripts(), "classic", Roster(), {}),
        clock=fake_time.monotonic,
        wall=fake_time.wall,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        type_fast(app, [*"Dire non", "tab", *"Ana", "enter", *"Bo, Cy", "f5"])
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    roster = read_session(app.file.path).roster
    assert (roster.topic, roster.client, roster.consultants) == ("Dire non", "Ana", ["Bo", "Cy"])
