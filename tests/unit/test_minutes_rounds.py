"""The minutes' round of the table (told as it was spoken, talk times) and timing table."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import validate_script
from codev_tui.core.times import format_duration
from tests.unit.minutes_kit import CLIENT, CONSULTANTS, FACILITATOR, START, Writer, parse


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
