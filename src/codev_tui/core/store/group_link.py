"""What a session file's header says of the group it is one of, written once at its creation.

`group_id` names the group (by its id: a renamed group keeps its sessions), `people` each name
on the roster with the member's stable id, and `[[session.review]]` the previous plan's actions
the retour phase reviews (copied, so that the session and its minutes stand on their own).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from codev_tui.core.problems import Problem
from codev_tui.core.session_parts import ReviewItem
from codev_tui.core.store.record import toml_text


class GroupLink(NamedTuple):
    """A session's place in its group, as its header holds it (a NamedTuple: a frozen
    dataclass would cost every start of codev the making of its class)."""

    group_id: str
    people: dict[str, str] = {}  # noqa: RUF012 (never changed: a NamedTuple's default)
    review: tuple[ReviewItem, ...] = ()
    absent: tuple[str, ...] = ()
    """The group's members away that day, by name."""
    quorum: int = 0
    """The group's quorum that day (0: not known)."""

    def header(self) -> dict[str, Any]:
        """The fields of the `[session]` table."""
        items = []
        for item in self.review:
            record: dict[str, Any] = {"n": item.n, "what": toml_text(item.what)}
            record |= {k: toml_text(v) for k in ("who", "due", "ref") if (v := getattr(item, k))}
            items.append(record)
        return {
            "group_id": self.group_id,
            "people": {toml_text(name): ident for name, ident in self.people.items()},
            "review": items,
            "absent": [toml_text(name) for name in self.absent],
            "quorum": self.quorum,
        }


def read_link(head: dict[str, Any]) -> tuple[GroupLink, str, Problem | None]:
    """The group link of a header; the field and the problem when one is wrong."""
    group_id = head.get("group_id", "")
    if type(group_id) is not str:
        return GroupLink(""), "group_id", Problem("store.not_text", {})
    people = head.get("people", {})
    if type(people) is not dict or any(type(v) is not str for v in people.values()):
        return GroupLink(""), "people", Problem("store.bad_people", {})
    review = head.get("review", [])
    if type(review) is not list:
        return GroupLink(""), "review", Problem("store.bad_review", {"n": 1})
    items = []
    for index, record in enumerate(review, 1):
        item = _item(record)
        if item is None:
            return GroupLink(""), "review", Problem("store.bad_review", {"n": index})
        items.append(item)
    absent, quorum = head.get("absent", []), head.get("quorum", 0)
    if type(absent) is not list or any(type(name) is not str for name in absent):
        return GroupLink(""), "absent", Problem("store.bad_consultants", {})
    if type(quorum) is not int or not 0 <= quorum < 1000:
        return GroupLink(""), "quorum", Problem("store.bad_quorum", {})
    link = GroupLink(group_id, dict(people), tuple(items), tuple(absent), quorum)
    return link, "", None


def _item(record: Any) -> ReviewItem | None:
    """One reviewed action of the header, or None when it is not one."""
    if type(record) is not dict:
        return None
    n, what = record.get("n"), record.get("what")
    texts = [record.get(k, "") for k in ("who", "due", "ref")]
    if type(n) is not int or not 0 < n < 1000 or type(what) is not str:
        return None
    if any(type(t) is not str for t in texts):
        return None
    return ReviewItem(n, what, *texts)
