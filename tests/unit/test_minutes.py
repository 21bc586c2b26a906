"""The Markdown minutes, read back with a real CommonMark parser (markdown-it-py).

Sessions are written with the real store (SessionFile) on a fake wall clock, read back with
read_session, rendered, and parsed: what shows where, each item once, the round of the table,
the timing, the evaluation, confidentiality, and the golden file.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.core.events import NoteAdded, PhaseEntered, SpeakerChanged
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import load_script, validate_script
from codev_tui.core.session import Roster, Session
from codev_tui.core.store import SessionFile, encode_record, read_session
from codev_tui.core.times import format_duration
from tests.unit.minutes_kit import (
    CLIENT,
    CONSULTANTS,
    FACILITATOR,
    GOLDEN,
    OUTSIDER,
    START,
    FakeClock,
    Writer,
    full_session,
    parse,
    roster,
    small_script,
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


def test_a_confidential_contract_action_learning_or_evaluation_is_left_out(
    tmp_path: Path,
) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=3, running=True)
    w.note("conclusion", "Contrat secret", "contract", confidential=True)
    w.note("conclusion", "Action secrète / Anouk", "action", confidential=True)
    w.note("conclusion", "Appris en secret", "learning", CLIENT, confidential=True)
    w.note("conclusion", "1 Avis secret", "evaluation", CLIENT, confidential=True)
    w.note("conclusion", "4 Avis public", "evaluation", CONSULTANTS[0])
    session = w.done()
    text = render_minutes(session)
    for secret in ("secret", "Secret", "1,0", "2,5"):
        assert secret not in text, secret
    doc = parse(text)
    assert doc.section("Contrat") == ["Rien de noté."]  # no earlier, public version either
    assert doc.section("Plan d'action") == ["Rien de noté."]
    assert doc.section("4. Conclusion") == ["Voir : Évaluation."]  # no hint of the others
    assert doc.section("Évaluation") == [
        "Note moyenne : 4,0 / 5 (1 avis)",
        f"Avis public — {CONSULTANTS[0]}",
    ]
    doc = parse(render_minutes(session, include_confidential=True))
    assert doc.section("Contrat") == ["Contrat secret (confidentiel)"]
    assert doc.table_after("Plan d'action")[1] == ["Action secrète (confidentiel)", CLIENT, ""]
    assert doc.section("Apprentissages") == [CLIENT, "Appris en secret (confidentiel)"]
    assert doc.section("Évaluation") == [
        "Note moyenne : 2,5 / 5 (2 avis)",
        f"Avis secret — {CLIENT} (confidentiel)",
        f"Avis public — {CONSULTANTS[0]}",
    ]


def test_the_consultation_is_told_in_the_order_it_was_spoken(tmp_path: Path) -> None:
    basile, celestine = CONSULTANTS
    w = Writer(tmp_path)
    w.record("phase", index=2, running=True)
    w.note("consultation", "Avant le premier tour", author=FACILITATOR)
    w.record("speaker", name=basile)
    w.record("speaker", name=celestine)  # Basile said nothing noted
    w.note("consultation", "Idée de Célestine", "suggestion", celestine)
    w.note("consultation", "Idée soufflée par Basile", "hypothesis", basile)
    w.record("speaker", name=basile)  # round 2
    w.note("consultation", "Seconde idée de Basile", "suggestion", basile)
    later = w.note("consultation", "Mieux dans les questions", "suggestion", basile)
    w.record("speaker", name=celestine, passed=basile)
    w.record("speaker", name=basile, passed=celestine)  # round 3
    w.record("edit", note=later, phase="questions", kind="question")
    w.record("phase", index=1, running=True)
    w.note("consultation", "ajoutée après coup", "suggestion", FACILITATOR)  # typed with /p3
    w.record("edit", note=w.note("questions", "déplacée ici"), phase="consultation")
    session = w.done()
    doc = parse(render_minutes(session))
    assert doc.section("3. Consultation") == [
        f"{FACILITATOR} — Note : Avant le premier tour",
        "Tour 1",
        f"{basile} — rien de noté",
        f"{celestine} — Suggestion : Idée de Célestine",
        f"{basile} — Hypothèse : Idée soufflée par Basile",  # during Célestine's turn
        "Tour 2",
        f"{basile} — Suggestion : Seconde idée de Basile",
        f"{basile} — a passé son tour",
        f"{celestine} — a passé son tour",
        # Round 3 is only the floor handed back as the phase ended: nothing noted, not told.
        # Taken outside any turn after the round began: in log order, not under a speaker.
        f"{FACILITATOR} — Suggestion : ajoutée après coup",
        "Note : déplacée ici",
    ]
    assert doc.section("2. Questions de clarification") == [
        "Questions",
        f"Mieux dans les questions — {basile}",  # moved from the consultation: told here
    ]
    # As Markdown: a heading per round, one line per contribution saying who said it.
    assert (
        "#### Tour 2\n\n"
        f"- **{basile}** — *Suggestion* : Seconde idée de Basile\n"
        f"- **{basile}** — *a passé son tour*\n"
        f"- **{celestine}** — *a passé son tour*\n"
    ) in doc.source
    anonymous = parse(render_minutes(session, anonymize=True)).section("3. Consultation")
    assert anonymous[:5] == [
        "Facilitateur — Note : Avant le premier tour",
        "Tour 1",
        "Consultant 1 — rien de noté",
        "Consultant 2 — Suggestion : Idée de Consultant 2",
        "Consultant 1 — Hypothèse : Idée soufflée par Consultant 1",
    ]


def test_a_note_moved_from_one_round_to_another_is_told_in_its_new_phase(
    tmp_path: Path,
) -> None:
    two_rounds = validate_script(
        {
            "script": {"name": "Deux tours", "lang": "fr"},
            "phases": [
                {"id": "un", "title": "Premier tour", "minutes": 5, "round": True},
                {"id": "deux", "title": "Second tour", "minutes": 5, "round": True},
            ],
        },
        "test script",
    )
    basile, celestine = CONSULTANTS
    w = Writer(tmp_path, script=two_rounds)
    w.record("phase", index=0, running=True)
    w.record("speaker", name=basile)
    moved = w.note("un", "Plutôt pour le second tour", author=basile)
    w.note("un", "Reste ici", author=basile)
    w.record("phase", index=1, running=True)
    w.record("speaker", name=celestine)
    w.note("deux", "Au second tour", author=celestine)
    w.record("edit", note=moved, phase="deux")
    doc = parse(render_minutes(w.done()))
    assert doc.section("1. Premier tour") == ["Tour 1", f"{basile} — Note : Reste ici"]
    # Taken during Basile's turn of the first phase: in the second, before its round began.
    assert doc.section("2. Second tour") == [
        f"{basile} — Note : Plutôt pour le second tour",
        "Tour 1",
        f"{celestine} — Note : Au second tour",
    ]


def test_a_round_phase_without_turns_is_told_in_log_order(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=2, running=True)
    w.note("consultation", "b", "suggestion")
    w.note("consultation", "a", "hypothesis", CLIENT)
    doc = parse(render_minutes(w.done()))
    assert doc.section("3. Consultation") == ["Suggestion : b", f"{CLIENT} — Hypothèse : a"]
    empty = Writer(tmp_path / "empty")
    assert parse(render_minutes(empty.done())).section("3. Consultation") == ["Aucune note."]


def test_talk_times_are_rounded_once_like_the_screen(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=2, running=True)
    w.record("speaker", name=CONSULTANTS[0])
    w.advance(58.5)
    w.record("speaker", name=CONSULTANTS[1])
    w.advance(119.4)
    w.record("end")
    session = w.done()
    assert session.talk_time(CONSULTANTS[0]) == 58.5
    doc = parse(render_minutes(session))
    # Half a second up (not to the even second), as the screen's format_duration does.
    assert doc.section("Tour de table") == [
        f"Temps de parole : {CONSULTANTS[0]} 00:59, {CONSULTANTS[1]} 01:59"
    ]
    assert format_duration(58.5) == "00:59" and format_duration(119.4) == "01:59"


def test_overtime_of_the_whole_session_and_long_durations(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.advance(3 * 3600 + 5)
    w.record("end")
    rows = parse(render_minutes(w.done())).table_after("Minutage")
    # Past an hour every duration of the table has hours, so that the column reads alike.
    assert rows[0] == ["Phase", "Prévu", "Réel", "Dépassement"]  # nothing adjusted
    assert rows[1] == ["1. Exposé", "0:10:00", "3:00:05", "+2:50:05"]
    assert rows[2] == ["2. Questions de clarification", "0:10:00", "0:00:00", "—"]
    assert rows[-1] == ["Total", "0:45:00", "3:00:05", "+2:15:05"]


def test_the_adjusted_plan_has_its_column_and_overtime_is_counted_against_it(
    tmp_path: Path,
) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.record("adjust", seconds=-120)  # Exposé: 08:00
    w.advance(9 * 60)
    w.record("phase", index=1, running=True)
    w.record("adjust", seconds=180)  # Questions: 13:00
    w.advance(12 * 60)
    w.record("phase", index=2, running=True)
    w.record("adjust", seconds=60)
    w.record("adjust", seconds=-60)  # Consultation: back to 20:00
    w.advance(20 * 60 + 30)
    w.record("end")
    doc = parse(render_minutes(w.done()))
    assert doc.table_after("Minutage") == [
        ["Phase", "Prévu", "Ajusté", "Réel", "Dépassement"],
        ["1. Exposé", "10:00", "08:00", "09:00", "+01:00"],  # under the script's plan
        ["2. Questions de clarification", "10:00", "13:00", "12:00", "—"],  # over it
        ["3. Consultation", "20:00", "20:00", "20:30", "+00:30"],
        ["4. Conclusion", "05:00", "05:00", "00:00", "—"],
        ["Total", "45:00", "46:00", "41:30", "—"],
    ]
    assert any(line.startswith("Ajusté : le temps prévu") for line in doc.section("Minutage"))


def test_running_session_counts_up_to_its_latest_event_or_to_now(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.advance(90)
    w.note("expose", "dernier évènement")
    w.advance(1000)  # nothing recorded after the note
    session = w.done()
    assert session.running and session.ended is None
    rows = parse(render_minutes(session)).table_after("Minutage")
    assert rows[1] == ["1. Exposé", "10:00", "01:30", "—"]
    later = START + timedelta(seconds=700)
    rows = parse(render_minutes(session, now=later)).table_after("Minutage")
    assert rows[1] == ["1. Exposé", "10:00", "11:40", "+01:40"]


def test_the_evaluation_mean_in_french_and_english(session_path: Path, tmp_path: Path) -> None:
    session = read_session(session_path)
    assert parse(render_minutes(session)).section("Évaluation")[0] == (
        "Note moyenne : 4,3 / 5 (6 avis)"
    )
    # The confidential evaluation has no score: the mean stays when it is included.
    everything = parse(render_minutes(session, include_confidential=True))
    assert everything.section("Évaluation")[0] == "Note moyenne : 4,3 / 5 (6 avis)"
    assert everything.section("Évaluation")[-1] == (
        f"Pas à l'aise pour parler de ma DRH — {CLIENT} (confidentiel)"
    )
    w = Writer(tmp_path / "one")
    w.note("conclusion", "5", "evaluation", CLIENT)
    w.note("conclusion", "4", "evaluation", CONSULTANTS[0])  # 4.5: half up
    w.note("conclusion", "sans note", "evaluation", CONSULTANTS[1])
    two = w.done()
    assert parse(render_minutes(two)).section("Évaluation") == [
        "Note moyenne : 4,5 / 5 (2 avis)",
        f"sans note — {CONSULTANTS[1]}",
    ]
    w = Writer(tmp_path / "single")
    w.note("conclusion", "3/5 correct", "evaluation")
    single = w.done()
    assert parse(render_minutes(single)).section("Évaluation") == [
        "Note moyenne : 3,0 / 5 (1 avis)",
        "correct",
    ]
    assert parse(render_minutes(single, lang="en")).section("Evaluation") == [
        "Average rating: 3.0 / 5 (1 rating)",
        "correct",
    ]


def test_schema_1_evaluation_lines_and_copies(tmp_path: Path) -> None:
    """A file written by schema 1: evaluation lines without author or score, copies of the
    contract and actions beside their notes (shown once), confidentiality toggled."""
    w = Writer(tmp_path)
    w.file.close()
    path = w.file.path
    data = path.read_bytes()
    assert b"\nschema = 2\n" in b"\n" + data
    data = data.replace(b"schema = 2\n", b"schema = 1\n", 1)
    t = START

    def rec(seq: int, type_: str, **fields: object) -> bytes:
        return encode_record({"seq": seq, "t": t + timedelta(seconds=seq), "type": type_, **fields})

    note = {"author": "", "confidential": False}
    records = [
        rec(1, "phase", index=3, running=True),
        rec(2, "note", id=1, phase="conclusion", kind="contract", text="Le contrat", **note),
        rec(3, "contract", text="Le contrat"),
        rec(
            4, "note", id=2, phase="conclusion", kind="action", text="Appeler Paul / Anouk", **note
        ),
        rec(5, "action", what="Appeler Paul", who="Anouk", due="", note=2),
        rec(6, "note", id=3, phase="conclusion", kind="note", text="Devenu secret", **note),
        rec(7, "confidential", note=3, value=True),
        rec(8, "evaluation", text="Bon rythme"),
        rec(9, "evaluation", text="Un peu long"),
        rec(10, "end"),
    ]
    path.write_bytes(data + b"".join(records))
    session = read_session(path)
    text = render_minutes(session)
    doc = parse(text)
    assert doc.section("Évaluation") == ["Bon rythme", "Un peu long"]  # no mean: no score
    assert doc.section("Contrat") == ["Le contrat"]
    assert doc.table_after("Plan d'action")[1:] == [["Appeler Paul", CLIENT, ""]]
    assert text.count("Appeler Paul") == 1 and text.count("Le contrat") == 1
    assert "Devenu secret" not in text
    assert doc.section("4. Conclusion") == ["Voir : Contrat, Plan d'action."]


def test_no_evaluation_section_without_an_evaluation(tmp_path: Path) -> None:
    doc = parse(render_minutes(Writer(tmp_path).done()))
    assert "Évaluation" not in [t for lvl, t in doc.headings() if lvl == 2]


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


def test_confidential_notes_are_left_out_by_default(session_path: Path) -> None:
    text = render_minutes(read_session(session_path))
    for secret in ("Secret de famille", "Devenu secret", "Mon ancien chef", "Parler à la DRH"):
        assert secret not in text, secret
    assert "Pas à l'aise" not in text
    assert "Plus vraiment secret" in text  # flagged, then unflagged
    assert "(confidentiel)" not in text


def test_confidential_notes_included_and_marked(session_path: Path) -> None:
    session = read_session(session_path)
    doc = parse(render_minutes(session, include_confidential=True))
    assert doc.section("2. Questions de clarification") == [
        "Questions",
        f"Qui décide ? — {CONSULTANTS[0]}",
        f"Secret de famille — {CONSULTANTS[1]} (confidentiel)",
        f"Qui paie la formation ? — {CONSULTANTS[1]}",
        f"Le directeur connaît-il le projet ? — {CONSULTANTS[1]}",
        "Notes",
        "Plus vraiment secret",
        f"Devenu secret — {OUTSIDER} (confidentiel)",
        "Voir aussi : Contrat.",
    ]
    assert (
        f"{CONSULTANTS[1]} — Témoignage : Mon ancien chef m'a fait pareil (confidentiel)"
        in doc.section("3. Consultation")
    )
    assert doc.table_after("Plan d'action")[-1] == ["Parler à la DRH (confidentiel)", CLIENT, ""]
    assert doc.inlines[-1].startswith("Confidentiel, avec des notes confidentielles")
    doc_en = parse(render_minutes(session, include_confidential=True, lang="en"))
    assert f"Devenu secret — {OUTSIDER} (confidential)" in doc_en.inlines


def _big_session(notes: int) -> Session:
    """A session folded in memory: `notes` notes over every phase, a round of the table."""
    script = small_script()
    session = Session(id="x", created=START, lang="fr", script=script, roster=roster())
    phases = [p.id for p in script.phases]
    text = (
        "Le client dit : « je n'y arrive pas » — *deux* fois | `trois` [bold]x[/] "
        "<b>gras</b>  et\tune\nnouvelle ligne ; 1. puis - et # enfin & fin. "
    ) * 2
    seq = 0

    def apply(event: type, **fields: object) -> None:
        nonlocal seq
        seq += 1
        session.apply(event(seq=seq, t=START, **fields))

    apply(PhaseEntered, index=2, running=True)
    for i in range(notes):
        if i % 10 == 0:
            apply(SpeakerChanged, name=CONSULTANTS[(i // 10) % 2])
        apply(
            NoteAdded,
            id=i + 1,
            phase=phases[i % len(phases)],
            kind=("note", "action", "learning", "suggestion")[i % 4],
            text=f"{i} {text}",
            author=CONSULTANTS[i % 2],
            confidential=i % 7 == 0,
        )
    return session


def test_a_thousand_notes_render_fast() -> None:
    session = _big_session(1000)
    render_minutes(session)  # warm up
    best = min(_timed(lambda: render_minutes(session, include_confidential=True)) for _ in range(5))
    assert best < 0.05, f"{best * 1000:.1f} ms"
    best = min(_timed(lambda: render_minutes(session, anonymize=True)) for _ in range(5))
    assert best < 0.05, f"anonymized: {best * 1000:.1f} ms"


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_golden_french_minutes(session_path: Path, utc_tz: None) -> None:
    """The whole document, to review its look; UPDATE_GOLDEN=1 rewrites it."""
    text = render_minutes(read_session(session_path), include_confidential=True)
    golden = GOLDEN / "minutes_fr.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_bytes().decode("utf-8")


def test_someone_whose_notes_are_all_confidential_is_not_listed(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.note("expose", "secret", author="Zoé", confidential=True)
    w.note("expose", "public", author=OUTSIDER)
    session = w.done()
    for anonymize in (False, True):
        names = [
            row[1]
            for row in parse(render_minutes(session, anonymize=anonymize)).table_after(
                "Participants"
            )[1:]
        ]
        assert "Zoé" not in names and len(names) == 5  # the roster and the outsider
    listed = parse(render_minutes(session, include_confidential=True)).table_after("Participants")
    assert ["Participant", "Zoé"] in listed


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
