"""The interface in English."""

from __future__ import annotations

from textual.widgets import Static

from tests.functional.conftest import (
    clock_state,
    let_time_pass,
    note_lines,
    screen_text,
    settle,
    text_of,
    write_note,
)


async def test_english_interface(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="en")
    async with app.run_test(size=(120, 30)) as pilot:
        assert clock_state(app).startswith("READY")
        shown = screen_text(app)
        assert "Next" in shown and "Timer" in shown
        assert "Suiv." not in shown
        await pilot.press("f5")
        assert clock_state(app) == "RUNNING"
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f5")
        assert clock_state(app) == "PAUSED"
        await write_note(app, pilot, "/q why now?")
        await settle(app, pilot)
        assert "question" in note_lines(app)[0]
        assert "saved" in text_of(app.screen.query_one("#status", Static))
        await pilot.press("ctrl+q")
        assert "Quit codev?" in screen_text(app)
        await pilot.press("escape", "f10")
        await settle(app, pilot)
        assert "End of session" in screen_text(app)
        assert "Minutes" in screen_text(app)


async def test_english_labels_have_no_space_before_the_colon(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert text_of(app.screen.query_one("#rules-strip", Static)).startswith("Rules: ")
