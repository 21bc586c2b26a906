"""Taking notes on the facilitation screen: typed, pasted, fast, shown as typed, ✓ once saved.

What a note means (kinds, authors, prefixes) is tested without a screen in
tests/unit/test_control.py.
"""

from __future__ import annotations

from textual.widgets import Static

from codev_tui.core.notes import PASTED_NEWLINE
from codev_tui.core.store import read_session
from codev_tui.ui.screens.facilitation import FacilitationScreen
from tests.functional.conftest import (
    CONSULTATION,
    CONTRACT,
    events_of,
    note_input,
    note_lines,
    paste,
    screen_text,
    settle,
    text_of,
    type_fast,
    write_note,
)


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
        assert app.control.is_saved(note.id)
    on_disk = read_session(app.file.path)
    assert [n.text for n in on_disk.notes] == ["[bold]x[/]"]


async def test_checkmark_only_once_the_note_is_on_disk(make_app, disk) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        disk.hold()
        await write_note(app, pilot, "en attente")
        await pilot.pause()
        note = app.control.session.notes[-1]
        assert note.text == "en attente"
        assert not app.control.is_saved(note.id)
        assert note_lines(app)[-1].startswith("…")
        assert not note_lines(app)[-1].startswith("✓")
        assert [n.text for n in read_session(app.file.path).notes] == []
        assert note_input(app).value == ""  # the input is ready for the next note at once

        disk.release()
        await settle(app, pilot)
        assert app.control.is_saved(note.id)
        assert note_lines(app)[-1].startswith("✓")
        assert [n.text for n in read_session(app.file.path).notes] == ["en attente"]
        assert "✓" in text_of(app.screen.query_one("#status", Static))


async def test_a_fast_typist_loses_nothing(make_app) -> None:  # type: ignore[no-untyped-def]
    """Keys arriving faster than the app reads them: Enter and Backspace act where typed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        type_fast(app, [*"un[b]x", "enter", *"deux", "enter", *"trois", "backspace", "enter"])
        type_fast(app, [*"quatre [/]", "enter"])
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == [
            "un[b]x",
            "deux",
            "troi",
            "quatre [/]",
        ]
        assert note_input(app).value == ""
    assert [n.text for n in read_session(app.file.path).notes] == [
        "un[b]x",
        "deux",
        "troi",
        "quatre [/]",
    ]


async def test_a_note_typed_fast_before_pagedown_stays_in_its_phase(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        type_fast(app, [*"avant", "enter", "pagedown", *"après", "enter", "pageup", *"retour"])
        type_fast(app, ["enter"])
        await settle(app, pilot)
    notes = read_session(app.file.path).notes
    assert [(n.phase, n.text) for n in notes] == [
        ("expose", "avant"),
        ("contrat", "après"),
        ("expose", "retour"),
    ]


async def test_clicker_keys_typed_fast_act_in_order(make_app) -> None:  # type: ignore[no-untyped-def]
    """PageDown then F5, F6, F8 at once: each acts on the phase PageDown opened, in order."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        type_fast(app, ["pagedown", "f6"])  # the contract has no round of the table: no floor
        await settle(app, pilot)
        assert app.control.session.current == CONTRACT
        assert app.control.session.speaker == ""
        type_fast(app, ["pagedown", "f6", *"idee", "enter", "f8", "f5"])
        await settle(app, pilot)
        s = app.control.session
        assert s.current == CONSULTATION
        assert [(n.phase, n.author, n.text) for n in s.notes] == [("consultation", "Bruno", "idee")]
        assert s.timings[CONSULTATION].adjust == 60
        assert not s.running  # F5 paused the consultation that PageDown started


async def test_enter_on_an_empty_input_saves_nothing(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "space", "space", "enter")
        await settle(app, pilot)
        assert app.control.session.notes == []
        assert note_lines(app) == []
    assert events_of(app.file.path, "note") == []


async def test_note_lines_show_kind_author_and_confidentiality(make_app) -> None:  # type: ignore[no-untyped-def]
    """What a note means is a unit test (test_control.py); here, how its line reads."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "/q @bru pourquoi ?")
        await write_note(app, pilot, "/c /h @chl une hypothese")
        await write_note(app, pilot, "@ana /s essayer autre chose")
        await write_note(app, pilot, "// /q pas un prefixe")
        await write_note(app, pilot, "/l @Bruno j'ai appris")
        await settle(app, pilot)
        lines = note_lines(app)
        assert all(line.startswith("✓") for line in lines)
        assert "question · Bruno — pourquoi ?" in lines[0]
        assert "hypothèse [confidentiel] · Chloé — une hypothese" in lines[1]
        assert "suggestion · Ana — essayer autre chose" in lines[2]
        assert lines[3].endswith("note — /q pas un prefixe")
        assert "apprentissage · Bruno — j'ai appris" in lines[4]


LITERAL_TEXTS = [
    "[bold]gras ?[/bold]",
    "[/]",
    "[@click=app.quit]x",
    "rouge \x1b[31m ici",
    "bravo 🎉👍🏽 équipe",
]


async def test_markup_control_characters_and_emoji_are_shown_literally(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for text in LITERAL_TEXTS:
            note_input(app).insert_text_at_cursor(text)
            await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        lines = note_lines(app)
        assert lines[0].endswith("— [bold]gras ?[/bold]")
        assert lines[1].endswith("— [/]")
        assert lines[2].endswith("— [@click=app.quit]x")
        assert lines[3].endswith("— rouge ␛[31m ici")
        assert lines[4].endswith("— bravo 🎉👍🏽 équipe")
        shown = screen_text(app)
        assert "[@click=app.quit]x" in shown
        assert "[bold]gras ?[/bold]" in shown
        assert "␛[31m" in shown
        assert "\x1b" not in shown
        # Clicking the would-be link does nothing.
        await pilot.click("#notes", offset=(len(lines[2]) - 1, 2))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, FacilitationScreen)
    assert [n.text for n in read_session(app.file.path).notes] == LITERAL_TEXTS


async def test_a_multiline_paste_is_saved_whole(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await paste(app, pilot, "a\nb")
        assert note_input(app).value == f"a{PASTED_NEWLINE}b"
        await pilot.press("enter")
        await paste(app, pilot, "premiere ligne\r\ndeuxieme\rtroisieme\n")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    assert [n.text for n in read_session(app.file.path).notes] == [
        "a\nb",
        "premiere ligne\ndeuxieme\ntroisieme",
    ]


async def test_a_pasted_note_is_saved_and_the_screen_survives(make_app) -> None:  # type: ignore[no-untyped-def]
    """Whatever a paste inserts, a big multi-line paste is saved (in one note) and all goes on."""
    pasted = "\n".join(f"ligne {i} [b]x[/b] 🎉" for i in range(200))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await paste(app, pilot, pasted)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        note = app.control.session.notes[-1]
        assert note.text.startswith(pasted)
        assert note_lines(app)[-1].startswith("✓")
    assert read_session(app.file.path).notes[-1].text == note.text


async def test_a_pasted_escape_is_never_sent_raw_to_the_terminal(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await paste(app, pilot, "avant \x1b]0;pwned\x07 apres")
        assert "\x1b" not in screen_text(app)
