"""The Markdown minutes, read back with a real CommonMark parser (markdown-it-py).

Sessions are written with the real store (SessionFile) on a fake wall clock, read back with
read_session, rendered, and parsed: every piece of user text must come back exactly, as the
whole text of one inline token, and never change the document's structure.
"""

from __future__ import annotations

import functools
import os
import random
import re
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from codev_tui import locations
from codev_tui.core import export, timing
from codev_tui.core.events import NoteAdded, PhaseEntered, SpeakerChanged
from codev_tui.core.export import (
    default_minutes_path,
    escape_inline,
    format_duration,
    render_minutes,
    write_minutes,
)
from codev_tui.core.script import PhaseScript, load_script, validate_script
from codev_tui.core.session import Roster, Session
from codev_tui.core.store import SaveError, SessionFile, encode_record, read_session
from codev_tui.core.timing import timing_table

GOLDEN = Path(__file__).parent / "golden"
START = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)

CLIENT = "Anouk Vermeer"
CONSULTANTS = ["Basile Quintard", "Célestine Rouxel"]
FACILITATOR = "Dorian Fayolle"
OUTSIDER = "Eulalie Brunet"
REAL_NAMES = [CLIENT, *CONSULTANTS, FACILITATOR, OUTSIDER]

SCRIPT_DATA = {
    "script": {"name": "Test — quatre phases", "lang": "fr"},
    "phases": [
        {"id": "expose", "title": "Exposé", "minutes": 10},
        {
            "id": "questions",
            "title": "Questions de clarification",
            "minutes": 10,
            "kind": "question",
        },
        {
            "id": "consultation",
            "title": "Consultation",
            "minutes": 20,
            "kind": "suggestion",
            "round": True,
        },
        {"id": "conclusion", "title": "Conclusion", "minutes": 5, "kind": "learning"},
    ],
}


# -- helpers ------------------------------------------------------------------------------------


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@functools.cache
def small_script() -> PhaseScript:
    return validate_script(SCRIPT_DATA, "test script")


def roster() -> Roster:
    return Roster(
        topic="Gérer un conflit dans l'équipe",
        group="Les Lilas",
        facilitator=FACILITATOR,
        client=CLIENT,
        consultants=list(CONSULTANTS),
    )


class Writer:
    """A session file being written on a fake clock: `note` returns the new note's id."""

    def __init__(
        self,
        folder: Path,
        the_roster: Roster | None = None,
        script: PhaseScript | None = None,
        **create: object,
    ) -> None:
        self.clock = FakeClock()
        self.file = SessionFile.create(
            folder, script or small_script(), the_roster or roster(), now=self.clock, **create
        )
        self.record = self.file.record
        self.advance = self.clock.advance

    def note(
        self,
        phase: str,
        text: str,
        kind: str = "note",
        author: str = "",
        confidential: bool = False,
    ) -> int:
        event = self.record(
            "note", phase=phase, kind=kind, text=text, author=author, confidential=confidential
        )
        return event.id  # type: ignore[attr-defined,no-any-return]

    def done(self) -> Session:
        """Close the file and read it back as `codev export` would."""
        self.file.close()
        return read_session(self.file.path)


MD = MarkdownIt("commonmark").enable("table")


