"""Starting a session, whatever the interface: creating its file, and the rosters of past ones."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from codev_tui.core.script import PhaseScript, ScriptError, load_any_script
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.store import (
    GroupLink,
    SessionFile,
    WallClock,
    list_sessions,
    read_session,
    utc_now,
)

RECENT = 30
"""How many recent sessions are read to remember past rosters."""


def create_session(
    folder: Path,
    script: PhaseScript,
    roster: Roster,
    *,
    lang: str | None = None,
    practice: float | None = None,
    practice_role: str = "",
    group: GroupLink | None = None,
    now: WallClock = utc_now,
) -> SessionFile:
    """A new session file in `folder`; `practice` is a rehearsal's speed (None: a real one);
    `group`: the group it is one of (see `core.cycle.group_session`)."""
    return SessionFile.create(
        folder,
        script,
        roster,
        lang=lang,
        practice=practice is not None,
        practice_role=practice_role,
        speed=practice or 1.0,
        group=group,
        now=now,
    )


def script_for(script_path: Path, *, choose: bool = False) -> PhaseScript:
    """The script in `script_path` (ScriptError when it is broken), opening with the choice of
    the subject when asked (`--choose`)."""
    script = load_any_script(script_path)
    if choose:
        from codev_tui.core.choosing import with_choosing

        script = with_choosing(script)
    return script


def script_choices(scripts: dict[str, Path]) -> list[tuple[str, str]]:
    """(what a chooser shows, the key) per script: its name, or the key when it is broken."""
    choices = []
    for key, path in scripts.items():
        try:
            choices.append((f"{load_any_script(path).script.name} ({key})", key))
        except ScriptError:
            choices.append((key, key))
    return choices


class PastRosters(NamedTuple):
    """Who was in the room before: the latest session's roster and each group's latest."""

    latest: Roster | None
    by_group: dict[str, Roster]

    def prefill(self, roster: Roster) -> Roster:
        """`roster` with the latest group and consultants when it names neither."""
        latest = self.latest
        if latest is None or roster.group or roster.consultants:
            return roster
        return Roster(
            topic=roster.topic,
            client=roster.client,
            group=latest.group,
            facilitator=roster.facilitator or latest.facilitator,
            consultants=latest.consultants,
        )


def past_rosters(folder: Path, recent: int = RECENT) -> PastRosters:
    """The rosters of the `recent` latest sessions in `folder` (unreadable ones skipped)."""
    latest: Roster | None = None
    by_group: dict[str, Roster] = {}
    for path in list_sessions(folder)[:recent]:
        try:
            roster = read_session(path).roster
        except SessionError:
            continue
        latest = latest or roster
        if roster.group:
            by_group.setdefault(roster.group, roster)
    return PastRosters(latest, by_group)
