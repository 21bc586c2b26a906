"""The prefix syntax of the notes input."""

from __future__ import annotations

import pytest

from codev_tui.core.notes import (
    PASTED_NEWLINE,
    complete_name,
    note_line,
    parse_note,
    split_action,
    split_people,
    split_score,
)

NAMES = ["Ana", "Bruno", "Chloé", "Marie Dupont", "Marc"]


@pytest.mark.parametrize(
    ("raw", "kind", "author", "confidential", "text"),
    [
        ("une idée", "note", "", False, "une idée"),
        ("/q pourquoi ?", "question", "", False, "pourquoi ?"),
        ("@bru /h il a peur", "hypothesis", "Bruno", False, "il a peur"),
        ("/s @Chloé /c essayer", "suggestion", "Chloé", True, "essayer"),
        ('@"Marie Dupont" merci', "note", "Marie Dupont", False, "merci"),
        ("@Ma ambigu", "note", "Ma", False, "ambigu"),
        ("// /q reste du texte", "note", "", False, "/q reste du texte"),
        ("/x inconnu", "note", "", False, "/x inconnu"),
        ("[bold] @Ana", "note", "", False, "[bold] @Ana"),
        (f"ligne 1{PASTED_NEWLINE}ligne 2", "note", "", False, "ligne 1\nligne 2"),
        ("/q", "question", "", False, ""),
    ],
)
def test_prefixes(raw: str, kind: str, author: str, confidential: bool, text: str) -> None:
    parsed = parse_note(raw, "note", NAMES)
    assert (parsed.kind, parsed.author, parsed.confidential, parsed.text) == (
        kind,
        author,
        confidential,
        text,
    )


def test_name_completion_is_case_insensitive_and_unique() -> None:
    assert complete_name("chl", NAMES) == "Chloé"
    assert complete_name("mar", NAMES) == "mar"
    assert complete_name("marc", NAMES) == "Marc"


def test_action_items() -> None:
    assert split_action("Appeler la RH / Ana / vendredi") == ("Appeler la RH", "Ana", "vendredi")
    assert split_action("Relire le contrat") == ("Relire le contrat", "", "")
    assert split_action("a/b sans espaces / Bruno") == ("a/b sans espaces", "Bruno", "")


def test_evaluation_and_phase_tokens() -> None:
    parsed = parse_note("/e 4 rythme bon", "note", NAMES, phases=6)
    assert (parsed.kind, parsed.text) == ("evaluation", "4 rythme bon")
    parsed = parse_note("/p2 /q @Ana oubliée", "note", NAMES, phases=6)
    assert (parsed.phase, parsed.kind, parsed.author, parsed.text) == (
        2,
        "question",
        "Ana",
        "oubliée",
    )
    assert parse_note("/p7 hors du script", "note", NAMES, phases=6).text == "/p7 hors du script"
    assert parse_note("/p2 sans script", "note", NAMES).phase is None


@pytest.mark.parametrize(
    ("text", "score", "comment"),
    [
        ("4 rythme bon, clarification un peu longue", 4, "rythme bon, clarification un peu longue"),
        ("5", 5, ""),
        ("4/5 bien", 4, "bien"),
        ("10 minutes de trop", None, "10 minutes de trop"),
        ("6 sur 10", None, "6 sur 10"),
        ("un commentaire", None, "un commentaire"),
    ],
)
def test_an_evaluation_may_start_with_a_score(text: str, score: int | None, comment: str) -> None:
    assert split_score(text) == (score, comment)


def test_who_does_an_action_is_completed_like_an_author() -> None:
    names = ["Sophie Marchand", "Aïcha Benali", "Marc", "Marie Dupont"]
    assert split_people("Sophie", names) == ("Sophie Marchand",)
    assert split_people("sophie + Aïcha", names) == ("Sophie Marchand", "Aïcha Benali")
    assert split_people("Marc et Marie", names) == ("Marc", "Marie Dupont")
    assert split_people("la RH", names) == ("la RH",)
    assert split_people("", names) == ()


@pytest.mark.parametrize(
    ("text", "kind", "author", "confidential", "phase"),
    [
        ("simple", "note", "", False, None),
        ("avec @ et / dedans", "question", "Ana", False, None),
        ("/q commence par un slash", "suggestion", "Marie Dupont", True, 3),
        ("@Ana commence par un nom", "contract", "", False, None),
        (" espace devant", "evaluation", "", False, None),
        ("ligne 1\nligne 2", "learning", "Jean-Baptiste O'Neil", False, None),
    ],
)
def test_a_note_line_reads_back_as_the_same_note(
    text: str, kind: str, author: str, confidential: bool, phase: int | None
) -> None:
    line = note_line(text, kind, author, confidential, phase)
    assert "\n" not in line
    parsed = parse_note(line, "contract", NAMES, phases=6)
    assert (parsed.text, parsed.kind, parsed.confidential, parsed.phase) == (
        text.strip(),
        kind,
        confidential,
        phase,
    )
    assert parsed.author == author
