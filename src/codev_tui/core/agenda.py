"""The session's timetable, to send with the invitation: no UI, instant."""

from __future__ import annotations

from datetime import datetime, timedelta

from codev_tui.core.minutes.escape import escape_inline
from codev_tui.core.script import PhaseScript
from codev_tui.core.times import format_minutes, format_time
from codev_tui.core.visible import visible
from codev_tui.words import words_of


def next_start(now: datetime, step: int = 5) -> datetime:
    """`now` rounded up to the next multiple of `step` minutes (seconds dropped)."""
    base = now.replace(second=0, microsecond=0)
    if base < now:
        base += timedelta(minutes=1)
    extra = (-base.minute) % step
    return base + timedelta(minutes=extra)


def timetable(script: PhaseScript, start: datetime) -> list[tuple[datetime, datetime]]:
    """Start and end of each phase, one after the other from `start`."""
    rows = []
    at = start
    for phase in script.phases:
        end = at + timedelta(seconds=round(phase.seconds))
        rows.append((at, end))
        at = end
    return rows


def render_agenda(script: PhaseScript, start: datetime, fmt: str = "text") -> str:
    """The timetable as plain text or Markdown, in the script's language."""
    lab = words_of("agenda", script.script.lang)
    rows = timetable(script, start)
    end = rows[-1][1]
    total = f"{format_minutes(script.total_minutes)} {lab['min']}"
    if fmt == "md":
        out = [
            f"## {lab['title']} — {escape_inline(script.script.name)}",
            "",
            f"| {lab['time']} | {lab['phase']} | {lab['min']} | {lab['what']} |",
            "|---|---|---:|---|",
        ]
        for phase, (a, b) in zip(script.phases, rows, strict=True):
            out.append(
                f"| {format_time(a)}–{format_time(b)} | {escape_inline(phase.title)} | "
                f"{format_minutes(phase.minutes)} | {escape_inline(phase.summary)} |"
            )
        out.append(f"| {format_time(start)}–{format_time(end)} | **{lab['total']}** | {total} | |")
        return "\n".join(out) + "\n"
    # A script's text shows its control characters (a line feed too) as pictures.
    out = [f"{lab['title']} — {visible(script.script.name)}", ""]
    titles = [visible(p.title) for p in script.phases]
    width = max(map(len, titles))
    for phase, title, (a, b) in zip(script.phases, titles, rows, strict=True):
        out.append(
            f"{format_time(a):>8}–{format_time(b):<8}  {title:<{width}}  "
            f"{format_minutes(phase.minutes):>5} {lab['min']}"
        )
        if phase.summary:
            out.append(f"{'':18}  {visible(phase.summary)}")
    out.append("")
    out.append(f"{lab['total']} : {total} ({format_time(start)}–{format_time(end)})")
    return "\n".join(out) + "\n"
