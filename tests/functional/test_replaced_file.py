"""The session file replaced under the app: the screen says so in red, and where the session
now is; the notes get their ✓ once they are in that new file."""

from __future__ import annotations

import os

import pytest
from textual.color import Color
from textual.widgets import Static

from codev_tui.core.store import read_session
from codev_tui.ui.screens.closing import ClosingScreen
from tests.functional.conftest import note_lines, screen_of, settle, text_of, write_note

SAYS = {"fr": "FICHIER REMPLACÉ", "en": "FILE REPLACED"}


def _replace(path) -> None:  # type: ignore[no-untyped-def]
    tmp = path.with_name("incoming.tmp")
    tmp.write_text("# someone else's file\n")
    os.replace(tmp, path)


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_replaced_session_file_is_said_in_red_with_where_the_session_is(
    make_app, lang: str
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang=lang)
    old = app.file.path
    async with app.run_test(size=(160, 45)) as pilot:
        await write_note(app, pilot, "avant")
        await settle(app, pilot)
        screen = screen_of(app)
        assert not screen.has_class("-replaced")
        _replace(old)
        await write_note(app, pilot, "après")
        await settle(app, pilot)
        new = app.file.path
        assert new != old
        status = text_of(screen.query_one("#status", Static))
        assert SAYS[lang] in status and new.name in status
        assert screen.has_class("-replaced")
        red = Color.parse(app.theme_variables["error"])
        assert screen.query_one("#status").styles.background == red
        assert [line[:1] for line in note_lines(app)] == ["✓", "✓"]
        await pilot.press("f10")
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        assert app.screen.has_class("-replaced")
        assert SAYS[lang] in text_of(app.screen.query_one("#status", Static))
    assert old.read_text() == "# someone else's file\n"
    assert [n.text for n in read_session(new).notes] == ["avant", "après"]
