"""The facilitation flows, driven with Pilot, checked on the session (and so on disk).

Time never passes for real: `fake_time.advance(...)` moves both clocks and `tick()` runs the
screen's twice-a-second refresh at once. Only the disk-full test waits for real, for the
writer's retry (every 0.05 s here).
"""

from __future__ import annotations

import stat

import pytest
from textual.widgets import DataTable, OptionList, Static

from codev_tui.core.notes import PASTED_NEWLINE
from codev_tui.core.store import default_minutes_path, read_session
from codev_tui.ui.screens.closing import ClosingScreen
from codev_tui.ui.screens.dialogs import HelpScreen, QuitScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from codev_tui.ui.widgets.bigclock import BigClock
from codev_tui.ui.widgets.phase_text import PhaseText
from tests.functional.conftest import (
    disk_events,
    events_of,
    file_mode,
    let_time_pass,
    note_input,
    note_lines,
    paste,
    screen_of,
    screen_text,
    settle,
    shown,
    strip,
    text_of,
    tick,
    type_fast,
    write_note,
)

EXPOSE, CLARIFICATION, CONTRACT, CONSULTATION, SYNTHESIS, LEARNINGS = range(6)
"""The phases of the bundled classic script."""


async def go_to_phase(app, pilot, index: int) -> None:  # type: ignore[no-untyped-def]
    """PageDown until phase `index`."""
    while app.control.session.current < index:
        await pilot.press("pagedown")
    assert app.control.session.current == index


def clock_value(app) -> str:  # type: ignore[no-untyped-def]
    return screen_of(app).query_one(BigClock).value


def clock_state(app) -> str:  # type: ignore[no-untyped-def]
    return screen_of(app).query_one(BigClock).caption


# -- notes -----------------------------------------------------------------------------------


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
        ("clarification", "après"),
        ("expose", "retour"),
    ]


