"""Errors built in the core carry codes with values; the words come from `codev_tui.words`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from codev_tui.words import either, say


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong: a key of the words tables and the values its text needs."""

    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    def words(self, lang: str) -> str:
        """This problem said in `lang`, with any problem or core error among its values too."""
        return say(lang, self.code, **{k: _said(v, lang) for k, v in self.values.items()})


class CoreError(Exception):
    """An error of the core: one or more problems, worded by whoever shows them."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(*problems)
        self.problems: tuple[Problem, ...] = problems

    def lines(self, lang: str) -> list[str]:
        """One line per problem, in `lang`."""
        return [problem.words(lang) for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines("en"))


def _said(value: object, lang: str) -> object:
    """A value as it goes into a text: problems and core errors worded, a list or tuple joined
    with the language's "or" (`'a', 'b' or 'c'`), the rest raw."""
    if isinstance(value, Problem):
        return value.words(lang)
    if isinstance(value, CoreError):
        return "; ".join(value.lines(lang))
    if isinstance(value, (list, tuple)):
        return either(lang, (_said(item, lang) for item in value))
    return value
