"""What a cycle's sessions say, per person: gathered once, before a journal or a review is written.

A person is a member of the group, known by their id (`p1`), whatever name they had in each
session: the session's header says which roster name is which id (`Session.people`). A name
written in a session (an author `@Ana`, who does an action, who had the floor) is matched
against its roster as the minutes match it (`core.minutes.names.People`: ignoring case, or a
first name alone), then to the id; a name on no roster that is a member's name still finds
them. Each item is counted once per person, however many of their names it holds.

Confidential notes are kept apart here, once: a learning, an action, a contract or a status
comment typed as a confidential note is left out (an action typed as one is not reviewed in a
retour either, `core.cycle.previous_plan`, so it is not counted among the plans); an
evaluation typed as one is left out of the means, as the minutes leave it out. Questions and
suggestions are only counted (per person, confidential ones too), never their text. Who asked
is the note's author, else who had the floor when it was taken, as the minutes tell it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from codev_tui.core.choosing import public_topic
from codev_tui.core.cycle import ClientTurns, client_id, fates, present_ids, times_client
from codev_tui.core.group import Group, Member
from codev_tui.core.minutes.names import People, fold
from codev_tui.core.problems import CoreError, Problem
from codev_tui.core.session import ItemStatus, Session
from codev_tui.core.timing import session_timing, taken_at

__all__ = [
    "CycleError",
    "CycleFacts",
    "PlannedAction",
    "SessionFacts",
    "find_person",
    "gather",
]

ASKING = ("question", "suggestion")
"""The kinds of note counted in the participation balance."""


class CycleError(CoreError):
    """A journal or a review that cannot be made as asked: one line, `cycle.…` words."""


def find_person(group: Group, name: str) -> Member:
    """The member of the group called `name` (ignoring case; a member who left too), or the
    only one with that first name, or whose name starts so (`Ana` for Ana Roy), as notes
    complete an author."""
    member = group.lookup(name)
    if member is None:
        problem = Problem("cycle.no_person", {"name": " ".join(name.split()), "group": group.name})
        raise CycleError(problem)
    return member


@dataclass(frozen=True)
class PlannedAction:
    """One action of a session's plan, who does it, and what became of it."""

    ref: str
    """`<session id>:<note id>`: how the next sessions' retour refers to it."""
    what: str
    who: str
    due: str
    people: frozenset[str]
    """The member ids of who does it."""
    status: ItemStatus | None
    """Its latest status, typed in a later session's retour (None: not reviewed yet)."""
    comment: str
    """The status's comment, blank when it was typed as a confidential note."""
    earlier: tuple[ItemStatus, ...] = ()
    """The statuses earlier retours gave it, when it was carried over (oldest first)."""


@dataclass(frozen=True)
class SessionFacts:
    """What one session of the cycle tells, by member id."""

    number: int
    """1 for the cycle's first session."""
    date: datetime
    client: str
    """The client's member id, blank when the client is nobody of the group (or none)."""
    client_name: str
    topic: str
    contract: str
    """The contract, blank when there is none or it was typed as a confidential note."""
    seconds: int
    """The time actually spent, as the minutes' timing table totals it."""
    present: frozenset[str]
    """The member ids on the roster (the facilitator too when a member)."""
    scores: tuple[int, ...]
    actions: tuple[PlannedAction, ...]
    learnings: tuple[tuple[str, str], ...]
    """(member id, what they take away), confidential ones left out."""
    talk: dict[str, float]
    """Seconds each member held the floor in the rounds of the table."""
    asked: dict[str, Counter[str]]
    """Per kind of `ASKING`, how many notes each member contributed."""
    quorum: int = 0
    """The group's quorum that day (0: not known, the group's today counts)."""
    names: tuple[str, ...] = ()
    """Every name the session knew (its roster, the names its members had then): what an
    anonymized review hides in free text."""


