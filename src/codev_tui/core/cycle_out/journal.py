"""One person's learning log over a cycle, as a Markdown document.

Only their own items, from `facts.gather` (where confidential notes are already kept apart):
the sessions where they were client (date, topic, contract), what they took away (learnings
they wrote), and the actions they were to do, each with what became of it (the latest status
typed in a later session's retour, "not reviewed yet" when none). Nobody else's note, not even
a question asked to them. Every piece of user text goes through `escape_inline`.
"""

from __future__ import annotations

from codev_tui.core.cycle_out.document import Doc
from codev_tui.core.cycle_out.facts import CycleFacts, PlannedAction, SessionFacts
from codev_tui.core.group import Member
from codev_tui.core.minutes.escape import escape_inline, table_row
from codev_tui.core.session_parts import ItemStatus

__all__ = ["render_journal"]

_STATUS = {"done": "status.done", "partly": "status.partly", "not_done": "status.not_done"}
"""The words of each status an action can have after a retour."""


def render_journal(facts: CycleFacts, member: Member, lang: str | None = None) -> str:
    """The Markdown learning log of `member` over the cycle `facts` tell."""
    doc = Doc(lang)
    w, esc, pid = doc.w, escape_inline, member.id
    doc.heading(1, w("journal_title", name=esc(member.name)))
    doc.field(w("group"), esc(facts.group.name))
    if facts.sessions:
        doc.field(w("period"), doc.period(facts.sessions))
    if member.left is not None:
        doc.add(f"- {w('left', date=doc.date(member.left))}")
    doc.add("")

    doc.heading(2, w("as_client"))
    mine = [s for s in facts.sessions if s.client == pid]
    for session in mine:
        doc.heading(3, doc.session_title(session))
        doc.field(w("topic"), esc(session.topic) or "—")
        doc.field(w("contract"), esc(session.contract) or "—")
        doc.add("")
    if not mine:
        doc.nothing()

    doc.heading(2, w("learnings"))
    learnt = [(s, [what for who, what in s.learnings if who == pid]) for s in facts.sessions]
    learnt = [(s, items) for s, items in learnt if items]
    for session, items in learnt:
        doc.heading(3, doc.session_title(session))
        doc.out.extend(f"- {esc(what)}" for what in items)
        doc.add("")
    if not learnt:
        doc.nothing()

    doc.heading(2, w("actions"))
    actions = [(s, a) for s in facts.sessions for a in _theirs(s, pid)]
    if actions:
        doc.add(table_row([w("session"), w("what"), w("who"), w("due"), w("outcome")]))
        doc.add("| --- | --- | --- | --- | --- |")
        for session, action in actions:
            when = f"{session.number} — {doc.date(session.date)}"
            cells = [when, esc(action.what), esc(action.who), esc(action.due)]
            doc.add(table_row([*cells, _outcome(doc, action)]))
        doc.add("")
    else:
        doc.nothing()

    doc.add("---")
    doc.add("")
    doc.add(f"*{w('journal_private')}*")
    doc.add("")
    return doc.text()


def _theirs(session: SessionFacts, pid: str) -> list[PlannedAction]:
    """The actions of a session's plan the person is to do."""
    return [a for a in session.actions if pid in a.people]


def _outcome(doc: Doc, action: PlannedAction) -> str:
    """`fait — appel passé`, `pas fait (reportée)`, `en partie (reportée) → fait`, or `pas encore
    revue`."""
    w, status = doc.w, action.status
    if status is None:
        return f"*{w('not_reviewed')}*"

    def word(status: ItemStatus) -> str:
        key = _STATUS.get(status.status)
        said = w(key) if key else escape_inline(status.status)
        return said + (f" ({w('carried')})" if status.carried else "")

    said = " → ".join(map(word, (*action.earlier, status)))
    if action.comment:
        said += f" — {escape_inline(action.comment)}"
    return said
