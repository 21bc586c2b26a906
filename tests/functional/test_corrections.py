"""Correcting a saved note, deleting it for good, undoing: on the facilitation screen and the
closing screen, driven with Pilot, checked on the session and on the raw bytes on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from codev_tui.core.store import read_session
from codev_tui.ui.screens.closing import ClosingScreen
from codev_tui.ui.screens.dialogs import ConfirmScreen
from codev_tui.ui.widgets.notes_list import NotesList
from tests.functional.conftest import (
    CONSULTATION,
    CONTRACT,
    disk_events,
    events_of,
    go_to_phase,
    note_input,
    note_lines,
    screen_of,
    settle,
    text_of,
    write_note,
)


def notes_list(app) -> NotesList:  # type: ignore[no-untyped-def]
    return screen_of(app).query_one(NotesList)


def folder_bytes(folder: Path) -> bytes:
    """Every byte of every file in the session folder, hidden and side files included."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


async def test_up_in_the_empty_input_selects_the_latest_note(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for text in ("un", "deux", "trois"):
            await write_note(app, pilot, text)
        await pilot.press("up")
        notes = notes_list(app)
        screen = screen_of(app)
        assert screen.choosing and note_input(app).has_focus  # typing never leaves the input
        assert app.control.session.note(notes.note_id()).text == "trois"
        await pilot.press("up", "up", "up")  # no wrapping past the first note
        assert app.control.session.note(notes.note_id()).text == "un"
        await pilot.press("down")
        assert app.control.session.note(notes.note_id()).text == "deux"
        assert "Entrée corriger" in text_of(app.screen.query_one("#status", Static))
        await pilot.press("escape")
        assert not screen.choosing and note_input(app).has_focus
        await pilot.press("up", "down")  # Down past the latest note: back to typing
        assert not screen.choosing


async def test_up_with_text_in_the_input_stays_in_the_input(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "un")
        await pilot.press(*"abc", "up")
        assert note_input(app).has_focus and note_input(app).value == "abc"


async def test_a_note_is_corrected_by_editing_its_line(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "/q @Bruno pourquoi pas ?")
        await pilot.press("up", "enter")
        entry = note_input(app)
        assert entry.has_focus
        assert entry.value == "/q @Bruno pourquoi pas ?"  # the prefixes come back with it
        entry.value = "/s /c @Chl Et si tu déléguais ?"
        await pilot.press("enter")
        await settle(app, pilot)
        (note,) = app.control.session.notes
        assert (note.kind, note.author, note.confidential, note.text) == (
            "suggestion",
            "Chloé",
            True,
            "Et si tu déléguais ?",
        )
        assert note_lines(app)[-1].startswith("✓")  # on disk: the ✓ means the same as for a note
        assert "Et si tu déléguais ?" in note_lines(app)[-1]
        assert "pourquoi pas" not in "".join(note_lines(app))
    (edit,) = events_of(app.file.path, "edit")
    assert edit["note"] == note.id
    assert {k for k in edit if k not in ("seq", "t", "type", "crc")} == {
        "note",
        "text",
        "kind",
        "author",
        "confidential",
    }
    on_disk = read_session(app.file.path)
    assert [(n.kind, n.author, n.text) for n in on_disk.notes] == [
        ("suggestion", "Chloé", "Et si tu déléguais ?")
    ]


async def test_a_name_with_spaces_comes_back_quoted(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, '/s @"Jean-Baptiste Roux" texte')
        await pilot.press("up", "enter")
        assert note_input(app).value == '/s @"Jean-Baptiste Roux" texte'


async def test_escape_leaves_a_correction_unchanged(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "intact")
        await pilot.press("up", "enter")
        note_input(app).value = "changé"
        await pilot.press("escape")
        assert note_input(app).value == ""
        await write_note(app, pilot, "suivante")
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["intact", "suivante"]
    assert events_of(app.file.path, "edit") == []


async def test_correcting_the_contract_corrects_the_pinned_contract(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_phase(app, pilot, CONTRACT)
        await write_note(app, pilot, "Comment dire non ?")
        await pilot.press("up", "enter")
        note_input(app).value = "Comment dire non à mon chef ?"
        await pilot.press("enter")
        assert app.control.session.contract == "Comment dire non à mon chef ?"
        assert "à mon chef" in text_of(app.screen.query_one("#contract", Static))


async def test_delete_asks_then_leaves_no_trace_on_disk(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "garde")
        await write_note(app, pilot, "secret-QX71 à retirer")
        await write_note(app, pilot, "/c autre")
        await settle(app, pilot)
        # A correction first: the deleted text lives in two events, both must go.
        await pilot.press("up", "up", "enter")
        note_input(app).value = "secret-QX71 corrigé"
        await pilot.press("enter")
        await settle(app, pilot)
        folder = app.file.path.parent
        assert b"secret-QX71" in folder_bytes(folder)
        await pilot.press("up", "up", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # kept
        assert not isinstance(app.screen, ConfirmScreen)
        assert len(app.control.session.notes) == 3
        await pilot.press("delete", "enter")  # confirmed
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["garde", "autre"]
        assert "secret-QX71" not in "".join(note_lines(app))
        assert "supprimée" in text_of(app.screen.query_one("#status", Static))
        assert b"secret-QX71" not in folder_bytes(folder)  # nowhere: no file, no side file
        kinds = [e["type"] for e in disk_events(app.file.path)]
        assert kinds.count("tombstone") == 2 and kinds[-1] == "delete"
        await write_note(app, pilot, "après", typed=True)  # typed in the list: to the input
        await settle(app, pilot)
    on_disk = read_session(app.file.path)
    assert [n.text for n in on_disk.notes] == ["garde", "autre", "après"]
    assert [n.id for n in on_disk.notes] == [1, 3, 4]


async def test_emptying_the_line_asks_to_delete(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "à vider")
        await pilot.press("up", "enter")
        note_input(app).value = ""
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert app.control.session.notes == []


async def test_ctrl_z_undoes_the_last_correction_then_the_deletion(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "/q première")
        await write_note(app, pilot, "seconde")
        await pilot.press("up", "up", "enter")
        note_input(app).value = "/s première corrigée"
        await pilot.press("enter")
        await pilot.press("up", "delete", "enter")  # deletes "seconde"
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["première corrigée"]
        await pilot.press("ctrl+z")  # the deletion
        assert [n.text for n in app.control.session.notes] == ["première corrigée", "seconde"]
        await pilot.press("ctrl+z")  # the correction
        assert [(n.kind, n.text) for n in app.control.session.notes] == [
            ("question", "première"),
            ("note", "seconde"),
        ]
        assert [line.split(" — ")[-1].rstrip(" ✎") for line in note_lines(app)] == [
            "première",
            "seconde",
        ]
        await settle(app, pilot)
    on_disk = read_session(app.file.path)
    assert [(n.id, n.kind, n.text) for n in on_disk.notes] == [
        (1, "question", "première"),
        (2, "note", "seconde"),
    ]


async def test_printable_keys_typed_elsewhere_go_to_the_notes_input(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "une")
        await pilot.press("up")  # a note is chosen
        await pilot.press(*"deux", "enter")  # typing again
        await pilot.press("shift+tab")  # the focus leaves the input
        assert not note_input(app).has_focus
        await pilot.press(*"trois", "enter")
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["une", "deux", "trois"]


async def test_f6_after_the_last_consultant_starts_round_2(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        while app.control.session.current < CONSULTATION:
            await pilot.press("pagedown")
        for _ in range(4):  # Bruno, Chloé, Driss, then Bruno again
            await pilot.press("f6")
        s = app.control.session
        assert s.speaker == "Bruno" and s.round_number == 2
        assert "tour 2" in text_of(app.screen.query_one("#round", Static))
        await write_note(app, pilot, "au second tour")
        assert s.notes[-1].author == "Bruno"


async def test_the_closing_screen_corrects_deletes_and_undoes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "/q à corriger")
        await write_note(app, pilot, "à supprimer-ZZ9")
        await write_note(app, pilot, "à garder")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        review = app.screen.query_one(NotesList)
        assert review.has_focus
        await pilot.press("enter")  # the first note, "à corriger": the review starts there
        entry = app.screen.query_one("#note-input")
        assert entry.has_focus and entry.value == "/q à corriger"
        entry.value = "/h corrigée"
        await pilot.press("enter")
        assert app.control.session.notes[0].kind == "hypothesis"
        assert review.has_focus
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["corrigée", "à garder"]
        assert b"ZZ9" not in folder_bytes(app.file.path.parent)
        await pilot.press("ctrl+z")
        texts = [n.text for n in app.control.session.notes]
        assert texts == ["corrigée", "à supprimer-ZZ9", "à garder"]
        assert "3 notes" in text_of(app.screen.query_one("#counts", Static))
        await pilot.press("space")
        assert app.control.session.notes[1].confidential
        await pilot.press("ctrl+z")
        assert not app.control.session.notes[1].confidential


async def test_a_save_error_when_writing_the_minutes_is_shown_not_raised(make_app, disk) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "une note")
        await settle(app, pilot)
        await pilot.press("f10")
        await pilot.pause()
        disk.full()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        assert "⚠" in text_of(app.screen.query_one("#status", Static))
        assert app.screen.has_class("-export-failed")
        disk.ok()
        await pilot.press("f3")
        await pilot.pause()
        assert not app.screen.has_class("-export-failed")


async def test_a_session_the_setup_screen_cannot_create_is_said_on_the_form(
    tmp_path, fake_time
) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from codev_tui import locations
    from codev_tui.core.session import Roster
    from codev_tui.ui.app import CodevApp, SetupRequest
    from codev_tui.ui.screens.facilitation import FacilitationScreen
    from codev_tui.ui.screens.setup import SetupScreen

    blocked = tmp_path / "not-a-folder"  # the data folder cannot be made (root ignores modes)
    blocked.write_text("a file where the folder should be")
    roster = Roster(topic="Dire non", client="Ana", consultants=["Bruno"])
    app = CodevApp(
        setup=SetupRequest(blocked / "sessions", locations.bundled_scripts(), "classic", roster),
        clock=fake_time.monotonic,
        wall=fake_time.wall,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen) and app.is_running
        error = text_of(screen.query_one("#setup-error", Static))
        assert error.startswith("La séance n'a pas pu être créée")
        assert screen.query_one("#topic", Input).value == "Dire non"  # still filled in
        blocked.unlink()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, FacilitationScreen)


async def test_up_in_projector_mode_leaves_the_hidden_notes_alone(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "cachée")
        await pilot.press("f2", "up")
        assert note_input(app).has_focus and not screen_of(app).choosing
        await pilot.press(*"suite", "enter")
        assert [n.text for n in app.control.session.notes] == ["cachée", "suite"]


async def test_keys_typed_in_a_burst_after_choosing_a_note_all_arrive_in_order(make_app) -> None:  # type: ignore[no-untyped-def]
    """A fast typist (or a paste sent as keys) right after Up: nothing lost, nothing reordered."""
    from tests.functional.conftest import type_fast

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "une")
        type_fast(app, ["up", *"Elle a deux enfants", "enter", "up", "escape", *"ok", "enter"])
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["une", "Elle a deux enfants", "ok"]


