"""Anonymous minutes: names replaced by roles, in fields of their own and inside free text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codev_tui.core.minutes.anonymize import anonymize
from codev_tui.core.minutes.facts import gather
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.session import Roster
from codev_tui.core.store import read_session
from codev_tui.words import words_of
from tests.unit.minutes_kit import CLIENT, OUTSIDER, REAL_NAMES, Doc, Writer, full_session, parse


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return full_session(tmp_path / "sessions")


def test_evaluation_authors_are_hidden_when_anonymizing(session_path: Path) -> None:
    session = read_session(session_path)
    doc = parse(render_minutes(session, anonymize=True, include_confidential=True))
    assert doc.section("Évaluation") == [
        "Note moyenne : 4,3 / 5 (6 avis)",
        "Bon rythme",
        "Consultation un peu courte",
        "Merci à tous",
        "Salle trop chaude",
        "Pas à l'aise pour parler de ma DRH (confidentiel)",
    ]


def test_anonymize_leaves_no_real_name(session_path: Path) -> None:
    session = read_session(session_path)
    for lang in ("fr", "en"):
        for include in (False, True):
            text = render_minutes(session, anonymize=True, include_confidential=include, lang=lang)
            for name in REAL_NAMES:
                for part in [name, *name.split()]:
                    assert part.casefold() not in text.casefold(), (lang, include, part)
    doc = parse(render_minutes(session, anonymize=True, include_confidential=True))
    assert doc.table_after("Participants") == [
        ["Rôle", "Nom"],
        ["Client", "Client"],
        ["Consultant", "Consultant 1"],
        ["Consultant", "Consultant 2"],
        ["Facilitateur", "Facilitateur"],
        ["Participant", "Participant 1"],
    ]
    assert "Qui décide ? — Consultant 1" in doc.inlines
    assert "Secret de famille — Consultant 2 (confidentiel)" in doc.inlines
    assert "Devenu secret — Participant 1 (confidentiel)" in doc.inlines
    assert doc.table_after("Plan d'action")[1:] == [
        ["Rencontrer le directeur", "Client", "15 décembre"],
        ["Relire la note | v2", "Participant 1", ""],
        ["Préparer l'essai", "Client + Consultant 2", "lundi"],
        ["Parler à la DRH (confidentiel)", "Client", ""],
    ]
    assert doc.section("Apprentissages") == [
        "Client",
        "Je peux dire non",
        "Consultant 1",
        "Écouter avant de proposer",
        "Moins de questions fermées",
    ]
    assert doc.section("Tour de table") == [
        "Temps de parole : Consultant 1 03:40, Consultant 2 02:40"
    ]
    doc_en = parse(render_minutes(session, anonymize=True, lang="en"))
    assert doc_en.table_after("Participants")[-2] == ["Facilitator", "Facilitator"]


def _participants_are_all_in_the_table(doc: Doc) -> None:
    """Every "Participant N" the minutes write is a row of the participants table."""
    listed = {row[1] for row in doc.table_after("Participants")[1:]}
    written = set(re.findall(r"Participant \d+", doc.source))
    assert written <= listed, written - listed


def test_people_outside_the_roster_are_participants_in_order_of_appearance(
    tmp_path: Path,
) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=2, running=True)
    w.record("speaker", name="Invité Mystère")  # had the floor: a participant
    w.advance(30)
    w.note("consultation", "Une idée", "suggestion", "Zoé")  # a guest typed as @Zoé
    w.note("consultation", "a / Zoé", "action")
    w.note("consultation", "b / Invité Mystère + la DRH", "action")  # la DRH is no participant
    w.note("consultation", "c / Anouk et Zoé", "action")
    w.record("end")
    session = w.done()
    doc = parse(render_minutes(session))
    assert doc.table_after("Participants")[-2:] == [
        ["Participant", "Invité Mystère"],
        ["Participant", "Zoé"],
    ]
    assert [row[1] for row in doc.table_after("Plan d'action")[1:]] == [
        "Zoé",
        "Invité Mystère + la DRH",
        f"{CLIENT} + Zoé",
    ]
    anonymous = parse(render_minutes(session, anonymize=True))
    assert anonymous.table_after("Participants")[-2:] == [
        ["Participant", "Participant 1"],
        ["Participant", "Participant 2"],
    ]
    assert [row[1] for row in anonymous.table_after("Plan d'action")[1:]] == [
        "Participant 2",
        "Participant 1 + la DRH",
        "Client + Participant 2",
    ]
    assert anonymous.section("Tour de table") == [
        "Temps de parole : Consultant 1 00:00, Consultant 2 00:00, Participant 1 00:30"
    ]
    assert "Tour 1" in anonymous.section("3. Consultation")
    assert "Participant 1 — rien de noté" in anonymous.section("3. Consultation")
    assert "Zoé" not in anonymous.source and "Mystère" not in anonymous.source
    _participants_are_all_in_the_table(anonymous)
    _participants_are_all_in_the_table(doc)


def test_who_does_an_action_is_resolved_against_the_roster(tmp_path: Path) -> None:
    team = Roster(
        topic="Un sujet",
        client="Sophie Marchand",
        consultants=["Marc Petit", "Lina Roy", "Paul Ng", "Aïcha Diallo"],
        facilitator="Ana Ruiz",
    )
    w = Writer(tmp_path, team)
    w.record("phase", index=3, running=True)
    w.note("conclusion", "Préparer la réunion / Sophie + Aïcha / lundi", "action")
    w.note("conclusion", "Relire / marc petit", "action")
    w.note("conclusion", "Appeler la DRH", "action", "Lina")  # no who: its author
    w.note("conclusion", "Voir le budget / Sophie, la comptable", "action")
    session = w.done()
    rows = parse(render_minutes(session)).table_after("Plan d'action")[1:]
    assert [row[1] for row in rows] == [
        "Sophie Marchand + Aïcha Diallo",
        "Marc Petit",
        "Lina Roy",
        "Sophie Marchand + la comptable",
    ]
    anonymous = parse(render_minutes(session, anonymize=True))
    rows = anonymous.table_after("Plan d'action")[1:]
    assert [row[1] for row in rows] == [
        "Client + Consultant 4",
        "Consultant 1",
        "Consultant 2",
        "Client + la comptable",
    ]
    _participants_are_all_in_the_table(anonymous)


def test_anonymize_replaces_names_written_inside_free_text(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=1, running=True)
    w.note("questions", "Anouk, as-tu parlé à Basile ?", "question")
    w.note("questions", "Comment Anouk Vermeer dit non à Eulalie Brunet", "contract")
    w.note("questions", "Eulalie Brunet / Anouk / lundi", "note", OUTSIDER)
    w.note("questions", "Appeler Célestine / Anouk / lundi", "action")
    w.note("questions", "Écrire", "action", OUTSIDER)
    session = w.done()
    text = render_minutes(session, anonymize=True)
    for part in ("Anouk", "Vermeer", "Basile", "Célestine", "Eulalie", "Brunet"):
        assert part not in text, part
    doc = parse(text)
    assert "Client, as-tu parlé à Consultant 1 ?" in doc.inlines
    assert doc.section("Contrat") == ["Comment Client dit non à Participant 1"]
    assert doc.table_after("Plan d'action")[1:] == [
        ["Appeler Consultant 2", "Client", "lundi"],  # "Anouk" alone is the roster's Anouk
        ["Écrire", "Participant 1", ""],
    ]
    _participants_are_all_in_the_table(doc)
    # Without --anonymize nothing is touched.
    assert "Anouk, as-tu parlé à Basile ?" in parse(render_minutes(session)).inlines


def test_anonymize_undoes_the_french_elision_before_a_role(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=1, running=True)
    texts = [
        "le plan d'Anouk",
        "le plan d’Anouk Vermeer",
        "D'Anouk à Basile",
        "qu'Anouk le dise, lorsqu'Anouk parle, puisqu’Anouk sait, jusqu'Anouk",
        "l'avis d'Eulalie Brunet, d'accord, aujourd'hui Anouk, jusqu'à Basile",
        "QU'ANOUK",
    ]
    for text in texts:
        w.note("questions", text, "question", OUTSIDER)
    doc = parse(render_minutes(w.done(), anonymize=True))
    assert doc.section("2. Questions de clarification")[1:] == [
        "le plan de Client — Participant 1",
        "le plan de Client — Participant 1",
        "De Client à Consultant 1 — Participant 1",
        "que Client le dise, lorsque Client parle, puisque Client sait, jusque Client"
        " — Participant 1",
        "l'avis de Participant 1, d'accord, aujourd'hui Client, jusqu'à Consultant 1"
        " — Participant 1",
        "QUE Client — Participant 1",
    ]
    assert "d'Client" not in doc.source and "d'Consultant" not in doc.source


UNICODE_ROSTER = Roster(
    topic="Sujet",
    client="İlker Yılmaz",
    consultants=["Jürgen Groß", "Ægir Øvredal"],
    facilitator="Σοφία Παπαδοπούλου",
)


def _nfd(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("written", "role"),
    [
        *[(spelling, "Client") for spelling in ("İlker Yılmaz", "İLKER YILMAZ", "ILKER YILMAZ")],
        *[(spelling, "Client") for spelling in ("i̇lker yılmaz", "ilker yilmaz", "İlker")],
        *[(spelling, "Client") for spelling in ("İLKER", "ilker", "İlker Yilmaz")],
        *[
            (spelling, "Consultant 1")
            for spelling in ("Jürgen Groß", "JÜRGEN GROSS", "jürgen groß")
        ],
        *[(spelling, "Consultant 1") for spelling in ("Jürgen Gross", "JÜRGEN", "jürgen")],
        *[(spelling, "Consultant 1") for spelling in ("JüRGEN GROß", _nfd("Jürgen Groß"))],
        *[(spelling, "Consultant 2") for spelling in ("ÆGIR ØVREDAL", "ægir", "ÆGIR")],
        *[(spelling, "Facilitateur") for spelling in ("ΣΟΦΊΑ ΠΑΠΑΔΟΠΟΎΛΟΥ", "σοφία", "ΣΟΦΊΑ")],
    ],
)
def test_anonymize_matches_names_with_full_unicode_case_folding(
    tmp_path: Path, written: str, role: str
) -> None:
    """Written as on the roster or in another case, in NFC or NFD: the name is gone, in free
    text (with the French elision) and as an author."""
    w = Writer(tmp_path, UNICODE_ROSTER)
    w.record("phase", index=1, running=True)
    w.note("questions", f"Demander à {written} pourquoi", "question")
    w.note("questions", f"l'avis d'{written}.", "question", author=written)
    text = render_minutes(w.done(), anonymize=True)
    folded = _nfd(text).casefold()
    for name in [*UNICODE_ROSTER.names(), written]:
        for part in name.split():
            assert _nfd(part).casefold() not in folded, (part, written)
    doc = parse(text)
    notes = doc.section("2. Questions de clarification")[1:]
    assert notes == [f"Demander à {role} pourquoi", f"l'avis de {role}. — {role}"]


@pytest.mark.parametrize(
    ("written", "role"),
    [("Yılmaz", "Client"), ("YILMAZ", "Client"), ("Groß", "Consultant 1")]
    + [("GROSS", "Consultant 1"), (_nfd("Groß"), "Consultant 1"), ("Øvredal", "Consultant 2")]
    + [("GROẞ", "Consultant 1"), ("Gross", "Consultant 1"), ("Yilmaz", "Client")]
    + [("ØVREDAL", "Consultant 2"), (_nfd("ØVREDAL"), "Consultant 2")],
)
def test_anonymize_replaces_a_surname_alone_as_on_the_roster_or_in_capitals(
    tmp_path: Path, written: str, role: str
) -> None:
    w = Writer(tmp_path, UNICODE_ROSTER)
    w.record("phase", index=1, running=True)
    w.note("questions", f"Demander à {written} pourquoi", "question")
    doc = parse(render_minutes(w.done(), anonymize=True))
    assert doc.section("2. Questions de clarification")[1:] == [f"Demander à {role} pourquoi"]


@pytest.mark.parametrize(
    ("client", "written"),
    [
        ("JÜRGEN GROẞ", "Groß"),
        ("JÜRGEN GROẞ", "GROSS"),
        ("Jeﬀrey Ruﬀ", "Ruff"),
        (_nfd("Zoë Müller"), "Müller"),
        (_nfd("Zoë Müller"), "MÜLLER"),
        (_nfd("Zoë Müller"), _nfd("Müller")),
        ("ILKER YILMAZ", "Yılmaz"),
        ("ILKER YILMAZ", "Yilmaz"),
    ],
)
def test_anonymize_folds_a_surname_alone_on_both_sides(
    tmp_path: Path, client: str, written: str
) -> None:
    """The roster spelled in capitals, with a ligature or decomposed: a surname alone in the
    text is matched folded like a whole name."""
    roster = Roster(topic="Sujet", client=client, consultants=["Ana Bo"])
    w = Writer(tmp_path, roster)
    w.record("phase", index=1, running=True)
    w.note("questions", f"Demander à {written} pourquoi", "question")
    doc = parse(render_minutes(w.done(), anonymize=True))
    assert doc.section("2. Questions de clarification")[1:] == ["Demander à Client pourquoi"]


@pytest.mark.parametrize(
    "written", ["O'Brien a dit", "O’Brien a dit", "Seán O’Brien a dit", "SEÁN O'BRIEN a dit"]
)
def test_anonymize_matches_a_name_with_an_apostrophe_either_way(
    tmp_path: Path, written: str
) -> None:
    roster = Roster(topic="Sujet", client="Ana Bo", consultants=["Seán O'Brien"])
    w = Writer(tmp_path, roster)
    w.record("phase", index=1, running=True)
    w.note("questions", written, "question")
    doc = parse(render_minutes(w.done(), anonymize=True))
    assert doc.section("2. Questions de clarification")[1:] == ["Consultant 1 a dit"]


def test_anonymize_leaves_a_surname_that_is_a_word_written_without_capital(
    tmp_path: Path,
) -> None:
    roster = Roster(topic="Sujet", client="Jean Petit", consultants=["Ana Bo"])
    w = Writer(tmp_path, roster)
    w.record("phase", index=1, running=True)
    w.note("questions", "Un petit souci, dit Petit", "question")
    doc = parse(render_minutes(w.done(), anonymize=True))
    assert doc.section("2. Questions de clarification")[1:] == ["Un petit souci, dit Client"]


def test_anonymize_leaves_a_word_that_only_contains_a_folded_name(tmp_path: Path) -> None:
    """`ß` folds to `ss`: a name must match whole characters and whole words."""
    roster = Roster(topic="Sujet", client="Ss", consultants=["Ilk"])
    w = Writer(tmp_path, roster)
    w.record("phase", index=1, running=True)
    w.note("questions", "Straße, ẞ, İlkay, ILK et ss", "question")
    doc = parse(render_minutes(w.done(), anonymize=True))
    assert doc.section("2. Questions de clarification")[1:] == [
        "Straße, Client, İlkay, Consultant 1 et Client"
    ]


def test_a_surname_alone_is_anonymized_when_written_with_its_capital(tmp_path: Path) -> None:
    team = Roster(
        topic="Un sujet",
        client="Sophie Marchand",
        consultants=["Lina Roy", "Marc Petit"],
        facilitator="Ana Ruiz",
    )
    w = Writer(tmp_path, team)
    w.record("phase", index=0, running=True)
    w.note("expose", "Mme Marchand en parle à Roy, puis d'Ruiz ; un petit souci, le roy")
    doc = parse(render_minutes(w.done(), anonymize=True))
    (line,) = doc.section("1. Exposé")[1:]
    assert (
        line == "Mme Client en parle à Consultant 1, puis de Facilitateur ; un petit souci, le roy"
    )


# -- the anonymizer as a step of its own ---------------------------------------------------------


def test_anonymize_turns_the_facts_into_anonymous_facts(session_path: Path) -> None:
    session = read_session(session_path)
    facts = gather(session, include_confidential=True)
    anonymous = anonymize(facts, words_of("minutes", "fr"))
    assert anonymous.roster.client == "Client"
    assert anonymous.roster.consultants == ["Consultant 1", "Consultant 2"]
    assert anonymous.roster.facilitator == "Facilitateur"
    assert anonymous.roster.topic == facts.roster.topic  # no name in it
    assert anonymous.others == ("Participant 1",)
    assert {n.author for n in anonymous.notes} <= {
        "",
        "Client",
        "Consultant 1",
        "Consultant 2",
        "Facilitateur",
        "Participant 1",
    }
    assert [t.name for t in anonymous.turns] == ["Consultant 1", "Consultant 2"] * 2
    assert [name for name, _ in anonymous.talk] == ["Consultant 1", "Consultant 2"]
    assert [e.author for e in anonymous.evaluations] == [""] * len(facts.evaluations)
    assert [who for who, _ in anonymous.learnings] == ["Client", "Consultant 1"]
    assert anonymous.actions[2].people == ("Client", "Consultant 2")
    assert anonymous.actions[2].who == "Client + Consultant 2"
    # Nothing else changes: what shows where, the times, the confidential marks.
    assert anonymous.timing.total == facts.timing.total
    assert [r.title for r in anonymous.timing.rows] == [r.title for r in facts.timing.rows]
    assert anonymous.elsewhere == facts.elsewhere
    assert anonymous.confidential == facts.confidential
    assert [n.id for n in anonymous.notes] == [n.id for n in facts.notes]
    assert [seconds for _, seconds in anonymous.talk] == [seconds for _, seconds in facts.talk]
    text = repr(anonymous)
    for name in REAL_NAMES:
        for part in [name, *name.split()]:
            assert part not in text, part


def test_anonymize_leaves_the_session_and_its_facts_as_they_were(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=1, running=True)
    w.note("questions", "Et si Anouk en parlait d'abord ?", "question", CLIENT)
    w.note("questions", "Comment dire non à Basile", "contract")
    session = w.done()
    facts = gather(session)
    anonymous = anonymize(facts, words_of("minutes", "en"))
    assert [n.text for n in anonymous.notes] == ["Et si Client en parlait d'abord ?"]
    assert anonymous.notes[0].author == "Client"
    assert anonymous.contract is not None
    assert anonymous.contract.text == "Comment dire non à Consultant 1"
    assert [n.text for n in facts.notes] == ["Et si Anouk en parlait d'abord ?"]
    assert facts.notes[0].author == CLIENT and facts.roster.client == CLIENT
    assert session.notes[0].text == "Et si Anouk en parlait d'abord ?"
    assert session.contract == "Comment dire non à Basile"


def test_a_kind_of_note_is_a_word_of_the_document_or_free_text(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.note("expose", "a", "question")
    w.note("expose", "b", "idée d'Anouk")
    anonymous = anonymize(gather(w.done()), words_of("minutes", "fr"))
    assert [n.kind for n in anonymous.notes] == ["question", "idée de Client"]
