"""Anonymous minutes: the facts of a session with its names replaced by roles, before any
rendering.

Names become roles wherever a name is a field of its own: the roster, note authors, who had the
floor, who does an action, whose learning, and talk times. The client becomes "Client", the
consultants "Consultant 1", "Consultant 2"... in roster order, the facilitator "Facilitateur" /
"Facilitator", and the other participants "Participant 1", "Participant 2"... in the order they
first appear in the session (each one is in the participants table). The evaluation shows no
author at all. Those names, and the first names that stand for them, are then replaced wherever
they are written in free text too (topic, group, script and phase titles, contract, notes,
actions, learnings, evaluation), as whole words, ignoring case; who does an action, when not a
participant ("la DRH"), is such free text. A surname alone is replaced only when written with
its capital ("un petit souci" names nobody called Petit). French elision is undone before a
replaced name, since a role does not start with a vowel: `d'Aïcha` becomes `de Consultant 4`
and `qu'Aïcha` `que Consultant 4` (also `lorsqu'`, `puisqu'`, `jusqu'`; `'` or `’`; a capital
stays a capital: `D'Aïcha` → `De Consultant 4`). A nickname or a misspelt name is not
recognised, so anonymous minutes still deserve a read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace

from codev_tui.core.minutes.facts import Facts
from codev_tui.core.minutes.names import People, fold, fold_char, fold_nfc, folded_with_places
from codev_tui.core.notes import split_people
from codev_tui.core.session import Roster

__all__ = ["anonymize"]

# French elision before a name: `d'`, `qu'`, `lorsqu'`, `puisqu'`, `jusqu'` (either apostrophe).
_ELISION = r"(?:(?P<elided>lorsqu|puisqu|jusqu|qu|d)['\u2019])?"


def anonymize(facts: Facts, words: Mapping[str, str]) -> Facts:
    """The same facts with every name replaced by a role, in the words of the document."""
    masks = _Masks(People(facts.roster), facts.others, words, facts.absent)
    person, text = masks.person, masks.text
    r = facts.roster
    roster = Roster(
        topic=text(r.topic),
        group=text(r.group),
        facilitator=person(r.facilitator),
        client=person(r.client),
        consultants=[person(c) for c in r.consultants],
    )
    contract = facts.contract
    if contract is not None:
        contract = replace(contract, text=text(contract.text), author=person(contract.author))
    actions = []
    for action in facts.actions:
        people = tuple(person(p) for p in action.people)
        what, due = text(action.what), text(action.due)
        actions.append(replace(action, what=what, who=" + ".join(people), due=due, people=people))
    learnings = tuple(
        (person(who), tuple(replace(x, who=person(x.who), what=text(x.what)) for x in items))
        for who, items in facts.learnings
    )
    rows = tuple(replace(row, title=text(row.title)) for row in facts.timing.rows)
    review = tuple(
        replace(item, what=text(item.what), who=masks.people_in(item.who), due=text(item.due))
        for item in facts.review
    )
    statuses = {n: replace(st, comment=text(st.comment)) for n, st in facts.statuses.items()}
    choice = facts.choice
    if choice is not None:
        choice = choice._replace(client=person(choice.client), topic=text(choice.topic))
    return replace(
        facts,
        script_name=text(facts.script_name),
        roster=roster,
        phases=tuple(replace(p, title=text(p.title)) for p in facts.phases),
        notes=tuple(
            replace(n, text=text(n.text), author=person(n.author), kind=masks.kind(n.kind))
            for n in facts.notes
        ),
        contract=contract,
        others=tuple(person(name) for name in facts.others),
        actions=tuple(actions),
        learnings=learnings,
        # The evaluation is anonymous: no author at all, not even a role.
        evaluations=tuple(
            replace(e, author="", comment=text(e.comment)) for e in facts.evaluations
        ),
        turns=tuple(replace(t, name=person(t.name)) for t in facts.turns),
        talk=tuple((person(name), seconds) for name, seconds in facts.talk),
        timing=replace(facts.timing, rows=rows),
        review=review,
        statuses=statuses,
        absent=(),  # counted (`away`), never named
        candidates=tuple(
            replace(c, name=person(c.name), subject=text(c.subject)) for c in facts.candidates
        ),
        choice=choice,
    )


class _Masks:
    """A person's role, and free text with the names in it replaced by roles."""

    def __init__(
        self,
        people: People,
        others: Iterable[str],
        words: Mapping[str, str],
        away: Iterable[str] = (),
    ) -> None:
        self.people = people
        self.words = words
        participant = words["participant"]
        others = list(others)
        self.others = {fold(name): f"{participant} {i}" for i, name in enumerate(others, 1)}
        """The label of each participant not on the roster, by folded name; a member of the
        group away that day too, by whole name and by first name (a note may speak of them)."""
        for i, name in enumerate(away, len(others) + 1):
            for said in (name, *name.split()[:1]):
                self.others.setdefault(fold(said), f"{participant} {i}")
        self._persons: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self._words: list[str] = []
        self._labels: dict[str, str] = {}
        self._spellings: dict[str, str] = {}

    def role(self, name: str) -> str | None:
        """The label standing for a person, or None."""
        full = self.people.resolve(name)
        if full is None:
            return self.others.get(fold(name))
        role = self.people.roster.role_of(full) or ""
        if role == "client":
            return self.words["client"]
        if role == "facilitator":
            return self.words["facilitator"]
        return f"{self.words['consultant']} {role.split()[-1]}"

    def people_in(self, who: str) -> str:
        """`Ana + Bruno` (as a previous session's action said who does it) as their roles;
        somebody not in this session (absent today) as a participant, never by name."""
        names = split_people(who, self.people.roster.names())
        return " + ".join(self.role(name) or self.words["participant"] for name in names)

    def person(self, name: str) -> str:
        """A name as its role (blank stays blank); somebody who is not a participant as free
        text, names in it replaced."""
        shown = self._persons.get(name)
        if shown is None:
            label = self.role(name) if name else None
            shown = self._persons[name] = label or self.text(name)
        return shown

    def kind(self, kind: str) -> str:
        """A note's kind: one of the document's own words as it is, any other as free text."""
        return kind if f"kind.{kind}" in self.words else self.text(kind)

    def text(self, text: str) -> str:
        """Free text with the names in it replaced by roles."""
        return self._scrub(text) if text else text

    def _scrub(self, text: str) -> str:
        people = self.people
        if self._pattern is None:
            labels: dict[str, str] = {}
            for key, full in [*people.full.items(), *people.first.items()]:
                labels.setdefault(key, self.role(full) or "")
            for key, label in self.others.items():
                labels.setdefault(key, label)
            self._words = sorted((k for k in labels if k), key=len, reverse=True)
            self._labels = labels
            # Matched in the folded text: the names are folded already.
            self._pattern = re.compile(
                r"(?<!\w)"
                + _ELISION
                + r"(?P<name>"
                + "|".join(map(re.escape, self._words))
                + r")(?!\w)"
            )
            # A surname alone: any word written with a capital whose folded form is a
            # surname's ("GROẞ", "Gross" and "GROSS" for "Groß", "Ruff" for "Ruﬀ").
            self._spellings = {fold(last): last for last in people.last}
            self._last_pattern = re.compile(
                r"(?<!\w)" + _ELISION + r"(?P<name>\w+(?:[-'\u2019]\w+)*)(?!\w)"
            )
        ascii = text.isascii()
        if not ascii:
            text = unicodedata.normalize("NFC", text)
        # Most texts name nobody: a plain search is much faster than the pattern.
        folded = fold_nfc(text)
        if any(word in folded for word in self._words):
            folded, places = (text.lower(), None) if ascii else folded_with_places(text)
            text = self._replace_all(text, folded, places)
        if people.last and any(last in folded for last in self._spellings):
            text = self._last_pattern.sub(self._replace_last, text)
        return text

    def _replace_all(self, text: str, folded: str, places: list[int] | None) -> str:
        """`text` with each name found in `folded` replaced by its label; `places` maps the
        folded characters back to the text's (None: the same places)."""
        assert self._pattern is not None
        out: list[str] = []
        done = 0
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            if places is not None:
                # Only whole characters of the text: `ss` from the end of `ß` is no name.
                if 0 < start and places[start - 1] == places[start]:
                    continue
                if places[end - 1] == places[end]:
                    continue
                start, end = places[start], places[end - 1] + 1
                while end < len(text) and not fold_char(text[end]):
                    end += 1  # a combining dot above belongs to the name
            elided = match.group("elided")
            if elided is not None and places is not None:
                elided = text[places[match.start("elided")] : places[match.end("elided") - 1] + 1]
            elif elided is not None:
                elided = text[match.start("elided") : match.end("elided")]
            out.append(text[done:start])
            out.append(self._with_elision(elided, self._labels[match.group("name")]))
            done = end
        out.append(text[done:])
        return "".join(out)

    def _replace_last(self, match: re.Match[str]) -> str:
        word = match.group("name")
        last = self._spellings.get(fold(word)) if word[:1].isupper() else None
        if last is None:
            return match.group()
        return self._with_elision(match.group("elided"), self.role(self.people.last[last]) or "")

    @staticmethod
    def _with_elision(elided: str | None, label: str) -> str:
        if not elided:
            return label
        # A role starts with a consonant: `d'` is `de` again, `qu'` is `que`.
        vowel = "E" if len(elided) > 1 and elided.isupper() else "e"
        return f"{elided}{vowel} {label}"