@dataclass(frozen=True)
class CycleFacts:
    """What the cycle's sessions tell, oldest first, and how often each member was client."""

    group: Group
    sessions: tuple[SessionFacts, ...]
    clients: dict[str, ClientTurns]
    """Member id -> (times client, the last time), as `core.cycle.times_client` counts."""

    def never_client(self) -> list[Member]:
        """The active members not client yet this cycle, in the group's order."""
        turns = self.clients
        return [m for m in self.group.active() if m.id not in turns or not turns[m.id].times]

    def actions(self) -> list[PlannedAction]:
        """Every action planned in the cycle, each once."""
        return [a for s in self.sessions for a in s.actions]


class _Cast:
    """Who is who in one session: a name written in it as the member id it stands for."""

    def __init__(self, session: Session, group: Group) -> None:
        self.people = People(session.roster)
        self.ids = {fold(name): pid for name, pid in session.people.items()}
        self.group = group
        self._known: dict[str, str] = {}

    def id_of(self, name: str) -> str:
        """The member id a name stands for in this session; blank for nobody of the group."""
        if not name.strip():
            return ""
        known = self._known.get(name)
        if known is None:
            full = self.people.resolve(name)
            if full is not None:
                known = self.ids.get(fold(full), "")
            else:  # on no roster: somebody of the group by that name, or nobody
                member = self.group.find(name)
                known = member.id if member is not None else ""
            self._known[name] = known
        return known


def gather(group: Group, sessions: Sequence[Session]) -> CycleFacts:
    """The facts of a cycle: `sessions` are the group's, oldest first (`core.cycle_sessions`)."""
    told = tuple(
        _session_facts(number, session, group, sessions)
        for number, session in enumerate(sessions, 1)
    )
    return CycleFacts(group, told, times_client(group, list(sessions)))


def _session_facts(
    number: int, session: Session, group: Group, sessions: Sequence[Session]
) -> SessionFacts:
    cast = _Cast(session, group)
    at = taken_at(session)
    secret = {n.id for n in session.notes if n.confidential}
    contract = session.contract_note
    talk: dict[str, float] = {}
    for name in session.talk:
        if pid := cast.id_of(name):
            talk[pid] = talk.get(pid, 0.0) + session.talk_time(name, now=at)
    asked: dict[str, Counter[str]] = {kind: Counter() for kind in ASKING}
    for note in session.notes:
        if note.kind in ASKING:
            who = note.author
            if not who and note.turn is not None and note.turn < len(session.turns):
                who = session.turns[note.turn].name
            if pid := cast.id_of(who):
                asked[note.kind][pid] += 1
    roster = session.roster
    return SessionFacts(
        number=number,
        date=session.created,
        client=client_id(session),
        client_name=roster.client,
        topic=public_topic(session),
        names=(*roster.names(), *session.people, *session.absent),
        quorum=session.quorum,
        contract=contract.text if contract is not None and contract.id not in secret else "",
        seconds=session_timing(session, at).total.actual,
        present=frozenset(present_ids(session)),
        scores=tuple(
            e.score for e in session.evaluations if e.score is not None and e.note not in secret
        ),
        actions=tuple(_planned(session, cast, secret, sessions)),
        learnings=tuple(
            (pid, x.what)
            for x in session.learnings
            if x.note not in secret and (pid := cast.id_of(x.who))
        ),
        talk=talk,
        asked=asked,
    )


def _planned(
    session: Session, cast: _Cast, secret: set[int], sessions: Sequence[Session]
) -> list[PlannedAction]:
    """The session's action plan, each action with its people's ids and its fate."""
    planned = []
    for action in session.actions:
        if action.note in secret:  # neither reviewed in a retour nor told
            continue
        ref = f"{session.id}:{action.note}"
        said = fates(list(sessions), ref)
        status = said[-1] if said else None
        # An action that names nobody is the client's: the plan is theirs (synthesis phase).
        people = action.people or (session.roster.client,)
        planned.append(
            PlannedAction(
                ref=ref,
                what=action.what,
                who=action.who,
                due=action.due,
                people=frozenset(pid for p in people if (pid := cast.id_of(p))),
                status=status,
                comment=status.comment if status and not status.confidential else "",
                earlier=tuple(said[:-1]),
            )
        )
    return planned
