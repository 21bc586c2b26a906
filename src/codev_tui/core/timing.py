"""Time per phase against the plan: one table, computed once, for the closing screen and the
minutes, so that both show the same seconds.

`timing_table(session, now, scale)` gives, per phase of the script:

- `planned`: the script's plan;
- `adjusted`: the plan with the minutes added or removed on the way (F7/F8), never below 0;
- `actual`: the time spent (counting the running phase up to `now`);
- `over`: `actual - adjusted`, the overtime as the countdown showed it;

each rounded once to whole seconds (half a second up), and a `total` row that adds the rounded
rows up, so that the column sums read right. `adjusted` says whether any phase's plan was changed
(an "adjusted" column is worth showing), `long` whether the table reaches an hour (then every
duration reads `h:mm:ss`, so that a column reads alike).

In practice the plan is in real-session time and the time spent in rehearsal time: `scale` (the
practice speed) turns the second into the first, comparing like with like.

`session_timing(session)` is the table both the closing screen and the minutes show: counted up
to the session's end (or the latest time its log knows of), scaled by the practice speed.

Durations are written by `core.times.format_duration` (`mm:ss` or `h:mm:ss`); talk times, the
timing table and the minutes all go through it, so that a screen and the minutes agree to the
second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from codev_tui.core.session import Session
from codev_tui.core.times import format_duration, whole_seconds

__all__ = ["TimingRow", "TimingTable", "session_timing", "taken_at", "timing_table"]


@dataclass(frozen=True)
class TimingRow:
    """One phase (or the total): whole seconds planned, as adjusted, and spent."""

    title: str
    planned: int
    """The script's plan."""
    adjusted: int
    """The plan with the minutes added or removed during the session."""
    actual: int
    """The time spent (practice: its real-session equivalent)."""
    phase: str = ""
    """The phase's id; empty for the total."""
    spent: int = 0
    """The time spent as counted (practice: rehearsal time, not scaled)."""

    @property
    def over(self) -> int:
        """Seconds over the plan as adjusted (negative: under)."""
        return self.actual - self.adjusted


@dataclass(frozen=True)
class TimingTable:
    """Every phase's row and the total."""

    rows: tuple[TimingRow, ...]
    total: TimingRow
    adjusted: bool
    """Some phase's plan was changed during the session."""
    long: bool
    """Some total reaches an hour: every duration is best written `h:mm:ss`."""

    def duration(self, seconds: float) -> str:
        """A duration of this table, `h:mm:ss` for all when the table is long."""
        return format_duration(seconds, hours=self.long)


def timing_table(session: Session, now: datetime | None = None, scale: float = 1.0) -> TimingTable:
    """Planned, adjusted and actual time per phase, rounded once (see the module docstring).

    `now` is the time the running phase is counted up to (default: the wall clock); `scale`
    turns rehearsal time into the real session's (practice).
    """
    rows: list[TimingRow] = []
    for i, phase in enumerate(session.script.phases):
        elapsed = session.elapsed(i, now=now)
        row = TimingRow(
            title=phase.title,
            planned=whole_seconds(phase.seconds),
            adjusted=whole_seconds(session.planned(i)),
            actual=whole_seconds(elapsed * scale),
            phase=phase.id,
            spent=whole_seconds(elapsed),
        )
        rows.append(row)
    total = TimingRow(
        title="",
        planned=sum(r.planned for r in rows),
        adjusted=sum(r.adjusted for r in rows),
        actual=sum(r.actual for r in rows),
        spent=sum(r.spent for r in rows),
    )
    return TimingTable(
        rows=tuple(rows),
        total=total,
        adjusted=any(r.adjusted != r.planned for r in rows),
        long=max(total.planned, total.adjusted, total.actual) >= 3600,
    )


def taken_at(session: Session) -> datetime:
    """The time a session is told at: its end, or the latest time its log knows of."""
    if session.ended is not None:
        return session.ended
    times: list[datetime] = [session.created]
    if session.last_at is not None:
        times.append(session.last_at)
    for timing in session.timings:
        times.extend(t for t in (timing.entered, timing.left) if t is not None)
    times.extend(n.at for n in session.notes)
    times.extend(t for t in (session.started, session.run_since, session.speaker_since) if t)
    aware = [t for t in times if isinstance(t, datetime) and t.tzinfo is not None]
    return max(aware) if aware else datetime.now(UTC)


def session_timing(session: Session, now: datetime | None = None) -> TimingTable:
    """The timing table the closing screen and the minutes both show: counted up to `now`
    (default: `taken_at`), and in practice scaled to the real session's time by its speed."""
    scale = session.speed if session.practice and session.speed > 0 else 1.0
    return timing_table(session, now=now or taken_at(session), scale=scale)
