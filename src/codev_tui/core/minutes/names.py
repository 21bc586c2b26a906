"""Who is who in the minutes: names compared folded, and matched against the roster.

Names are matched against the roster ignoring case (full Unicode case folding: `Jürgen GROSS`
is `jürgen groß`); a first name alone ("Marie") stands for the roster's only person with that
first name ("Marie Dupont"). Somebody not on the roster who wrote a note (`@Zoé`) or had the
floor is a participant too, in the order they first appear.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from codev_tui.core.session import Roster

__all__ = ["People", "fold", "fold_char", "fold_nfc", "folded_with_places"]


def fold_char(char: str) -> str:
    """One character as names are compared: full case folding (`ß` is `ss`), the Turkish
    dotted and dotless i as `i` (`İ`, `ı`), the combining dot above dropped."""
    folded = char.casefold()
    if folded.isascii():
        return folded
    return folded.replace("\u0131", "i").replace("\u0307", "").replace("\u2019", "'")


def fold(text: str) -> str:
    """A name as it is compared: NFC, folded (`Jürgen GROSS` is `jürgen groß`), no spaces at
    either end."""
    text = text.strip()
    if text.isascii():
        return text.lower()
    return fold_nfc(unicodedata.normalize("NFC", text))


def fold_nfc(text: str) -> str:
    """Text already in NFC, folded as `fold_char` does character by character."""
    folded = text.casefold()
    if "\u0131" in folded or "\u0307" in folded or "\u2019" in folded:
        folded = folded.replace("\u0131", "i").replace("\u0307", "").replace("\u2019", "'")
    return folded


def folded_with_places(text: str) -> tuple[str, list[int]]:
    """`text` (NFC) folded, and for each folded character the index of the one it comes from;
    one more entry, len(text), closes the list."""
    folded: list[str] = []
    places: list[int] = []
    for i, char in enumerate(text):
        piece = fold_char(char)
        folded.append(piece)
        places.extend([i] * len(piece))
    places.append(len(text))
    return "".join(folded), places


class People:
    """The roster's names by their folded forms, and who else took part."""

    def __init__(self, roster: Roster, named: Iterable[str] = ()) -> None:
        self.roster = roster
        names = roster.names()
        self.full: dict[str, str] = {}
        """The roster's names by their folded form."""
        for name in names:
            self.full.setdefault(fold(name), name)
        firsts: dict[str, list[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) > 1:
                firsts.setdefault(fold(parts[0]), []).append(name)
        self.first = {
            first: full[0]
            for first, full in firsts.items()
            if len(full) == 1 and first not in self.full
        }
        """A first name alone, folded, for the one person of the roster who has it."""
        # A surname alone ("Roy", "Mme Marchand") too, but only as written with its capital
        # (anonymizing): a surname is often a word as well ("Petit", "Roy").
        lasts: dict[str, list[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) > 1 and len(parts[-1]) > 1:
                lasts.setdefault(parts[-1], []).append(name)
        self.last = {
            last: full[0]
            for last, full in lasts.items()
            if len(full) == 1 and fold(last) not in self.full and fold(last) not in self.first
        }
        """A surname alone, as written on the roster, for the one person who has it."""
        self.others: dict[str, str] = {}
        """Participants not on the roster, by folded name: the name as first written."""
        for name in named:
            key = fold(name)
            if key and key not in self.others and self.resolve(name) is None:
                self.others[key] = name

    def resolve(self, name: str) -> str | None:
        """The roster's name for `name` (ignoring case, or a first name alone), or None."""
        key = fold(name)
        return self.full.get(key) or self.first.get(key)

    def same(self, a: str, b: str) -> bool:
        """Whether two names stand for the same person."""
        if fold(a) == fold(b):
            return True
        full = self.resolve(a)
        return full is not None and full == self.resolve(b)
