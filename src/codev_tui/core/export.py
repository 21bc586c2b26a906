"""The minutes of a session, as a Markdown document.

`render_minutes` builds the text, `write_minutes` saves it (private, 0600, never overwriting
by accident) and `default_minutes_path` names the file beside the session file.

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
* control characters that CommonMark parsers refuse as references (markdown-it turns `&#1;`
  or `&#127;` into U+FFFD) are kept as they are: they are not markup, and only this way does
  the parser give them back.

A visible, documented replacement, U+FFFD (`�`), stands for what no Markdown file can hold:
NUL, lone surrogates (they cannot even be encoded in UTF-8), and a vertical tab, U+001C to
U+001F or U+0085 at the very start or end of a text (parsers strip them there and refuse them
as references).

`anonymize=True` replaces names by roles wherever a name is a field of its own: the roster,
note authors, who does an action, whose learning, and talk times. The client becomes
"Client", the consultants "Consultant 1", "Consultant 2"... in roster order, the facilitator
"Facilitateur" / "Facilitator", and anybody else "Participant 1", "Participant 2"... in the
order they first appear; a first name alone ("Marie") stands for the roster's only person with
that first name ("Marie Dupont"). Those names are then replaced wherever they are written in
free text too (topic, contract, notes, actions, learnings), as whole words, ignoring case; a
nickname or a misspelt name is not recognised, so anonymous minutes still deserve a read.

Confidential notes are left out unless `include_confidential=True`, and then marked.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from codev_tui.core.script import NOTE_KINDS
from codev_tui.core.session import ActionItem, Learning, Note, Session
from codev_tui.core.store import SaveError, fsync_dir, write_private_file

_Item = TypeVar("_Item", ActionItem, Learning)

__all__ = [
    "LABELS",
    "default_minutes_path",
    "escape_inline",
    "format_duration",
    "render_journal",
    "render_minutes",
    "write_minutes",
]

# -- the words of the document ------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Compte rendu de codéveloppement",
        "date": "Date",
        "group": "Groupe",
        "script": "Format",
        "practice": "Séance d'entraînement",
        "participants": "Participants",
        "role": "Rôle",
        "name": "Nom",
        "client": "Client",
        "consultant": "Consultant",
        "facilitator": "Facilitateur",
        "participant": "Participant",
        "topic": "Sujet",
        "contract": "Contrat",
        "phases": "Déroulé",
        "no_notes": "Aucune note.",
        "other_notes": "Autres notes",
        "confidential": "(confidentiel)",
        "actions": "Plan d'action",
        "what": "Quoi",
        "who": "Qui",
        "due": "Pour quand",
        "learnings": "Apprentissages",
        "unnamed": "(sans nom)",
        "evaluation": "Évaluation",
        "round": "Tour de table",
        "talk": "Temps de parole",
        "passed": "A passé son tour",
        "journal": "Journal de répétition",
        "rehearsed_role": "Rôle répété",
        "all_roles": "tous les rôles",
        "speed": "Vitesse",
        "answers": "Pistes et réponses",
        "skipped": "Pistes passées",
        "no_answer": "Aucune réponse.",
        "rehearsal": "Répétition",
        "real": "Équivalent séance",
        "timing": "Minutage",
        "phase": "Phase",
        "planned": "Prévu",
        "actual": "Réel",
        "overtime": "Dépassement",
        "total": "Total",
        "nothing": "Rien de noté.",
        "colon": " : ",
        "reminder": "Confidentiel : ce qui se dit dans le groupe reste dans le groupe ; "
        "ne diffusez pas ce compte rendu hors du groupe.",
        "reminder_with": "Confidentiel, avec des notes confidentielles : ce qui se dit dans "
        "le groupe reste dans le groupe ; ne diffusez pas ce compte rendu hors du groupe.",
        "kind.note": "Notes",
        "kind.question": "Questions",
        "kind.contract": "Contrat",
        "kind.suggestion": "Suggestions",
        "kind.hypothesis": "Hypothèses",
        "kind.impression": "Impressions",
        "kind.testimony": "Témoignages",
        "kind.action": "Actions",
        "kind.learning": "Apprentissages",
        "months": "janvier février mars avril mai juin juillet août septembre octobre "
        "novembre décembre",
        "date_format": "{day} {month} {year}",
    },
    "en": {
        "title": "Co-development session minutes",
        "date": "Date",
        "group": "Group",
        "script": "Format",
        "practice": "Practice session",
        "participants": "Participants",
        "role": "Role",
        "name": "Name",
        "client": "Client",
        "consultant": "Consultant",
        "facilitator": "Facilitator",
        "participant": "Participant",
        "topic": "Topic",
        "contract": "Contract",
        "phases": "Phases",
        "no_notes": "No notes.",
        "other_notes": "Other notes",
        "confidential": "(confidential)",
        "actions": "Action plan",
        "what": "What",
        "who": "Who",
        "due": "By when",
        "learnings": "Learnings",
        "unnamed": "(unnamed)",
        "evaluation": "Evaluation",
        "round": "Round of the table",
        "talk": "Talk time",
        "passed": "Passed",
        "journal": "Practice journal",
        "rehearsed_role": "Role rehearsed",
        "all_roles": "every role",
        "speed": "Speed",
        "answers": "Prompts and answers",
        "skipped": "Prompts skipped",
        "no_answer": "No answer.",
        "rehearsal": "Rehearsal",
        "real": "Real-session equivalent",
        "timing": "Timing",
        "phase": "Phase",
        "planned": "Planned",
        "actual": "Actual",
        "overtime": "Overtime",
        "total": "Total",
        "nothing": "Nothing noted.",
        "colon": ": ",
        "reminder": "Confidential: what is said in the group stays in the group; "
        "do not share these minutes outside it.",
        "reminder_with": "Confidential, with confidential notes: what is said in the group "
        "stays in the group; do not share these minutes outside it.",
        "kind.note": "Notes",
        "kind.question": "Questions",
        "kind.contract": "Contract",
        "kind.suggestion": "Suggestions",
        "kind.hypothesis": "Hypotheses",
        "kind.impression": "Impressions",
        "kind.testimony": "Testimonies",
        "kind.action": "Actions",
        "kind.learning": "Learnings",
        "months": "January February March April May June July August September October "
        "November December",
        "date_format": "{day} {month} {year}",
    },
}
"""Every fixed word of the minutes, per language (`fr`, and `en` for anything else)."""

# -- escaping -------------------------------------------------------------------------------------

# Punctuation that is markup wherever it stands (emphasis, code, links, HTML, entities, table
# cells, strikethrough, heading marks). The backslash comes first: the escapes added for the
# others must not be escaped again.
_MARKUP = "\\`*_[]<>|&~#"
_PUNCT_ESCAPES = tuple((c, "\\" + c) for c in _MARKUP)
# Markup only at the start of a text: a list item, a thematic break, a setext underline, an
# ordered list (`1.` or `1)`).
_LEADING = re.compile(r"[-+=]|\d{1,9}[.)]")

# Characters written as a numeric reference wherever they are, or replaced by U+FFFD.
_SPECIAL = re.compile("[\x00\t\n\r\f\u2028\u2029\ud800-\udfff]")
_SPECIAL_REFS = tuple((c, f"&#{ord(c)};") for c in "\t\n\r\f\u2028\u2029")
_UNREPRESENTABLE = re.compile("[\x00\ud800-\udfff]")

# Characters parsers strip at the start or end of a paragraph, heading or table cell: the
# union of Python's str.isspace (markdown-it-py 3 strips with it) and JavaScript's trim
# (markdown-it strips with it, U+FEFF included). A test checks this list against isspace().
_EDGE_SPACE = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# Of those, the ones a parser refuses as a numeric reference: only U+FFFD can stand for them.
_EDGE_LOST = frozenset("\x0b\x1c\x1d\x1e\x1f\x85")

_SPACE_RUN = re.compile(" {2,}")


def _space_refs(match: re.Match[str]) -> str:
    return "&#32;" * len(match.group())


def _edge(char: str) -> str:
    """A character at either end of a text, in a form no parser strips."""
    if char in _EDGE_LOST:
        return "\ufffd"
    if char in _EDGE_SPACE:
        return f"&#{ord(char)};"
    return char


def escape_inline(text: str) -> str:
    """User text as Markdown inline content that a CommonMark parser reads back exactly.

    See the module docstring: ASCII punctuation is backslash-escaped, whitespace Markdown would
    fold or strip becomes a numeric character reference, and U+FFFD replaces NUL, lone
    surrogates and the few edge characters no Markdown can hold. The result never contains a
    line break, so it fits in a heading, a list item or a table cell.
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
        out = _UNREPRESENTABLE.sub("\ufffd", out)
    if "  " in out:
        out = _SPACE_RUN.sub(_space_refs, out)
    # A space or any other Unicode space at either end: a reference, or U+FFFD.
    if out[-1] in _EDGE_SPACE:
        out = out[:-1] + _edge(out[-1])
    if out[0] in _EDGE_SPACE:
        out = _edge(out[0]) + out[1:]
    return out


