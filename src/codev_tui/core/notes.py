"""The short prefix syntax of the notes input, parsed without any UI.

A note may start with any of these tokens, in any order, each followed by a space:

- `@Name`  the author (completed from the roster; a name with spaces: `@"Marie Dupont"`)
- `/q` question, `/s` suggestion, `/h` hypothesis, `/i` impression, `/t` testimony,
  `/n` plain note, `/a` action, `/l` learning, `/e` evaluation, `/v` vote (choosing the
  subject: `/v @Ana 3`) — the kind (each phase has a default)
- `/c`     confidential: kept out of the minutes unless asked
- `/p2`    the phase, by its number (a note for an earlier phase, or moved there when corrected)
- `//`     ends the prefix: what follows is text even if it starts with `/` or `@`

In the retour phase a note reads `<n> fait …`, `<n> en partie …`, `<n> pas fait …` (English:
`done`, `partly`, `not done`): the status of the previous plan's action n; `/report n` is no
note but carries action n over to the next session's retour.

Action items (synthesis) read `what / who / by when`, the last two optional; `who` may name
several people (`Sophie + Aïcha`). An evaluation may start with a score from 1 to 5
(`/e 4 rythme bon`). `note_line` writes a note back in this syntax, so that correcting a note is
editing one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KIND_TOKENS: dict[str, str] = {
    "q": "question",
    "s": "suggestion",
    "h": "hypothesis",
    "i": "impression",
    "t": "testimony",
    "n": "note",
    "a": "action",
    "l": "learning",
    "e": "evaluation",
    "v": "vote",
}
"""Letter after `/` → kind of note."""

TOKEN_OF_KIND: dict[str, str] = {kind: letter for letter, kind in KIND_TOKENS.items()}
"""Kind of note → its letter (the contract has none: it is the contract phase's default)."""

PASTED_NEWLINE = "\u2424"
"""How a pasted line break shows in the one-line input (it is saved as a line break)."""

_QUOTED_AUTHOR = re.compile(r'@"([^"]+)"')
_PHASE_TOKEN = re.compile(r"/p([1-9][0-9]?)")
_SCORE = re.compile(r"([1-5])(?:/5)?(?=\s|$)")
_PEOPLE_SEPARATORS = re.compile(r"\s*(?:\+|,|&|;|\bet\b|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedNote:
    """What the notes input means."""

    text: str
    kind: str
    author: str = ""
    confidential: bool = False
    phase: int | None = None
    """The phase number given with `/pN` (1-based), or None."""
    has_kind: bool = False
    """Whether a kind token was typed (else `kind` is the default)."""


def parse_note(
    raw: str, default_kind: str, roster_names: list[str] | None = None, phases: int = 0
) -> ParsedNote:
    """Split the prefix tokens from the text of a note; `phases` bounds `/pN`."""
    rest = raw.replace(PASTED_NEWLINE, "\n").lstrip(" ")
    kind, author, confidential, phase, has_kind = default_kind, "", False, None, False
    names = roster_names or []
    while rest:
        if rest.startswith("//"):
            rest = rest[2:].lstrip(" ")
            break
        quoted = _QUOTED_AUTHOR.match(rest)
        if quoted:
            author = quoted.group(1).strip()
            rest = rest[quoted.end() :].lstrip(" ")
            continue
        token, _, after = rest.partition(" ")
        if token.startswith("@") and len(token) > 1:
            author = complete_name(token[1:], names)
        elif token == "/c":
            confidential = True
        elif len(token) == 2 and token[0] == "/" and token[1] in KIND_TOKENS:
            kind, has_kind = KIND_TOKENS[token[1]], True
        elif (number := _PHASE_TOKEN.fullmatch(token)) and int(number.group(1)) <= phases:
            phase = int(number.group(1))
        else:
            break
        rest = after.lstrip(" ")
    return ParsedNote(
        text=rest.rstrip(),
        kind=kind,
        author=author,
        confidential=confidential,
        phase=phase,
        has_kind=has_kind,
    )


def note_line(
    text: str, kind: str, author: str = "", confidential: bool = False, phase: int | None = None
) -> str:
    """A note written back in the prefix syntax: `parse_note` of it gives the same note.

    `phase` (1-based) is written as `/pN` when given: when the note is not in the phase its
    correction is typed in.
    """
    tokens: list[str] = []
    if kind in TOKEN_OF_KIND:
        tokens.append(f"/{TOKEN_OF_KIND[kind]}")
    if confidential:
        tokens.append("/c")
    if phase is not None:
        tokens.append(f"/p{phase}")
    if author:
        tokens.append(f'@"{author}"' if (" " in author or author[0] == '"') else f"@{author}")
    body = text.replace("\n", PASTED_NEWLINE)
    if body.startswith(("/", "@")) or body[:1].isspace():
        tokens.append("//")
    return " ".join([*tokens, body]) if tokens else body


def complete_name(prefix: str, names: list[str]) -> str:
    """The roster name that `prefix` stands for, else `prefix` as typed (see `name_candidates`)."""
    found = name_candidates(prefix, names)
    return found[0] if len(found) == 1 else prefix


def name_candidates(prefix: str, names: list[str]) -> list[str]:
    """The names `prefix` may stand for, case-insensitive: the whole name; else the only
    person with that first name (`Sophie` for Sophie Marchand); else every name starting with
    `prefix` (one: it is that one; several: which one is not said)."""
    lowered = prefix.casefold()
    exact = [n for n in names if n.casefold() == lowered]
    if exact:
        return exact[:1]
    first = [n for n in names if n.split() and n.split()[0].casefold() == lowered]
    if len(first) == 1:
        return first
    return [n for n in names if n.casefold().startswith(lowered)]


_CARRY = re.compile(r"/(?:report|reporter|carry)(?:\s+(\d{1,3}))?\s*", re.IGNORECASE)


def carry_number(raw: str) -> int | None:
    """`/report 3` (or `/carry 3`): the reviewed action to carry over to the next session;
    0 for `/report` alone (the action of the latest status); None when the line is no
    carry-over."""
    match = _CARRY.fullmatch(raw.strip())
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 0


def split_action(text: str) -> tuple[str, str, str]:
    """`what / who / by when` → (what, who, due); who and due may be empty."""
    parts = [p.strip() for p in text.split(" / ")]
    what = parts[0]
    who = parts[1] if len(parts) > 1 else ""
    due = " / ".join(parts[2:]) if len(parts) > 2 else ""
    return what, who, due


def split_people(who: str, names: list[str]) -> tuple[str, ...]:
    """Who does an action: `Sophie + Aïcha` → each completed from the roster like an author."""
    parts = [p.strip() for p in _PEOPLE_SEPARATORS.split(who)]
    return tuple(dict.fromkeys(complete_name(p, names) for p in parts if p))  # each once


def split_score(text: str) -> tuple[int | None, str]:
    """An evaluation's score (1 to 5, also written `4/5`) when it starts the text, and the rest."""
    match = _SCORE.match(text)
    if match is None:
        return None, text
    return int(match.group(1)), text[match.end() :].strip()
