"""The minutes of a session, as a Markdown document.

`render_minutes` builds the text, `write_minutes` saves it (private, 0600, never overwriting
by accident) and `default_minutes_path` names the file beside the session file.

What goes where, in this order: the header (date, group, format); **Participants** (the roster,
then anybody else who wrote or spoke, as "Participant"); **Topic**; **Contract**; **Phases**,
one section per phase of the script with its notes, then the notes of a phase the script no
longer has; **Action plan** (what / who / by when); **Learnings**, per person; **Evaluation**
(the mean score and the comments; only when there is one); **Round of the table** (talk
times); **Timing**. Each item shows once: a note that is the contract, an action, a learning or
an evaluation shows in its own section, not again among its phase's notes (a note of kind
`action` that says nothing to do stays a note); the phase ends with where they are ("Voir :
Plan d'action, Évaluation."). The notes are shown as corrected; deleted ones are gone.

A phase's notes are grouped by kind (the phase's own kind first). A phase with a round of the
table is told in the order it was spoken instead: the notes taken before anyone had the floor,
then "Tour 1", "Tour 2"... and in each round, turn by turn, one line per contribution: who said
it (its author, else the consultant who had the floor), its kind and its text; a pass, or a
turn where nothing was noted, has a line too. A note taken while
nobody had the floor, or moved to this phase from another, is told at its place in the log,
outside any turn; a note moved to another phase since is told in that phase.

Every piece of user text (topic, group, names, notes, contract, actions, learnings,
evaluation, phase titles) goes through `escape_inline`, so it shows literally and can never
change the document's structure; a CommonMark parser with the table extension
(markdown-it-py's `MarkdownIt("commonmark").enable("table")`) gives the exact text back:

* the punctuation that is markup is backslash-escaped: `\\ ` * _ [ ] < > | & ~ #` wherever
  they are, and a leading `-`, `+`, `=` or the `.`/`)` of a leading `1.`; so Markdown, HTML,
  `|` in table cells, backticks and `[bold]` are plain text, while the rest of the punctuation
  (`'`, `?`, `:`, `,`, `-` inside a word...) stays as typed and the raw file reads well;
* whitespace Markdown would fold or strip is written as a numeric character reference: line
  breaks (`&#10;`, `&#13;`), tabs (`&#9;`), form feeds, U+2028/U+2029, every space of a run of
  two or more and a space at either end (`&#32;`), and any other Unicode space at either end
  (e.g. `&#160;`), so each text stays on one line;
* the other control characters would act on a terminal showing the file (`cat minutes.md`:
  ESC starts a sequence, U+009B is one) and parsers refuse them as references (markdown-it
  turns `&#27;` into U+FFFD): a C0 control and DEL are written as their Unicode pictures
  (`␛` for ESC, `␀` for NUL, `␇` for BEL, U+2400 + the code; `␡`), a C1 control
  (U+0080–U+009F) as U+FFFD (`�`), which the parser gives back as such.

U+FFFD also stands for lone surrogates (they cannot even be encoded in UTF-8).

Names are matched against the roster ignoring case; a first name alone ("Marie") stands for
the roster's only person with that first name ("Marie Dupont"). Somebody not on the roster who
wrote a note (`@Zoé`) or had the floor is listed in the participants table as "Participant".
Who does an action is shown like an author, several people joined with " + ".

`anonymize=True` replaces names by roles wherever a name is a field of its own: the roster,
note authors, who had the floor, who does an action, whose learning, and talk times. The
client becomes "Client", the consultants "Consultant 1", "Consultant 2"... in roster order,
the facilitator "Facilitateur" / "Facilitator", and the other participants "Participant 1",
"Participant 2"... in the order they first appear in the session (each one is in the
participants table). The evaluation shows no author at all. Those names, and the first names
that stand for them, are then replaced wherever they are written in free text too (topic,
contract, notes, actions, learnings, evaluation), as whole words, ignoring case; who does an
action, when not a participant ("la DRH"), is such free text. French elision is undone before
a replaced name, since a role does not start with a vowel: `d'Aïcha` becomes `de Consultant 4`
and `qu'Aïcha` `que Consultant 4` (also `lorsqu'`, `puisqu'`, `jusqu'`; `'` or `’`; a capital
stays a capital: `D'Aïcha` → `De Consultant 4`). A nickname or a misspelt name is not
recognised, so anonymous minutes still deserve a read.

Confidential notes are left out unless `include_confidential=True`, and then marked; so is
what was typed as a confidential note (the contract, an action, a learning, an evaluation; a
confidential contract leaves the contract section empty rather than show an older one).

The timing table comes from `core.timing.timing_table`, as the closing screen's does: the
script's plan, the plan as adjusted during the session (a column of its own only when some
phase was adjusted), the time spent, and the overtime against the adjusted plan.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from codev_tui.core.script import NOTE_KINDS, Phase
from codev_tui.core.session import Note, Session, Turn
from codev_tui.core.store import SaveError, default_minutes_path, fsync_dir, write_private_file
from codev_tui.core.timing import TimingRow, TimingTable, format_duration, timing_table
from codev_tui.core.visible import CONTROLS
from codev_tui.words import words_of

__all__ = [
    "default_minutes_path",
    "escape_inline",
    "format_duration",
    "render_journal",
    "render_minutes",
    "write_minutes",
]


def _words(lang: str) -> dict[str, str]:
    """The fixed words of the documents, in `lang` (`codev_tui.words.minutes`)."""
    return words_of("minutes", lang)


# -- escaping -------------------------------------------------------------------------------------

# Punctuation that is markup wherever it stands (emphasis, code, links, HTML, entities, table
# cells, strikethrough, heading marks). The backslash comes first: the escapes added for the
# others must not be escaped again.
_MARKUP = "\\`*_[]<>|&~#"
_PUNCT_ESCAPES = tuple((c, "\\" + c) for c in _MARKUP)
# Markup only at the start of a text: a list item, a thematic break, a setext underline, an
# ordered list (`1.` or `1)`).
_LEADING = re.compile(r"[-+=]|\d{1,9}[.)]")

# Characters written as a numeric reference wherever they are, or shown as a picture.
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SPECIAL_REFS = tuple((c, f"&#{ord(c)};") for c in "\t\n\r\f\u2028\u2029")
# The other controls, which a terminal would obey (`cat minutes.md`) and parsers refuse as
# references: their pictures (`␛`), U+FFFD for C1; lone surrogates cannot even be encoded.
_PICTURED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    return CONTROLS.get(ord(match.group()), "\ufffd")


# Characters parsers strip at the start or end of a paragraph, heading or table cell: the
# union of Python's str.isspace (markdown-it-py 3 strips with it) and JavaScript's trim
# (markdown-it strips with it, U+FEFF included). A test checks this list against isspace().
_EDGE_SPACE = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)

_SPACE_RUN = re.compile(" {2,}")


def _space_refs(match: re.Match[str]) -> str:
    return "&#32;" * len(match.group())


def _edge(char: str) -> str:
    """A character at either end of a text, in a form no parser strips (the controls among
    the spaces, which parsers refuse as references, are pictures by then)."""
    return f"&#{ord(char)};" if char in _EDGE_SPACE else char


def escape_inline(text: str) -> str:
    """User text as Markdown inline content that a CommonMark parser reads back exactly.

    See the module docstring: ASCII punctuation is backslash-escaped, whitespace Markdown would
    fold or strip becomes a numeric character reference, the other control characters their
    pictures (U+FFFD for C1 controls and lone surrogates). The result never contains a line
    break or a control character, so it fits in a heading, a list item or a table cell, and
    `cat` shows it without the terminal acting on it.
    """
    if not text:
        return ""
    out = text
    # str.replace is several times faster than translate() or re.sub with a function here.
    for char, escaped in _PUNCT_ESCAPES:
        if char in out:
            out = out.replace(char, escaped)
    if (lead := _LEADING.match(out)) is not None:
        end = lead.end()
        out = f"{out[: end - 1]}\\{out[end - 1 :]}"
    if _SPECIAL.search(out):
        for char, ref in _SPECIAL_REFS:
            if char in out:
                out = out.replace(char, ref)
        if _PICTURED.search(out):
            out = _PICTURED.sub(_picture, out)
    if "  " in out:
        out = _SPACE_RUN.sub(_space_refs, out)
    # A space or any other Unicode space at either end: a reference, or U+FFFD.
    if out[-1] in _EDGE_SPACE:
        out = out[:-1] + _edge(out[-1])
    if out[0] in _EDGE_SPACE:
        out = _edge(out[0]) + out[1:]
    return out


# -- numbers and dates ----------------------------------------------------------------------------


def _format_date(when: datetime, words: dict[str, str]) -> str:
    local = when.astimezone() if when.tzinfo is not None else when
    month = words["months"].split()[local.month - 1]
    return words["date_format"].format(day=local.day, month=month, year=local.year)


def _format_mean(scores: list[int], words: dict[str, str]) -> str:
    """`4,3 / 5 (6 avis)`: one decimal, half up, in the document's language."""
    mean = (Decimal(sum(scores)) / Decimal(len(scores))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    count = (
        words["ratings_one"] if len(scores) == 1 else words["ratings_other"].format(n=len(scores))
    )
    return f"{str(mean).replace('.', words['decimal'])} / 5 ({count})"


def _latest(session: Session) -> datetime:
    """The time the minutes are taken at: the end, or the latest time the log knows of."""
    if session.ended is not None:
        return session.ended
    times: list[datetime] = [session.created]
    if session.last_at is not None:
        times.append(session.last_at)
    for timing in session.timings:
        times.extend(t for t in (timing.entered, timing.left) if t is not None)
    times.extend(n.at for n in session.notes)
    times.extend(t for t in (session.started, session.run_since, session.speaker_since) if t)
    aware = [t for t in times if isinstance(t, datetime) and t.tzinfo is not None]
    return max(aware) if aware else datetime.now(UTC)


# -- names ----------------------------------------------------------------------------------------

# French elision before a name: `d'`, `qu'`, `lorsqu'`, `puisqu'`, `jusqu'` (either apostrophe).
_ELISION = r"(?:(?P<elided>lorsqu|puisqu|jusqu|qu|d)['\u2019])?"


def _fold_char(char: str) -> str:
    """One character as names are compared: full case folding (`ß` is `ss`), the Turkish
    dotted and dotless i as `i` (`İ`, `ı`), the combining dot above dropped."""
    folded = char.casefold()
    if folded.isascii():
        return folded
    return folded.replace("\u0131", "i").replace("\u0307", "").replace("\u2019", "'")


def _fold(text: str) -> str:
    """A name as it is compared: NFC, folded (`Jürgen GROSS` is `jürgen groß`), no spaces at
    either end."""
    text = text.strip()
    if text.isascii():
        return text.lower()
    return _fold_nfc(unicodedata.normalize("NFC", text))


def _fold_nfc(text: str) -> str:
    """Text already in NFC, folded as `_fold_char` does character by character."""
    folded = text.casefold()
    if "\u0131" in folded or "\u0307" in folded or "\u2019" in folded:
        folded = folded.replace("\u0131", "i").replace("\u0307", "").replace("\u2019", "'")
    return folded


def _folded_with_places(text: str) -> tuple[str, list[int]]:
    """`text` (NFC) folded, and for each folded character the index of the one it comes from;
    one more entry, len(text), closes the list."""
    folded: list[str] = []
    places: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char)
        folded.append(piece)
        places.extend([i] * len(piece))
    places.append(len(text))
    return "".join(folded), places


