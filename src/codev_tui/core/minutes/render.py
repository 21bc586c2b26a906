"""The minutes of a session, as a Markdown document.

`render_minutes` gathers the facts of a session (`facts.gather`), anonymizes them when asked
(`anonymize.anonymize`), then lays them out once; `write.write_minutes` saves the text.

What goes where, in this order: the header (date, group, format); **Participants** (the roster,
then anybody else who wrote or spoke, as "Participant"); **Topic**; **Choosing the subject**
(the candidates and their votes, who was chosen, and whether the facilitator overrode the vote;
when the session had a phase for it); **Contract**; **Phases**,
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

Every piece of user text goes through `escape.escape_inline`, so it shows literally and can
never change the document's structure. Names are matched against the roster as `names.People`
does; who does an action is shown like an author, several people joined with " + ".

Confidential notes are left out unless `include_confidential=True`, and then marked; so is
what was typed as a confidential note (the contract, an action, a learning, an evaluation; a
confidential contract leaves the contract section empty rather than show an older one).

The timing table is `core.timing.session_timing`'s, the closing screen's: the script's plan,
the plan as adjusted during the session (a column of its own only when some phase was
adjusted), the time spent, and the overtime against the adjusted plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from codev_tui.core.minutes.anonymize import anonymize as anonymized
from codev_tui.core.minutes.escape import escape_inline, table_row
from codev_tui.core.minutes.facts import Facts, gather
from codev_tui.core.minutes.journal import render_journal
from codev_tui.core.minutes.names import People
from codev_tui.core.script import NOTE_KINDS, Phase
from codev_tui.core.session import Note, Session, Turn
from codev_tui.core.session_parts import mean_score
from codev_tui.core.times import format_date, format_duration
from codev_tui.core.timing import TimingRow, TimingTable
from codev_tui.words import words_of

__all__ = ["render_minutes"]


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
    lang = lang or session.lang
    # The sections of choosing the subject and of the retour have their own words, named whole.
    own = {f"{p}.{k}": v for p in ("choosing", "retour") for k, v in words_of(p, lang).items()}
    words = {**words_of("minutes", lang), **own}
    facts = gather(session, include_confidential=include_confidential, now=now)
    if anonymize:
        facts = anonymized(facts, words)
    return _Minutes(facts, words).render()


def _format_mean(scores: list[int], words: Mapping[str, str]) -> str:
    """`4,3 / 5 (6 avis)`: one decimal, half up, in the document's language."""
    mean = mean_score(scores)
    count = (
        words["ratings_one"] if len(scores) == 1 else words["ratings_other"].format(n=len(scores))
    )
    return f"{str(mean).replace('.', words['decimal'])} / 5 ({count})"


def _timing_cells(table: TimingTable, row: TimingRow, title: str) -> list[str]:
    cells = [title, table.duration(row.planned)]
    if table.adjusted:
        cells.append(table.duration(row.adjusted))
    over = f"+{table.duration(row.over)}" if row.over > 0 else "—"
    return [*cells, table.duration(row.actual), over]