async def test_a_paste_while_choosing_a_note_is_typing(make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.functional.conftest import paste

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "une")
        await pilot.press("up")
        await paste(app, pilot, "collée\nentière")
        await pilot.press("enter")
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes] == ["une", "collée\nentière"]


async def minutes_of_two_notes(app, pilot) -> Path:  # type: ignore[no-untyped-def]
    """Two notes taken, the closing screen, F3: the minutes written beside the session."""
    from codev_tui.core.store import default_minutes_path

    await write_note(app, pilot, "alpha-KX5 texte retiré")
    await write_note(app, pilot, "beta reste")
    await pilot.press("f10")
    await pilot.pause()
    await pilot.press("f3")
    await settle(app, pilot)
    minutes = default_minutes_path(app.file.path)
    assert "alpha-KX5" in minutes.read_text(encoding="utf-8")
    return minutes


async def test_deleting_after_writing_the_minutes_removes_them(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        minutes = await minutes_of_two_notes(app, pilot)
        await pilot.press("home", "delete", "enter")
        await settle(app, pilot)
        # The minutes may show the note in many forms (anonymized, split into a table...):
        # they go with it, and the status line says so.
        assert b"alpha-KX5" not in folder_bytes(app.file.path.parent)
        assert not minutes.exists()
        status = text_of(app.screen.query_one("#status", Static))
        assert "F3 pour le récrire" in status
        assert status.count("F3") == 1  # said once: not also "changed since the minutes"
        await pilot.press("f3")
        await settle(app, pilot)
        text = minutes.read_text(encoding="utf-8")
        assert "beta reste" in text and "alpha-KX5" not in text


async def test_a_long_phase_shows_its_latest_notes_and_the_older_ones_on_demand(make_app) -> None:  # type: ignore[no-untyped-def]
    """A phase of hundreds of notes opens fast: the latest are laid out, the rest on Enter."""
    from codev_tui.ui.widgets.notes_list import MORE

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for n in range(NotesList.WINDOW * 2 + 5):
            app.control.capture(f"note {n}")
        screen_of(app).refresh_notes()
        await settle(app, pilot)
        notes = notes_list(app)
        assert notes.option_count == NotesList.WINDOW + 1  # the latest, and the older ones' line
        assert notes.get_option_at_index(0).id == MORE
        assert str(notes.get_option_at_index(0).prompt).startswith(
            f"↑ {NotesList.WINDOW + 5} notes plus anciennes"
        )
        await pilot.press("up", *["up"] * NotesList.WINDOW)  # chosen: up to the older ones' line
        assert notes.highlighted == 0
        await pilot.press("enter")
        assert notes.option_count == 2 * NotesList.WINDOW + 1
        assert app.control.session.note(notes.note_id()).text == f"note {NotesList.WINDOW + 4}"
        await pilot.press("enter")  # the note is corrected as usual
        assert note_input(app).value == f"/n note {NotesList.WINDOW + 4}"


async def test_a_note_for_another_phase_takes_that_phases_kind(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_phase(app, pilot, CONTRACT)
        await write_note(app, pilot, "Le contrat")
        await write_note(app, pilot, "/p3 une idée pour la consultation")
        s = app.control.session
        assert [(n.phase, n.kind) for n in s.notes] == [
            ("contrat", "contract"),
            ("consultation", "suggestion"),
        ]
        assert s.contract == "Le contrat"
        # A contract note moved to the consultation with /p3 becomes a suggestion there.
        await pilot.press("up", "up", "enter")
        assert note_input(app).value == "Le contrat"
        note_input(app).value = "/p3 Le contrat"
        await pilot.press("enter")
        assert [(n.phase, n.kind) for n in s.notes][0] == ("consultation", "suggestion")
        assert s.contract == ""


async def test_back_from_the_closing_screen_the_list_shows_its_corrections(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "à retirer-CL7")
        await write_note(app, pilot, "reste")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("delete", "enter")  # the first note, on the closing screen
        await pilot.press("pageup")
        await settle(app, pilot)
        assert not any("CL7" in line for line in note_lines(app))


async def test_a_click_on_a_note_never_wipes_what_is_being_typed(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "une note")
        await pilot.press(*"en cours")
        await pilot.click(NotesList, offset=(5, 0))
        await pilot.pause()
        assert note_input(app).value == "en cours" and screen_of(app).editing is None
        assert "la note en cours" in text_of(app.screen.query_one("#status", Static))


async def test_keys_typed_right_after_enter_on_a_note_go_after_its_line(make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.functional.conftest import type_fast

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "/q première")
        type_fast(app, ["up", "enter", *" ajout", "enter"])
        await settle(app, pilot)
        assert [(n.kind, n.text) for n in app.control.session.notes] == [
            ("question", "première ajout")
        ]


async def test_enter_typed_fast_after_delete_starts_no_correction(make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.functional.conftest import type_fast

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "gardée")
        type_fast(app, ["up", "delete", "enter"])
        await pilot.pause()
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):  # the question is still asked: keep it
            await pilot.press("escape")
        assert screen_of(app).editing is None
        await write_note(app, pilot, "suivante", typed=True)
        await settle(app, pilot)
        assert [n.text for n in app.control.session.notes][-1] == "suivante"


async def test_choosing_ends_with_projector_mode_and_a_too_small_terminal(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "une note")
        await pilot.press("up")
        assert screen_of(app).choosing
        await pilot.press("f2")
        assert not screen_of(app).choosing
        await pilot.press("f2", "up")
        assert screen_of(app).choosing
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert not screen_of(app).choosing


async def test_strips_stay_hidden_in_a_too_small_terminal(make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.functional.conftest import shown

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_phase(app, pilot, CONSULTATION)
        await write_note(app, pilot, "une note")
        assert shown(app, "#contract") and shown(app, "#round")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert not shown(app, "#contract") and not shown(app, "#round")
        assert shown(app, "#too-small")


async def test_f3_while_a_deletion_is_on_its_way_waits_for_it(make_app, disk) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        minutes = await minutes_of_two_notes(app, pilot)
        disk.hold()
        await pilot.press("home", "delete", "enter")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        # Minutes written now would be removed by the deletion once it reaches the disk.
        assert "F3 de nouveau" in text_of(app.screen.query_one("#status", Static))
        disk.release()
        await settle(app, pilot)
        assert not minutes.exists()
        await pilot.press("f3")
        await settle(app, pilot)
        text = minutes.read_text(encoding="utf-8")
        assert "beta reste" in text and "alpha-KX5" not in text


async def test_after_a_deletion_on_the_closing_screen_the_next_note_is_highlighted(
    make_app,
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for text in ("un", "deux", "trois"):
            await write_note(app, pilot, text)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("down", "delete", "enter")  # "deux"
        await settle(app, pilot)
        # The keys act at once on the note now under the highlight: Space on "trois".
        await pilot.press("space")
        assert [n.confidential for n in app.control.session.notes] == [False, True]


async def test_the_closing_status_line_shows_its_keys_again_after_an_action(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await write_note(app, pilot, "un")
        await write_note(app, pilot, "deux")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("delete", "enter")
        await settle(app, pilot)
        assert "Ctrl+Z la rétablit" in text_of(app.screen.query_one("#status", Static))
        await pilot.press("space")  # Ctrl+Z would now undo this, not the deletion
        await settle(app, pilot)
        status = text_of(app.screen.query_one("#status", Static))
        assert "Ctrl+Z la rétablit" not in status and "Suppr supprimer" in status
