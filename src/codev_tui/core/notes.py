"""The short prefix syntax of the notes input, parsed without any UI.

A note may start with any of these tokens, in any order, each followed by a space:

- `@Name`  the author (completed from the roster; a name with spaces: `@"Marie Dupont"`)
- `/q` question, `/s` suggestion, `/h` hypothesis, `/i` impression, `/t` testimony,
  `/n` plain note, `/a` action, `/l` learning — the kind (each phase has a default)
- `/c`     confidential: kept out of the minutes unless asked
- `//`     ends the prefix: what follows is text even if it starts with `/` or `@`

Action items (synthesis) read `what / who / by when`, the last two optional.
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
}
"""Letter after `/` → kind of note."""

PASTED_NEWLINE = "\u2424"
"""How a pasted line break shows in the one-line input (it is saved as a line break)."""

_QUOTED_AUTHOR = re.compile(r'@"([^"]+)"')


@dataclass(frozen=True)
class ParsedNote:
    """What the notes input means."""

    text: str
    kind: str
    author: str = ""
    confidential: bool = False


def parse_note(raw: str, default_kind: str, roster_names: list[str] | None = None) -> ParsedNote:
    """Split the prefix tokens from the text of a note."""
    rest = raw.replace(PASTED_NEWLINE, "\n").lstrip(" ")
    kind, author, confidential = default_kind, "", False
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
            kind = KIND_TOKENS[token[1]]
        else:
            break
        rest = after.lstrip(" ")
    return ParsedNote(text=rest.rstrip(), kind=kind, author=author, confidential=confidential)


def complete_name(prefix: str, names: list[str]) -> str:
    """The roster name that `prefix` starts (case-insensitive, when unique), else `prefix`."""
    lowered = prefix.casefold()
    exact = [n for n in names if n.casefold() == lowered]
    if exact:
        return exact[0]
    matches = [n for n in names if n.casefold().startswith(lowered)]
    return matches[0] if len(matches) == 1 else prefix


def split_action(text: str) -> tuple[str, str, str]:
    """`what / who / by when` → (what, who, due); who and due may be empty."""
    parts = [p.strip() for p in text.split(" / ")]
    what = parts[0]
    who = parts[1] if len(parts) > 1 else ""
    due = " / ".join(parts[2:]) if len(parts) > 2 else ""
    return what, who, due