def plain(token: Token) -> str:
    """The plain text of one inline token: its text children with entities decoded."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


@dataclass
class Doc:
    """A parsed export: its tokens and the plain text of every inline token, in order."""

    source: str
    tokens: list[Token]

    @property
    def inlines(self) -> list[str]:
        return [plain(t) for t in self.tokens if t.type == "inline"]

    def headings(self) -> list[tuple[int, str]]:
        """(level, text) of every heading."""
        found = []
        for n, tok in enumerate(self.tokens):
            if tok.type == "heading_open":
                found.append((int(tok.tag[1]), plain(self.tokens[n + 1])))
        return found

    def tables(self) -> list[list[list[str]]]:
        """Every table as rows of cell texts (header row first)."""
        tables: list[list[list[str]]] = []
        row: list[str] | None = None
        for n, tok in enumerate(self.tokens):
            if tok.type == "table_open":
                tables.append([])
            elif tok.type == "tr_open":
                row = []
            elif tok.type in ("th_open", "td_open"):
                assert row is not None
                row.append(plain(self.tokens[n + 1]))
            elif tok.type == "tr_close":
                assert row is not None
                tables[-1].append(row)
                row = None
        return tables

    def table_after(self, heading: str) -> list[list[str]]:
        """The first table after the heading with this text."""
        seen = False
        for n, tok in enumerate(self.tokens):
            opens = self.tokens[n - 1].type if n else ""
            if tok.type == "inline" and opens == "heading_open" and plain(tok) == heading:
                seen = True
            if seen and tok.type == "table_open":
                return Doc(self.source, self.tokens[n:]).tables()[0]
        raise AssertionError(f"no table after {heading!r}")

    def section(self, heading: str) -> list[str]:
        """The inline texts (sub-headings included) under the heading with this text."""
        out: list[str] = []
        level = None
        start = -1
        for n, tok in enumerate(self.tokens):
            if tok.type == "heading_open":
                text = plain(self.tokens[n + 1])
                if level is not None and int(tok.tag[1]) <= level:
                    break
                if level is None and text == heading:
                    level, start = int(tok.tag[1]), n + 1
            if level is not None and tok.type == "inline" and n != start:
                out.append(plain(tok))
        assert level is not None, f"no heading {heading!r}"
        return out

    def count(self, kind: str) -> int:
        return sum(1 for t in self.tokens if t.type == kind)


def parse(markdown: str) -> Doc:
    return Doc(markdown, MD.parse(markdown))


def expected(text: str) -> str:
    """What the minutes show for a text (the module's documented replacements): a control
    character other than a tab, line break or form feed as its picture (`␛`), DEL as `␡`,
    a C1 control and a lone surrogate as U+FFFD."""
    return "".join(_shown(c) for c in text)


def _shown(c: str) -> str:
    if c in "\t\n\r\f":
        return c
    if c < " ":
        return chr(0x2400 + ord(c))
    if c == "\x7f":
        return "\u2421"
    if "\x80" <= c <= "\x9f" or "\ud800" <= c <= "\udfff":
        return "\ufffd"
    return c


def full_session(folder: Path, *, lang: str | None = None) -> Path:
    """A whole session on the four-phase script, written with the real store."""
    basile, celestine = CONSULTANTS
    w = Writer(folder, lang=lang)
    w.record("phase", index=0, running=True)
    w.note("expose", "Le client *hésite* | depuis `mars`")
    w.advance(300)
    w.record("pause")
    w.advance(120)  # paused: not counted
    w.record("resume")
    w.advance(420)
    w.record("phase", index=1, running=True)  # Exposé: 12:00 against 10:00
    w.note("questions", "Qui décide ?", "question", basile)
    w.note("questions", "Secret de famille", "question", celestine, confidential=True)
    flip = w.note("questions", "Plus vraiment secret")
    w.record("edit", note=flip, confidential=True)
    w.record("edit", note=flip, confidential=False)
    hidden = w.note("questions", "Devenu secret", author=OUTSIDER)
    w.record("edit", note=hidden, confidential=True)
    fixed = w.note("questions", "Qui paye la formation", author=basile)
    w.record("edit", note=fixed, text="Qui paie la formation ?", kind="question", author=celestine)
    gone = w.note("questions", "Une note retirée", author=basile)
    w.record("delete", note=gone)
    contract = w.note("questions", "Comment dire non à mon directeur", "contract")
    w.record("edit", note=contract, text="Comment dire non à mon **directeur** ?")
    w.advance(480)
    w.record("phase", index=2, running=True)  # Questions: 08:00 against 10:00
    w.note("consultation", "Une idée par tour, s'il vous plaît", author=FACILITATOR)
    w.record("speaker", name=basile)
    w.note("consultation", "Essayer DESC", "suggestion", basile)
    w.note("consultation", "Le directeur a peur de perdre la main", "hypothesis", celestine)
    w.advance(200)
    w.record("speaker", name=celestine)
    w.note("consultation", "J'ai vécu la même chose l'an dernier", "testimony", celestine)
    moved = w.note("consultation", "Le directeur connaît-il le projet ?", "suggestion", celestine)
    w.record("edit", note=moved, phase="questions", kind="question")  # told in Questions
    w.note("consultation", "Mon ancien chef m'a fait pareil", "testimony", celestine, True)
    w.advance(130)
    w.record("speaker", name=basile)  # back to the first: round 2
    w.advance(20)
    w.record("speaker", name=celestine, passed=basile)
    w.note("consultation", "Proposer un essai d'un mois", "suggestion", celestine)
    w.advance(30)
    w.record("speaker", name="")
    w.advance(20)
    w.record("phase", index=3, running=True)  # Consultation: 06:40 against 20:00
    w.record("adjust", seconds=60)  # Conclusion given a minute more: 06:00 as adjusted
    w.note("conclusion", "Rencontrer le directeur / Anouk / 15 décembre", "action")
    w.note("conclusion", f"Relire la note | v2 / {OUTSIDER}", "action")
    w.note("conclusion", "Préparer l'essai / Anouk + Célestine / lundi", "action")
    w.note("conclusion", "Parler à la DRH / Anouk", "action", confidential=True)
    w.note("conclusion", "Écouter avant de proposer", "learning", basile)
    w.note("conclusion", "Je peux dire non", "learning", CLIENT)
    typo = w.note("conclusion", "Moins de question fermées", "learning", basile)
    w.record("edit", note=typo, text="Moins de questions fermées")
    w.note("conclusion", "5 Bon rythme", "evaluation", basile)
    w.note("conclusion", "4 Consultation un peu courte", "evaluation", celestine)
    w.note("conclusion", "4", "evaluation", CLIENT)
    w.note("conclusion", "5", "evaluation", OUTSIDER)
    w.note("conclusion", "4 Merci à tous", "evaluation", FACILITATOR)
    w.note("conclusion", "4 Salle trop chaude", "evaluation")
    w.note("conclusion", "Pas à l'aise pour parler de ma DRH", "evaluation", CLIENT, True)
    w.advance(420)
    w.record("end")  # Conclusion: 07:00 against 06:00
    w.file.close()
    return w.file.path


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


# -- structure -----------------------------------------------------------------------------------


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


# -- each item once, as corrected ----------------------------------------------------------------


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


# -- the round of the table ----------------------------------------------------------------------


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


# -- timing --------------------------------------------------------------------------------------


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


def test_timing_table_rounds_once_and_adds_up(tmp_path: Path) -> None:
    w = Writer(tmp_path)
    w.record("phase", index=0, running=True)
    w.advance(10.5)
    w.record("phase", index=1, running=True)
    w.advance(10.5)
    w.record("phase", index=2, running=True)
    w.advance(0.4)
    w.record("end")
    session = w.done()
    table = timing_table(session)
    assert [r.actual for r in table.rows] == [11, 11, 0, 0]  # half a second up, each once
    assert table.total.actual == 22 and table.total.planned == 45 * 60
    assert not table.adjusted and not table.long
    assert [r.over for r in table.rows] == [11 - 600, 11 - 600, -1200, -300]
    assert [r.title for r in table.rows][0] == "Exposé" and table.rows[0].phase == "expose"
    assert table.duration(table.total.actual) == "00:22"
    # Practice compares like with like: rehearsal time scaled to the real session's.
    scaled = timing_table(session, scale=10)
    assert [r.actual for r in scaled.rows] == [105, 105, 4, 0]
    assert export.format_duration is timing.format_duration


def test_the_practice_journal_uses_the_same_timing_table(tmp_path: Path) -> None:
    w = Writer(tmp_path, practice=True, speed=10.0)
    w.record("phase", index=0, running=True)
    w.record("adjust", seconds=60)  # in real-session time: 11:00
    w.advance(72)  # 12:00 at ten times the speed
    w.record("phase", index=1, running=True)
    w.advance(30)
    w.record("end")
    rows = parse(render_minutes(w.done())).table_after("Minutage")
    assert rows[0] == ["Phase", "Prévu", "Ajusté", "Répétition", "Équivalent séance", "Dépassement"]
    assert rows[1] == ["1. Exposé", "10:00", "11:00", "01:12", "12:00", "+01:00"]
    assert rows[2] == ["2. Questions de clarification", "10:00", "10:00", "00:30", "05:00", "—"]


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


# -- evaluation ----------------------------------------------------------------------------------


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


# -- other scripts and edge cases ----------------------------------------------------------------


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


# -- confidentiality -----------------------------------------------------------------------------


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


# -- names and anonymizing -----------------------------------------------------------------------


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


# -- writing the file ----------------------------------------------------------------------------


def test_default_minutes_path() -> None:
    assert default_minutes_path(Path("/x/y/2026-11-29_1200_conflit.toml")) == Path(
        "/x/y/2026-11-29_1200_conflit.md"
    )
    assert default_minutes_path(Path("a.b.toml")) == Path("a.b.md")


def test_write_minutes_private_and_no_overwrite(session_path: Path) -> None:
    session = read_session(session_path)
    dest = default_minutes_path(session_path)
    old_umask = os.umask(0)
    try:
        written = write_minutes(session, dest)
    finally:
        os.umask(old_umask)
    assert written == dest
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    first = dest.read_bytes()
    assert first.decode("utf-8") == render_minutes(session)

    with pytest.raises(FileExistsError) as err:
        write_minutes(session, dest, lang="en")
    assert str(err.value) == f"{dest} already exists; add --force to overwrite it"
    assert dest.read_bytes() == first

    dest.chmod(0o644)
    write_minutes(session, dest, force=True, lang="en", anonymize=True)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert dest.read_text(encoding="utf-8") == render_minutes(session, lang="en", anonymize=True)
    leftovers = [p.name for p in dest.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_write_minutes_refuses_a_dangling_symlink(session_path: Path, tmp_path: Path) -> None:
    dest = tmp_path / "minutes.md"
    dest.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(FileExistsError):
        write_minutes(read_session(session_path), dest)
    assert not (tmp_path / "nowhere.md").exists()


def test_write_minutes_reports_other_failures(session_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="could not write the minutes"):
        write_minutes(read_session(session_path), tmp_path / "no-such-folder" / "m.md")


def test_export_does_not_import_textual() -> None:
    code = "import sys, codev_tui.core.export; print('textual' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(export.__file__).parents[2])}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "False"


# -- escaping ------------------------------------------------------------------------------------


def test_escape_inline_examples() -> None:
    assert escape_inline("") == ""
    assert escape_inline("Bonjour à tous") == "Bonjour à tous"
    assert escape_inline("a|b") == "a\\|b"
    assert escape_inline("# titre") == "\\# titre"
    assert escape_inline("1. un") == "1\\. un"
    assert escape_inline("[bold]x[/]") == "\\[bold\\]x\\[/\\]"
    # Punctuation that is not markup stays as typed: the raw file reads well.
    assert escape_inline("Contexte: l'équipe, N+1 ? Avez-vous 3.5 h") == (
        "Contexte: l'équipe, N+1 ? Avez-vous 3.5 h"
    )
    assert escape_inline("- point") == "\\- point"
    assert escape_inline("+1") == "\\+1"
    assert escape_inline("===") == "\\==="
    assert escape_inline("12) douze") == "12\\) douze"
    assert escape_inline("a & b <i> `c` ~d~ *e* _f_") == (
        "a \\& b \\<i\\> \\`c\\` \\~d\\~ \\*e\\* \\_f\\_"
    )
    assert escape_inline("a\nb\tc") == "a&#10;b&#9;c"
    assert escape_inline(" a  b ") == "&#32;a&#32;&#32;b&#32;"
    assert escape_inline("\x00") == "␀"
    assert escape_inline("\ud800x") == "\ufffdx"
    assert escape_inline("\x0bx\x0b") == "␋x␋"
    assert escape_inline("x\x1b[31m\x07\x7f\x9b") == "x␛\\[31m␇␡\ufffd"
    assert escape_inline("\xa0x\u3000") == "&#160;x&#12288;"


def test_edge_spaces_cover_python_and_javascript_whitespace() -> None:
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert spaces | {"\ufeff"} == set(export._EDGE_SPACE)
    from markdown_it.common.utils import isValidEntityCode

    # Those a parser refuses as a reference are controls, pictures before they reach an edge.
    refused = {c for c in export._EDGE_SPACE if not isValidEntityCode(ord(c))}
    assert all(escape_inline(c) == expected(c) != c for c in refused)


def test_format_duration() -> None:
    assert format_duration(0) == "00:00"
    assert format_duration(59.4) == "00:59"
    assert format_duration(59.6) == "01:00"
    assert format_duration(3599) == "59:59"
    assert format_duration(3600) == "1:00:00"
    assert format_duration(36000 + 61) == "10:01:01"
    assert format_duration(-5) == "00:00"


NASTY = [
    "[bold]",
    "[/]",
    "[/bold]",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "|",
    "\\|",
    "`",
    "```",
    "~~~",
    "*",
    "**",
    "_",
    "__",
    "# ",
    "## ",
    "> ",
    "1. ",
    "1) ",
    "- ",
    "+ ",
    "---",
    "===",
    "&amp;",
    "&#10;",
    "&#0;",
    "&nbsp;",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    "  ",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x85",
    "\u2028",
    "\xa0",
    "\ufeff",
    "\ud800",
    "\udfff",
    "[x](http://a)",
    "<http://a>",
    "![i](j)",
    "$x$",
    ":---:",
    "| --- |",
    "\\*",
    "&",
    "#",
]

texts = (
    st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=())),
            st.sampled_from(NASTY),
            st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0|\\`*_#>-=<&;[]!+~.)1")),
        ),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(bool)
)


def _unsplit(text: str) -> str:
    """`text` without " / ", which would cut an action in two."""
    while " / " in text:
        text = text.replace(" / ", " \u2215 ")
    return text


def _note_session(folder: Path, text: str, *, everywhere: bool = False) -> Session:
    """A session on disk holding `text` as a note (and in every other field), read back."""
    w = Writer(folder)
    w.record("phase", index=1, running=True)
    w.note("questions", text, "question")
    if everywhere:
        safe = _unsplit(text)
        w.note("questions", text, "contract")
        w.note("questions", "x", author=text)
        w.note("questions", f"x{safe}x / {text} / x{safe}x", "action")
        w.note("questions", text, "learning", author=text)
        w.note("questions", f"4 x{text}", "evaluation")
        w.record("phase", index=2, running=True)
        w.record("speaker", name=CONSULTANTS[0])
        w.note("consultation", text, "suggestion", CONSULTANTS[0])
    w.advance(61)
    w.record("end")
    return w.done()


@functools.cache
def _rendered(text: str, everywhere: bool) -> Doc:
    with tempfile.TemporaryDirectory() as folder:
        return parse(render_minutes(_note_session(Path(folder), text, everywhere=everywhere)))


def _shape(everywhere: bool, blank: bool = False) -> tuple[int, int, int, int]:
    """The structure of the minutes of `_note_session` (a blank author is no participant)."""
    return _counts(_rendered(" " if blank else "x", everywhere))


def _counts(doc: Doc) -> tuple[int, int, int, int]:
    return (
        doc.count("heading_open"),
        doc.count("tr_open"),
        doc.count("bullet_list_open") + doc.count("ordered_list_open"),
        doc.count("paragraph_open"),
    )


def _occurrences(doc: Doc, text: str) -> int:
    return sum(1 for t in doc.inlines if t == text)


SENTINEL = "\u27e6sentinel\u27e7"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
@example(text="[bold]rouge[/] <b>gras</b> | `code` *x* _y_")
@example(text="\n# Titre\n> cité\n1. un\n- deux\n\n| a | b |\n| --- | --- |\n")
@example(text="  \t espaces \t  ")
@example(text="\x00\ud800\udfff\x0b")
@example(text="\\")
def test_note_text_round_trips_through_store_render_and_parser(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = _note_session(Path(folder), text)
    assert session.notes[0].text == text  # the store keeps it exactly
    doc = parse(render_minutes(session))
    want = expected(text)
    base = _rendered(SENTINEL, False)  # the same minutes without this text
    assert _occurrences(doc, want) == _occurrences(base, want) + 1
    assert want in doc.section("2. Questions de clarification")
    assert _counts(doc) == _shape(False)
    assert "\n" not in escape_inline(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
@example(text="a | b")
@example(text="Anouk + *Zoé* / demain / 3")
@example(text=" \x0b ")
def test_user_text_everywhere_round_trips(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = _note_session(Path(folder), text, everywhere=True)
    doc = parse(render_minutes(session))
    want = expected(text)
    blank = not text.strip()
    assert _counts(doc) == _shape(True, blank)
    assert doc.section("Contrat") == [want]
    questions = doc.section("2. Questions de clarification")
    assert want in questions and f"x — {want}" in questions
    # What the session derives from the text shows exactly: the action's parts, the comment.
    (action,) = session.actions
    assert doc.table_after("Plan d'action")[1:] == [
        [expected(action.what), expected(" + ".join(action.people)), expected(action.due)]
    ]
    assert doc.section("Apprentissages") == [want, want]  # whose, then what
    (evaluation,) = session.evaluations
    assert doc.section("Évaluation") == [
        "Note moyenne : 4,0 / 5 (1 avis)",
        expected(evaluation.comment),
    ]
    assert doc.section("3. Consultation") == ["Tour 1", f"{CONSULTANTS[0]} — Suggestion : {want}"]
    if not blank:
        assert doc.table_after("Participants")[-1] == ["Participant", want]


def test_a_100k_character_note_round_trips(tmp_path: Path) -> None:
    rng = random.Random(20261129)
    pool = NASTY + list("abcdefghijklmnopqrstuvwxyzàéèçœ ÉÀ0123456789.,;:!?()'\"") * 4
    parts: list[str] = []
    size = 0
    while size < 100_000:
        part = rng.choice(pool)
        parts.append(part)
        size += len(part)
    text = "".join(parts)[:100_000]
    session = _note_session(tmp_path, text)
    assert session.notes[0].text == text
    doc = parse(render_minutes(session))
    assert _occurrences(doc, expected(text)) == 1
    assert _counts(doc) == _shape(False)


# -- speed ---------------------------------------------------------------------------------------


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


# -- golden file ---------------------------------------------------------------------------------


def test_golden_french_minutes(session_path: Path, utc_tz: None) -> None:
    """The whole document, to review its look; UPDATE_GOLDEN=1 rewrites it."""
    text = render_minutes(read_session(session_path), include_confidential=True)
    golden = GOLDEN / "minutes_fr.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_bytes().decode("utf-8")


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
