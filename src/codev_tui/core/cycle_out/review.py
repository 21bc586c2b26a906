"""The end-of-cycle review, as a Markdown document safe to hand to a sponsor.

From `facts.gather`: the sessions held (date, client, the time actually spent, how many members
came, those below the quorum marked), attendance per member, the action plans counted (planned,
done, partly, not done, not reviewed yet), the evaluations (mean per session and over the
cycle), the participation balance (talk time in the rounds, questions and suggestions counted
per person) and who has not been client yet; then a text bar chart of the mean evaluation and
of the share of actions done, per session.

Never a note's text, a contract or an action's text; the topics only when asked. Anonymized,
no name at all: each person is "Personne 1", "Personne 2"… in the group's order (the
facilitator too), each client "Client 1", "Client 2"… in order of first appearance, with no
link between the two; a person's name written in the group's name or a topic shown is
replaced as a whole word, ignoring case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from codev_tui.core.cycle_out.chart import Bar, bar_chart
from codev_tui.core.cycle_out.document import Doc
from codev_tui.core.cycle_out.facts import ASKING, CycleFacts, PlannedAction, SessionFacts
from codev_tui.core.group import Group, Member
from codev_tui.core.group.model import name_key
from codev_tui.core.minutes.escape import escape_inline, table_row
from codev_tui.core.times import format_duration

__all__ = ["render_review"]

PRESENT, ABSENT = "✓", "—"

OUTCOMES = ("done", "partly", "not_done", None)
"""The columns of the action plans' table after "planned": each status, then none yet."""


def render_review(
    facts: CycleFacts,
    lang: str | None = None,
    *,
    anonymize: bool = False,
    with_topics: bool = False,
) -> str:
    """The Markdown review of the cycle `facts` tell (see the module docstring)."""
    return _Review(facts, Doc(lang), anonymize, with_topics).render()


def anonymous_order(group: Group) -> list[Member]:
    """The members in an order fixed for the group but unrelated to their names or to when they
    joined: from a hash of the group's id (kept in its private file) and each member's id."""
    import hashlib

    def key(member: Member) -> bytes:
        return hashlib.sha256(f"{group.id}:{member.id}".encode()).digest()

    return sorted(group.members, key=key)


class _Names:
    """How the review names people: as themselves (escaped), or by a number."""

    def __init__(self, facts: CycleFacts, doc: Doc, anonymize: bool) -> None:
        w, group = doc.w, facts.group
        self.anonymize = anonymize
        self.members = {m.id: m for m in group.members}
        self.order = anonymous_order(group) if anonymize else list(group.members)
        """The members in the order the review lists them: anonymized, an order the list of
        members does not give away (Person 1 is not the first member)."""
        self.person = {
            m.id: w("person_n", n=i) if anonymize else escape_inline(m.name)
            for i, m in enumerate(self.order, 1)
        }
        host = group.find(group.facilitator) if group.facilitator else None
        if host is not None:
            self.facilitator = self.person[host.id]
        elif anonymize and group.facilitator.strip():
            self.facilitator = w("person_n", n=len(group.members) + 1)
        else:
            self.facilitator = escape_inline(group.facilitator)
        self.client: dict[int, str] = {}
        """Per session number, its client as shown."""
        firsts: dict[str, str] = {}
        for session in facts.sessions:
            who = session.client or name_key(session.client_name)
            if not who:
                self.client[session.number] = "—"
            elif anonymize:
                label = firsts.setdefault(who, w("client_n", n=len(firsts) + 1))
                self.client[session.number] = label
            else:  # a member by the name they have now, as in the other tables
                member = self.members.get(session.client)
                name = member.name if member is not None else session.client_name
                self.client[session.number] = escape_inline(name)
        # Every name the sessions and the group know, as whole words to replace in free text.
        names = [m.name for m in group.members] + [group.facilitator]
        names += [name for s in facts.sessions for name in (s.client_name, *s.names)]
        self._scrub = _words_pattern(names) if anonymize else None
        self._label = w("person")

    def text(self, text: str) -> str:
        """Free text (the group's name, a topic) escaped, anonymized when asked."""
        if self._scrub is not None and text:
            text = self._scrub.sub(self._label, unicodedata.normalize("NFC", text))
        return escape_inline(text)


