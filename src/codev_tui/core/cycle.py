"""A group's cycle, read from its sessions: who has been client, whose turn it is, the action
plan to review next time and what became of each action.

The sessions of a group are the session files of the data folder whose header names the group's
id (`group_id`); each names the members on its roster by their stable ids (`people`), so a
renamed member keeps their history. Nothing here writes: the group file is `core.group`'s, each
session file its own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from codev_tui.core.problems import Problem
from codev_tui.core.script import PhaseScript, Rule, worded_phase
from codev_tui.core.session import Roster, Session, SessionError
from codev_tui.core.session_parts import ItemStatus, ReviewItem
from codev_tui.core.sessions import create_session
from codev_tui.core.store import (
    GroupLink,
    SessionFile,
    WallClock,
    list_sessions,
    read_session,
    utc_now,
)

if TYPE_CHECKING:
    from codev_tui.core.group import Group, Member

RETOUR_ID = "retour"
"""The id of the retour phase codev puts at the start of a group's session."""


def cycle_sessions(
    folder: Path,
    group: Group,
    unreadable: list[Path] | None = None,
    unfinished: list[Path] | None = None,
) -> list[Session]:
    """The group's sessions held in `folder`, oldest first: those that reached their end (F10;
    rehearsals left out). One still open (quit half-way, to resume) is no session held: it is
    added to `unfinished` when given. A session file that cannot be read never stops the
    group's commands: it is left out, and added to `unreadable` when given, for the command
    to say so."""
    found = []
    for path in list_sessions(folder):
        try:
            session = read_session(path)
        except (SessionError, OSError):
            if unreadable is not None:
                unreadable.append(path)
            continue
        if session.group_id != group.id or session.practice:
            continue
        if session.ended is not None:
            found.append(session)
        elif unfinished is not None:
            unfinished.append(path)
    return sorted(found, key=lambda s: s.created)


def client_id(session: Session) -> str:
    """The member id of the session's client ("" when the client is no member)."""
    return session.people.get(session.roster.client, "")


def present_ids(session: Session) -> set[str]:
    """The member ids of those on the session's roster: who came."""
    return {session.people[name] for name in session.roster.names() if name in session.people}


class ClientTurns(NamedTuple):
    """How often a member has been client this cycle, and when last."""

    times: int
    last: datetime | None


def times_client(group: Group, sessions: list[Session]) -> dict[str, ClientTurns]:
    """Per member id, how many of the sessions had them as client, and the latest one."""
    turns = {m.id: ClientTurns(0, None) for m in group.members}
    for session in sessions:
        ident = client_id(session)
        if ident in turns:
            turns[ident] = ClientTurns(turns[ident].times + 1, session.created)
    return turns


def suggest_clients(
    group: Group, sessions: list[Session], present: list[str] | None = None
) -> list[Member]:
    """Whose turn it is to be client: the active members (among `present` when given), those
    never client yet first, then those who have been the fewest times, then the longest ago."""
    turns = times_client(group, sessions)
    members = group.active()
    if present is not None:
        members = [m for m in members if any(group.find(name) is m for name in present)]

    def order(member: Member) -> tuple[int, float]:
        times, last = turns[member.id]
        return times, (last.timestamp() if last else float("-inf"))

    return sorted(members, key=order)


def previous_plan(sessions: list[Session]) -> list[ReviewItem]:
    """What the next session's retour reviews: the latest session's action plan, then what its
    own retour did not close (actions carried over with `/report`, and those it left without a
    status), numbered from 1."""
    if not sessions:
        return []
    last = sessions[-1]
    items: list[ReviewItem] = []
    statuses = last.statuses
    for item in last.review_items:
        status = statuses.get(item.n)
        if status is None or (status.carried and status.status != "done"):
            items.append(item)
    confidential = {n.id for n in last.notes if n.confidential}
    for action in last.actions:
        if action.note in confidential:
            continue
        ref = f"{last.id}:{action.note}"
        items.append(ReviewItem(0, action.what, action.who, action.due, ref))
    return [replace(item, n=n) for n, item in enumerate(items, 1)]


def fates(sessions: list[Session], ref: str) -> list[ItemStatus]:
    """What the retours said of the action `ref`, session after session (an action carried
    over is reviewed again)."""
    said = []
    for session in sessions:
        statuses = session.statuses
        said += [statuses[i.n] for i in session.review_items if i.ref == ref and i.n in statuses]
    return said


