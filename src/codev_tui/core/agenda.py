"""The session's timetable, to send with the invitation: no UI, instant."""

from __future__ import annotations

from datetime import datetime, timedelta

from codev_tui.core.script import PhaseScript, format_minutes
from codev_tui.core.visible import visible
from codev_tui.words import words_of


def next_start(now: datetime, step: int = 5) -> datetime:
    """`now` rounded up to the next multiple of `step` minutes (seconds dropped)."""
    base = now.replace(second=0, microsecond=0)
    if base < now:
        base += timedelta(minutes=1)
    extra = (-base.minute) % step
    return base + timedelta(minutes=extra)


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M}" if moment.second == 0 else f"{moment:%H:%M:%S}"


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
            f"## {lab['title']} — {_md(script.script.name)}",
            "",
            f"| {lab['time']} | {lab['phase']} | {lab['min']} | {lab['what']} |",
            "|---|---|---:|---|",
        ]
        for phase, (a, b) in zip(script.phases, rows, strict=True):
            out.append(
                f"| {_clock(a)}–{_clock(b)} | {_md(phase.title)} | "
                f"{format_minutes(phase.minutes)} | {_md(phase.summary)} |"
            )
        out.append(f"| {_clock(start)}–{_clock(end)} | **{lab['total']}** | {total} | |")
        return "\n".join(out) + "\n"
    # A script's text shows its control characters (a line feed too) as pictures.
    out = [f"{lab['title']} — {visible(script.script.name)}", ""]
    titles = [visible(p.title) for p in script.phases]
    width = max(map(len, titles))
    for phase, title, (a, b) in zip(script.phases, titles, rows, strict=True):
        out.append(
            f"{_clock(a):>8}–{_clock(b):<8}  {title:<{width}}  "
            f"{format_minutes(phase.minutes):>5} {lab['min']}"
        )
        if phase.summary:
            out.append(f"{'':18}  {visible(phase.summary)}")
    out.append("")
    out.append(f"{lab['total']} : {total} ({_clock(start)}–{_clock(end)})")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Table-safe Markdown text: pipes and markup characters escaped, one line."""
    escaped = "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)
    return " ".join(escaped.split())