def _words_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Each name, and each word of it, as a whole word ignoring case (longest first)."""
    words: set[str] = set()
    for name in names:
        name = " ".join(unicodedata.normalize("NFC", name).split())
        if name:
            words.add(name)
            words.update(part for part in re.split(r"[\s\-'’]+", name) if len(part) > 1)
    if not words:
        return None
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class _Review:
    """One rendering of the review: the sections in order, appended to the document."""

    def __init__(self, facts: CycleFacts, doc: Doc, anonymize: bool, with_topics: bool) -> None:
        self.facts = facts
        self.doc = doc
        self.w = doc.w
        self.names = _Names(facts, doc, anonymize)
        self.anonymize = anonymize
        self.with_topics = with_topics
        self.quorum = facts.group.quorum
        sessions = facts.sessions
        came = {pid for s in sessions for pid in s.present}
        self.people: list[Member] = [m for m in self.names.order if m.active or m.id in came]
        """Whom the attendance and balance tables list: the members, and those who left after
        coming."""

    def render(self) -> str:
        doc, w = self.doc, self.w
        self.header()
        if self.facts.sessions:
            self.sessions()
            self.attendance()
            self.plans()
            self.evaluations()
            self.charts()
            self.balance()
        else:
            doc.nothing("no_session")
        self.not_client()
        doc.add("---")
        doc.add("")
        doc.add(f"*{w('review_safe_topics' if self.with_topics else 'review_safe')}*")
        if self.anonymize:
            doc.add("")
            doc.add(f"*{w('anonymous')}*")
        doc.add("")
        return doc.text()

    def header(self) -> None:
        doc, w, group = self.doc, self.w, self.facts.group
        held = len(self.facts.sessions)
        doc.heading(1, f"{w('review_title')} — {self.names.text(group.name)}")
        if self.facts.sessions:
            doc.field(w("period"), doc.period(self.facts.sessions))
        planned = w("held_of", held=held, planned=group.sessions) if group.sessions else str(held)
        doc.field(w("held"), planned)
        if self.names.facilitator:
            doc.field(w("facilitator"), self.names.facilitator)
        doc.field(w("members"), str(len(group.active())))
        doc.field(w("quorum"), w("quorum_of", n=self.quorum))
        doc.add("")

    def sessions(self) -> None:
        doc, w = self.doc, self.w
        doc.heading(2, w("sessions"))
        columns = [w("session"), w("date"), w("client"), w("duration"), w("present")]
        if self.with_topics:
            columns.append(w("topic"))
        doc.add(table_row(columns))
        doc.add("| ---: | --- | --- | ---: | --- |" + (" --- |" if self.with_topics else ""))
        for s in self.facts.sessions:
            present = str(len(s.present))
            if len(s.present) < (s.quorum or self.quorum):  # the quorum of that day
                present += f" — **{w('below_quorum')}**"
            cells = [str(s.number), doc.date(s.date), self.names.client[s.number]]
            cells += [format_duration(s.seconds, hours=True), present]
            if self.with_topics:
                cells.append(self.names.text(s.topic) or "—")
            doc.add(table_row(cells))
        doc.add("")

    def attendance(self) -> None:
        doc, w, sessions = self.doc, self.w, self.facts.sessions
        doc.heading(2, w("attendance"))
        doc.add(table_row([w("person"), *(str(s.number) for s in sessions), w("came")]))
        doc.add("| --- |" + " :---: |" * len(sessions) + " ---: |")
        for member in self.people:
            marks = [PRESENT if member.id in s.present else ABSENT for s in sessions]
            came = sum(member.id in s.present for s in sessions)
            doc.add(table_row([self.who(member), *marks, f"{came} / {len(sessions)}"]))
        doc.add("")

    def who(self, member: Member) -> str:
        """A member as the tables name them, `(left the group)` after one who left."""
        name = self.names.person[member.id]
        return name if member.active else f"{name} *({self.w('gone')})*"

    def plans(self) -> None:
        doc, w = self.doc, self.w
        doc.heading(2, w("plans"))
        columns = [w("session"), w("planned"), w("done"), w("partly"), w("not_done")]
        doc.add(table_row([*columns, w("unreviewed")]))
        doc.add("| ---: |" + " ---: |" * 5)
        for s in self.facts.sessions:
            doc.add(table_row([str(s.number), *_counts(s.actions)]))
        total = _counts(self.facts.actions())
        doc.add(table_row(f"**{cell}**" for cell in [w("total"), *total]))
        doc.add("")

    def evaluations(self) -> None:
        doc, w = self.doc, self.w
        doc.heading(2, w("evaluations"))
        doc.add(table_row([w("session"), w("mean"), w("ratings")]))
        doc.add("| ---: | ---: | ---: |")
        for s in self.facts.sessions:
            doc.add(table_row([str(s.number), doc.mean(s.scores)[1], str(len(s.scores))]))
        scores = [score for s in self.facts.sessions for score in s.scores]
        _, mean = doc.mean(scores)
        if scores:
            mean += f" ({w.count('ratings', len(scores))})"
        doc.add("")
        doc.add(f"**{w('over_cycle')}**{doc.colon}{mean}")
        doc.add("")

    def charts(self) -> None:
        doc, w, sessions = self.doc, self.w, self.facts.sessions
        doc.heading(2, w("glance"))
        means = []
        for s in sessions:
            mean, shown = doc.mean(s.scores)
            means.append(
                Bar(w("session_n", n=s.number), None if mean is None else float(mean), shown)
            )
        doc.out.extend(bar_chart(w("chart_mean"), means, 5, [str(n) for n in range(6)]))
        doc.add("")
        shares = [self.share(s) for s in sessions]
        doc.out.extend(bar_chart(w("chart_done"), shares, 1, [str(n) for n in range(0, 101, 20)]))
        doc.add("")

    def share(self, session: SessionFacts) -> Bar:
        """The share of a session's actions done: none planned or none reviewed, no bar."""
        w, actions, label = self.w, session.actions, self.w("session_n", n=session.number)
        if not actions:
            return Bar(label, None, w("no_action"))
        if all(a.status is None for a in actions):
            return Bar(label, None, w("none_reviewed"))
        done = sum(a.status is not None and a.status.status == "done" for a in actions)
        share = Decimal(done) / Decimal(len(actions))
        percent = (share * 100).quantize(Decimal("1"), ROUND_HALF_UP)
        return Bar(
            label, float(share), w("share", percent=percent, done=done, planned=len(actions))
        )

    def balance(self) -> None:
        doc, w, sessions = self.doc, self.w, self.facts.sessions
        doc.heading(2, w("balance"))
        doc.add(table_row([w("person"), w("talk"), w("questions"), w("suggestions")]))
        doc.add("| --- | ---: | ---: | ---: |")
        talk = {m.id: sum(s.talk.get(m.id, 0.0) for s in sessions) for m in self.people}
        for member in self.people:
            asked = [sum(s.asked[kind][member.id] for s in sessions) for kind in ASKING]
            said = format_duration(talk[member.id], hours=True)
            doc.add(table_row([self.who(member), said, *map(str, asked)]))
        doc.add("")

    def not_client(self) -> None:
        doc, w = self.doc, self.w
        doc.heading(2, w("not_client"))
        never = {m.id for m in self.facts.never_client()}
        waiting = [m for m in self.names.order if m.id in never]
        if waiting:
            doc.out.extend(f"- {self.names.person[m.id]}" for m in waiting)
            doc.add("")
        else:
            doc.nothing("all_client")


def _counts(actions: list[PlannedAction]) -> list[str]:
    """Planned, then how many per outcome (`OUTCOMES`), as table cells."""
    outcome = [a.status.status if a.status is not None else None for a in actions]
    return [str(len(actions)), *(str(outcome.count(kind)) for kind in OUTCOMES)]
