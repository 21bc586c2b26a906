"""Choosing the subject: the candidates, their votes, and the facilitator's choice.

An optional phase of kind `subject` opens the session when the client is not known yet. Each
candidate says their subject in one line, typed as a note of that phase (`@Ana Conflit avec
mon N+1`, kind `subject`); the group weighs them and votes (`/v @Ana 3`: Ana's subject got 3
votes, kind `vote`). The latest subject and the latest vote of each candidate count, so a
correction of the note corrects them, like any note. The facilitator then chooses (`/choix
@Ana`, or the leader of the vote with one key): a `SubjectChosen` event, folded into the
roster (`choose`). The vote never decides alone: choosing somebody else is allowed, and said.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from codev_tui.core.events import SubjectChosen
from codev_tui.core.notes import complete_name, parse_note
from codev_tui.core.problems import CoreError, Problem
from codev_tui.core.script import PhaseScript, worded_phase
from codev_tui.core.session_parts import Note, Roster
from codev_tui.words import words_of

if TYPE_CHECKING:
    from codev_tui.core.session import Session

SUBJECT, VOTE = "subject", "vote"
"""The kinds of note of the phase: a candidate's subject, the votes a candidate got."""

MINUTES = 10
"""The length of the phase `codev run --choose` adds."""

COMMANDS = ("/choix", "/choose")
"""What starts a line that chooses (`/choix @Ana`; alone: the leader of the vote)."""

_VOTES = re.compile(r"(\d{1,6})(?=\s|$)")


class ChoosingError(CoreError):
    """No choice made (a tie, nobody known): nothing is saved, the line says why."""


def with_choosing(script: PhaseScript) -> PhaseScript:
    """The script with a phase choosing the subject (`codev run --choose`), in its language,
    before its first phase that is no review of the previous session (kind `status`); the
    script as it is when it already has one."""
    if any(phase.kind == SUBJECT for phase in script.phases):
        return script
    w = words_of("choosing", script.script.lang)
    ids = {phase.id for phase in script.phases}
    phase_id, n = w["phase_id"], 1
    while phase_id in ids:
        n += 1
        phase_id = f"{w['phase_id']}-{n}"
    rules = ("urgency", "importance", "leverage")
    lang = script.script.lang
    phase = worded_phase("choosing", lang, rules, id=phase_id, minutes=MINUTES, kind=SUBJECT)
    phases = list(script.phases)
    at = next((i for i, p in enumerate(phases) if p.kind != "status"), len(phases))
    phases.insert(at, phase)
    return replace(script, phases=tuple(phases))


@dataclass(slots=True)
class Candidate:
    """Somebody who proposed a subject (or got votes without saying one)."""

    name: str
    subject: str = ""
    votes: int | None = None
    """The latest count of votes typed for them; None before any."""
    notes: tuple[int, ...] = ()
    """The notes that say their subject and their votes (the latest of each)."""
    confidential: bool = False
    """Their subject was typed as a confidential note (`/c`)."""


@dataclass(slots=True)
class Tally:
    """The candidates in the order they came forward, and who leads the vote."""

    candidates: tuple[Candidate, ...] = ()

    @property
    def top(self) -> tuple[Candidate, ...]:
        """Those with the most votes (several: a tie); none before any vote."""
        counted = [c for c in self.candidates if c.votes is not None]
        most = max((c.votes or 0 for c in counted), default=0)
        return tuple(c for c in counted if c.votes == most) if most else ()

    @property
    def leader(self) -> Candidate | None:
        """The one candidate with the most votes, or None (no vote yet, or a tie)."""
        top = self.top
        return top[0] if len(top) == 1 else None

    def find(self, name: str) -> Candidate | None:
        """A candidate by name (ignoring case)."""
        folded = name.casefold()
        return next((c for c in self.candidates if c.name.casefold() == folded), None)

    @property
    def note_ids(self) -> frozenset[int]:
        """The notes the tally shows (told in its section of the minutes, not again)."""
        return frozenset(i for c in self.candidates for i in c.notes)


def tally(notes: Iterable[Note]) -> Tally:
    """The candidates, from the notes of kind `subject` and `vote` that name somebody: the
    latest subject and the latest count of votes of each one. A vote that is no count
    (`/v @Ana beaucoup`) is no vote: it stays a note."""
    subjects: dict[str, Note] = {}
    votes: dict[str, tuple[Note, int]] = {}
    order: dict[str, str] = {}
    for note in notes:
        name = note.author.strip()
        if not name or note.kind not in (SUBJECT, VOTE):
            continue
        if note.kind == VOTE:
            match = _VOTES.match(note.text.strip())
            if match is None:
                continue
            votes[name.casefold()] = (note, int(match.group(1)))
        else:
            subjects[name.casefold()] = note
        order.setdefault(name.casefold(), name)
    candidates = []
    for key, name in order.items():
        subject, vote = subjects.get(key), votes.get(key)
        candidates.append(
            Candidate(
                name=subject.author if subject is not None else name,
                subject=subject.text if subject is not None else "",
                votes=vote[1] if vote is not None else None,
                notes=tuple(n.id for n in (subject, vote[0] if vote else None) if n is not None),
                confidential=subject is not None and subject.confidential,
            )
        )
    return Tally(tuple(candidates))