# -- numbers and dates ----------------------------------------------------------------------------


def format_duration(seconds: float, *, hours: bool = False) -> str:
    """`mm:ss`, or `h:mm:ss` from an hour on (always with `hours`, so that a column of
    durations reads alike); rounded to the nearest second, never negative."""
    whole = int(round(max(0.0, seconds)))
    h, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{h}:{minutes:02d}:{secs:02d}" if h or hours else f"{minutes:02d}:{secs:02d}"


def phase_timings(
    session: Session, now: datetime | None = None, scale: float = 1.0
) -> list[tuple[int, int]]:
    """(planned, actual) whole seconds per phase: the script's plan against the time spent.

    The plan is the script's, without the minutes added or removed on the way: the table shows
    how the session went against what was planned. `scale` turns rehearsal time into the real
    session's (practice). The closing screen and the minutes both use this, so they agree.
    """
    return [
        (int(round(phase.seconds)), int(round(session.elapsed(i, now=now) * scale)))
        for i, phase in enumerate(session.script.phases)
    ]


def _format_date(when: datetime, words: dict[str, str]) -> str:
    local = when.astimezone() if when.tzinfo is not None else when
    month = words["months"].split()[local.month - 1]
    return words["date_format"].format(day=local.day, month=month, year=local.year)


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


