"""The countdown: pure arithmetic on an injected monotonic clock, never tick counting."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

Clock = Callable[[], float]
"""A monotonic clock returning seconds, such as `time.monotonic`."""


def monotonic() -> float:
    """The default clock."""
    return time.monotonic()


class TimerState(StrEnum):
    """What the countdown shows; each state also has a word on screen."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVERTIME = "overtime"


class Countdown:
    """remaining = planned + adjustments - elapsed; overtime is a negative remaining."""

    def __init__(
        self,
        planned: float,
        clock: Clock = monotonic,
        *,
        elapsed: float = 0.0,
        adjust: float = 0.0,
        running: bool = False,
        warning: float | None = None,
    ) -> None:
        self.planned = planned
        self.adjust = adjust
        self.warning = planned * 0.2 if warning is None else warning
        self._clock = clock
        self._banked = elapsed
        self._since: float | None = clock() if running else None

    @property
    def running(self) -> bool:
        """True while time is counting."""
        return self._since is not None

    def elapsed(self) -> float:
        """Seconds spent running in this phase."""
        if self._since is None:
            return self._banked
        return self._banked + max(0.0, self._clock() - self._since)

    def remaining(self) -> float:
        """Seconds left; negative in overtime."""
        return self.planned + self.adjust - self.elapsed()

    def start(self) -> None:
        """Start or resume counting (no effect when already running)."""
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        """Stop counting, keeping the elapsed time."""
        if self._since is not None:
            self._banked = self.elapsed()
            self._since = None

    def toggle(self) -> bool:
        """Pause when running, start otherwise; returns the new running flag."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def add(self, seconds: float) -> None:
        """Add (or with a negative value remove) time to this phase."""
        self.adjust += seconds

    def state(self) -> TimerState:
        """The state to show."""
        remaining = self.remaining()
        if not self.running:
            if self._banked == 0 and remaining > 0:
                return TimerState.READY
            return TimerState.PAUSED
        if remaining < 0:
            return TimerState.OVERTIME
        if remaining <= self.warning:
            return TimerState.WARNING
        return TimerState.RUNNING
