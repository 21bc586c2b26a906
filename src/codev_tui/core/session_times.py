"""A session's clock as any screen reads it: the current phase's countdown, the planned and the
projected end. The facilitator's control drives it; the room's read-only view only reads it."""

from __future__ import annotations

from datetime import datetime, timedelta

from codev_tui.core.clock import Clock, Countdown, TimerState
from codev_tui.core.session import Session
from codev_tui.core.store.session_file import WallClock


class SessionTimes:
    """The countdown of the current phase runs on the injected monotonic clock, from the time
    the session's events say was spent: a screen opened late shows the same time as the one
    that started the phase."""

    def __init__(self, session: Session, clock: Clock, wall: WallClock) -> None:
        self.session = session
        self._clock = clock
        self.wall = wall
        self.scale = session.speed if session.practice and session.speed > 0 else 1.0
        """Practice: rehearsal seconds per real-session second (1 otherwise)."""
        self.countdown = self._countdown_for_current()

    def _countdown_for_current(self) -> Countdown:
        s = self.session
        i = s.current
        return Countdown(
            s.script.phases[i].seconds / self.scale,
            self._clock,
            elapsed=s.elapsed(i, self.wall()),
            adjust=s.timings[i].adjust / self.scale,
            running=s.running,
            warning=s.script.phases[i].warning_seconds / self.scale,
        )

    def state(self) -> TimerState:
        """The countdown's state."""
        return self.countdown.state()

    def planned_end(self) -> datetime:
        """When the session ends if every phase takes its planned time, from its start."""
        start = self.session.started or self.wall()
        total = sum(p.seconds for p in self.session.script.phases) / self.scale
        return start + timedelta(seconds=total)

    def projected_end(self) -> datetime:
        """Now + what is left of this phase + the planned time of the phases after it."""
        s = self.session
        left = max(0.0, self.countdown.remaining())
        later = sum(s.planned(i) for i in range(s.current + 1, len(s.script.phases))) / self.scale
        return self.wall() + timedelta(seconds=left + later)

    def drift_minutes(self) -> float:
        """Minutes behind (positive) or ahead (negative) of the plan."""
        return (self.projected_end() - self.planned_end()).total_seconds() / 60

    def real_equivalent(self) -> float:
        """Practice: the current phase's elapsed time in real-session seconds."""
        return self.countdown.elapsed() * self.scale
