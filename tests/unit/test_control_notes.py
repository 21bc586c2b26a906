"""SessionControl without a screen: what is captured (kinds, authors, prefixes, the
contract, actions, learnings), when it is saved, and corrections."""

from __future__ import annotations

import pytest

from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.notes import PASTED_NEWLINE
from codev_tui.core.store import read_session
from tests.unit.desk import CONSULTATION, CONTRACT, LEARNINGS, SYNTHESIS, Desk

# -- capture ------------------------------------------------------------------------------------


def test_a_note_takes_the_kind_of_its_phase(desk: Desk) -> None:
    c = desk.control
    c.capture("simple")
    c.go_to(CONTRACT)
    c.capture("Savoir dire non")
    c.go_to(CONSULTATION)
    c.capture("deleguer")
    c.go_to(SYNTHESIS)
    c.capture("Appeler RH")
    c.go_to(LEARNINGS)
    c.capture("écouter")
    assert desk.notes("phase", "kind") == [
        ("expose", "note"),
        ("contrat", "contract"),
        ("consultation", "suggestion"),
        ("synthese", "action"),
        ("apprentissages", "learning"),
    ]
    assert [(e["phase"], e["kind"]) for e in desk.on_disk("note")] == desk.notes("phase", "kind")


def test_prefixes_give_the_kind_the_author_and_confidentiality(desk: Desk) -> None:
    for line in (
        "/q @bru pourquoi ?",
        "/c /h @chl une hypothese",
        "@ana /s essayer autre chose",
        "// /q pas un prefixe",
        "@Zoe inconnue",
        "simple",
    ):
        desk.control.capture(line)
    got = desk.notes("kind", "author", "confidential", "text")
    assert got == [
        ("question", "Bruno", False, "pourquoi ?"),
        ("hypothesis", "Chloé", True, "une hypothese"),
        ("suggestion", "Ana", False, "essayer autre chose"),
        ("note", "", False, "/q pas un prefixe"),
        ("note", "Zoe", False, "inconnue"),
        ("note", "", False, "simple"),
    ]
    assert all(n.phase == "expose" for n in desk.session.notes)
    on_disk = read_session(desk.path).notes
    assert [(n.kind, n.author, n.confidential, n.text) for n in on_disk] == got


@pytest.mark.parametrize("line", ["", "   ", "/q @bru", "/c", "//"])
def test_a_line_without_text_saves_nothing(desk: Desk, line: str) -> None:
    assert not desk.control.has_text(line)
    assert desk.control.capture(line) is None
    assert desk.session.notes == []
    assert desk.on_disk("note") == []
    assert desk.control.unsaved == 0


def test_pasted_line_breaks_are_saved_as_line_breaks(desk: Desk) -> None:
    desk.control.capture(f"a{PASTED_NEWLINE}b")
    assert desk.notes("text") == [("a\nb",)]


@pytest.mark.parametrize(
    "text",
    ["[bold]gras ?[/bold]", "[/]", "[@click=app.quit]x", "rouge \x1b[31m ici", "bravo 🎉👍🏽"],
)
def test_markup_control_characters_and_emoji_are_saved_as_typed(desk: Desk, text: str) -> None:
    desk.control.capture(text)
    assert [n.text for n in read_session(desk.path).notes] == [text]


def test_a_5000_character_note_is_saved_whole(desk: Desk) -> None:
    text = ("Une très longue note, sans fin. " * 200)[:4999] + "!"
    desk.control.capture(text)
    desk.control.capture("et ensuite")
    assert [n.text for n in read_session(desk.path).notes] == [text, "et ensuite"]


def test_a_note_for_another_phase_takes_that_phases_kind(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONSULTATION)
    c.capture("/p2 Le contrat, oublié")
    c.capture("/p2 /q une question sur le contrat")
    assert desk.notes("phase", "kind") == [("contrat", "contract"), ("contrat", "question")]
    assert desk.session.contract == "Le contrat, oublié"


def test_the_contract_is_the_last_contract_note(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONTRACT)
    c.capture("Trouver comment parler a Marc")
    c.capture("Comment dire non a Marc sans casser la relation")
    c.go_to(CONSULTATION)
    assert desk.session.contract == "Comment dire non a Marc sans casser la relation"
    assert read_session(desk.path).contract == desk.session.contract
    # The contract is a note of its kind: each version typed is one.
    assert [e["text"] for e in desk.on_disk("note") if e["kind"] == "contract"] == [
        "Trouver comment parler a Marc",
        "Comment dire non a Marc sans casser la relation",
    ]