def _people_in_order(session: Session, include_confidential: bool) -> list[str]:
    """Everybody named as an author or a speaker, in the order of the log.

    An author whose notes are all left out (confidential) is not named: listing them would
    tell that they said something confidential."""
    named = [
        (n.seq, n.author)
        for n in session.notes
        if n.author.strip() and (include_confidential or not n.confidential)
    ]
    named += [(t.seq, t.name) for t in session.turns if t.name.strip()]
    named.sort(key=lambda pair: pair[0])
    return [name for _, name in named] + list(session.talk)


class _Names:
    """Shows a name as written, or as its role when anonymizing; scrubs names from free text."""

    def __init__(
        self,
        session: Session,
        words: dict[str, str],
        anonymize: bool,
        include_confidential: bool = False,
    ) -> None:
        self.roster = session.roster
        self.words = words
        self.anonymize = anonymize
        names = self.roster.names()
        self._full: dict[str, str] = {}
        for name in names:
            self._full.setdefault(_fold(name), name)
        firsts: dict[str, list[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) > 1:
                firsts.setdefault(_fold(parts[0]), []).append(name)
        # A first name alone stands for the one person of the roster who has it.
        self._first = {
            first: full[0]
            for first, full in firsts.items()
            if len(full) == 1 and first not in self._full
        }
        # A surname alone ("Roy", "Mme Marchand") too, written with its capital: a surname is
        # often a word as well ("Petit", "Roy"), and "un petit souci" names nobody.
        lasts: dict[str, list[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) > 1 and len(parts[-1]) > 1:
                lasts.setdefault(parts[-1], []).append(name)
        self._last = {
            last: full[0]
            for last, full in lasts.items()
            if len(full) == 1 and _fold(last) not in self._full and _fold(last) not in self._first
        }
        self.others: dict[str, tuple[str, str]] = {}
        """Participants not on the roster, by folded name: (the name as first written, label)."""
        for name in _people_in_order(session, include_confidential):
            key = _fold(name)
            if key and key not in self.others and self.resolve(name) is None:
                label = f"{words['participant']} {len(self.others) + 1}"
                self.others[key] = (name, label)
        self._shown: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self._words: list[str] = []
        self._labels: dict[str, str] = {}
        self._spellings: dict[str, str] = {}

    def resolve(self, name: str) -> str | None:
        """The roster's name for `name` (ignoring case, or a first name alone), or None."""
        key = _fold(name)
        return self._full.get(key) or self._first.get(key)

    def same(self, a: str, b: str) -> bool:
        """Whether two names stand for the same person."""
        if _fold(a) == _fold(b):
            return True
        full = self.resolve(a)
        return full is not None and full == self.resolve(b)

    def role(self, name: str) -> str | None:
        """The label standing for a person when anonymizing (plain text), or None."""
        full = self.resolve(name)
        if full is None:
            other = self.others.get(_fold(name))
            return other[1] if other else None
        role = self.roster.role_of(full) or ""
        if role == "client":
            return self.words["client"]
        if role == "facilitator":
            return self.words["facilitator"]
        return f"{self.words['consultant']} {role.split()[-1]}"

    def show(self, name: str) -> str:
        """The escaped Markdown for a name (blank stays blank): a role when anonymizing, and
        somebody who is not a participant as free text (scrubbed)."""
        shown = self._shown.get(name)
        if shown is None:
            label = self.role(name) if self.anonymize and name else None
            shown = self._shown[name] = escape_inline(label) if label else self.text(name)
        return shown

    def text(self, text: str) -> str:
        """The escaped Markdown for free text; when anonymizing, with the names in it replaced."""
        if self.anonymize and text:
            text = self._scrub(text)
        return escape_inline(text)

    def _scrub(self, text: str) -> str:
        if self._pattern is None:
            labels: dict[str, str] = {}
            for key, full in [*self._full.items(), *self._first.items()]:
                labels.setdefault(key, self.role(full) or "")
            for key, (_, label) in self.others.items():
                labels.setdefault(key, label)
            self._words = sorted((k for k in labels if k), key=len, reverse=True)
            self._labels = labels
            # Matched in the folded text: the names are folded already.
            self._pattern = re.compile(
                r"(?<!\w)"
                + _ELISION
                + r"(?P<name>"
                + "|".join(map(re.escape, self._words))
                + r")(?!\w)"
            )
            # A surname alone: any word written with a capital whose folded form is a
            # surname's ("GROẞ", "Gross" and "GROSS" for "Groß", "Ruff" for "Ruﬀ").
            self._spellings = {_fold(last): last for last in self._last}
            self._last_pattern = re.compile(
                r"(?<!\w)" + _ELISION + r"(?P<name>\w+(?:[-'\u2019]\w+)*)(?!\w)"
            )
        ascii = text.isascii()
        if not ascii:
            text = unicodedata.normalize("NFC", text)
        # Most texts name nobody: a plain search is much faster than the pattern.
        folded = _fold_nfc(text)
        if any(word in folded for word in self._words):
            folded, places = (text.lower(), None) if ascii else _folded_with_places(text)
            text = self._replace_all(text, folded, places)
        if self._last and any(last in folded for last in self._spellings):
            text = self._last_pattern.sub(self._replace_last, text)
        return text

    def _replace_all(self, text: str, folded: str, places: list[int] | None) -> str:
        """`text` with each name found in `folded` replaced by its label; `places` maps the
        folded characters back to the text's (None: the same places)."""
        out: list[str] = []
        done = 0
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            if places is not None:
                # Only whole characters of the text: `ss` from the end of `ß` is no name.
                if 0 < start and places[start - 1] == places[start]:
                    continue
                if places[end - 1] == places[end]:
                    continue
                start, end = places[start], places[end - 1] + 1
                while end < len(text) and not _fold_char(text[end]):
                    end += 1  # a combining dot above belongs to the name
            elided = match.group("elided")
            if elided is not None and places is not None:
                elided = text[places[match.start("elided")] : places[match.end("elided") - 1] + 1]
            elif elided is not None:
                elided = text[match.start("elided") : match.end("elided")]
            out.append(text[done:start])
            out.append(self._with_elision(elided, self._labels[match.group("name")]))
            done = end
        out.append(text[done:])
        return "".join(out)

    def _replace_last(self, match: re.Match[str]) -> str:
        word = match.group("name")
        last = self._spellings.get(_fold(word)) if word[:1].isupper() else None
        if last is None:
            return match.group()
        return self._with_elision(match.group("elided"), self.role(self._last[last]) or "")

    @staticmethod
    def _with_elision(elided: str | None, label: str) -> str:
        if not elided:
            return label
        # A role starts with a consonant: `d'` is `de` again, `qu'` is `que`.
        vowel = "E" if len(elided) > 1 and elided.isupper() else "e"
        return f"{elided}{vowel} {label}"


# -- the document ---------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text if text else " "


def _row(cells: Iterable[str]) -> str:
    # A space before every `|` keeps a trailing backslash of a cell from escaping the pipe.
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def render_minutes(
    session: Session,
    *,
    include_confidential: bool = False,
    anonymize: bool = False,
    lang: str | None = None,
    now: datetime | None = None,
) -> str:
    """The Markdown minutes of a session (see the module docstring for what is shown how).

    `now` is the time the running phase and the current speaker are counted up to; by default
    the session's end, or else the latest time found in its log.
    """
    if session.practice:
        return render_journal(session, lang=lang, now=now)
    words = _words(lang or session.lang)
    return _Minutes(session, words, include_confidential, anonymize, now).render()


class _Minutes:
    """One rendering of the minutes: the sections in order, appended to `out`."""

    def __init__(
        self,
        session: Session,
        words: dict[str, str],
        include_confidential: bool,
        anonymize: bool,
        now: datetime | None,
    ) -> None:
        self.session = session
        self.words = words
        self.include = include_confidential
        self.anonymize = anonymize
        self.at = now or _latest(session)
        self.names = _Names(session, words, anonymize, include_confidential)
        self.esc = self.names.text
        self.mark = f" *{words['confidential']}*"
        self.colon = words["colon"]
        self.out: list[str] = []
        self.add = self.out.append

    def render(self) -> str:
        self.header()
        self.participants()
        self.topic()
        self.contract()
        self.phases()
        self.actions()
        self.learnings()
        self.evaluation()
        self.round_of_the_table()
        self.timing()
        self.add("---")
        self.add("")
        reminder = self.words["reminder_with" if self.include else "reminder"]
        self.add(f"*{reminder}*")
        self.add("")
        return "\n".join(self.out)

    # -- what is shown -----------------------------------------------------------------------

    def visible(self, note: Note) -> bool:
        return self.include or not note.confidential

    def shown(self, note_id: int | None) -> bool:
        """Whether an item typed as this note shows: a confidential one only when asked."""
        note = self.session.note(note_id) if note_id is not None else None
        return note is None or self.visible(note)

    def marked(self, note_id: int | None) -> str:
        """The confidential mark for an item typed as a confidential note."""
        note = self.session.note(note_id) if note_id is not None else None
        return self.mark if note is not None and note.confidential else ""

    def heading(self, level: int, text: str) -> None:
        self.add(f"{'#' * level} {text}")
        self.add("")

    def nothing(self, key: str = "nothing") -> None:
        self.add(f"*{self.words[key]}*")
        self.add("")

    # -- the sections ------------------------------------------------------------------------

    def header(self) -> None:
        roster, words, esc = self.session.roster, self.words, self.esc
        self.heading(1, esc(roster.topic) if roster.topic.strip() else words["title"])
        if isinstance(self.session.created, datetime):
            date = _format_date(self.session.created, words)
            self.add(f"- **{words['date']}**{self.colon}{date}")
        if roster.group:
            self.add(f"- **{words['group']}**{self.colon}{esc(roster.group)}")
        self.add(f"- **{words['script']}**{self.colon}{esc(self.session.script.script.name)}")
        self.add("")

    def participants(self) -> None:
        roster, words, names = self.session.roster, self.words, self.names
        self.heading(2, words["participants"])
        self.add(_row([words["role"], words["name"]]))
        self.add("| --- | --- |")
        people = [(words["client"], roster.client)]
        people += [(words["consultant"], c) for c in roster.consultants]
        people.append((words["facilitator"], roster.facilitator))
        people += [(words["participant"], name) for name, _ in names.others.values()]
        for role, name in people:
            if name:
                self.add(_row([role, names.show(name)]))
        self.add("")

    def topic(self) -> None:
        topic = self.session.roster.topic
        self.heading(2, self.words["topic"])
        if topic:
            self.add(self.esc(topic))
            self.add("")
        else:
            self.nothing()

    def contract(self) -> None:
        self.heading(2, self.words["contract"])
        note = self.session.contract_note
        if note is not None and note.text and self.visible(note):
            self.add(self.esc(note.text) + (self.mark if note.confidential else ""))
            self.add("")
        else:
            self.nothing()

    def phases(self) -> None:
        s = self.session
        # What shows in a section of its own is not a note of its phase too.
        own_ids = {note_id for note_id, _ in self.items()}
        by_phase: dict[str, list[Note]] = {}
        for note in s.notes:
            if note.text and note.id not in own_ids and self.visible(note):
                by_phase.setdefault(note.phase, []).append(note)
        self.heading(2, self.words["phases"])
        elsewhere = self.sections_of_items()
        for i, phase in enumerate(s.script.phases):
            self.heading(3, f"{i + 1}. {self.esc(phase.title)}")
            notes = by_phase.pop(phase.id, [])
            told = (
                self.told_in_order(phase, notes) if phase.round else self.by_kind(notes, phase.kind)
            )
            # Where what was typed in this phase as a contract, an action... shows instead.
            sections = elsewhere.get(phase.id)
            if sections:
                key = "see_also" if told else "see"
                self.add(f"*{self.words[key].format(sections=', '.join(sections))}*")
                self.add("")
            elif not told:
                self.nothing("no_notes")
        if by_phase:
            self.heading(3, self.words["other_notes"])
            self.by_kind([n for notes in by_phase.values() for n in notes])

    def items(self) -> list[tuple[int | None, str]]:
        """What shows in a section of its own: the note it was typed as, and the section."""
        s = self.session
        contract = s.contract_note.id if s.contract_note is not None else None
        items: list[tuple[int | None, str]] = [(contract, "contract")]
        items += [(a.note, "actions") for a in s.actions]
        items += [(x.note, "learnings") for x in s.learnings]
        items += [(e.note, "evaluation") for e in s.evaluations]
        return items

    def sections_of_items(self) -> dict[str, list[str]]:
        """Per phase, the sections showing the items typed in it (visible ones only)."""
        s, words = self.session, self.words
        found: dict[str, list[str]] = {}
        for note_id, key in self.items():
            note = s.note(note_id) if note_id is not None else None
            if note is not None and note.text and self.visible(note):
                titles = found.setdefault(note.phase, [])
                if words[key] not in titles:
                    titles.append(words[key])
        return found

    def kind_label(self, kind: str, prefix: str) -> str:
        return self.words.get(f"{prefix}.{kind}") or self.esc(kind) or self.words[f"{prefix}.note"]

    def by_kind(self, notes: list[Note], main_kind: str = "note") -> bool:
        """Notes grouped by kind: the phase's own kind first, then the usual order; False
        when there is none."""
        if not notes:
            return False
        kinds: dict[str, list[Note]] = {}
        for note in notes:
            kinds.setdefault(note.kind, []).append(note)
        known = [main_kind, *(k for k in NOTE_KINDS if k != main_kind)]
        order = [k for k in known if k in kinds] + [k for k in kinds if k not in known]
        for kind in order:
            self.heading(4, self.kind_label(kind, "kind"))
            for note in kinds[kind]:
                line = f"- {self.esc(note.text)}"
                if note.author:
                    line += f" — {self.names.show(note.author)}"
                if note.confidential:
                    line += self.mark
                self.add(line)
            self.add("")
        return True

    def told_in_order(self, phase: Phase, notes: list[Note]) -> bool:
        """A round of the table as it was spoken: the notes taken before anyone had the floor,
        then each round, each turn with its contributions; all in log order. False when
        nobody had the floor and there is no note."""
        turns = self.session.turns
        mine = {i for i, turn in enumerate(turns) if turn.phase == phase.id}
        said: dict[int, list[Note]] = {}
        others: list[Note] = []
        for note in notes:
            if note.turn in mine:
                said.setdefault(note.turn, []).append(note)
            else:  # before the round, or moved here from another phase
                others.append(note)
        # A last round where nothing was noted and nobody passed is the floor handed back to
        # the first consultant as the phase ended (F6, F4 after the last one): not a round.
        last = max((turns[i].round for i in mine), default=0)
        final = {i for i in mine if turns[i].round == last}
        if not any(i in said or turns[i].passed for i in final):
            mine -= final
        told: list[tuple[int, Note | int]] = [(turns[i].seq, i) for i in mine]
        told += [(note.seq, note) for note in others]
        if not told:
            return False
        told.sort(key=lambda item: item[0])
        round_number = 0
        for _, item in told:
            if isinstance(item, Note):
                self.add(f"- {self.contribution(item)}")
                continue
            turn = turns[item]
            if turn.round != round_number:
                round_number = turn.round
                if self.out[-1]:
                    self.add("")
                self.heading(4, self.words["round_n"].format(n=round_number))
            # One line per contribution, with who said it: each reads on its own (a search, a
            # quote). The turn's consultant leads, or the note's author when someone else spoke.
            spoken = sorted(said.get(item, []), key=lambda n: n.seq)
            speaker = f"**{self.names.show(turn.name)}**"
            theirs = any(not n.author or self.names.same(n.author, turn.name) for n in spoken)
            if not theirs and not turn.passed:  # the turn was theirs, whoever else spoke
                self.add(f"- {speaker} — *{self.words['silent_turn']}*")
            for note in spoken:
                self.add(f"- {self.contribution(note, turn)}")
            if turn.passed:
                self.add(f"- {speaker} — *{self.words['passed_turn']}*")
        self.add("")
        return True

    def contribution(self, note: Note, turn: Turn | None = None) -> str:
        """`**Who** — *Suggestion* : text (confidential)`: the author, else the speaker."""
        who = note.author or (turn.name if turn is not None else "")
        line = f"*{self.kind_label(note.kind, 'one')}*{self.colon}{self.esc(note.text)}"
        if who:
            line = f"**{self.names.show(who)}** — {line}"
        if note.confidential:
            line += self.mark
        return line

    def actions(self) -> None:
        words, names = self.words, self.names
        self.heading(2, words["actions"])
        actions = [a for a in self.session.actions if self.shown(a.note)]
        if not actions:
            self.nothing()
            return
        self.add(_row([words["what"], words["who"], words["due"]]))
        self.add("| --- | --- | --- |")
        for action in actions:
            who = " + ".join(names.show(p) for p in action.people)
            what = self.esc(action.what) + self.marked(action.note)
            self.add(_row([what, who, self.esc(action.due)]))
        self.add("")

    def learnings(self) -> None:
        """Per person: roster order first, then in order of appearance."""
        self.heading(2, self.words["learnings"])
        learnings = [x for x in self.session.learnings if self.shown(x.note)]
        if not learnings:
            self.nothing()
            return
        names = self.names
        per_person: dict[str, tuple[str, list[str]]] = {
            n: (n, []) for n in self.session.roster.names()
        }
        for learning in learnings:
            key = names.resolve(learning.who) or _fold(learning.who)
            what = self.esc(learning.what) + self.marked(learning.note)
            per_person.setdefault(key, (learning.who, []))[1].append(what)
        for who, items in per_person.values():
            if items:
                self.heading(3, names.show(who) or self.words["unnamed"])
                self.out.extend(f"- {what}" for what in items)
                self.add("")

    def evaluation(self) -> None:
        """The mean score, then the comments; no section without any."""
        evaluations = [e for e in self.session.evaluations if self.shown(e.note)]
        scores = [e.score for e in evaluations if e.score is not None]
        comments = [e for e in evaluations if e.comment]
        if not scores and not comments:
            return
        words = self.words
        self.heading(2, words["evaluation"])
        if scores:
            self.add(f"**{words['mean']}**{self.colon}{_format_mean(scores, words)}")
            self.add("")
        for e in comments:
            line = f"- {self.esc(e.comment)}"
            if e.author and not self.anonymize:  # authors only with their consent
                line += f" — {self.names.show(e.author)}"
            self.add(line + self.marked(e.note))
        if comments:
            self.add("")

    def round_of_the_table(self) -> None:
        """Each consultant's talk time, then anybody else who had the floor."""
        s = self.session
        if not s.talk:
            return
        speakers = [c for c in s.roster.consultants if c]
        speakers += [n for n in s.talk if n and n not in speakers]
        times = ", ".join(
            f"{self.names.show(n)} {format_duration(s.talk_time(n, now=self.at))}" for n in speakers
        )
        self.heading(2, self.words["round"])
        self.add(f"**{self.words['talk']}**{self.colon}{times}")
        self.add("")

    def timing(self) -> None:
        """Planned, adjusted (when some phase was), actual and overtime, per phase and in all."""
        words = self.words
        table = timing_table(self.session, now=self.at)
        self.heading(2, words["timing"])
        columns = [words["phase"], words["planned"]]
        if table.adjusted:
            columns.append(words["adjusted"])
        columns += [words["actual"], words["overtime"]]
        self.add(_row(columns))
        self.add("| --- |" + " ---: |" * (len(columns) - 1))
        for i, row in enumerate(table.rows):
            self.add(_row(_timing_cells(table, row, f"{i + 1}. {self.esc(row.title)}")))
        total = _timing_cells(table, table.total, words["total"])
        self.add(_row(f"**{cell}**" for cell in total))
        self.add("")
        if table.adjusted:
            self.add(f"*{words['adjusted_note']}*")
            self.add("")


def _timing_cells(table: TimingTable, row: TimingRow, title: str) -> list[str]:
    cells = [title, table.duration(row.planned)]
    if table.adjusted:
        cells.append(table.duration(row.adjusted))
    over = f"+{table.duration(row.over)}" if row.over > 0 else "—"
    return [*cells, table.duration(row.actual), over]


def render_journal(
    session: Session, *, lang: str | None = None, now: datetime | None = None
) -> str:
    """The export of a practice session: prompts with their answers, time per phase against
    the plan (in rehearsal time and in real-session equivalent), and the prompts skipped."""
    words = _words(lang or session.lang)
    colon = words["colon"]
    esc = escape_inline
    at = now or _latest(session)
    speed = session.speed if session.speed > 0 else 1.0
    out: list[str] = [f"# {words['journal']} — {esc(session.script.script.name)}", ""]
    add = out.append
    if isinstance(session.created, datetime):
        add(f"- **{words['date']}**{colon}{_format_date(session.created, words)}")
    role = session.practice_role or words["all_roles"]
    add(f"- **{words['rehearsed_role']}**{colon}{esc(role)}")
    add(f"- **{words['speed']}**{colon}×{speed:g}")
    add("")
    for i, phase in enumerate(session.script.phases):
        add(f"## {i + 1}. {esc(phase.title)}")
        add("")
        answered = [n for n in session.notes if n.phase == phase.id and n.prompt]
        free = [n for n in session.notes if n.phase == phase.id and not n.prompt]
        add(f"### {words['answers']}")
        add("")
        if not answered and not free:
            add(f"*{words['no_answer']}*")
            add("")
        for note in answered:
            add(f"- **{esc(note.prompt)}**")
            add(f"  - {esc(note.text)}")
        out.extend(f"- {esc(n.text)}" for n in free)
        add("")
        skipped = [p for phase_id, p in session.skipped if phase_id == phase.id]
        if skipped:
            add(f"### {words['skipped']}")
            add("")
            out.extend(f"- {esc(p)}" for p in skipped)
            add("")
    # The plan is in real-session time: the rehearsal's time is scaled to compare.
    table = timing_table(session, now=at, scale=speed)
    add(f"## {words['timing']}")
    add("")
    columns = [words["phase"], words["planned"]]
    if table.adjusted:
        columns.append(words["adjusted"])
    columns += [words["rehearsal"], words["real"], words["overtime"]]
    add(_row(columns))
    add("| --- |" + " ---: |" * (len(columns) - 1))
    for i, row in enumerate(table.rows):
        cells = [f"{i + 1}. {esc(row.title)}", format_duration(row.planned)]
        if table.adjusted:
            cells.append(format_duration(row.adjusted))
        cells += [
            format_duration(session.elapsed(i, now=at)),
            format_duration(row.actual),
            f"+{format_duration(row.over)}" if row.over > 0 else "—",
        ]
        add(_row(cells))
    add("")
    return "\n".join(out)


# -- files ----------------------------------------------------------------------------------------


def write_minutes(
    session: Session,
    dest: Path,
    *,
    force: bool = False,
    include_confidential: bool = False,
    anonymize: bool = False,
    lang: str | None = None,
    now: datetime | None = None,
    source: Path | None = None,
) -> Path:
    """Write the minutes to `dest` (UTF-8, mode 0600, atomically) and return its path.

    An existing file is never replaced unless `force`: FileExistsError says so. Even with
    `force`, `dest` is refused (SaveError) when it is the session file `source`, any codev
    session file, or not a regular file (a device, FIFO or socket, or a symlink to one). Any
    other failure raises SaveError with one readable line, and leaves no partial file behind.
    """
    dest = Path(dest)
    _refuse_destination(dest, source)
    text = render_minutes(
        session,
        include_confidential=include_confidential,
        anonymize=anonymize,
        lang=lang,
        now=now,
    )
    data = text.encode("utf-8")
    if not force and (dest.exists() or dest.is_symlink()):
        raise _exists(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        write_private_file(tmp, data, exclusive=True)
        if force:
            os.replace(tmp, dest)
        else:
            _link_no_clobber(tmp, dest)
        with contextlib.suppress(OSError):
            fsync_dir(dest.parent)
    except FileExistsError:
        raise _exists(dest) from None
    except OSError as exc:
        raise SaveError(f"could not write the minutes to {dest}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


_SESSION_HEAD = re.compile(rb"\A(?:# codev-tui session file|(?:#[^\n]*\n|\s)*schema = [0-9]+\s*\n)")


_LOCK = re.compile(rb"[0-9]*\n?")
"""What a codev lock file holds: its holder's process id, or nothing."""


def _refuse_destination(dest: Path, source: Path | None) -> None:
    """SaveError when the minutes must not go to `dest`, whatever `force` says."""
    try:
        info = os.stat(dest)  # through symlinks
    except OSError:
        return  # nothing there (or a dangling symlink: refused unless --force, then replaced)
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(f"cannot write the minutes to {dest}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(
            f"cannot write the minutes to {dest}: not a regular file (a device, pipe or "
            "socket); use -o - for the screen"
        )
    if source is not None:
        with contextlib.suppress(OSError):
            mine = os.stat(source)
            if (mine.st_dev, mine.st_ino) == (info.st_dev, info.st_ino):
                raise SaveError(f"cannot write the minutes to {dest}: it is the session file")
    try:
        with open(dest, "rb") as file:
            head = file.read(4096)
    except OSError:
        return
    if _SESSION_HEAD.match(head):
        raise SaveError(f"cannot write the minutes to {dest}: it is a codev session file")
    if dest.name.startswith(".") and dest.name.endswith(".lock") and _LOCK.fullmatch(head):
        # Replaced, it would no longer be the file another codev holds: a second one could
        # then open the same session.
        raise SaveError(f"cannot write the minutes to {dest}: it is a codev lock file")


def _exists(dest: Path) -> FileExistsError:
    # One argument, so that str() is the sentence itself, without "[Errno 17]".
    return FileExistsError(f"{dest} already exists; add --force to overwrite it")


_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)


def _link_no_clobber(tmp: Path, dest: Path) -> None:
    """Put `tmp` at `dest` unless something is there already, without a window for a race."""
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise
    except OSError as exc:
        # Some file systems have no hard links: fall back to an exclusive create and copy.
        if exc.errno not in _NO_HARD_LINKS:
            raise
        data = tmp.read_bytes()
        try:
            write_private_file(dest, data, exclusive=True)
        except FileExistsError:
            raise
        except BaseException:
            with contextlib.suppress(OSError):
                dest.unlink()  # ours, half written
            raise
