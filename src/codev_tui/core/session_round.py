"""The round of the table, folded from the log: who has the floor, each turn of speech, who
passed, and each one's talk time (part of `Session`)."""

from __future__ import annotations

from datetime import UTC, datetime

from codev_tui.core.events import SpeakerChanged
from codev_tui.core.script import Phase
from codev_tui.core.session_parts import Roster, Turn


class RoundOfTheTable:
    """Part of `Session`: the fields it reads are the session's."""

    roster: Roster
    running: bool
    speaker: str
    speaker_since: datetime | None
    talk: dict[str, float]
    turns: list[Turn]
    turn: int | None
    phase: Phase

    def _speaker(self, event: SpeakerChanged) -> None:
        at = event.t
        self._bank_talk(at)
        if event.passed and self.turn is not None and self.turns[self.turn].name == event.passed:
            self.turns[self.turn].passed = True
        name = event.name
        if name:
            # A new round starts when the floor goes back up the order (or starts again).
            phase_id = self.phase.id
            number = self.round_number
            order = self.roster.consultants
            previous = self.speaker
            if (
                not number
                or not previous
                or (name in order and previous in order)
                and order.index(name) <= order.index(previous)
            ):
                number += 1
            self.turns.append(Turn(phase_id, number, name, event.seq))
            self.turn = len(self.turns) - 1
        else:
            self.turn = None
        self.speaker = name
        self.speaker_since = at if name and self.running else None
        if name:
            self.talk.setdefault(name, 0.0)

    def _bank_talk(self, at: datetime) -> None:
        if self.speaker_since is not None:
            self.talk[self.speaker] = self.talk.get(self.speaker, 0.0) + max(
                0.0, (at - self.speaker_since).total_seconds()
            )
        self.speaker_since = None

    def talk_time(self, name: str, now: datetime | None = None) -> float:
        """Seconds `name` has held the floor."""
        total = self.talk.get(name, 0.0)
        if name == self.speaker and self.speaker_since is not None:
            now = now or datetime.now(UTC)
            total += max(0.0, (now - self.speaker_since).total_seconds())
        return total

    @property
    def round_number(self) -> int:
        """The round of the table under way in the current phase (0 before the first)."""
        phase_id = self.phase.id
        return next((t.round for t in reversed(self.turns) if t.phase == phase_id), 0)

    def passed_this_round(self, name: str) -> bool:
        """Whether `name` passed their turn in the current round of the current phase."""
        phase_id, number = self.phase.id, self.round_number
        return any(
            t.passed and t.name == name and t.phase == phase_id and t.round == number
            for t in self.turns
        )

    @property
    def passes(self) -> list[str]:
        """Who passed their turn, in order (once per turn passed)."""
        return [t.name for t in self.turns if t.passed]
