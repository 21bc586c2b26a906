"""How times are written: the countdown, durations, minutes, times of day and dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from codev_tui.core.times import (
    format_clock,
    format_date,
    format_duration,
    format_minutes,
    format_time,
    whole_seconds,
)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "00:00"),
        (-0.0, "00:00"),
        (0.2, "00:01"),  # remaining rounds up: 00:00 only once time is out
        (1, "00:01"),
        (59.01, "01:00"),
        (61, "01:01"),
        (600, "10:00"),
        (3599, "59:59"),
        (3599.5, "1:00:00"),
        (3600, "1:00:00"),
        (3661, "1:01:01"),
        (36000, "10:00:00"),
        (-0.5, "00:00"),  # under a second of overtime: no sign yet
        (-1, "+00:01"),
        (-133, "+02:13"),
        (-133.9, "+02:13"),
        (-3600, "+1:00:00"),
        (-3725, "+1:02:05"),
    ],
)
def test_format_clock(seconds, shown):
    assert format_clock(seconds) == shown


def test_format_duration() -> None:
    assert format_duration(0) == "00:00"
    assert format_duration(59.4) == "00:59"
    assert format_duration(59.6) == "01:00"
    assert format_duration(3599) == "59:59"
    assert format_duration(3600) == "1:00:00"
    assert format_duration(36000 + 61) == "10:01:01"
    assert format_duration(-5) == "00:00"


def test_format_duration_rounds_half_a_second_up_and_can_always_show_hours() -> None:
    assert format_duration(58.5) == "00:59" and format_duration(119.4) == "01:59"
    assert format_duration(0.5) == "00:01" and format_duration(0.49) == "00:00"
    assert format_duration(0, hours=True) == "0:00:00"
    assert format_duration(61, hours=True) == "0:01:01"
    assert format_duration(-0.4, hours=True) == "0:00:00"


def test_whole_seconds_is_never_negative() -> None:
    assert whole_seconds(-3) == 0 and whole_seconds(-0.4) == 0
    assert whole_seconds(0) == 0 and whole_seconds(2.5) == 3 and whole_seconds(3.5) == 4


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(15, "15"), (15.0, "15"), (1.5, "1.5"), (0.25, "0.25"), (0, "0"), (480, "480"), (-2, "-2")],
)
def test_format_minutes(minutes: float, shown: str) -> None:
    assert format_minutes(minutes) == shown


def test_format_time_shows_seconds_only_when_there_are_some() -> None:
    assert format_time(datetime(2026, 11, 29, 9, 5)) == "09:05"
    assert format_time(datetime(2026, 11, 29, 0, 0)) == "00:00"
    assert format_time(datetime(2026, 11, 29, 14, 5, 30)) == "14:05:30"
    assert format_time(datetime(2026, 11, 29, 14, 5, 0, 999)) == "14:05"


MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def test_format_date_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        when = datetime(2026, 11, 29, 23, 30, tzinfo=timezone(timedelta(hours=-2)))
        assert format_date(when, MONTHS.split(), "{day} {month} {year}") == "30 novembre 2026"
        naive = datetime(2026, 1, 1, 23, 30)
        assert format_date(naive, MONTHS.split(), "{month} {day}, {year}") == "janvier 1, 2026"
        aware = datetime(2026, 12, 31, tzinfo=UTC)
        assert format_date(aware, MONTHS.split(), "{day} {month} {year}") == "31 décembre 2026"
    finally:
        monkeypatch.undo()
        time.tzset()
