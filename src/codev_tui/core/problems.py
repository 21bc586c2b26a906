"""Errors built in the core carry codes with values; the words come from `codev_tui.words`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from codev_tui.words import say


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong: a key of the words tables and the values its text needs."""

    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    def words(self, lang: str) -> str:
        """This problem said in `lang`."""
        return say(lang, self.code, **self.values)


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
