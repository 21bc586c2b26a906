"""Big content in the running app: a roster of 200 names, a note of a megabyte.

The notes input and its status line always stay on the screen, whatever the roster; a huge
note is shown cut, kept whole, and never slows the notes after it.
"""

from __future__ import annotations

import re
import time

import pytest
from textual.widget import Widget
from textual.widgets import Input, Static

from codev_tui import locations
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from codev_tui.ui.app import CodevApp, SetupRequest
from codev_tui.ui.screens.closing import ClosingScreen
from codev_tui.ui.screens.dialogs import ConfirmScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from codev_tui.ui.screens.setup import SetupScreen
from codev_tui.ui.widgets.notes_list import NotesList
from tests.functional.conftest import (
    CONSULTATION,
    note_input,
    paste,
    screen_of,
    screen_text,
    settle,
    text_of,
    write_note,
)

SIZES = [(80, 24), (160, 45)]

ROSTERS = {
    "short names": [f"C{n}" for n in range(200)],
    "long names": [
        f"Marie-Hélène de La Tour d'Auvergne-Brzęczyszczykiewicz {n}" for n in range(200)
    ],
    "one huge name": ["Ana", "Z" * 400, "Bo"],
}


def on_screen(widget: Widget) -> bool:
    """Whether the widget is displayed, whole, inside the terminal."""
    screen = widget.screen.region
    region = widget.region
    return bool(widget.display) and region.area > 0 and screen.contains_region(region)


def roster_of(names: list[str]) -> Roster:
    return Roster(topic="Gros groupe", client="Ana", facilitator="Fanny", consultants=names)


def check_input_and_status(screen: FacilitationScreen) -> None:
    for selector in ("#note-input", "#status"):
        assert on_screen(screen.query_one(selector)), selector


def check_round_line(screen: FacilitationScreen, names: list[str], speaker: str) -> None:
    line = text_of(screen.query_one("#round", Static))
    assert "\n" not in line
    assert len(line) <= screen.size.width - 2
    assert f"▶ {speaker[:20]}" in line  # who has the floor is always shown
    shown_names = line.count(" · ") + 1  # no name here holds " · "
    if shown_names < len(names):
        more = re.search(r" … \+(\d+)$", line)
        # "… " before the speaker: the line starts with them, those before are not counted.
        before = names.index(speaker) if "… ▶" in line else 0
        if before or more:
            assert more or shown_names + before == len(names), line
        if more:
            assert int(more.group(1)) == len(names) - before - shown_names
    assert on_screen(screen.query_one("#round"))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("kind", list(ROSTERS))