def check_candidacy(kind: str, author: str, text: str, names: list[str], phase: str) -> None:
    """A subject or a vote typed in the phase choosing the subject (`phase`: its kind), for
    somebody in the room (`names`), a vote a count of votes; else ChoosingError, and nothing
    is saved (the line stays to be corrected)."""
    if kind not in (SUBJECT, VOTE):
        return
    if phase != SUBJECT:
        raise ChoosingError(Problem("choosing.not_here", {}))
    if not author:
        raise ChoosingError(
            Problem(
                "choosing.no_author" if kind == SUBJECT else "choosing.bad_vote", {"name": "Nom"}
            )
        )
    if not any(author.casefold() == name.casefold() for name in names):
        raise ChoosingError(Problem("choosing.not_in_room", {"name": author}))
    if kind == VOTE and _VOTES.match(text.strip()) is None:
        raise ChoosingError(Problem("choosing.bad_vote", {"name": author}))


def choice_command(raw: str, names: list[str]) -> str | None:
    """The name a line chooses (`/choix @Ana`, `/choose Ana`; "" for the leader of the vote),
    or None when the line is no choice."""
    command, _, rest = raw.strip().partition(" ")
    if command.casefold() not in COMMANDS:
        return None
    parsed = parse_note(rest, SUBJECT, names)
    if parsed.author or not parsed.text:
        return parsed.author
    return complete_name(parsed.text, names)


def decide(votes: Tally, roster: Roster, name: str | None) -> tuple[str, str, bool]:
    """The client, topic and whether the vote was overridden for choosing `name` (None or "":
    the leader of the vote). ChoosingError for a tie, no vote yet, or nobody known."""
    top = votes.top
    if not name:
        if len(top) > 1:
            names = ", ".join(c.name for c in top)
            raise ChoosingError(Problem("choosing.tie", {"names": names}))
        if not top:
            raise ChoosingError(Problem("choosing.no_votes"))
        name = top[0].name
    candidate = votes.find(name)
    # The client is somebody in the room, as the roster spells them: a candidate typed
    # `@"ana roy"` or `@Ana` is Ana Roy (the facilitator only when they proposed a subject).
    people = [n for n in (roster.client, *roster.consultants) if n]
    if candidate is not None and roster.facilitator:
        people.append(roster.facilitator)
    chosen = complete_name(candidate.name if candidate is not None else name, people)
    if chosen not in people:
        raise ChoosingError(Problem("choosing.unknown", {"name": name}))
    overridden = bool(top) and all(complete_name(c.name, people) != chosen for c in top)
    return chosen, candidate.subject if candidate is not None else "", overridden


def chosen_lines(event: SubjectChosen, votes: Tally) -> list[Problem]:
    """What the facilitator is told of their choice: who and what, and calmly, when the vote
    said otherwise, that it is their choice."""
    values = {"client": event.client, "topic": event.topic}
    said = [Problem("choosing.chosen" if event.topic else "choosing.chosen_no_topic", values)]
    if event.overridden:
        leaders = ", ".join(c.name for c in votes.top)
        said.append(Problem("choosing.overridden", {"leaders": leaders}))
    return said


class Choice(NamedTuple):
    """The subject chosen: the latest `SubjectChosen`, and the roster as it was before the
    first choice (a later choice starts again from it)."""

    client: str
    topic: str
    overridden: bool
    before: tuple[str, str, tuple[str, ...]]
    """The roster's client, topic and consultants before any choice."""


def choose(roster: Roster, event: SubjectChosen, before: Choice | None) -> Choice:
    """Fold a choice into the roster: the client and topic it says, and the consultants
    without the client (the round's order stays the roster's). A client set before who is
    not chosen is a consultant again, last."""
    client, topic, consultants = (
        before.before if before else (roster.client, roster.topic, tuple(roster.consultants))
    )
    everyone = [*consultants, client] if client and client not in consultants else [*consultants]
    roster.client, roster.topic = event.client, event.topic
    roster.consultants = [n for n in everyone if n != event.client]
    return Choice(event.client, event.topic, event.overridden, (client, topic, consultants))


def told(notes: Iterable[Note], shown: Container[int], choice: Choice | None) -> Told:
    """What the minutes tell of the choice: the candidates whose notes show (a confidential
    subject only when asked), and the choice, its topic left out when it is a confidential
    subject that does not show."""
    everyone = tally(notes)
    candidates = tuple(c for c in everyone.candidates if all(i in shown for i in c.notes))
    if choice is None:
        return Told(candidates, None)
    picked = everyone.find(choice.client)
    secret = (
        picked is not None
        and picked.confidential
        and picked.subject == choice.topic
        and picked not in candidates
    )
    topic = "" if secret else choice.topic
    return Told(candidates, Choice(choice.client, topic, choice.overridden, ("", "", ())))


class Told(NamedTuple):
    """The choice of the subject as the minutes tell it."""

    candidates: tuple[Candidate, ...]
    choice: Choice | None
    """The choice (without the roster before it), None when none was made."""


def public_topic(session: Session) -> str:
    """The session's topic as told outside it (`codev list`, the review, a journal): a
    subject chosen that was typed confidential is left out, as the minutes leave it out."""
    shown = {n.id for n in session.notes if not n.confidential}
    chosen = told(session.notes, shown, session.choice).choice
    return chosen.topic if chosen is not None else session.roster.topic