def test_synthesis_lines_become_action_items(desk: Desk) -> None:
    desk.control.go_to(SYNTHESIS)
    desk.control.capture("Appeler RH / Ana / vendredi")
    desk.control.capture("Relire le contrat")
    actions = read_session(desk.path).actions
    assert [(a.what, a.who, a.due) for a in actions] == [
        ("Appeler RH", "Ana", "vendredi"),
        ("Relire le contrat", "", ""),
    ]


def test_a_confidential_action_or_learning_stays_out_of_the_minutes(desk: Desk) -> None:
    c = desk.control
    c.go_to(SYNTHESIS)
    c.capture("/c Parler à RH / Ana / lundi")
    c.capture("Relire le contrat / Ana")
    c.capture(" / / ")  # no action in it: a note, not an empty action
    c.capture("Appeler Bruno / Ana")  # marked confidential afterwards
    c.set_confidential(desk.session.notes[-1], True)
    c.go_to(LEARNINGS)
    c.capture("/c @Bruno ma peur du conflit")
    session = read_session(desk.path)
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


def test_learnings_belong_to_a_person(desk: Desk) -> None:
    desk.control.go_to(LEARNINGS)
    desk.control.capture("@Bruno j'ai appris")
    desk.control.capture("@dri ecouter avant de proposer")
    learnings = read_session(desk.path).learnings
    assert [(x.who, x.what) for x in learnings] == [
        ("Bruno", "j'ai appris"),
        ("Driss", "ecouter avant de proposer"),
    ]


def test_a_note_is_saved_only_once_it_is_on_disk(desk: Desk) -> None:
    c = desk.control
    desk.holding = True
    event = c.capture("en attente")
    assert event is not None and event.note_id is not None
    assert desk.notes("text") == [("en attente",)]  # shown at once
    assert not c.is_saved(event.note_id) and c.unsaved == 1
    c.failed("disque plein")
    assert c.save_error == "disque plein"
    c.capture("encore")
    assert c.unsaved == 2
    desk.release()
    assert c.is_saved(event.note_id) and c.unsaved == 0
    assert c.save_error == ""  # everything is on disk again
    assert [n.text for n in read_session(desk.path).notes] == ["en attente", "encore"]


def test_a_deletion_on_its_way_is_known(desk: Desk) -> None:
    c = desk.control
    event = c.capture("à retirer")
    assert event is not None and event.note_id is not None
    desk.holding = True
    c.delete(event.note_id)
    assert c.deleting and desk.session.notes == []
    desk.release()
    assert not c.deleting


# -- corrections --------------------------------------------------------------------------------


def test_a_correction_saves_only_what_changed(desk: Desk) -> None:
    c = desk.control
    event = c.capture("/q @bru pourquoi ?")
    assert event is not None and event.note_id is not None
    note = desk.session.note(event.note_id)
    assert note is not None
    assert c.correction_line(note) == "/q @Bruno pourquoi ?"
    assert c.correct(note.id, "/q @Bruno pourquoi ?") is None  # nothing changed
    assert c.correct(note.id, "   ") is None  # an empty text is no correction
    c.correct(note.id, "/q @chl pourquoi donc ?")
    assert [
        {k: v for k, v in e.items() if k in ("author", "text")} for e in desk.on_disk("edit")
    ] == [{"author": "Chloé", "text": "pourquoi donc ?"}]
    c.correct(note.id, "pourquoi donc ?")  # no @name: no author; no kind token: the kind stays
    assert desk.notes("kind", "author", "text") == [("question", "", "pourquoi donc ?")]


def test_a_contract_moved_to_another_phase_takes_its_kind(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONTRACT)
    event = c.capture("Le contrat")
    assert event is not None and event.note_id is not None
    note = desk.session.note(event.note_id)
    assert note is not None
    assert c.correction_line(note, here="consultation") == "/p2 Le contrat"
    c.correct(note.id, "/p3 Le contrat")
    assert desk.notes("phase", "kind") == [("consultation", "suggestion")]
    assert desk.session.contract == ""


def test_undo_puts_back_the_last_correction_then_the_deletion(desk: Desk) -> None:
    c = desk.control
    first = c.capture("premiere")
    second = c.capture("deuxieme")
    assert first is not None and second is not None
    assert first.note_id is not None and second.note_id is not None
    c.delete(first.note_id)
    c.correct(second.note_id, "/c deuxieme corrigee")
    c.undo()
    assert desk.notes("id", "text", "confidential") == [(second.note_id, "deuxieme", False)]
    c.undo()
    assert desk.notes("id", "text") == [(first.note_id, "premiere"), (second.note_id, "deuxieme")]
    assert c.undo() is None
    assert [n.text for n in read_session(desk.path).notes] == ["premiere", "deuxieme"]