class _Minutes:
    """One rendering of the minutes: the sections in order, appended to `out`."""

    def __init__(self, facts: Facts, words: Mapping[str, str]) -> None:
        self.facts = facts
        self.words = words
        self.people = People(facts.roster)
        self.esc = escape_inline
        self.mark = f" *{words['confidential']}*"
        self.colon = words["colon"]
        self.out: list[str] = []
        self.add = self.out.append
        self._names: dict[str, str] = {}

    def render(self) -> str:
        self.header()
        self.participants()
        self.topic()
        self.retour()
        self.choosing()
        self.contract()
        self.phases()
        self.actions()
        self.learnings()
        self.evaluation()
        self.round_of_the_table()
        self.timing()
        self.add("---")
        self.add("")
        reminder = self.words["reminder_with" if self.facts.include_confidential else "reminder"]
        self.add(f"*{reminder}*")
        self.add("")
        return "\n".join(self.out)

    # -- how things are shown ----------------------------------------------------------------

    def marked(self, note_id: int | None) -> str:
        """The confidential mark for an item typed as a confidential note."""
        return self.mark if note_id in self.facts.confidential else ""

    def name(self, name: str) -> str:
        """A person's name as Markdown, escaped once per name."""
        shown = self._names.get(name)
        if shown is None:
            shown = self._names[name] = escape_inline(name)
        return shown

    def heading(self, level: int, text: str) -> None:
        self.add(f"{'#' * level} {text}")
        self.add("")

    def nothing(self, key: str = "nothing") -> None:
        self.add(f"*{self.words[key]}*")
        self.add("")

    # -- the sections ------------------------------------------------------------------------

    def header(self) -> None:
        facts, words, esc = self.facts, self.words, self.esc
        roster = facts.roster
        self.heading(1, esc(roster.topic) if roster.topic.strip() else words["title"])
        if facts.created is not None:
            date = format_date(facts.created, words["months"].split(), words["date_format"])
            self.add(f"- **{words['date']}**{self.colon}{date}")
        if roster.group:
            self.add(f"- **{words['group']}**{self.colon}{esc(roster.group)}")
        self.add(f"- **{words['script']}**{self.colon}{esc(facts.script_name)}")
        self.add("")

    def participants(self) -> None:
        roster, words = self.facts.roster, self.words
        self.heading(2, words["participants"])
        self.add(table_row([words["role"], words["name"]]))
        self.add("| --- | --- |")
        people = [(words["client"], roster.client)]
        people += [(words["consultant"], c) for c in roster.consultants]
        people.append((words["facilitator"], roster.facilitator))
        people += [(words["participant"], name) for name in self.facts.others]
        for role, name in people:
            if name:
                self.add(table_row([role, self.name(name)]))
        self.add("")
        if self.facts.away:  # a group's session: who was away, by name unless anonymized
            names = ", ".join(map(self.name, self.facts.absent)) or str(self.facts.away)
            self.add(f"- **{words['away']}**{self.colon}{names}")
            self.add("")

    def topic(self) -> None:
        topic = self.facts.roster.topic
        self.heading(2, self.words["topic"])
        if topic:
            self.add(self.esc(topic))
            self.add("")
        else:
            self.nothing()

    def retour(self) -> None:
        """A group's session: what became of the previous plan's actions."""
        facts, words, esc = self.facts, self.words, self.esc
        if not facts.review:
            return
        self.heading(2, words["retour"])
        columns = ("col_action", "col_who", "col_due", "col_status", "col_comment")
        self.add(table_row([words[f"retour.{c}"] for c in columns]))
        self.add("| --- | --- | --- | --- | --- |")
        for item in facts.review:
            status = facts.statuses.get(item.n)
            if status is None:
                said, comment = f"*{words['retour.minutes_none']}*", ""
            else:
                said = words[f"retour.status.{status.status}"] + self.marked(status.note)
                comment = esc(status.comment)
            if item.n in facts.carried:
                carried = f"*{words['retour.minutes_carried']}*"
                comment = f"{comment} — {carried}" if comment else carried
            row = [f"{item.n}. {esc(item.what)}", esc(item.who), esc(item.due), said, comment]
            self.add(table_row(row))
        self.add("")

    def choosing(self) -> None:
        """The candidates, their subject and votes, then who was chosen and how."""
        facts, words, colon = self.facts, self.words, self.colon
        if not (facts.choosing or facts.choice or facts.candidates):
            return
        self.heading(2, words["choosing.section"])
        if facts.candidates:
            columns = ["choosing.candidate", "choosing.subject", "choosing.votes"]
            self.add(table_row([words[c] for c in columns]))
            self.add("| --- | --- | ---: |")
        for c in facts.candidates:
            subject = self.esc(c.subject) if c.subject else f"*{words['choosing.no_subject']}*"
            subject += self.mark if c.confidential else ""
            votes = "—" if c.votes is None else str(c.votes)
            self.add(table_row([self.name(c.name), subject, votes]))
        if facts.candidates:
            self.add("")
        choice = facts.choice
        if choice is None:
            self.nothing("choosing.not_chosen")
            return
        self.add(f"- **{words['choosing.chosen_client']}**{colon}{self.name(choice.client)}")
        if choice.topic:
            self.add(f"- **{words['choosing.chosen_topic']}**{colon}{self.esc(choice.topic)}")
        if choice.overridden:
            self.add(f"- *{words['choosing.by_facilitator']}*")
        self.add("")

    def contract(self) -> None:
        self.heading(2, self.words["contract"])
        note = self.facts.contract
        if note is not None and note.text:
            self.add(self.esc(note.text) + (self.mark if note.confidential else ""))
            self.add("")
        else:
            self.nothing()

    def phases(self) -> None:
        facts = self.facts
        by_phase: dict[str, list[Note]] = {}
        for note in facts.notes:
            by_phase.setdefault(note.phase, []).append(note)
        self.heading(2, self.words["phases"])
        for i, phase in enumerate(facts.phases):
            self.heading(3, f"{i + 1}. {self.esc(phase.title)}")
            notes = by_phase.pop(phase.id, [])
            told = (
                self.told_in_order(phase, notes) if phase.round else self.by_kind(notes, phase.kind)
            )
            # Where what was typed in this phase as a contract, an action... shows instead.
            sections = [self.words[key] for key in facts.elsewhere.get(phase.id, ())]
            if sections:
                key = "see_also" if told else "see"
                self.add(f"*{self.words[key].format(sections=', '.join(sections))}*")
                self.add("")
            elif not told:
                self.nothing("no_notes")
        if by_phase:
            self.heading(3, self.words["other_notes"])
            self.by_kind([n for notes in by_phase.values() for n in notes])

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
                    line += f" — {self.name(note.author)}"
                if note.confidential:
                    line += self.mark
                self.add(line)
            self.add("")
        return True

    def told_in_order(self, phase: Phase, notes: list[Note]) -> bool:
        """A round of the table as it was spoken: the notes taken before anyone had the floor,
        then each round, each turn with its contributions; all in log order. False when
        nobody had the floor and there is no note."""
        turns = self.facts.turns
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
            speaker = f"**{self.name(turn.name)}**"
            theirs = any(not n.author or self.people.same(n.author, turn.name) for n in spoken)
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
            line = f"**{self.name(who)}** — {line}"
        if note.confidential:
            line += self.mark
        return line

    def actions(self) -> None:
        words, esc = self.words, self.esc
        self.heading(2, words["actions"])
        if not self.facts.actions:
            self.nothing()
            return
        self.add(table_row([words["what"], words["who"], words["due"]]))
        self.add("| --- | --- | --- |")
        for action in self.facts.actions:
            who = " + ".join(self.name(p) for p in action.people)
            what = esc(action.what) + self.marked(action.note)
            self.add(table_row([what, who, esc(action.due)]))
        self.add("")

    def learnings(self) -> None:
        """Per person: roster order first, then in order of appearance."""
        self.heading(2, self.words["learnings"])
        if not self.facts.learnings:
            self.nothing()
            return
        for who, learnt in self.facts.learnings:
            self.heading(3, self.name(who) or self.words["unnamed"])
            self.out.extend(f"- {self.esc(x.what)}{self.marked(x.note)}" for x in learnt)
            self.add("")

    def evaluation(self) -> None:
        """The mean score, then the comments; no section without any."""
        evaluations = self.facts.evaluations
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
            if e.author:  # none in anonymous minutes: authors only with their consent
                line += f" — {self.name(e.author)}"
            self.add(line + self.marked(e.note))
        if comments:
            self.add("")

    def round_of_the_table(self) -> None:
        """Each consultant's talk time, then anybody else who had the floor."""
        if not self.facts.talk:
            return
        times = ", ".join(
            f"{self.name(name)} {format_duration(seconds)}" for name, seconds in self.facts.talk
        )
        self.heading(2, self.words["round"])
        self.add(f"**{self.words['talk']}**{self.colon}{times}")
        self.add("")

    def timing(self) -> None:
        """Planned, adjusted (when some phase was), actual and overtime, per phase and in all."""
        words, table = self.words, self.facts.timing
        self.heading(2, words["timing"])
        columns = [words["phase"], words["planned"]]
        if table.adjusted:
            columns.append(words["adjusted"])
        columns += [words["actual"], words["overtime"]]
        self.add(table_row(columns))
        self.add("| --- |" + " ---: |" * (len(columns) - 1))
        for i, row in enumerate(table.rows):
            self.add(table_row(_timing_cells(table, row, f"{i + 1}. {self.esc(row.title)}")))
        total = _timing_cells(table, table.total, words["total"])
        self.add(table_row(f"**{cell}**" for cell in total))
        self.add("")
        if table.adjusted:
            self.add(f"*{words['adjusted_note']}*")
            self.add("")
