"""What the minutes of a session tell, gathered once before anything is written.

`gather` picks what shows: the notes as corrected (confidential ones only when asked, and then
what was typed as one, the contract, an action, a learning or an evaluation, is left out too),
the learnings per person, the talk times and the timing table counted up to one moment. The
anonymizer (`anonymize.anonymize`) turns these facts into anonymous ones, and the renderer
(`render.render_minutes`) only lays them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from codev_tui.core.choosing import Candidate, Choice, told
from codev_tui.core.minutes.names import People, fold
from codev_tui.core.script import Phase
from codev_tui.core.session import ActionItem, Evaluation, Learning, Note, Roster, Session, Turn
from codev_tui.core.session_parts import ItemStatus, ReviewItem
from codev_tui.core.timing import TimingTable, session_timing, taken_at

__all__ = ["Facts", "gather"]


@dataclass(frozen=True)
class Facts:
    """What the minutes of a session tell, each piece of text as it is to be shown."""

    created: datetime | None
    """When the session was created (None when the log has no usable date)."""
    script_name: str
    roster: Roster
    phases: tuple[Phase, ...]
    notes: tuple[Note, ...]
    """The notes told among their phase's, in the order they were taken: not the ones shown
    in a section of their own (the contract, an action, a learning, an evaluation)."""
    contract: Note | None
    """The note the contract is, when it is shown."""
    elsewhere: dict[str, tuple[str, ...]]
    """Per phase id, the sections showing what was typed in it (`contract`, `actions`...)."""
    confidential: frozenset[int]
    """The ids of the confidential notes shown (marked as such)."""
    others: tuple[str, ...]
    """The participants not on the roster who wrote or spoke, in order of appearance."""
    actions: tuple[ActionItem, ...]
    learnings: tuple[tuple[str, tuple[Learning, ...]], ...]
    """Per person, the roster's order first and then in order of appearance: who, and what."""
    evaluations: tuple[Evaluation, ...]
    turns: tuple[Turn, ...]
    """Every turn of speech (a note's `turn` is an index in it)."""
    talk: tuple[tuple[str, float], ...]
    """Each consultant's talk time, then anybody else's who had the floor; empty when nobody
    had it."""
    timing: TimingTable
    include_confidential: bool
    review: tuple[ReviewItem, ...] = ()
    """The previous plan's actions the retour reviewed (a group's session)."""
    statuses: dict[int, ItemStatus] = field(default_factory=dict)
    """What the retour said of each, by number (a confidential status only when asked)."""
    carried: frozenset[int] = frozenset()
    """The numbers of those carried over to the next session."""
    absent: tuple[str, ...] = ()
    """The group's members away that day (none named when anonymized: see `away`)."""
    away: int = 0
    """How many of the group's members were away."""
    candidates: tuple[Candidate, ...] = ()
    """The candidates to the subject whose notes show (`core.choosing.told`)."""
    choice: Choice | None = None
    """The subject chosen (its topic left out when typed confidential and not shown)."""
    choosing: bool = False
    """Whether the subject was chosen in the session: its script has a phase for it."""


def gather(
    session: Session, *, include_confidential: bool = False, now: datetime | None = None
) -> Facts:
    """The facts of a session's minutes; `now` is the time the running phase and the current
    speaker are counted up to (default: `core.timing.taken_at`)."""
    at = now or taken_at(session)
    shown = {n.id: n for n in session.notes if include_confidential or not n.confidential}

    def typed(note_id: int | None) -> bool:
        """Whether an item typed as this note shows: a confidential one only when asked."""
        return note_id is None or session.note(note_id) is None or note_id in shown

    contract = session.contract_note
    actions = tuple(a for a in session.actions if typed(a.note))
    learnings = [x for x in session.learnings if typed(x.note)]
    evaluations = tuple(e for e in session.evaluations if typed(e.note))
    statuses = {n: st for n, st in session.statuses.items() if typed(st.note)}
    items: list[tuple[int | None, str]] = [(contract.id if contract else None, "contract")]
    items += [(st.note, "retour") for st in statuses.values()]
    items += [(a.note, "actions") for a in actions]
    items += [(x.note, "learnings") for x in learnings]
    items += [(e.note, "evaluation") for e in evaluations]
    choosing = told(session.notes, shown, session.choice)
    items += [(i, "choosing.section") for c in choosing.candidates for i in c.notes]
    own = {note_id for note_id, _ in items}
    elsewhere: dict[str, list[str]] = {}
    for note_id, section in items:
        note = shown.get(note_id) if note_id is not None else None
        if note is not None and note.text:
            sections = elsewhere.setdefault(note.phase, [])
            if section not in sections:
                sections.append(section)
    talk = _talk(session, at)
    people = _people(session, shown.values(), talk)
    roster = session.roster
    if choosing.choice is not None and choosing.choice.topic != roster.topic:
        roster = replace(roster, topic=choosing.choice.topic)  # a confidential subject
    return Facts(
        created=session.created if isinstance(session.created, datetime) else None,
        script_name=session.script.script.name,
        roster=roster,
        phases=tuple(session.script.phases),
        notes=tuple(n for n in shown.values() if n.text and n.id not in own),
        contract=contract if contract is not None and contract.id in shown else None,
        elsewhere={phase: tuple(sections) for phase, sections in elsewhere.items()},
        confidential=frozenset(i for i, n in shown.items() if n.confidential),
        others=tuple(people.others.values()),
        actions=actions,
        learnings=_per_person(people, learnings),
        evaluations=evaluations,
        turns=tuple(session.turns),
        talk=talk,
        timing=session_timing(session, at),
        include_confidential=include_confidential,
        review=tuple(session.review_items),
        statuses=statuses,
        carried=frozenset(session.carried),
        absent=tuple(session.absent),
        away=len(session.absent),
        candidates=choosing.candidates,
        choice=choosing.choice,
        choosing=any(p.kind == "subject" for p in session.script.phases),
    )


def _people(session: Session, notes: Iterable[Note], talk: tuple[tuple[str, float], ...]) -> People:
    """The roster, and who wrote a note shown or had the floor without being on it, in the
    order of the log. Somebody whose notes are all left out (confidential) is not named:
    listing them would tell that they said something confidential."""
    named = [(n.seq, n.author) for n in notes if n.author.strip()]
    named += [(t.seq, t.name) for t in session.turns if t.name.strip()]
    named.sort(key=lambda pair: pair[0])
    return People(session.roster, [name for _, name in named] + [n for n, _ in talk])


def _per_person(
    people: People, learnings: list[Learning]
) -> tuple[tuple[str, tuple[Learning, ...]], ...]:
    """Learnings per person: roster order first, then in order of appearance."""
    per_person: dict[str, tuple[str, list[Learning]]] = {n: (n, []) for n in people.roster.names()}
    for learning in learnings:
        key = people.resolve(learning.who) or fold(learning.who)
        per_person.setdefault(key, (learning.who, []))[1].append(learning)
    return tuple((who, tuple(items)) for who, items in per_person.values() if items)


def _talk(session: Session, at: datetime) -> tuple[tuple[str, float], ...]:
    """Each consultant's talk time, then anybody else who had the floor."""
    if not session.talk:
        return ()
    speakers = [c for c in session.roster.consultants if c]
    speakers += [n for n in session.talk if n and n not in speakers]
    return tuple((n, session.talk_time(n, now=at)) for n in speakers)