async def test_clicker_keys_typed_fast_act_in_order(make_app) -> None:  # type: ignore[no-untyped-def]
    """PageDown then F5, F6, F8 at once: each acts on the phase PageDown opened, in order."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        type_fast(app, ["pagedown", "f6"])  # clarification has no round of the table: no floor
        await settle(app, pilot)
        assert app.control.session.current == CLARIFICATION
        assert app.control.session.speaker == ""
        await go_to_phase(app, pilot, CONTRACT)
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


async def test_prefix_syntax(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "/q @bru pourquoi ?", typed=True)
        await write_note(app, pilot, "/c /h @chl une hypothese")
        await write_note(app, pilot, "@ana /s essayer autre chose")
        await write_note(app, pilot, "// /q pas un prefixe")
        await write_note(app, pilot, "@Zoe inconnue")
        await write_note(app, pilot, "simple")
        await settle(app, pilot)
        lines = note_lines(app)
        assert all(line.startswith("✓") for line in lines)
        assert "question · Bruno — pourquoi ?" in lines[0]
        assert "hypothèse [confidentiel] · Chloé — une hypothese" in lines[1]
        assert "suggestion · Ana — essayer autre chose" in lines[2]
        assert lines[3].endswith("note — /q pas un prefixe")

    notes = read_session(app.file.path).notes
    got = [(n.kind, n.author, n.confidential, n.text) for n in notes]
    assert got == [
        ("question", "Bruno", False, "pourquoi ?"),
        ("hypothesis", "Chloé", True, "une hypothese"),
        ("suggestion", "Ana", False, "essayer autre chose"),
        ("note", "", False, "/q pas un prefixe"),
        ("note", "Zoe", False, "inconnue"),
        ("note", "", False, "simple"),
    ]
    assert all(n.phase == "expose" for n in notes)


async def test_default_kind_follows_the_phase(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_phase(app, pilot, CLARIFICATION)
        await write_note(app, pilot, "qui decide ?")
        await go_to_phase(app, pilot, CONSULTATION)
        await write_note(app, pilot, "deleguer")
        await settle(app, pilot)
    notes = read_session(app.file.path).notes
    assert [(n.phase, n.kind) for n in notes] == [
        ("clarification", "question"),
        ("consultation", "suggestion"),
    ]


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


async def test_a_5000_character_note_is_saved_whole(make_app) -> None:  # type: ignore[no-untyped-def]
    long_text = ("Une très longue note, sans fin. " * 200)[:4999] + "!"
    assert len(long_text) == 5000
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        note_input(app).insert_text_at_cursor(long_text)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.control.session.notes[-1].text == long_text
        assert note_lines(app)[-1].startswith("✓")
        # The screen is still alive: another note goes in.
        await write_note(app, pilot, "et ensuite")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    assert [n.text for n in read_session(app.file.path).notes] == [long_text, "et ensuite"]


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


# -- the clicker keys ------------------------------------------------------------------------


async def test_pagedown_and_pageup_move_between_phases(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        s = app.control.session
        assert s.current == EXPOSE
        await pilot.press("pagedown")
        assert s.current == CLARIFICATION
        phase = app.screen.query_one(PhaseText).text.plain
        assert phase.startswith("QUESTIONS DE CLARIFICATION\n")
        assert "Phase 2/6" in text_of(app.screen.query_one("#topbar", Static))
        assert s.running  # counting starts at once in the new phase
        await pilot.press("pagedown", "pagedown")
        assert s.current == CONSULTATION
        await pilot.press("pageup")
        assert s.current == CONTRACT
        await pilot.press("pageup", "pageup", "pageup", "pageup")
        assert s.current == EXPOSE
        await settle(app, pilot)
    assert [e["index"] for e in events_of(app.file.path, "phase")] == [1, 2, 3, 2, 1, 0]
    assert read_session(app.file.path).current == EXPOSE


async def test_f5_starts_pauses_and_resumes(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        s = app.control.session
        assert not s.running
        assert clock_state(app).startswith("PRÊT")
        assert clock_value(app) == "10:00"
        await pilot.press("f5")
        assert s.running
        assert clock_state(app) == "EN COURS"
        await let_time_pass(app, pilot, fake_time, 90)
        assert clock_value(app) == "08:30"
        await pilot.press("f5")
        assert not s.running
        assert clock_state(app) == "EN PAUSE"
        assert app.screen.query_one(BigClock).has_class("-paused")  # its colours
        await let_time_pass(app, pilot, fake_time, 600)  # paused: the time does not move
        assert clock_value(app) == "08:30"
        await pilot.press("f5")
        assert s.running
        assert clock_state(app) == "EN COURS"
        await settle(app, pilot)
    assert [e["type"] for e in disk_events(app.file.path)] == ["resume", "pause", "resume"]
    assert read_session(app.file.path).elapsed(0, fake_time.wall()) == 90


async def test_header_keeps_time_and_projection_while_paused(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f5")
        await settle(app, pilot)
        await tick(app, pilot)  # the pause is on disk, as it is within milliseconds
        await let_time_pass(app, pilot, fake_time, 600)
        await pilot.pause(0.6)  # and the real twice-a-second timer
        topbar = text_of(app.screen.query_one("#topbar", Static))
        assert "09:11" in topbar
        assert "fin projetée 10:45 (+10 min de retard)" in topbar


async def test_f7_and_f8_change_the_remaining_time_by_exactly_a_minute(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        cd = app.control.countdown
        before = cd.remaining()
        await pilot.press("f8")
        assert cd.remaining() - before == 60
        assert clock_value(app) == "11:00"
        await pilot.press("f7", "f7")
        assert before - cd.remaining() == 60
        assert clock_value(app) == "09:00"
        await settle(app, pilot)
    assert [e["seconds"] for e in events_of(app.file.path, "adjust")] == [60, -60, -60]
    assert read_session(app.file.path).planned(0) == 540


async def test_warning_overtime_and_a_single_bell(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 7 * 60)
        assert clock_state(app) == "EN COURS"
        await let_time_pass(app, pilot, fake_time, 60 + 1)  # 1:59 left; warning is at 2 minutes
        assert clock_state(app) == "BIENTÔT FINI"
        assert app.screen.query_one(BigClock).has_class("-warning")
        assert clock_value(app) == "01:59"
        assert rings == []
        await let_time_pass(app, pilot, fake_time, 119)
        assert clock_value(app) == "00:00"
        await let_time_pass(app, pilot, fake_time, 65)
        assert clock_value(app) == "+01:05"
        assert clock_state(app) == "DÉPASSEMENT"
        topbar = text_of(app.screen.query_one("#topbar", Static))
        assert topbar.endswith("09:11 · fin prévue 10:35 · fin projetée 10:36 (+1 min de retard)")
        assert app.screen.query_one(BigClock).has_class("-overtime")
        for _ in range(5):
            await let_time_pass(app, pilot, fake_time, 1)
        assert rings == [1]
        # The real timer refreshes too (twice a second), without ringing again.
        await pilot.pause(0.6)
        assert clock_value(app) == "+01:10"
        assert rings == [1]
        # Two more minutes: time is left again; when it runs out again, one more ring.
        await pilot.press("f8", "f8")
        assert clock_state(app) == "BIENTÔT FINI"  # 50 s left
        await let_time_pass(app, pilot, fake_time, 60)
        assert rings == [1, 1]


async def test_f9_silences_the_bell(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await pilot.press("f9", "f5")
        await let_time_pass(app, pilot, fake_time, 11 * 60)
        assert clock_state(app) == "DÉPASSEMENT"
        assert rings == []


# -- what the phases capture -----------------------------------------------------------------


async def test_contract_is_written_and_stays_pinned(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert not shown(app, "#contract")
        await go_to_phase(app, pilot, CONTRACT)
        contract = app.screen.query_one("#contract", Static)
        assert shown(app, "#contract")
        assert "pas encore de contrat" in text_of(contract)
        await write_note(app, pilot, "Trouver comment parler a Marc")
        await write_note(app, pilot, "Comment dire non a Marc sans casser la relation")
        await settle(app, pilot)
        s = app.control.session
        assert s.contract == "Comment dire non a Marc sans casser la relation"
        assert text_of(contract) == "Contrat : Comment dire non a Marc sans casser la relation"
        await go_to_phase(app, pilot, CONSULTATION)
        assert shown(app, "#contract")
        assert "Comment dire non a Marc" in text_of(contract)
        assert "Comment dire non a Marc" in screen_text(app)
        await go_to_phase(app, pilot, LEARNINGS)
        assert shown(app, "#contract")
        await pilot.press(*["pageup"] * 4)
        assert s.current == CLARIFICATION
        assert not shown(app, "#contract")
    assert read_session(app.file.path).contract == "Comment dire non a Marc sans casser la relation"
    # The contract is a note of its kind: each version typed is one.
    assert [e["text"] for e in events_of(app.file.path, "note") if e["kind"] == "contract"] == [
        "Trouver comment parler a Marc",
        "Comment dire non a Marc sans casser la relation",
    ]


async def test_synthesis_lines_become_action_items(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_phase(app, pilot, SYNTHESIS)
        await write_note(app, pilot, "Appeler RH / Ana / vendredi")
        await write_note(app, pilot, "Relire le contrat")
        await settle(app, pilot)
    actions = read_session(app.file.path).actions
    assert [(a.what, a.who, a.due) for a in actions] == [
        ("Appeler RH", "Ana", "vendredi"),
        ("Relire le contrat", "", ""),
    ]


async def test_a_confidential_action_or_learning_stays_out_of_the_minutes(make_app) -> None:  # type: ignore[no-untyped-def]
    from codev_tui.core.minutes.render import render_minutes

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_phase(app, pilot, SYNTHESIS)
        await write_note(app, pilot, "/c Parler à RH / Ana / lundi")
        await write_note(app, pilot, "Relire le contrat / Ana")
        await write_note(app, pilot, " / / ")  # no action in it: a note, not an empty action
        await write_note(app, pilot, "Appeler Bruno / Ana")  # marked confidential afterwards
        app.control.set_confidential(app.control.session.notes[-1], True)
        await go_to_phase(app, pilot, LEARNINGS)
        await write_note(app, pilot, "/c @Bruno ma peur du conflit")
        await settle(app, pilot)
    session = read_session(app.file.path)
    assert [a.what for a in session.actions] == [
        "Parler à RH",
        "Relire le contrat",
        "Appeler Bruno",
    ]
    minutes = render_minutes(session)
    assert "Relire le contrat" in minutes
    for secret in ("Parler à RH", "Appeler Bruno", "peur du conflit"):
        assert secret not in minutes
    everything = render_minutes(session, include_confidential=True)
    assert "Parler à RH *(confidentiel)*" in everything
    assert "peur du conflit *(confidentiel)*" in everything


async def test_learnings_belong_to_a_person(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_phase(app, pilot, LEARNINGS)
        await write_note(app, pilot, "@Bruno j'ai appris")
        await write_note(app, pilot, "@dri ecouter avant de proposer")
        await settle(app, pilot)
        assert "apprentissage · Bruno — j'ai appris" in note_lines(app)[0]
    learnings = read_session(app.file.path).learnings
    assert [(x.who, x.what) for x in learnings] == [
        ("Bruno", "j'ai appris"),
        ("Driss", "ecouter avant de proposer"),
    ]


# -- the round of the table ------------------------------------------------------------------


async def test_round_of_the_table(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert not shown(app, "#round")
        await go_to_phase(app, pilot, CONSULTATION)
        s = app.control.session
        assert s.running
        assert shown(app, "#round")
        round_ = app.screen.query_one("#round", Static)
        await pilot.press("f6")
        assert s.speaker == "Bruno"
        assert "▶ Bruno" in text_of(round_)
        await write_note(app, pilot, "Et si tu déléguais ?")  # Bruno has the floor: his
        await write_note(app, pilot, "@Driss Un témoignage")
        assert [(n.author, n.text) for n in s.notes] == [
            ("Bruno", "Et si tu déléguais ?"),
            ("Driss", "Un témoignage"),
        ]
        await let_time_pass(app, pilot, fake_time, 60)
        await pilot.press("f6")
        assert s.speaker == "Chloé"
        assert "Bruno 01:00" in text_of(round_)
        await let_time_pass(app, pilot, fake_time, 30)
        await pilot.press("f4")  # Chloé passes: the floor goes to Driss
        assert s.speaker == "Driss"
        assert s.passes == ["Chloé"]
        assert "Chloé (passe)" in text_of(round_)
        await let_time_pass(app, pilot, fake_time, 45)
        await pilot.press("f5")  # paused: Driss's time stops too
        await let_time_pass(app, pilot, fake_time, 100)
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 15)
        await pilot.press("f6")  # after the last consultant: round 2, Bruno again
        assert s.speaker == "Bruno" and s.round_number == 2
        assert "▶ Bruno" in text_of(round_) and "tour 2" in text_of(round_)
        assert "(passe)" not in text_of(round_)  # a pass counts in its own round
        assert s.talk == {"Bruno": 60.0, "Chloé": 30.0, "Driss": 60.0}
        assert "Driss 01:00" in text_of(round_)
        await settle(app, pilot)
    on_disk = read_session(app.file.path)
    assert on_disk.talk == {"Bruno": 60.0, "Chloé": 30.0, "Driss": 60.0}
    assert on_disk.passes == ["Chloé"]
    assert [(t.round, t.name) for t in on_disk.turns] == [
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
        await pilot.pause(0.6)  # and the real twice-a-second timer
        assert "▶ Bruno 01:30" in text_of(app.screen.query_one("#round", Static))


# -- projector mode, help, quitting ----------------------------------------------------------


async def test_projector_mode_hides_the_notes(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "une note privee")
        await pilot.press("f5")
        screen = app.screen
        notes, entry = screen.query_one("#notes"), screen.query_one("#note-input")
        assert notes.display and entry.display
        small = screen.query_one(BigClock).content_size
        await pilot.press("f2")
        assert screen.has_class("-projector")
        assert not notes.display
        assert entry.display and entry.password  # typing goes on, masked
        assert "une note privee" not in screen_text(app)
        big = screen.query_one(BigClock).content_size
        assert big.width > small.width
        await let_time_pass(app, pilot, fake_time, 30)
        assert clock_value(app) == "09:30"
        await pilot.press("escape")
        assert not screen.has_class("-projector")
        assert notes.display and entry.display
        assert "une note privee" in screen_text(app)
        await pilot.press("f2", "f2")
        assert not screen.has_class("-projector")


async def test_notes_input_has_the_focus_again_after_projector_mode(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "escape")
        await write_note(app, pilot, "apres projection", typed=True)
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["apres projection"]


async def test_a_note_typed_in_projector_mode_is_saved_and_never_shown(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f2")
        await pilot.press(*"secret du client")
        assert "secret du client" not in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "secret du client" not in screen_text(app)
        assert "✓" in text_of(app.screen.query_one("#status", Static))
        await pilot.press("escape")
        assert not note_input(app).password
    assert [n.text for n in read_session(app.file.path).notes] == ["secret du client"]


async def test_a_note_typed_in_a_too_small_terminal_is_saved(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("-too-small")
        await pilot.press(*"petit ecran", "enter")
        await settle(app, pilot)
        assert "✓" in screen_text(app)
    assert [n.text for n in read_session(app.file.path).notes] == ["petit ecran"]


async def test_notes_input_has_the_focus_again_after_a_too_small_terminal(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(30, 10)
        await pilot.resize_terminal(80, 24)
        await write_note(app, pilot, "apres", typed=True)
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["apres"]


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
        assert app.control.session.current == CLARIFICATION


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
        await pilot.press(*"pas encore envoyée")
        await pilot.press("ctrl+q")
        await pilot.click("#quit")
        await pilot.pause()
        assert not app.is_running
    assert [n.text for n in read_session(app.file.path).notes] == ["envoyée", "pas encore envoyée"]


async def test_f7_never_plans_a_phase_below_zero(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await let_time_pass(app, pilot, fake_time, 7)
        await pilot.press(*["f7"] * 15)  # a 10-minute phase: ten minutes can go, not fifteen
        assert clock_value(app) == "+00:07"
        await pilot.press("f8")
        assert clock_value(app) == "00:53"
        await settle(app, pilot)
    assert sum(e["seconds"] for e in events_of(app.file.path, "adjust")) == -540


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


# -- the closing screen ----------------------------------------------------------------------


async def run_whole_session(app, pilot, fake_time) -> None:  # type: ignore[no-untyped-def]
    """Start, take notes in every phase, one minute over in the consultation, then close."""
    await pilot.press("f5")
    phases = [
        ("contexte", 10),
        ("/c secret du client", 15),
        ("Mieux deleguer", 10),
        ("@chl planifier", 31),
        ("Appeler RH / Ana / vendredi", 15),
        ("@Ana prendre du recul", 14),
    ]
    for i, (note, minutes) in enumerate(phases):
        if i:
            await pilot.press("pagedown")
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
        assert table.row_count == 7
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        # A 95-minute script: every duration in h:mm:ss, so that the column reads alike.
        assert rows[0] == ["1. Exposé", "0:10:00", "0:10:00", "0:00:00"]
        assert rows[3] == ["4. Consultation", "0:30:00", "0:31:00", "+0:01:00"]
        assert rows[5][1:] == ["0:15:00", "0:14:00", "−0:01:00"]
        assert rows[6] == ["Total", "1:35:00", "1:35:00", "0:00:00"]
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
            "2. Questions de clarification",
            "0:15:00",
            "0:02:00",
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


# -- resuming --------------------------------------------------------------------------------


async def test_resume_brings_everything_back_and_counts_the_time_away(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await write_note(first, pilot, "avant la coupure")
        await let_time_pass(first, pilot, fake_time, 600)
        await go_to_phase(first, pilot, CONTRACT)
        await write_note(first, pilot, "Savoir dire non")
        await let_time_pass(first, pilot, fake_time, 120)
        await settle(first, pilot)
    path = first.file.path

    fake_time.advance(300)  # the room went on talking while the app was down
    notice = "Séance reprise : le temps a continué pendant l'interruption"
    app = make_app(path=path, notice=notice)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        s = app.control.session
        assert s.current == CONTRACT
        assert s.running
        assert s.contract == "Savoir dire non"
        assert [n.text for n in s.notes] == ["avant la coupure", "Savoir dire non"]
        assert app.control.countdown.elapsed() == 120 + 300
        assert clock_value(app) == "03:00"
        status = text_of(app.screen.query_one("#status", Static))
        assert status.startswith("✓ enregistré · 2 notes") and status.endswith(notice)
        assert note_lines(app) == ["✓ 09:10 contrat — Savoir dire non"]
        assert "Savoir dire non" in text_of(app.screen.query_one("#contract", Static))
        await write_note(app, pilot, "Savoir dire non, avec tact")
        await settle(app, pilot)
    on_disk = read_session(path)
    assert on_disk.reopened == 1
    assert [n.id for n in on_disk.notes] == [1, 2, 3]
    assert on_disk.contract == "Savoir dire non, avec tact"


async def test_an_ended_session_reopens_on_its_closing_screen(make_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await write_note(first, pilot, "dite")
        await pilot.press("f10")
        await settle(first, pilot)
        assert isinstance(first.screen, ClosingScreen)
    app = make_app(path=first.file.path, notice="Séance reprise après sa fin")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
        assert "dite" in screen_text(app)
        await pilot.press("pageup")  # and the session can go on
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        assert app.control.session.ended is None


# -- disk full -------------------------------------------------------------------------------


async def test_disk_full_shows_not_saved_then_recovers(make_app, disk) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "avant")
        await settle(app, pilot)
        disk.full()
        await write_note(app, pilot, "pendant la panne")
        screen = screen_of(app)
        for _ in range(60):
            await pilot.pause(0.05)
            if screen.has_class("-unsaved"):
                break
        assert screen.has_class("-unsaved")
        status = text_of(screen.query_one("#status", Static))
        assert "NON ENREGISTRÉ" in status
        assert disk.failed_writes >= 1
        note = app.control.session.notes[-1]
        assert not app.control.is_saved(note.id)
        assert note_lines(app)[-1].startswith("…")
        # More notes while the disk is full: kept, in order.
        await write_note(app, pilot, "encore")
        await pilot.pause(0.2)
        assert disk.failed_writes >= 2  # retried
        assert [n.text for n in read_session(app.file.path).notes] == ["avant"]

        disk.ok()
        for _ in range(60):
            await pilot.pause(0.05)
            if not screen.has_class("-unsaved") and all(
                line.startswith("✓") for line in note_lines(app)
            ):
                break
        assert not screen.has_class("-unsaved")
        assert [line[:1] for line in note_lines(app)] == ["✓", "✓", "✓"]
        assert "NON ENREGISTRÉ" not in text_of(screen.query_one("#status", Static))
        assert [n.text for n in read_session(app.file.path).notes] == [
            "avant",
            "pendant la panne",
            "encore",
        ]


# -- terminal sizes --------------------------------------------------------------------------

SIZES = [(40, 12), (20, 6), (300, 80), (80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_terminal_sizes(make_app, fake_time, size) -> None:  # type: ignore[no-untyped-def]
    width, height = size
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = screen_of(app)
        assert screen.has_class("-too-small") == (width < 40 or height < 12)
        assert shown(app, "#too-small") == (width < 40 or height < 12)
        await pilot.press("f5")
        await write_note(app, pilot, "note a cette taille")
        await let_time_pass(app, pilot, fake_time, 30)
        if shown(app, "#too-small"):
            assert "09:30" in strip(app, "#too-small")
            assert "09:30" in screen_text(app)
            assert "Agrandissez le" in screen_text(app)
        await pilot.press("pagedown")
        for w, h in [(30, 10), (width, height), (200, 60), (40, 12), (39, 12), (80, 24)]:
            await pilot.resize_terminal(w, h)
            await pilot.pause()
            small = w < 40 or h < 12
            assert screen.has_class("-too-small") == small, (w, h)
            assert shown(app, "#too-small") == small, (w, h)
            await let_time_pass(app, pilot, fake_time, 1)
            if small:
                assert clock_value(app) in screen_text(app)
            await pilot.press("f2")
            await pilot.press("f2")
        await write_note(app, pilot, "apres les changements de taille")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    notes = read_session(app.file.path).notes
    assert [n.text for n in notes] == ["note a cette taille", "apres les changements de taille"]


# -- the setup screen ----------------------------------------------------------------------


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


# -- English -----------------------------------------------------------------------------------


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


# -- practice ----------------------------------------------------------------------------------


def prompt_text(app) -> str:  # type: ignore[no-untyped-def]
    return text_of(screen_of(app).query_one("#practice-prompt", Static))


CLIENT_PROMPTS = [
    ["Quelle est la situation, en quelques faits ?", "Qu’est-ce qui est en jeu pour vous ?"],
    ["Qu’avez-vous déjà essayé ?"],
    ["Qu’attendez-vous précisément du groupe ?", "Avec quoi voulez-vous repartir ?"],
    ["Quelle piste voulez-vous faire préciser ?"],
    ["Que retenez-vous de la consultation ?", "Quelle sera votre première action, et quand ?"],
    ["Qu’est-ce qui vous a le plus aidé aujourd’hui ?"],
]


async def test_practice_prompts_answer_and_skip(make_practice_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_practice_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert shown(app, "#practice-prompt")
        assert prompt_text(app) == f"Pour Client › {CLIENT_PROMPTS[0][0]}"
        assert "Répétition ×10" in text_of(app.screen.query_one("#topbar", Static))
        assert clock_value(app) == "01:00"
        await pilot.press("f5")
        await write_note(app, pilot, "Une equipe de cinq, un conflit")
        assert prompt_text(app) == f"Pour Client › {CLIENT_PROMPTS[0][1]}"
        await pilot.press("f3")
        assert "Toutes les pistes" in prompt_text(app)
        await pilot.press("f3")  # nothing left to skip
        await write_note(app, pilot, "une note libre")
        await let_time_pass(app, pilot, fake_time, 30)
        assert clock_value(app) == "00:30"
        assert "séance réelle 05:00" in clock_state(app)
        await settle(app, pilot)
    s = read_session(app.file.path)
    assert [(n.prompt, n.text) for n in s.notes] == [
        (CLIENT_PROMPTS[0][0], "Une equipe de cinq, un conflit"),
        ("", "une note libre"),
    ]
    assert s.skipped == [("expose", CLIENT_PROMPTS[0][1])]


async def test_practice_rehearses_the_whole_script(make_practice_app, fake_time) -> None:  # type: ignore[no-untyped-def]
    app = make_practice_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        minutes = [p.minutes for p in app.control.session.script.phases]
        for index, prompts in enumerate(CLIENT_PROMPTS):
            assert app.control.session.current == index
            assert app.control.countdown.planned == minutes[index] * 60 / 10
            assert prompt_text(app) == f"Pour Client › {prompts[0]}"
            await write_note(app, pilot, f"reponse {index + 1}")
            if len(prompts) > 1:
                await pilot.press("f3")
            assert "Toutes les pistes" in prompt_text(app)
            await let_time_pass(app, pilot, fake_time, 60)
            assert app.control.countdown.remaining() == minutes[index] * 6 - 60
            await pilot.press("pagedown")
        await settle(app, pilot)
        assert isinstance(app.screen, ClosingScreen)
    s = read_session(app.file.path)
    assert s.practice and s.speed == 10 and s.practice_role == "client"
    assert [(n.phase, n.prompt, n.text) for n in s.notes] == [
        (phase.id, prompts[0], f"reponse {i + 1}")
        for i, (phase, prompts) in enumerate(zip(s.script.phases, CLIENT_PROMPTS, strict=True))
    ]
    assert s.skipped == [
        (phase.id, prompts[1])
        for phase, prompts in zip(s.script.phases, CLIENT_PROMPTS, strict=True)
        if len(prompts) > 1
    ]
    assert s.ended is not None
    assert [round(s.elapsed(i)) for i in range(6)] == [60] * 6


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
        assert str(table.get_row_at(0)[3]) == "0:00:00"


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


# -- the big countdown -----------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_overtime_stays_in_big_digits(make_app, fake_time, size) -> None:  # type: ignore[no-untyped-def]
    """Running over is when the room most needs to read the clock: it must not shrink to text."""
    from codev_tui.ui.widgets.bigclock import render_big

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        clock = screen_of(app).query_one(BigClock)
        width, height = clock.content_size
        on_time = render_big(clock_value(app), width, height)
        await let_time_pass(app, pilot, fake_time, 10 * 60 + 5)
        assert clock_value(app) == "+00:05"
        over = render_big(clock_value(app), width, height)
        assert len(over) >= 5 and "█" in over[0] + over[1]
        assert len(over) * 2 >= len(on_time)  # at most half as high as on time
