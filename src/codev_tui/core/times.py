"""How times are written, in one place: the countdown, durations, minutes, times of day, dates.

A screen and the minutes write a duration the same way (`format_duration`, rounded once with
`whole_seconds`), so that they agree to the second.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

__all__ = [
    "format_clock",
    "format_date",
    "format_duration",
    "format_minutes",
    "format_time",
    "whole_seconds",
]


def format_clock(seconds: float) -> str:
    """`mm:ss`, `h:mm:ss` past an hour, and `+mm:ss` counting up in overtime.

    Remaining time is rounded up, so the display shows 00:00 only when time is out; overtime
    is rounded down, so `+00:01` appears one full second after.
    """
    if seconds >= 0:
        whole = int(-(-seconds // 1))
        sign = ""
    else:
        whole = int(-seconds // 1)
        sign = "+" if whole > 0 else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return sign + body


def whole_seconds(seconds: float) -> int:
    """A duration rounded to the nearest second (half a second up), never negative."""
    return max(0, math.floor(seconds + 0.5))


def format_duration(seconds: float, *, hours: bool = False) -> str:
    """`mm:ss`, or `h:mm:ss` from an hour on (always with `hours`, so that a column of
    durations reads alike); rounded to the nearest second, never negative."""
    whole = whole_seconds(seconds)
    h, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{h}:{minutes:02d}:{secs:02d}" if h or hours else f"{minutes:02d}:{secs:02d}"


def format_minutes(minutes: float) -> str:
    """`15` for whole minutes, `1.5` otherwise."""
    return f"{minutes:g}"


def format_time(moment: datetime) -> str:
    """A time of day: `14:05`, or `14:05:30` when the seconds are not zero."""
    return f"{moment:%H:%M}" if moment.second == 0 else f"{moment:%H:%M:%S}"


def local_clock(moment: datetime) -> str:
    """An aware moment as the local time of day, `14:05`."""
    return f"{moment.astimezone():%H:%M}"


def format_date(when: datetime, months: Sequence[str], pattern: str) -> str:
    """A date in local time (an aware one), its month named from `months` (January first),
    laid out by `pattern` (`{day} {month} {year}`)."""
    local = when.astimezone() if when.tzinfo is not None else when
    return pattern.format(day=local.day, month=months[local.month - 1], year=local.year)
