"""What the minutes tests share: sessions written with the real store on a fake wall clock, read
back with read_session, and a real CommonMark parser (markdown-it-py) to read the minutes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from codev_tui.core.script import PhaseScript, validate_script
from codev_tui.core.session import Roster, Session
from codev_tui.core.store import (
    SessionFile,
    read_session,
)

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
