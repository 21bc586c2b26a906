"""The prefix syntax of the notes input."""

from __future__ import annotations

import pytest

from codev_tui.core.notes import PASTED_NEWLINE, complete_name, parse_note, split_action

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
