"""A codev group: its members (stable ids, kept after they leave), its plan and its charter."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from codev_tui.core.problems import CoreError, Problem


class GroupError(CoreError):
    """A group that cannot be found, read or changed as asked; its codes are `group.…` words."""


def group_error(code: str, **values: object) -> GroupError:
    """A GroupError of one problem."""
    return GroupError(Problem(code, values))


def clean_name(name: str) -> str:
    """A name as it is kept: NFC, trimmed, each run of spaces one space.

    An empty name, or one holding a comma (a roster is typed comma-separated: `--members
    "A,B"`, `--absent "D,E"`), is a GroupError.
    """
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned:
        raise group_error("group.empty_name")
    if "," in cleaned:
        raise group_error("group.comma_in_name", name=cleaned)
    return cleaned


def name_key(name: str) -> str:
    """What two names are compared by: NFC, Unicode case folding, spaces as `clean_name` keeps
    them (`Élise` and `élise` are one name, and so are `STRASSE` and `straße`)."""
    folded = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
    return unicodedata.normalize("NFC", folded)


@dataclass(slots=True)
class Member:
    """One person of the group, for the whole cycle: a rename keeps the id, leaving keeps them."""

    id: str
    """`p1`, `p2`…: given once, never reused; what the sessions' `people` refer to."""
    name: str
    joined: datetime
    """When they were added (aware, UTC)."""
    left: datetime | None = None
    """When `codev group remove` took them out; they stay in the history."""

    @property
    def active(self) -> bool:
        """Whether they are still in the group."""
        return self.left is None


_QUORUM = re.compile(r"quorum\s*[:=]\s*(\d+)(?:\s.*)?", re.IGNORECASE)
"""A charter line setting the quorum: `quorum: 3`, `Quorum : 3`, `quorum = 3`."""

_QUORUM_LINE = re.compile(r"quorum\b", re.IGNORECASE)
"""A charter line about the quorum (one that sets none is refused)."""

_BULLETS = ("- ", "* ", "• ")


@dataclass(slots=True)
class Group:
    """A group meeting over a cycle of sessions: who is in it, what is planned, its own rules."""

    id: str
    """uuid4 hex: a session refers to its group by this id, whatever the group's name."""
    name: str
    created: datetime
    facilitator: str = ""
    sessions: int = 0
    """Sessions planned in the cycle (0: not said)."""
    every: str = ""
    """How often the group meets, as the facilitator said it (`4 weeks`)."""
    charter: str = ""
    """The group's own rules, agreed at its first session: free text, one rule per line."""
    members: list[Member] = field(default_factory=list)
    changed: datetime | None = None
    """When the group was last changed (None: never since it was created)."""

    def active(self) -> list[Member]:
        """The members still in the group, in the order they joined."""
        return [m for m in self.members if m.active]

    def find(self, name: str) -> Member | None:
        """The member of that name, compared as `name_key` does; active or not."""
        key = name_key(name)
        return next((m for m in self.members if name_key(m.name) == key), None)

    def lookup(self, name: str) -> Member | None:
        """The member `name` stands for, as a note completes an author: the whole name
        (`find`), else the only member with that first name, else the only one whose name
        starts so (`Ana` for Ana Roy)."""
        member = self.find(name)
        if member is not None:
            return member
        found = self.candidates(name)
        return found[0] if len(found) == 1 else None

    def candidates(self, name: str) -> list[Member]:
        """The members `name` may stand for (several: `Ana` for Ana Roy and Ana Lopez)."""
        from codev_tui.core.notes import name_candidates

        names = name_candidates(name, [m.name for m in self.members])
        return [m for m in self.members if m.name in names]

    @property
    def quorum(self) -> int:
        """How many members must be present: the charter's `quorum: N` line, else half the
        active members rounded up."""
        said = self._charter_quorum()
        if said is not None:  # never more than the members left (after `group remove`)
            return min(said, len(self.active()))
        return (len(self.active()) + 1) // 2

    def _charter_quorum(self) -> int | None:
        """The number the charter's first `quorum: N` line says, or None."""
        for line in self._charter_lines():
            found = _QUORUM.fullmatch(line)
            if found:
                return int(found.group(1))
        return None

    @property
    def quorum_from_charter(self) -> bool:
        """Whether the charter sets the quorum (rather than half the members)."""
        return self._charter_quorum() is not None

    def charter_rules(self) -> list[str]:
        """The charter's rules, shown with the method's: its lines but the quorum's."""
        return [line for line in self._charter_lines() if not _QUORUM_LINE.match(line)]

    def set_charter(self, text: str) -> None:
        """A new charter; a `quorum` line that says no number, or more than the members, is a
        GroupError and nothing changes."""
        before, self.charter = self.charter, text
        said = [line for line in self._charter_lines() if _QUORUM_LINE.match(line)]
        problem = None
        wrong = [line for line in said if _QUORUM.fullmatch(line) is None]
        if wrong:
            problem = group_error("group.bad_quorum", line=wrong[0])
        elif len(said) > 1:
            problem = group_error("group.two_quorums", first=said[0], second=said[1])
        elif said and not 0 < (quorum := self._charter_quorum() or 0) <= len(self.active()):
            members = len(self.active())
            problem = group_error("group.quorum_too_high", n=quorum, members=members)
        if problem is not None:
            self.charter = before
            raise problem

    def _charter_lines(self) -> list[str]:
        """The charter's non-empty lines, bullets stripped, `#` lines left out."""
        lines = []
        for line in self.charter.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith(_BULLETS):
                line = line[2:].strip()
            if line:
                lines.append(line)
        return lines

    def person_ids(self, names: list[str]) -> dict[str, str]:
        """Each given name that is a member's (active or not), with that member's id."""
        found = {name: self.find(name) for name in names}
        return {name: member.id for name, member in found.items() if member is not None}

    # -- changes (made inside `change_group`, which writes them) --------------------------------

    def add(self, name: str, when: datetime) -> Member:
        """Add a person; one who left comes back with their old id (and their history).

        A name an active member already has is a GroupError.
        """
        name = clean_name(name)
        member = self.find(name)
        if member is not None:
            if member.active:
                raise group_error("group.already_member", name=member.name, group=self.name)
            member.left = None
            return member
        member = Member(id=f"p{self._next_number()}", name=name, joined=when)
        self.members.append(member)
        return member

    def remove(self, name: str, when: datetime) -> Member:
        """Mark a member as gone from `when`; they stay in the members, so in the history."""
        member = self._member(name)
        if not member.active:
            raise group_error("group.already_left", name=member.name, group=self.name)
        member.left = when
        return member

    def rename(self, old: str, new: str) -> Member:
        """Give a member another name; the id stays, so their history follows them.

        A name another member has (even one who left) is a GroupError.
        """
        member = self._member(old)
        new = clean_name(new)
        other = self.find(new)
        if other is not None and other is not member:
            raise group_error("group.name_taken", name=other.name, group=self.name)
        member.name = new
        return member

    def _member(self, name: str) -> Member:
        """The member of that name, or a GroupError naming the group."""
        member = self.find(name)
        if member is None:
            raise group_error("group.no_member", name=" ".join(name.split()), group=self.name)
        return member

    def _next_number(self) -> int:
        """The number of the next id: after every id ever given (those who left keep theirs)."""
        numbers = [int(m.id[1:]) for m in self.members if m.id[1:].isdigit()]
        return max(numbers, default=0) + 1