def fate(sessions: list[Session], ref: str) -> ItemStatus | None:
    """What became of the action `ref`: the latest status any later retour gave it."""
    said = fates(sessions, ref)
    return said[-1] if said else None


def with_retour(script: PhaseScript) -> PhaseScript:
    """The script opening with the retour phase, in its language, as long as it says
    (`review_minutes`; 0: no retour); unchanged when it has one already."""
    minutes = script.script.review_minutes
    if not minutes or any(p.id == RETOUR_ID for p in script.phases):
        return script
    phase = worded_phase(
        "retour",
        script.script.lang,
        ("rule_short", "rule_status"),
        id=RETOUR_ID,
        minutes=minutes,
        kind="status",
        warning_minutes=min(2.0, minutes / 2),
    )
    return replace(script, phases=(phase, *script.phases))


class GroupSession(NamedTuple):
    """What a group's new session starts with."""

    script: PhaseScript
    roster: Roster
    link: GroupLink


def group_session(
    group: Group,
    sessions: list[Session],
    script: PhaseScript,
    *,
    client: str = "",
    topic: str = "",
    absent: tuple[str, ...] | list[str] = (),
    facilitator: str = "",
) -> GroupSession:
    """The script, roster and group link of the group's next session: the active members not
    absent are in the room (the client among them), the facilitator is `facilitator` or else
    the group's (a member who facilitates is no consultant), the charter's rules join the
    script's, and when the previous session planned actions the script opens with their
    retour.

    A client or an absent person who is no active member is a GroupError (`retour.…` codes),
    and so is a client or the facilitator said absent.
    """
    from codev_tui.core.group import GroupError

    def member(name: str) -> Member:
        found = group.lookup(name)
        same = group.candidates(name) if found is None else []
        if len(same) > 1:  # `Ana` when there are Ana Roy and Ana Lopez
            names = tuple(m.name for m in same)
            raise GroupError(Problem("retour.ambiguous", {"name": name, "names": names}))
        if found is None or not found.active:
            code = "retour.not_member" if found is None else "retour.left"
            raise GroupError(Problem(code, {"name": name, "group": group.name}))
        return found

    away = {member(name).id for name in absent}
    present = [m for m in group.active() if m.id not in away]
    client_name = member(client).name if client else ""
    if client and member(client).id in away:
        raise GroupError(Problem("retour.client_absent", {"name": client_name}))
    facilitator = facilitator or group.facilitator
    chair = group.lookup(facilitator) if facilitator else None
    if chair is not None and chair.id in away:
        raise GroupError(Problem("retour.facilitator_absent", {"name": chair.name}))
    roster = Roster(
        topic=topic,
        group=group.name,
        facilitator=chair.name if chair is not None else facilitator,
        client=client_name,
        consultants=[m.name for m in present if m.name != client_name and m is not chair],
    )
    plan = previous_plan(sessions)
    if plan:
        script = with_retour(script)
    if not any(phase.kind == "status" for phase in script.phases):
        plan = []  # no retour (`review_minutes = 0`): nothing is reviewed, nothing carried
    charter = tuple(Rule(name=rule) for rule in group.charter_rules())
    if charter:
        script = replace(script, rules=(*script.rules, *charter))
    people = group.person_ids(roster.names())
    away_names = tuple(m.name for m in group.active() if m.id in away)
    link = GroupLink(group.id, people, tuple(plan), away_names, group.quorum)
    return GroupSession(script, roster, link)


def create_group_session(
    folder: Path,
    group: Group,
    script: PhaseScript,
    *,
    client: str = "",
    topic: str = "",
    absent: tuple[str, ...] | list[str] = (),
    facilitator: str = "",
    lang: str | None = None,
    now: WallClock = utc_now,
) -> SessionFile:
    """The group's next session file in `folder`, as `group_session` makes it from the group's
    sessions there."""
    gs = group_session(
        group,
        cycle_sessions(folder, group),
        script,
        client=client,
        topic=topic,
        absent=absent,
        facilitator=facilitator,
    )
    return create_session(folder, gs.script, gs.roster, lang=lang, group=gs.link, now=now)
