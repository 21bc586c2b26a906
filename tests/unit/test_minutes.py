"""The Markdown minutes, read back with a real CommonMark parser (markdown-it-py).

Sessions are written with the real store (SessionFile) on a fake wall clock, read back with
read_session, rendered, and parsed: what shows where, each item once, the round of the table,
the timing, the evaluation, confidentiality, and the golden file.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import load_script
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from tests.unit.minutes_kit import (
    CLIENT,
    CONSULTANTS,
    FACILITATOR,
    GOLDEN,
    OUTSIDER,
    FakeClock,
    Writer,
    full_session,
    parse,
    roster,
)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return full_session(tmp_path / "sessions")


@pytest.fixture
def utc_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_french_structure(session_path: Path) -> None:
    session = read_session(session_path)
    doc = parse(render_minutes(session))
    assert doc.headings()[:5] == [
        (1, "Gérer un conflit dans l'équipe"),
        (2, "Participants"),
        (2, "Sujet"),
        (2, "Contrat"),
        (2, "Déroulé"),
    ]
    level2 = [text for level, text in doc.headings() if level == 2]
    assert level2 == [
        "Participants",
        "Sujet",
        "Contrat",
        "Déroulé",
        "Plan d'action",
        "Apprentissages",
        "Évaluation",
        "Tour de table",
        "Minutage",
    ]
    level3 = [text for level, text in doc.headings() if level == 3]
    assert level3 == [
        "1. Exposé",
        "2. Questions de clarification",
        "3. Consultation",
        "4. Conclusion",
        CLIENT,
        CONSULTANTS[0],  # learnings, per person
    ]
    local = session.created.astimezone()
    assert f"Date : {local.day} novembre {local.year}" in doc.inlines
    assert "Groupe : Les Lilas" in doc.inlines
    assert "Format : Test — quatre phases" in doc.inlines
    assert doc.table_after("Participants") == [
        ["Rôle", "Nom"],
        ["Client", CLIENT],
        ["Consultant", CONSULTANTS[0]],
        ["Consultant", CONSULTANTS[1]],
        ["Facilitateur", FACILITATOR],
        ["Participant", OUTSIDER],  # wrote notes without being on the roster
    ]
    assert doc.section("Sujet") == ["Gérer un conflit dans l'équipe"]
    assert doc.section("Contrat") == ["Comment dire non à mon **directeur** ?"]
    # Notes, grouped by kind with translated headings, confidential ones left out.
    assert doc.section("1. Exposé") == ["Notes", "Le client *hésite* | depuis `mars`"]
    assert doc.section("2. Questions de clarification") == [
        "Questions",
        f"Qui décide ? — {CONSULTANTS[0]}",
        f"Qui paie la formation ? — {CONSULTANTS[1]}",
        f"Le directeur connaît-il le projet ? — {CONSULTANTS[1]}",
        "Notes",
        "Plus vraiment secret",
        "Voir aussi : Contrat.",  # the contract was typed in this phase
    ]
    # The round of the table, as it was spoken.
    assert doc.section("3. Consultation") == [
        f"{FACILITATOR} — Note : Une idée par tour, s'il vous plaît",
        "Tour 1",
        f"{CONSULTANTS[0]} — Suggestion : Essayer DESC",
        f"{CONSULTANTS[1]} — Hypothèse : Le directeur a peur de perdre la main",
        f"{CONSULTANTS[1]} — Témoignage : J'ai vécu la même chose l'an dernier",
        "Tour 2",
        f"{CONSULTANTS[0]} — a passé son tour",
        f"{CONSULTANTS[1]} — Suggestion : Proposer un essai d'un mois",
    ]
    # Everything typed in the conclusion shows in its own section.
    assert doc.section("4. Conclusion") == ["Voir : Plan d'action, Apprentissages, Évaluation."]
    assert doc.table_after("Plan d'action") == [
        ["Quoi", "Qui", "Pour quand"],
        ["Rencontrer le directeur", CLIENT, "15 décembre"],
        ["Relire la note | v2", OUTSIDER, ""],
        ["Préparer l'essai", f"{CLIENT} + {CONSULTANTS[1]}", "lundi"],
    ]
    # Learnings per person, in roster order.
    assert doc.section("Apprentissages") == [
        CLIENT,
        "Je peux dire non",
        CONSULTANTS[0],
        "Écouter avant de proposer",
        "Moins de questions fermées",
    ]
    assert doc.section("Évaluation") == [
        "Note moyenne : 4,3 / 5 (6 avis)",
        f"Bon rythme — {CONSULTANTS[0]}",
        f"Consultation un peu courte — {CONSULTANTS[1]}",
        f"Merci à tous — {FACILITATOR}",
        "Salle trop chaude",
    ]
    assert doc.section("Tour de table") == [
        f"Temps de parole : {CONSULTANTS[0]} 03:40, {CONSULTANTS[1]} 02:40"
    ]
    assert doc.table_after("Minutage") == [
        ["Phase", "Prévu", "Ajusté", "Réel", "Dépassement"],
        ["1. Exposé", "10:00", "10:00", "12:00", "+02:00"],
        ["2. Questions de clarification", "10:00", "10:00", "08:00", "—"],
        ["3. Consultation", "20:00", "20:00", "06:40", "—"],
        ["4. Conclusion", "05:00", "06:00", "07:00", "+01:00"],
        ["Total", "45:00", "46:00", "33:40", "—"],
    ]
    assert doc.inlines[-1].startswith("Confidentiel : ce qui se dit dans le groupe")
    assert doc.tokens[-3].type == "paragraph_open" and doc.count("hr") == 1


def test_english_headings_from_the_lang_argument(session_path: Path) -> None:
    doc = parse(render_minutes(read_session(session_path), lang="en"))
    level2 = [text for level, text in doc.headings() if level == 2]
    assert level2 == [
        "Participants",
        "Topic",
        "Contract",
        "Phases",
        "Action plan",
        "Learnings",
        "Evaluation",
        "Round of the table",
        "Timing",
    ]
    assert doc.section("2. Questions de clarification")[0] == "Questions"
    assert doc.table_after("Action plan")[0] == ["What", "Who", "By when"]
    assert doc.table_after("Timing")[0] == ["Phase", "Planned", "Adjusted", "Actual", "Overtime"]
    assert doc.table_after("Timing")[-1] == ["Total", "45:00", "46:00", "33:40", "—"]
    assert doc.table_after("Participants")[-2:] == [
        ["Facilitator", FACILITATOR],
        ["Participant", OUTSIDER],
    ]
    assert doc.section("Round of the table") == [
        f"Talk time: {CONSULTANTS[0]} 03:40, {CONSULTANTS[1]} 02:40"
    ]
    consultation = doc.section("3. Consultation")
    assert consultation[1:3] == ["Round 1", f"{CONSULTANTS[0]} — Suggestion: Essayer DESC"]
    assert f"{CONSULTANTS[0]} — passed" in consultation and "Round 2" in consultation
    assert doc.section("Evaluation")[0] == "Average rating: 4.3 / 5 (6 ratings)"
    assert doc.inlines[-1].startswith("Confidential: what is said in the group")


def test_english_session_language_is_the_default(tmp_path: Path) -> None:
    path = full_session(tmp_path, lang="en")
    session = read_session(path)
    assert session.lang == "en"
    doc = parse(render_minutes(session))
    assert (2, "Action plan") in doc.headings()
    assert (4, "Questions") in doc.headings()
    assert doc.section("1. Exposé")[0] == "Notes"
    assert parse(render_minutes(session, lang="fr")).headings()[1] == (2, "Participants")
    assert (2, "Minutage") in parse(render_minutes(session, lang="fr")).headings()


def test_the_contract_actions_learnings_and_evaluations_are_not_notes_of_their_phase(
    tmp_path: Path,
) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=3, running=True)
    w.note("conclusion", "Le contrat", "contract")
    w.note("conclusion", "Appeler Paul / Anouk / lundi", "action")
    w.note("conclusion", " / / ", "action")  # says nothing to do: stays a note
    w.note("conclusion", "J'ai appris", "learning", CLIENT)
    w.note("conclusion", "4 Bien", "evaluation", CLIENT)
    w.note("conclusion", "Une note", "note")
    text = render_minutes(w.done())
    doc = parse(text)
    assert doc.section("4. Conclusion") == [
        "Notes",
        "Une note",
        "Actions",
        " / / ",
        "Voir aussi : Contrat, Plan d'action, Apprentissages, Évaluation.",
    ]
    for shown_once in ("Le contrat", "Appeler Paul", "J'ai appris", "Bien"):
        assert len(re.findall(re.escape(shown_once), text)) == 1, shown_once
    assert doc.section("Contrat") == ["Le contrat"]
    assert doc.table_after("Plan d'action")[1] == ["Appeler Paul", CLIENT, "lundi"]
    assert doc.section("Apprentissages") == [CLIENT, "J'ai appris"]
    assert doc.section("Évaluation") == ["Note moyenne : 4,0 / 5 (1 avis)", f"Bien — {CLIENT}"]


def test_a_corrected_note_shows_as_corrected_and_a_deleted_one_not_at_all(
    tmp_path: Path,
) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=1, running=True)
    first = w.note("questions", "Texte d'origine", "note", CONSULTANTS[0])
    w.record("edit", note=first, text="Texte corrigé", kind="question", author=CONSULTANTS[1])
    gone = w.note("questions", "Note effacée", "question", CONSULTANTS[0])
    w.record("delete", note=gone)
    action = w.note("questions", "Appeler Paul / Anouk / lundi", "action")
    w.record("edit", note=action, text="Appeler Pierre / Basile / mardi")
    evaluation = w.note("questions", "2 Trop long", "evaluation", CLIENT)
    w.record("edit", note=evaluation, text="5 Parfait")
    contract = w.note("questions", "Premier contrat", "contract")
    w.record("edit", note=contract, text="Contrat revu")
    text = render_minutes(w.done())
    doc = parse(text)
    assert doc.section("2. Questions de clarification") == [
        "Questions",
        f"Texte corrigé — {CONSULTANTS[1]}",
        "Voir aussi : Contrat, Plan d'action, Évaluation.",
    ]
    assert doc.section("Contrat") == ["Contrat revu"]
    assert doc.table_after("Plan d'action")[1:] == [["Appeler Pierre", CONSULTANTS[0], "mardi"]]
    assert doc.section("Évaluation") == ["Note moyenne : 5,0 / 5 (1 avis)", f"Parfait — {CLIENT}"]
    for old in ("origine", "effacée", "Paul", "lundi", "Trop long", "Premier contrat"):
        assert old not in text, old


def test_bundled_classic_script_renders_every_phase(tmp_path: Path) -> None:
    script = load_script(locations.bundled_scripts()["classic"])
    clock = FakeClock()
    with SessionFile.create(tmp_path, script, roster(), now=clock) as f:
        for i, phase in enumerate(script.phases):
            f.record("phase", index=i, running=True)
            f.record("note", phase=phase.id, kind=phase.kind, text=f"note de {phase.title}")
            clock.advance(phase.seconds)
        f.record("end")
        path = f.path
    text = render_minutes(read_session(path))
    doc = parse(text)
    titles = [text for level, text in doc.headings() if level == 3]
    assert titles[: len(script.phases)] == [
        f"{i + 1}. {p.title}" for i, p in enumerate(script.phases)
    ]
    for phase in script.phases:  # each once: in its phase, or in its own section
        assert text.count(f"note de {phase.title}") == 1, phase.id
        assert any(f"note de {phase.title}" in inline for inline in doc.inlines), phase.id
    assert doc.section("Contrat") == ["note de Demande et contrat de consultation"]
    timing = doc.table_after("Minutage")
    assert len(timing) == len(script.phases) + 2
    assert all(row[-1] == "—" for row in timing[1:])


def test_notes_of_an_unknown_phase_are_kept(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.note("gone", "orpheline", "odd-kind")
    doc = parse(render_minutes(w.done()))
    assert doc.section("Autres notes") == ["odd-kind", "orpheline"]


def test_empty_session_has_every_section_but_the_evaluation(tmp_path: Path) -> None:
    doc = parse(render_minutes(Writer(tmp_path, Roster()).done()))
    assert doc.headings()[0] == (1, "Compte rendu de codéveloppement")
    assert [t for lvl, t in doc.headings() if lvl == 2] == [
        "Participants",
        "Sujet",
        "Contrat",
        "Déroulé",
        "Plan d'action",
        "Apprentissages",
        "Minutage",
    ]  # no evaluation was written: no empty section for it
    assert doc.section("Plan d'action") == ["Rien de noté."]
    assert doc.table_after("Participants") == [["Rôle", "Nom"]]


def test_golden_french_minutes(session_path: Path, utc_tz: None) -> None:
    """The whole document, to review its look; UPDATE_GOLDEN=1 rewrites it."""
    text = render_minutes(read_session(session_path), include_confidential=True)
    golden = GOLDEN / "minutes_fr.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_bytes().decode("utf-8")


def test_earlier_versions_of_the_contract_say_so(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=1, running=True)
    w.note("questions", "Première version", "contract")
    w.note("questions", "La bonne", "contract")
    doc = parse(render_minutes(w.done()))
    assert doc.section("Contrat") == ["La bonne"]
    assert doc.section("2. Questions de clarification")[:2] == [
        "Contrat (versions précédentes)",
        "Première version",
    ]


def test_a_person_named_twice_in_an_action_shows_once(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=3, running=True)
    w.note("conclusion", f"Relire / {CLIENT} et {CLIENT.split()[0]} / jeudi", "action")
    doc = parse(render_minutes(w.done()))
    assert doc.table_after("Plan d'action")[1] == ["Relire", CLIENT, "jeudi"]
