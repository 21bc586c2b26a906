"""Practice mode on screen: the prompt strip, F3 to skip, compressed time."""

from __future__ import annotations

from textual.widgets import Static

from codev_tui.core.store import read_session
from tests.functional.conftest import (
    clock_state,
    clock_value,
    events_of,
    let_time_pass,
    screen_of,
    screen_text,
    settle,
    shown,
    text_of,
    write_note,
)


def prompt_text(app) -> str:  # type: ignore[no-untyped-def]
    return text_of(screen_of(app).query_one("#practice-prompt", Static))


async def test_practice_shows_one_prompt_at_a_time(make_practice_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    """The prompts' rules are unit tests (tests/unit/test_control.py); here, the screen."""
    app = make_practice_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert shown(app, "#practice-prompt")
        assert prompt_text(app) == "Pour Client › Quelle est la situation ?"
        assert "Répétition ×10" in text_of(app.screen.query_one("#topbar", Static))
        assert clock_value(app) == "01:00"
        await pilot.press("f5")
        await write_note(app, pilot, "Une equipe de cinq, un conflit")
        assert prompt_text(app) == "Pour Client › Qu’est-ce qui est en jeu ?"
        await pilot.press("f3")
        assert "Toutes les pistes" in prompt_text(app)
        await pilot.press("f3")  # nothing left to skip
        await write_note(app, pilot, "une note libre")
        await let_time_pass(app, pilot, fake_time, 30)
        assert clock_value(app) == "00:30"
        assert "séance réelle 05:00" in clock_state(app)
        await pilot.press("pagedown")
        assert prompt_text(app) == "Pour Client › Qu’attendez-vous du groupe ?"
        await settle(app, pilot)
    s = read_session(app.file.path)
    assert [n.text for n in s.notes] == ["Une equipe de cinq, un conflit", "une note libre"]
    assert len(s.skipped) == 1


async def test_f3_skips_a_prompt_in_practice_only(make_app, make_practice_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        assert "Passer la piste" not in screen_text(app)
        assert not shown(app, "#practice-prompt")
        await pilot.press("f3")
        await settle(app, pilot)
    assert events_of(app.file.path, "skip") == []
    practice = make_practice_app(role="facilitator")
    async with practice.run_test(size=(120, 30)) as pilot:
        assert "Passer la piste" in screen_text(practice)
        assert prompt_text(practice) == "Pour Facilitateur › Annoncez les deux dernières minutes."
        await pilot.press("f3")
        await settle(practice, pilot)
    assert [e["prompt"] for e in events_of(practice.file.path, "skip")] == [
        "Annoncez les deux dernières minutes."
    ]
