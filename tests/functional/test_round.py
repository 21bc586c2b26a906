"""The round of the table on screen: F6 gives the floor, F4 passes, talk times count up."""

from __future__ import annotations

from textual.widgets import Static

from codev_tui.core.store import read_session
from tests.functional.conftest import (
    CONSULTATION,
    events_of,
    go_to_phase,
    let_time_pass,
    screen_text,
    settle,
    shown,
    text_of,
    tick,
    write_note,
)


async def test_the_round_strip(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    """Who has the floor, the talk times and the passes, on screen; the round's rules are unit
    tests (tests/unit/test_control.py)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert not shown(app, "#round")
        await go_to_phase(app, pilot, CONSULTATION)
        s = app.control.session
        assert shown(app, "#round")
        round_ = app.screen.query_one("#round", Static)
        await pilot.press("f6")
        assert "▶ Bruno" in text_of(round_)
        await write_note(app, pilot, "Et si tu déléguais ?")  # Bruno has the floor: his
        assert [(n.author, n.text) for n in s.notes] == [("Bruno", "Et si tu déléguais ?")]
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f6")
        assert s.speaker == "Chloé"
        assert "Bruno 01:00" in text_of(round_)
        await let_time_pass(app, pilot, fake_time, 30)
        await pilot.press("f4")  # Chloé passes: the floor goes to Driss
        assert s.speaker == "Driss" and s.passes == ["Chloé"]
        assert "Chloé (passe)" in text_of(round_)
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f6")  # after the last consultant: round 2, Bruno again
        assert "▶ Bruno" in text_of(round_) and "tour 2" in text_of(round_)
        assert "(passe)" not in text_of(round_)  # a pass counts in its own round
        assert "Driss 01:00" in text_of(round_)
        await settle(app, pilot)
    assert [(t.round, t.name) for t in read_session(app.file.path).turns] == [
        (1, "Bruno"),
        (1, "Chloé"),
        (1, "Driss"),
        (2, "Bruno"),
    ]


async def test_round_keys_only_in_a_round_phase(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f6", "f4")
        assert app.control.session.speaker == ""
        assert "Parole" not in screen_text(app)
        await go_to_phase(app, pilot, CONSULTATION)
        assert "Parole" in screen_text(app)
        await settle(app, pilot)
    assert events_of(app.file.path, "speaker") == []


async def test_the_speakers_talk_time_counts_up_on_screen(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_phase(app, pilot, CONSULTATION)
        await pilot.press("f6")
        await let_time_pass(app, pilot, fake_time, 90)
        await tick(app, pilot)  # and again, as the twice-a-second timer does
        assert "▶ Bruno 01:30" in text_of(app.screen.query_one("#round", Static))
