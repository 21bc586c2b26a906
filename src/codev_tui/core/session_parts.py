"""The parts of a session's state: who is in the room, the notes, and what is derived from them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from codev_tui.core.notes import split_action, split_people, split_score


def parse_names(text: str) -> list[str]:
    """Comma-separated names, trimmed, blanks and repeats (ignoring case) left out."""
    names: list[str] = []
    seen: set[str] = set()
    for name in (n.strip() for n in text.split(",")):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


@dataclass
class Roster:
    """Who takes part, and what the session is about."""

    topic: str = ""
    group: str = ""
    facilitator: str = ""
    client: str = ""
    consultants: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Everybody's name, client first, without blanks or repeats."""
        seen: list[str] = []
        for name in [self.client, *self.consultants, self.facilitator]:
            if name and name not in seen:
                seen.append(name)
        return seen

    def role_of(self, name: str) -> str | None:
        """`client`, `consultant N` (1-based) or `facilitator` for a name on the roster."""
        if name and name == self.client:
            return "client"
        if name and name in self.consultants:
            return f"consultant {self.consultants.index(name) + 1}"
        if name and name == self.facilitator:
            return "facilitator"
        return None


@dataclass(slots=True)
class Note:
    """A note taken during a phase, as corrected."""

    id: int
    at: datetime
    phase: str
    kind: str
    text: str
    author: str = ""
    confidential: bool = False
    prompt: str = ""
    seq: int = 0
    """Its place in the log: notes and passes of a round are told in this order."""
    turn: int | None = None
    """Index in `Session.turns` of the turn of speech it was taken in, if any."""
    edited: bool = False
    """Corrected at least once."""


@dataclass
class ActionItem:
    """One line of the action plan, from a note of kind `action`."""

    what: str
    who: str = ""
    due: str = ""
    note: int | None = None
    """The note it was typed as: the action is as confidential as that note."""
    people: tuple[str, ...] = ()
    """Who does it, each completed from the roster (`Sophie + Aïcha`)."""


@dataclass
class Learning:
    """What one person takes away, from a note of kind `learning`."""

    who: str
    what: str
    note: int | None = None
    """The note it was typed as: the learning is as confidential as that note."""


@dataclass
class Evaluation:
    """One person's evaluation of the session, from a note of kind `evaluation` (`/e 4 …`)."""

    author: str
    score: int | None
    comment: str
    note: int | None = None


@dataclass
class Turn:
    """One consultant's turn of speech in a round of the table."""

    phase: str
    round: int
    """1 for the first round of that phase, 2 for the next…"""
    name: str
    seq: int
    passed: bool = False


@dataclass
class PhaseTiming:
    """Time actually spent in one phase, from the log's timestamps."""

    spent: float = 0.0
    adjust: float = 0.0
    entered: datetime | None = None
    left: datetime | None = None


def action_items(notes: Iterable[Note], names: list[str]) -> list[ActionItem]:
    """The action plan: every note of kind `action` that says what to do."""
    items = []
    for note in notes:
        if note.kind != "action":
            continue
        what, who, due = split_action(note.text)
        if not any(c.isalnum() for c in what):  # " / / " is no action
            continue
        people = split_people(who or note.author, names)
        items.append(ActionItem(what, " + ".join(people), due, note.id, people))
    return items


def learnings_of(notes: Iterable[Note]) -> list[Learning]:
    """What each person takes away: every note of kind `learning`."""
    return [Learning(n.author, n.text, n.id) for n in notes if n.kind == "learning" and n.text]


def mean_score(scores: Sequence[int]) -> Decimal:
    """The mean of scores out of 5, one decimal, half up: the minutes and the review alike."""
    return (Decimal(sum(scores)) / Decimal(len(scores))).quantize(Decimal("0.1"), ROUND_HALF_UP)


def evaluations_of(notes: Iterable[Note], legacy: list[str]) -> list[Evaluation]:
    """The evaluation of the session: every note of kind `evaluation` (`/e 4 …`), after the
    schema 1 evaluation lines."""
    items = [Evaluation("", None, text) for text in legacy if text]
    for note in notes:
        if note.kind == "evaluation":
            score, comment = split_score(note.text)
            items.append(Evaluation(note.author, score, comment, note.id))
    return items


@dataclass(slots=True)
class ReviewItem:
    """An action of the group's previous plan, reviewed in this session's retour phase."""

    n: int
    """Its number in the retour, as shown and typed (`1 fait …`)."""
    what: str
    who: str = ""
    due: str = ""
    ref: str = ""
    """`<session id>:<note id>` of the action where it was first planned: carried over from
    session to session, it keeps its ref, so its fate follows it."""


@dataclass(slots=True)
class ItemStatus:
    """What the retour said of one reviewed action: the latest status note about it."""

    n: int
    status: str
    """`done`, `partly` or `not_done`."""
    comment: str = ""
    note: int = 0
    """The note it was typed as: a correction of the note corrects it."""
    carried: bool = False
    """Reviewed again at the next session (`/report N`)."""
    confidential: bool = False
    """Typed as a confidential note: told nowhere but the session (its comment above all)."""


STATUS_WORDS: dict[str, str] = {
    "fait": "done",
    "faite": "done",
    "done": "done",
    "en partie": "partly",
    "partiellement": "partly",
    "partly": "partly",
    "partially": "partly",
    "pas fait": "not_done",
    "pas faite": "not_done",
    "non fait": "not_done",
    "not done": "not_done",
}
"""What a status note may say of an action, in French or English → the status."""

STATUSES = ("done", "partly", "not_done")

_STATUS_LINE = re.compile(
    r"(\d{1,3})[.)]?\s+("
    + "|".join(
        sorted((re.escape(w).replace(r"\ ", r"\s+") for w in STATUS_WORDS), key=len, reverse=True)
    )
    + r")(?=\s|$|[.,;:!-])[\s.,;:!-]*(.*)",
    re.IGNORECASE | re.DOTALL,
)


def split_status(text: str) -> tuple[int, str, str] | None:
    """`2 en partie il manque le devis` → (2, "partly", "il manque le devis"); None when the
    text is no status."""
    match = _STATUS_LINE.fullmatch(text.strip())
    if match is None:
        return None
    status = STATUS_WORDS[" ".join(match.group(2).casefold().split())]
    return int(match.group(1)), status, match.group(3).strip()


def statuses_of(
    notes: Iterable[Note], items: list[ReviewItem], carried: set[int]
) -> dict[int, ItemStatus]:
    """The status of each reviewed action: the latest status note about it wins."""
    known = {item.n for item in items}
    found: dict[int, ItemStatus] = {}
    for note in notes:
        if note.kind != "status" or (said := split_status(note.text)) is None:
            continue
        n, status, comment = said
        if n in known:
            found[n] = ItemStatus(n, status, comment, note.id, n in carried, note.confidential)
    return found
