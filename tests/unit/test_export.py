"""The Markdown minutes, read back with a real CommonMark parser (markdown-it-py).

Sessions are written with the real store (SessionFile) on a fake wall clock, read back with
read_session, rendered, and parsed: every piece of user text must come back exactly, as the
whole text of one inline token, and never change the document's structure.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import os
import random
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
from codev_tui.core import export
from codev_tui.core.export import (
    default_minutes_path,
    escape_inline,
    format_duration,
    render_minutes,
    write_minutes,
)
from codev_tui.core.script import PhaseScript, load_script, validate_script
from codev_tui.core.session import ActionItem, Learning, Note, Roster, Session
from codev_tui.core.store import SaveError, SessionFile, read_session

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

LOST_AT_EDGES = "\x0b\x1c\x1d\x1e\x1f\x85"


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
    """What the minutes show for a text: NUL and surrogates, and the edge characters no
    Markdown can hold, become U+FFFD (the module's documented replacement)."""
    t = "".join("\ufffd" if c == "\0" or "\ud800" <= c <= "\udfff" else c for c in text)
    if t and t[0] in LOST_AT_EDGES:
        t = "\ufffd" + t[1:]
    if t and t[-1] in LOST_AT_EDGES:
        t = t[:-1] + "\ufffd"
    return t


def full_session(folder: Path, *, lang: str | None = None) -> Path:
    """A whole session on the four-phase script, written with the real store."""
    clock = FakeClock()
    with SessionFile.create(folder, small_script(), roster(), lang=lang, now=clock) as f:
        f.record("phase", index=0, running=True)
        f.record("note", phase="expose", kind="note", text="Le client *hésite* | depuis `mars`")
        clock.advance(300)
        f.record("pause")
        clock.advance(120)  # paused: not counted
        f.record("resume")
        clock.advance(420)
        f.record("phase", index=1, running=True)  # Exposé: 12:00 against 10:00
        bob, cleo = CONSULTANTS
        f.record("note", phase="questions", kind="question", text="Qui décide ?", author=bob)
        f.record(
            "note",
            phase="questions",
            kind="question",
            text="Secret de famille",
            author=cleo,
            confidential=True,
        )
        flip = f.record("note", phase="questions", kind="note", text="Plus vraiment secret")
        f.record("confidential", note=flip["id"], value=True)
        f.record("confidential", note=flip["id"], value=False)
        hidden = f.record(
            "note", phase="questions", kind="note", text="Devenu secret", author=OUTSIDER
        )
        f.record("confidential", note=hidden["id"], value=True)
        f.record("contract", text="Comment dire non à mon **directeur** ?")
        clock.advance(480)
        f.record("phase", index=2, running=True)  # Questions: 08:00 against 10:00
        f.record("speaker", name=CONSULTANTS[0])
        clock.advance(200)
        f.record("speaker", name=CONSULTANTS[1])
        f.record("note", phase="consultation", kind="suggestion", text="Essayer DESC", author=cleo)
        clock.advance(130)
        f.record("speaker", name="")
        clock.advance(70)
        f.record("phase", index=3, running=True)  # Consultation: 06:40 against 20:00
        f.record("adjust", seconds=60)  # Conclusion given a minute more: the plan stays 05:00
        f.record("action", what="Rencontrer le directeur", who=CLIENT, due="15 décembre")
        f.record("action", what="Relire la note | v2", who=OUTSIDER, due="")
        f.record("learning", who=CONSULTANTS[0], what="Écouter avant de proposer")
        f.record("learning", who=CLIENT, what="Je peux dire non")
        f.record("learning", who=CONSULTANTS[0], what="Moins de questions fermées")
        f.record("evaluation", text="Bon rythme")
        f.record("evaluation", text="Consultation un peu courte")
        clock.advance(420)
        f.record("end")  # Conclusion: 07:00 against 06:00
        return f.path


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
    ]
    assert doc.section("Sujet") == ["Gérer un conflit dans l'équipe"]
    assert doc.section("Contrat") == ["Comment dire non à mon **directeur** ?"]
    # Notes, grouped by kind with translated headings, confidential ones left out.
    assert doc.section("1. Exposé") == ["Notes", "Le client *hésite* | depuis `mars`"]
    assert doc.section("2. Questions de clarification") == [
        "Questions",
        f"Qui décide ? — {CONSULTANTS[0]}",
        "Notes",
        "Plus vraiment secret",
    ]
    assert doc.section("3. Consultation") == ["Suggestions", f"Essayer DESC — {CONSULTANTS[1]}"]
    assert doc.section("4. Conclusion") == ["Aucune note."]
    assert doc.table_after("Plan d'action") == [
        ["Quoi", "Qui", "Pour quand"],
        ["Rencontrer le directeur", CLIENT, "15 décembre"],
        ["Relire la note | v2", OUTSIDER, ""],
    ]
    # Learnings per person, in roster order.
    assert doc.section("Apprentissages") == [
        CLIENT,
        "Je peux dire non",
        CONSULTANTS[0],
        "Écouter avant de proposer",
        "Moins de questions fermées",
    ]
    assert doc.section("Évaluation") == ["Bon rythme", "Consultation un peu courte"]
    assert doc.section("Tour de table") == [
        f"Temps de parole : {CONSULTANTS[0]} 03:20, {CONSULTANTS[1]} 02:10"
    ]
    assert doc.table_after("Minutage") == [
        ["Phase", "Prévu", "Réel", "Dépassement"],
        ["1. Exposé", "10:00", "12:00", "+02:00"],
        ["2. Questions de clarification", "10:00", "08:00", "—"],
        ["3. Consultation", "20:00", "06:40", "—"],
        ["4. Conclusion", "05:00", "07:00", "+02:00"],
        ["Total", "45:00", "33:40", "—"],
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
    assert doc.table_after("Timing")[0] == ["Phase", "Planned", "Actual", "Overtime"]
    assert doc.table_after("Timing")[-1] == ["Total", "45:00", "33:40", "—"]
    assert doc.table_after("Participants")[-1] == ["Facilitator", FACILITATOR]
    assert doc.section("Round of the table") == [
        f"Talk time: {CONSULTANTS[0]} 03:20, {CONSULTANTS[1]} 02:10"
    ]
    assert doc.inlines[-1].startswith("Confidential: what is said in the group")


def test_english_session_language_is_the_default(tmp_path: Path) -> None:
    path = full_session(tmp_path, lang="en")
    session = read_session(path)
    assert session.lang == "en"
    doc = parse(render_minutes(session))
    assert (2, "Action plan") in doc.headings()
    assert (4, "Suggestions") in doc.headings()
    assert doc.section("1. Exposé")[0] == "Notes"
    assert parse(render_minutes(session, lang="fr")).headings()[1] == (2, "Participants")
    assert (2, "Minutage") in parse(render_minutes(session, lang="fr")).headings()


def test_overtime_of_the_whole_session_and_long_durations(tmp_path: Path) -> None:
    clock = FakeClock()
    with SessionFile.create(tmp_path, small_script(), roster(), now=clock) as f:
        f.record("phase", index=0, running=True)
        clock.advance(3 * 3600 + 5)
        f.record("end")
        path = f.path
    rows = parse(render_minutes(read_session(path))).table_after("Minutage")
    # Past an hour every duration of the table has hours, so that the column reads alike.
    assert rows[1] == ["1. Exposé", "0:10:00", "3:00:05", "+2:50:05"]
    assert rows[2] == ["2. Questions de clarification", "0:10:00", "0:00:00", "—"]
    assert rows[-1] == ["Total", "0:45:00", "3:00:05", "+2:15:05"]


def test_running_session_counts_up_to_its_latest_event_or_to_now(tmp_path: Path) -> None:
    clock = FakeClock()
    with SessionFile.create(tmp_path, small_script(), roster(), now=clock) as f:
        f.record("phase", index=0, running=True)
        clock.advance(90)
        f.record("note", phase="expose", kind="note", text="dernier évènement")
        clock.advance(1000)  # nothing recorded after the note
        path = f.path
    session = read_session(path)
    assert session.running and session.ended is None
    rows = parse(render_minutes(session)).table_after("Minutage")
    assert rows[1] == ["1. Exposé", "10:00", "01:30", "—"]
    later = START + timedelta(seconds=700)
    rows = parse(render_minutes(session, now=later)).table_after("Minutage")
    assert rows[1] == ["1. Exposé", "10:00", "11:40", "+01:40"]


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
    doc = parse(render_minutes(read_session(path)))
    titles = [text for level, text in doc.headings() if level == 3]
    assert titles == [f"{i + 1}. {p.title}" for i, p in enumerate(script.phases)]
    for phase in script.phases:
        assert f"note de {phase.title}" in doc.inlines
    timing = doc.table_after("Minutage")
    assert len(timing) == len(script.phases) + 2
    assert all(row[3] == "—" for row in timing[1:])


def test_notes_of_an_unknown_phase_are_kept(tmp_path: Path) -> None:
    clock = FakeClock()
    with SessionFile.create(tmp_path, small_script(), roster(), now=clock) as f:
        f.record("note", phase="gone", kind="odd-kind", text="orpheline")
        path = f.path
    doc = parse(render_minutes(read_session(path)))
    assert doc.section("Autres notes") == ["odd-kind", "orpheline"]


def test_empty_session_has_every_section_but_the_evaluation(tmp_path: Path) -> None:
    with SessionFile.create(tmp_path, small_script(), Roster(), now=FakeClock()) as f:
        path = f.path
    doc = parse(render_minutes(read_session(path)))
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
    assert "Secret de famille" not in text
    assert "Devenu secret" not in text
    assert "Plus vraiment secret" in text  # flagged, then unflagged
    assert "(confidentiel)" not in text


def test_confidential_notes_included_and_marked(session_path: Path) -> None:
    doc = parse(render_minutes(read_session(session_path), include_confidential=True))
    assert doc.section("2. Questions de clarification") == [
        "Questions",
        f"Qui décide ? — {CONSULTANTS[0]}",
        f"Secret de famille — {CONSULTANTS[1]} (confidentiel)",
        "Notes",
        "Plus vraiment secret",
        f"Devenu secret — {OUTSIDER} (confidentiel)",
    ]
    assert doc.inlines[-1].startswith("Confidentiel, avec des notes confidentielles")
    doc_en = parse(render_minutes(read_session(session_path), include_confidential=True, lang="en"))
    assert f"Devenu secret — {OUTSIDER} (confidential)" in doc_en.inlines


# -- anonymizing ---------------------------------------------------------------------------------


def test_anonymize_leaves_no_real_name(session_path: Path) -> None:
    session = read_session(session_path)
    for lang in ("fr", "en"):
        text = render_minutes(session, anonymize=True, include_confidential=True, lang=lang)
        for name in REAL_NAMES:
            for part in [name, *name.split()]:
                assert part.casefold() not in text.casefold(), (lang, part)
    doc = parse(render_minutes(session, anonymize=True, include_confidential=True))
    assert doc.table_after("Participants") == [
        ["Rôle", "Nom"],
        ["Client", "Client"],
        ["Consultant", "Consultant 1"],
        ["Consultant", "Consultant 2"],
        ["Facilitateur", "Facilitateur"],
    ]
    assert "Qui décide ? — Consultant 1" in doc.inlines
    assert "Secret de famille — Consultant 2 (confidentiel)" in doc.inlines
    assert "Devenu secret — Participant 1 (confidentiel)" in doc.inlines
    assert doc.table_after("Plan d'action")[1:] == [
        ["Rencontrer le directeur", "Client", "15 décembre"],
        ["Relire la note | v2", "Participant 1", ""],
    ]
    assert doc.section("Apprentissages") == [
        "Client",
        "Je peux dire non",
        "Consultant 1",
        "Écouter avant de proposer",
        "Moins de questions fermées",
    ]
    assert doc.section("Tour de table") == [
        "Temps de parole : Consultant 1 03:20, Consultant 2 02:10"
    ]
    doc_en = parse(render_minutes(session, anonymize=True, lang="en"))
    assert doc_en.table_after("Participants")[-1] == ["Facilitator", "Facilitator"]


def test_anonymize_numbers_other_people_in_order_of_appearance(tmp_path: Path) -> None:
    clock = FakeClock()
    with SessionFile.create(tmp_path, small_script(), roster(), now=clock) as f:
        f.record("phase", index=2, running=True)
        f.record("speaker", name="Invité Mystère")
        clock.advance(30)
        f.record("action", what="a", who="Zoé Inconnue", due="")
        f.record("action", what="b", who="Invité Mystère", due="")
        f.record("action", what="c", who="Zoé Inconnue", due="")
        f.record("end")
        path = f.path
    doc = parse(render_minutes(read_session(path), anonymize=True))
    assert [row[1] for row in doc.table_after("Plan d'action")[1:]] == [
        "Participant 1",
        "Participant 2",
        "Participant 1",
    ]
    assert doc.section("Tour de table") == [
        "Temps de parole : Consultant 1 00:00, Consultant 2 00:00, Participant 2 00:30"
    ]
    assert "Zoé" not in doc.source and "Mystère" not in doc.source


def test_anonymize_replaces_names_written_inside_free_text(tmp_path: Path) -> None:
    clock = FakeClock()
    with SessionFile.create(tmp_path, small_script(), roster(), now=clock) as f:
        f.record("phase", index=1, running=True)
        f.record("note", phase="questions", kind="question", text="Anouk, as-tu parlé à Basile ?")
        f.record("contract", text="Comment Anouk Vermeer dit non à Eulalie Brunet")
        f.record("note", phase="questions", kind="note", text="Eulalie Brunet / Anouk / lundi")
        f.record("action", what="Appeler Célestine", who="Anouk", due="lundi")
        f.record("action", what="Écrire", who=OUTSIDER, due="")
        f.record("end")
        path = f.path
    text = render_minutes(read_session(path), anonymize=True)
    for part in ("Anouk", "Vermeer", "Basile", "Célestine", "Eulalie", "Brunet"):
        assert part not in text, part
    doc = parse(text)
    assert "Client, as-tu parlé à Consultant 1 ?" in doc.inlines
    assert "Comment Client dit non à Participant 1" in doc.inlines
    assert doc.table_after("Plan d'action")[1:] == [
        ["Appeler Consultant 2", "Client", "lundi"],  # "Anouk" alone is the roster's Anouk
        ["Écrire", "Participant 1", ""],
    ]
    # Without --anonymize nothing is touched.
    assert "Anouk, as-tu parlé à Basile ?" in parse(render_minutes(read_session(path))).inlines


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
    assert escape_inline("\x00") == "\ufffd"
    assert escape_inline("\ud800x") == "\ufffdx"
    assert escape_inline("\x0bx\x0b") == "\ufffdx\ufffd"
    assert escape_inline("x\x0by") == "x\x0by"
    assert escape_inline("\xa0x\u3000") == "&#160;x&#12288;"


def test_edge_spaces_cover_python_and_javascript_whitespace() -> None:
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert spaces | {"\ufeff"} == set(export._EDGE_SPACE)
    from markdown_it.common.utils import isValidEntityCode

    refused = {c for c in export._EDGE_SPACE if not isValidEntityCode(ord(c))}
    assert refused == set(export._EDGE_LOST)


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


def _note_session(folder: Path, text: str, *, everywhere: bool = False) -> Session:
    """A session on disk holding `text` as a note (and in every other field), read back."""
    clock = FakeClock()
    with SessionFile.create(folder, small_script(), roster(), now=clock) as f:
        f.record("phase", index=1, running=True)
        f.record("note", phase="questions", kind="question", text=text)
        if everywhere:
            f.record("contract", text=text)
            f.record("action", what=text, who=text, due=text)
            f.record("learning", who=text, what=text)
            f.record("evaluation", text=text)
        clock.advance(61)
        f.record("end")
        path = f.path
    return read_session(path)


@functools.cache
def _shape(everywhere: bool) -> tuple[int, int, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        doc = parse(render_minutes(_note_session(Path(folder), "x", everywhere=everywhere)))
    return _counts(doc)


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


def _without_user_text(session: Session) -> Session:
    """The same session with every piece of varied user text replaced by a sentinel."""
    bare = copy.copy(session)
    bare.notes = [dataclasses.replace(n, text=SENTINEL) for n in session.notes]
    bare.contract = SENTINEL if session.contract else ""
    bare.actions = [ActionItem(SENTINEL, SENTINEL, SENTINEL) for _ in session.actions]
    bare.learnings = [Learning(SENTINEL, SENTINEL) for _ in session.learnings]
    bare.evaluation = [SENTINEL for _ in session.evaluation]
    return bare


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
    base = parse(render_minutes(_without_user_text(session)))
    assert _occurrences(doc, want) == _occurrences(base, want) + 1
    assert want in doc.section("2. Questions de clarification")
    assert _counts(doc) == _shape(False)
    assert "\n" not in escape_inline(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
@example(text="a | b")
def test_user_text_everywhere_round_trips(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = _note_session(Path(folder), text, everywhere=True)
    doc = parse(render_minutes(session))
    want = expected(text)
    base = parse(render_minutes(_without_user_text(session)))
    # note, contract, action what / who / due, learning heading and learning, evaluation
    assert _occurrences(doc, want) == _occurrences(base, want) + 8
    assert _counts(doc) == _shape(True)
    action_rows = doc.table_after("Plan d'action")
    assert action_rows[1] == [want, want, want]


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
    script = small_script()
    session = Session(id="x", created=START, lang="fr", script=script, roster=roster())
    phases = [p.id for p in script.phases]
    text = (
        "Le client dit : « je n'y arrive pas » — *deux* fois | `trois` [bold]x[/] "
        "<b>gras</b>  et\tune\nnouvelle ligne ; 1. puis - et # enfin & fin. "
    ) * 2
    for i in range(notes):
        session.notes.append(
            Note(
                id=i + 1,
                at=START,
                phase=phases[i % len(phases)],
                kind="note",
                text=f"{i} {text}",
                author=CONSULTANTS[i % 2],
                confidential=i % 7 == 0,
            )
        )
    return session


def test_a_thousand_notes_render_fast() -> None:
    session = _big_session(1000)
    render_minutes(session)  # warm up
    best = min(_timed(lambda: render_minutes(session, include_confidential=True)) for _ in range(5))
    assert best < 0.05, f"{best * 1000:.1f} ms"


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
