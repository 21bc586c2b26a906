"""The closing screen: the timing table, the review of the notes, the minutes (F3), going back."""

from __future__ import annotations

import stat

from textual.widgets import DataTable, OptionList, Static

from codev_tui.core.store import default_minutes_path, read_session
from codev_tui.ui.screens.closing import ClosingScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import (
    clock_value,
    disk_events,
    events_of,
    file_mode,
    let_time_pass,
    screen_text,
    settle,
    text_of,
    type_fast,
    write_note,
)


async def run_whole_session(app, pilot, fake_time) -> None:  # type: ignore[no-untyped-def]
    """Start, take notes in every phase, one minute over in the consultation, then close."""
    await pilot.press("f5")
    phases = [
        (["contexte", "/c secret du client"], 10),
        (["Mieux deleguer"], 5),
        (["@chl planifier"], 16),
        (["Appeler RH / Ana / vendredi"], 5),
        (["@Ana prendre du recul"], 4),
    ]
    for i, (notes, minutes) in enumerate(phases):
        if i:
            await pilot.press("pagedown")
        for note in notes:
            await write_note(app, pilot, note)
        await let_time_pass(app, pilot, fake_time, minutes * 60)
    await settle(app, pilot)


async def test_closing_screen_after_the_last_phase(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await run_whole_session(app, pilot, fake_time)
        await pilot.press("pagedown")  # on the last phase: the closing screen
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        s = app.control.session
        assert s.ended == fake_time.wall()
        assert not s.running

        table = app.screen.query_one("#timing", DataTable)
        assert table.row_count == 6
        # A script under an hour: every duration in mm:ss, so that the column reads alike.
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["1. Exposé", "10:00", "10:00", "00:00"]
        assert rows[2] == ["3. Consultation", "15:00", "16:00", "+01:00"]
        assert rows[4][1:] == ["05:00", "04:00", "−01:00"]
        assert rows[5] == ["Total", "40:00", "40:00", "00:00"]
        assert "6 notes · 1 action · 1 apprentissage · 0 évaluation" in screen_text(app)

        # Space: the highlighted note becomes confidential, and back.
        review = app.screen.query_one("#review", OptionList)
        assert review.has_focus
        assert review.highlighted == 0
        await pilot.press("space")
        assert s.notes[0].confidential
        assert str(review.get_option_at_index(0).prompt).startswith("🔒")
        await pilot.press("down", "space")  # the note taken with /c: no longer confidential
        assert not s.notes[1].confidential
        await pilot.press("down", "space", "space")  # on, then off again
        assert not s.notes[2].confidential
        await settle(app, pilot)
        assert [(e["note"], e["confidential"]) for e in events_of(app.file.path, "edit")] == [
            (1, True),
            (2, False),
            (3, True),
            (3, False),
        ]

        await pilot.press("f3")
        await settle(app, pilot)
        minutes = default_minutes_path(app.file.path)
        assert minutes.parent == app.file.path.parent
        assert minutes.suffix == ".md"
        assert minutes.is_file()
        assert file_mode(minutes) == stat.S_IRUSR | stat.S_IWUSR
        exported = text_of(app.screen.query_one("#status", Static))
        assert exported.endswith(f"Compte rendu écrit : {minutes}")
        shown = "".join(line.strip() for line in screen_text(app).splitlines())
        assert str(minutes) in shown  # the whole path, however long, on the status lines
        text = minutes.read_text(encoding="utf-8")
        assert "secret du client" in text  # no longer confidential
        assert "contexte" not in text  # made confidential
        assert "Appeler RH" in text
    on_disk = read_session(app.file.path)
    assert on_disk.ended is not None
    assert [n.confidential for n in on_disk.notes] == [True, False, False, False, False, False]


async def test_space_on_the_closing_screen_needs_no_arrow_first(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "a relire")
        await pilot.press("f10", "space")
        await settle(app, pilot)
        assert app.control.session.notes[0].confidential


async def test_a_note_marked_confidential_just_before_f3_stays_out(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "public")
        await write_note(app, pilot, "secret de Marie")
        await pilot.press("f10")
        await settle(app, pilot)
        type_fast(app, ["down", "space", "f3"])
        await settle(app, pilot)
    minutes = default_minutes_path(app.file.path).read_text(encoding="utf-8")
    assert "public" in minutes
    assert "secret de Marie" not in minutes


async def test_f10_ends_the_session_early(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "pagedown")
        await let_time_pass(app, pilot, fake_time, 120)
        await pilot.press("f10")
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        rows = app.screen.query_one("#timing", DataTable)
        assert [str(c) for c in rows.get_row_at(1)][:3] == [
            "2. Contrat",
            "05:00",
            "02:00",
        ]
    assert [e["type"] for e in disk_events(app.file.path)][-1] == "end"
    assert read_session(app.file.path).ended == fake_time.wall()


async def test_back_from_the_closing_screen_goes_on_with_the_session(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f10")
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, FacilitationScreen)
        if not app.control.session.running:
            await pilot.press("f5")
        await settle(app, pilot)
        assert app.control.session.ended is None
        assert app.control.session.running
        await let_time_pass(app, pilot, fake_time, 60)
        assert clock_value(app) == "08:00"


async def test_practice_closing_screen_compares_like_with_like(
    make_practice_app, fake_time
) -> None:  # type: ignore[no-untyped-def]
    app = make_practice_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 60)  # a 10-minute phase at ×10: on time
        await pilot.press("f10")
        await settle(app, pilot)
        table = app.screen.query_one("#timing", DataTable)
        assert str(table.get_row_at(0)[3]) == "00:00"