async def test_a_huge_roster_never_pushes_the_notes_input_off_the_screen(  # type: ignore[no-untyped-def]
    tmp_path, fake_time, short_script, size, kind
) -> None:
    names = ROSTERS[kind]
    file = SessionFile.create(tmp_path, short_script, roster_of(names), now=fake_time.wall)
    app = CodevApp(file, clock=fake_time.monotonic, wall=fake_time.wall, retry_every=0.05)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        for _ in range(CONSULTATION):
            await pilot.press("pagedown")
        await pilot.press("f6")
        screen = screen_of(app)
        check_input_and_status(screen)
        check_round_line(screen, names, names[0])
        # The floor far down the order: the line starts with whoever has it.
        for _ in range(len(names) * 3 // 4 - 1):
            app.control.next_speaker()
        screen.refresh_round()
        await pilot.pause()
        speaker = app.control.session.speaker
        check_round_line(screen, names, speaker)
        check_input_and_status(screen)
        await write_note(app, pilot, "toujours visible")
        await settle(app, pilot)
        assert text_of(screen.query_one("#status", Static)).startswith("✓")
        await pilot.press("f2")  # projector mode
        check_input_and_status(screen)
        check_round_line(screen, names, speaker)
        await pilot.press("escape")
        await pilot.resize_terminal(size[0] // 2 + 20, size[1])  # narrower: cut again
        await pilot.pause()
        check_round_line(screen, names, speaker)
        check_input_and_status(screen)
        await pilot.resize_terminal(*size)
        await pilot.press("f10")
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        assert on_screen(app.screen.query_one("#status"))
        assert on_screen(app.screen.query_one("#review"))
    assert [n.text for n in read_session(file.path).notes] == ["toujours visible"]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("kind", list(ROSTERS))
async def test_the_setup_screen_keeps_a_huge_roster_on_one_line(  # type: ignore[no-untyped-def]
    tmp_path, fake_time, size, kind
) -> None:
    names = ROSTERS[kind]
    request = SetupRequest(tmp_path, locations.bundled_scripts(), "classic", roster_of(names))
    app = CodevApp(setup=request, clock=fake_time.monotonic, wall=fake_time.wall)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        for selector in ("#topic", "#client", "#consultants"):
            assert on_screen(screen.query_one(selector, Input)), selector
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        check_input_and_status(app.screen)
        assert app.control is not None
        assert app.control.session.roster.consultants == names


# -- a note of a megabyte ----------------------------------------------------------------------

SHOWN_CHARACTERS, SHOWN_LINES = 500, 10
"""How much of a long note the lists show (`note_text` in ui/widgets/notes_list.py)."""

BIG_NOTES = {
    "one line of 1 MB": "mot " * 250_000,
    # Smaller: the one-line input itself (Textual's) takes seconds to draw 1 MB of "␤"s.
    "200 kB of pasted lines": "ligne collée\n" * 16_000,
    "20,000 short lines": "a\n" * 20_000,
}


def list_line(notes, note_id: int) -> str:  # type: ignore[no-untyped-def]
    return str(notes.get_option(f"n{note_id}").prompt)


async def acknowledge_time(app, pilot, text: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from Enter to the note's ✓ in the list (Enter, the disk, the redraw)."""
    started = time.monotonic()
    await write_note(app, pilot, text)
    note = app.control.session.notes[-1]
    notes = screen_of(app).query_one(NotesList)
    while not list_line(notes, note.id).startswith("✓"):
        assert time.monotonic() - started < 30
        await pilot.pause(0.005)
    return time.monotonic() - started


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("kind", list(BIG_NOTES))
async def test_a_huge_note_is_shown_cut_and_never_slows_the_next_ones(  # type: ignore[no-untyped-def]
    make_app, size, kind
) -> None:
    big = BIG_NOTES[kind]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await write_note(app, pilot, "avant")
        await settle(app, pilot)
        before = await acknowledge_time(app, pilot, "témoin")
        await paste(app, pilot, big)  # a paste keeps its lines
        await pilot.press("enter")
        await settle(app, pilot)
        screen = screen_of(app)
        notes = screen.query_one(NotesList)
        huge = app.control.session.notes[-1]
        assert huge.text == big.strip()
        shown = list_line(notes, huge.id)
        assert len(shown) < SHOWN_CHARACTERS + 100
        assert shown.count("\n") < SHOWN_LINES
        assert shown.endswith(f"… ({len(huge.text)} caractères)")
        # The notes after it get their ✓ as fast as before it (generous: a loaded machine).
        after = [await acknowledge_time(app, pilot, f"courte {n}") for n in range(3)]
        assert max(after) < max(0.5, 5 * before), (before, after)
        # Choosing it to correct it puts the whole text back in the input.
        await pilot.press("up", "up", "up", "up", "enter")
        assert note_input(app).value == app.control.correction_line(huge, huge.phase)
        await pilot.press("escape")
        # Delete asks first, showing the start of the note only.
        await pilot.press("up", "up", "up", "up", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert len(screen_text(app)) < size[0] * size[1] * 4
        assert "caractères)" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("escape")
        # The closing screen's review list shows it cut too.
        await pilot.press("f10")
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        review = app.screen.query_one(NotesList)
        assert len(list_line(review, huge.id)) < SHOWN_CHARACTERS + 100
        assert list_line(review, huge.id).endswith(f"… ({len(huge.text)} caractères)")
    # Kept whole on disk and in the minutes.
    session = read_session(app.file.path)
    assert session.note(huge.id).text == big.strip()
    minutes = render_minutes(session)
    assert len(minutes) > len(big.strip())
