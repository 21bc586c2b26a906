"""What the journal and the review write alike: their words, dates, means, headings and fields."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from codev_tui.core.cycle_out.facts import SessionFacts
from codev_tui.core.session_parts import mean_score
from codev_tui.core.times import format_date
from codev_tui.words import Words, words_of

__all__ = ["Doc"]


class Doc:
    """A Markdown document being written in one language: lines appended to `out`."""

    def __init__(self, lang: str | None) -> None:
        self.w = Words("cycle", lang)
        # The minutes' own ways with dates and numbers, so that both documents write them alike.
        minutes = words_of("minutes", lang)
        self.months = minutes["months"].split()
        self.date_format = minutes["date_format"]
        self.colon = minutes["colon"]
        self.decimal = minutes["decimal"]
        self.out: list[str] = []
        self.add = self.out.append

    def text(self) -> str:
        """The document, its lines joined."""
        return "\n".join(self.out)

    def heading(self, level: int, text: str) -> None:
        self.add(f"{'#' * level} {text}")
        self.add("")

    def field(self, name: str, value: str) -> None:
        """`- **Name** : value` (the value escaped already)."""
        self.add(f"- **{name}**{self.colon}{value}")

    def nothing(self, key: str = "nothing") -> None:
        self.add(f"*{self.w(key)}*")
        self.add("")

    def date(self, when: datetime) -> str:
        """`29 novembre 2026`, in local time."""
        return format_date(when, self.months, self.date_format)

    def period(self, sessions: Sequence[SessionFacts]) -> str:
        """From the first session's date to the last one's."""
        return self.w(
            "from_to", first=self.date(sessions[0].date), last=self.date(sessions[-1].date)
        )

    def session_title(self, session: SessionFacts) -> str:
        """`Séance 2 — 13 décembre 2026`."""
        return f"{self.w('session_n', n=session.number)} — {self.date(session.date)}"

    def number(self, value: Decimal) -> str:
        """A decimal number as the language writes it (`4,3`)."""
        return str(value).replace(".", self.decimal)

    def mean(self, scores: Sequence[int]) -> tuple[Decimal | None, str]:
        """The mean of scores out of 5, one decimal (half up), and as written (`4,3 / 5`)."""
        if not scores:
            return None, self.w("no_rating")
        mean = mean_score(scores)
        return mean, self.w("out_of_5", mean=self.number(mean))