class _Names:
    """Shows a name as it is, or as its role when anonymizing."""

    def __init__(self, session: Session, words: dict[str, str], anonymize: bool) -> None:
        self.roster = session.roster
        self.words = words
        self.anonymize = anonymize
        self.others: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self._labels: dict[str, str] = {}

    scrubbing = False
    """Anonymizing, second pass: names written inside free text are replaced too."""

    def text(self, text: str) -> str:
        """The escaped Markdown for free text; when anonymizing, with the names in it replaced."""
        if self.scrubbing and text:
            text = self._scrub(text)
        return escape_inline(text)

    def _scrub(self, text: str) -> str:
        if self._pattern is None:
            labels: dict[str, str] = {}
            for name in [*self.roster.names(), *self.others]:
                if name.strip():
                    labels.setdefault(name.strip().casefold(), self._show(name))
            # A first name alone stands for the one person of the roster who has it.
            for name in self.roster.names():
                first = name.split()[0] if len(name.split()) > 1 else ""
                if first and self._only_one_called(first) == name:
                    labels.setdefault(first.casefold(), self._show(name))
            self._labels = labels
            words = sorted(labels, key=len, reverse=True)
            self._pattern = (
                re.compile(
                    r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE
                )
                if words
                else re.compile(r"(?!)")
            )
        return self._pattern.sub(lambda m: self._labels[m.group().casefold()], text)

    def _only_one_called(self, first: str) -> str | None:
        """The roster's only person with the first name `first` ("Marie" → "Marie Dupont")."""
        full = [
            n
            for n in self.roster.names()
            if len(n.split()) > 1 and n.split()[0].casefold() == first.casefold()
        ]
        return full[0] if len(full) == 1 else None

    def show(self, name: str) -> str:
        """The escaped Markdown for a name (blank stays blank)."""
        shown = self.shown.get(name)
        if shown is None:
            shown = self.shown[name] = self._show(name)
        return shown

    def _show(self, name: str) -> str:
        if not name:
            return ""
        if not self.anonymize:
            return escape_inline(name)
        role = self.roster.role_of(name)
        if role is None and name.strip() != name:
            role = self.roster.role_of(name.strip())
        if role is None and (full := self._only_one_called(name.strip())) is not None:
            role = self.roster.role_of(full)
        if role == "client":
            return self.words["client"]
        if role == "facilitator":
            return self.words["facilitator"]
        if role is not None:
            return f"{self.words['consultant']} {role.split()[-1]}"
        if name not in self.others:
            self.others[name] = f"{self.words['participant']} {len(self.others) + 1}"
        return self.others[name]


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
    words = LABELS["fr"] if (lang or session.lang) == "fr" else LABELS["en"]
    colon = words["colon"]
    names = _Names(session, words, anonymize)

    def build() -> str:
        roster = session.roster
        at = now or _latest(session)
        esc = names.text
        out: list[str] = []
        add = out.append

        # Title and header.
        add(f"# {esc(roster.topic) if roster.topic.strip() else words['title']}")
        add("")
        if isinstance(session.created, datetime):
            add(f"- **{words['date']}**{colon}{_format_date(session.created, words)}")
        if roster.group:
            add(f"- **{words['group']}**{colon}{esc(roster.group)}")
        add(f"- **{words['script']}**{colon}{esc(session.script.script.name)}")
        if session.practice:
            add(f"- {words['practice']}")
        add("")

        # Who was there.
        add(f"## {words['participants']}")
        add("")
        add(_row([words["role"], words["name"]]))
        add("| --- | --- |")
        people = [(words["client"], roster.client)]
        people += [(words["consultant"], c) for c in roster.consultants]
        people.append((words["facilitator"], roster.facilitator))
        for role, name in people:
            if name:
                add(_row([role, names.show(name)]))
        add("")

        add(f"## {words['topic']}")
        add("")
        add(esc(roster.topic) if roster.topic else f"*{words['nothing']}*")
        add("")

        add(f"## {words['contract']}")
        add("")
        add(esc(session.contract) if session.contract else f"*{words['nothing']}*")
        add("")

        # The phases and their notes.
        add(f"## {words['phases']}")
        add("")
        by_phase: dict[str, list[Note]] = {}
        for note in session.notes:
            if note.text and (include_confidential or not note.confidential):
                by_phase.setdefault(note.phase, []).append(note)
        confidential_mark = f" *{words['confidential']}*"

        def add_notes(notes: list[Note], main_kind: str = "note") -> None:
            if not notes:
                add(f"*{words['no_notes']}*")
                add("")
                return
            kinds: dict[str, list[Note]] = {}
            for note in notes:
                kinds.setdefault(note.kind, []).append(note)
            # The phase's own kind first, then the usual order, then any unknown kind.
            known = [main_kind, *(k for k in NOTE_KINDS if k != main_kind)]
            order = [k for k in known if k in kinds] + [k for k in kinds if k not in known]
            for kind in order:
                heading = words.get(f"kind.{kind}") or esc(kind) or words["kind.note"]
                add(f"#### {heading}")
                add("")
                for note in kinds[kind]:
                    line = f"- {esc(note.text)}"
                    if note.author:
                        line += f" — {names.show(note.author)}"
                    if note.confidential:
                        line += confidential_mark
                    add(line)
                add("")

        for i, phase in enumerate(session.script.phases):
            add(f"### {i + 1}. {esc(phase.title)}")
            add("")
            add_notes(by_phase.pop(phase.id, []), phase.kind)
        if by_phase:
            add(f"### {words['other_notes']}")
            add("")
            add_notes([n for notes in by_phase.values() for n in notes])

        # Actions and learnings typed as a confidential note are as confidential as that note.
        secret = {n.id for n in session.notes if n.confidential}

        def shown(items: list[_Item]) -> list[_Item]:
            return [x for x in items if include_confidential or x.note not in secret]

        def what_of(item: ActionItem | Learning) -> str:
            return esc(item.what) + (confidential_mark if item.note in secret else "")

        # The action plan.
        add(f"## {words['actions']}")
        add("")
        actions = shown(session.actions)
        if actions:
            add(_row([words["what"], words["who"], words["due"]]))
            add("| --- | --- | --- |")
            for action in actions:
                add(_row([what_of(action), names.show(action.who), esc(action.due)]))
        else:
            add(f"*{words['nothing']}*")
        add("")

        # Learnings, per person: roster order first, then in order of appearance.
        add(f"## {words['learnings']}")
        add("")
        learnings = shown(session.learnings)
        if learnings:
            per_person: dict[str, list[str]] = {n: [] for n in roster.names()}
            for learning in learnings:
                per_person.setdefault(learning.who, []).append(what_of(learning))
            for who, items in per_person.items():
                if not items:
                    continue
                add(f"### {names.show(who) or words['unnamed']}")
                add("")
                out.extend(f"- {what}" for what in items)
                add("")
        else:
            add(f"*{words['nothing']}*")
            add("")

        lines = [line for line in session.evaluation if line]
        if lines:
            add(f"## {words['evaluation']}")
            add("")
            out.extend(f"- {esc(line)}" for line in lines)
            add("")

        # Round of the table: each consultant's talk time, then anybody else who spoke.
        if session.talk:
            speakers = [c for c in roster.consultants if c]
            speakers += [n for n in session.talk if n and n not in speakers]
            times = ", ".join(
                f"{names.show(n)} {format_duration(session.talk_time(n, now=at))}" for n in speakers
            )
            add(f"## {words['round']}")
            add("")
            add(f"**{words['talk']}**{colon}{times}")
            add("")
            if session.passes:
                passed = ", ".join(names.show(n) for n in session.passes)
                add(f"**{words['passed']}**{colon}{passed}")
                add("")

        # Timing: planned against actual, per phase and in all.
        add(f"## {words['timing']}")
        add("")
        add(_row([words["phase"], words["planned"], words["actual"], words["overtime"]]))
        add("| --- | ---: | ---: | ---: |")
        timings = phase_timings(session, now=at)
        total_planned = sum(p for p, _ in timings)
        total_actual = sum(a for _, a in timings)
        long = max(total_planned, total_actual) >= 3600

        def duration(seconds: int) -> str:
            return format_duration(seconds, hours=long)

        def over(seconds: int) -> str:
            return f"+{duration(seconds)}" if seconds > 0 else "—"

        for i, (phase, (planned, actual)) in enumerate(
            zip(session.script.phases, timings, strict=True)
        ):
            add(
                _row(
                    [
                        f"{i + 1}. {esc(phase.title)}",
                        duration(planned),
                        duration(actual),
                        over(actual - planned),
                    ]
                )
            )
        add(
            _row(
                [
                    f"**{words['total']}**",
                    f"**{duration(total_planned)}**",
                    f"**{duration(total_actual)}**",
                    f"**{over(total_actual - total_planned)}**",
                ]
            )
        )
        add("")
        add("---")
        add("")
        reminder = words["reminder_with"] if include_confidential else words["reminder"]
        add(f"*{reminder}*")
        add("")
        return "\n".join(out)

    if anonymize:
        build()  # a first pass numbers the other participants in order of appearance
        names.scrubbing = True
    return build()


