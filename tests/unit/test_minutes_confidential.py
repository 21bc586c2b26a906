"""The minutes' evaluation, and confidential notes: left out unless asked for, then marked."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.store import encode_record, read_session
from tests.unit.minutes_kit import CLIENT, CONSULTANTS, OUTSIDER, START, Writer, full_session, parse


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return full_session(tmp_path / "sessions")


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
