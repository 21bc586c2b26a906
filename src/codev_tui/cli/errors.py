"""The mistakes a command reports in a line or two, with exit status 2."""

from __future__ import annotations

from collections.abc import Sequence

from codev_tui.core.problems import CoreError, Problem

USER_ERROR = 2
"""The exit status of a mistake on the command line (a bad argument, a file refused...)."""


class UserError(CoreError):
    """A mistake on the command line: a key of the `cli` words (without `cli.`) and its values.

    `details` are printed as they are after its line (the candidates of an ambiguous session
    name).
    """

    def __init__(self, code: str, details: Sequence[str] = (), **values: object) -> None:
        super().__init__(Problem(f"cli.{code}", values))
        self.details = list(details)


def lines_of(exc: Exception, lang: str) -> list[str]:
    """What an error says, one line per problem: a core error in `lang`, another as it is."""
    if isinstance(exc, CoreError):
        return exc.lines(lang)
    return str(exc).splitlines()