def render_journal(
    session: Session, *, lang: str | None = None, now: datetime | None = None
) -> str:
    """The export of a practice session: prompts with their answers, time per phase against
    the plan (in rehearsal time and in real-session equivalent), and the prompts skipped."""
    words = LABELS["fr"] if (lang or session.lang) == "fr" else LABELS["en"]
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
    add(f"## {words['timing']}")
    add("")
    add(
        _row(
            [words["phase"], words["planned"], words["rehearsal"], words["real"], words["overtime"]]
        )
    )
    add("| --- | ---: | ---: | ---: | ---: |")
    for i, phase in enumerate(session.script.phases):
        planned = int(round(max(0.0, session.planned(i))))
        spent = session.elapsed(i, now=at)
        real = int(round(spent * speed))
        add(
            _row(
                [
                    f"{i + 1}. {esc(phase.title)}",
                    format_duration(planned),
                    format_duration(spent),
                    format_duration(real),
                    _overtime(real - planned),
                ]
            )
        )
    add("")
    return "\n".join(out)


def _overtime(seconds: int) -> str:
    return f"+{format_duration(seconds)}" if seconds > 0 else "—"


# -- files ----------------------------------------------------------------------------------------


def default_minutes_path(session_path: Path) -> Path:
    """The minutes beside their session file: same folder, same name, `.md`."""
    return Path(session_path).with_suffix(".md")


def write_minutes(
    session: Session,
    dest: Path,
    *,
    force: bool = False,
    include_confidential: bool = False,
    anonymize: bool = False,
    lang: str | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the minutes to `dest` (UTF-8, mode 0600, atomically) and return its path.

    An existing file is never replaced unless `force`: FileExistsError says so. Any other
    failure raises SaveError with one readable line, and leaves no partial file behind.
    """
    dest = Path(dest)
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
    if dest.is_dir():
        raise SaveError(f"cannot write the minutes to {dest}: it is a folder")
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
