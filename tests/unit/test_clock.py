"""The countdown: what the facilitator reads on the big clock, on a fake monotonic clock."""

from __future__ import annotations

import math
import random
from fractions import Fraction

from codev_tui.core.clock import Countdown, TimerState, monotonic
from codev_tui.core.times import format_clock


def test_remaining_is_planned_plus_adjust_minus_elapsed(mono):
    c = Countdown(600, mono)
    assert c.remaining() == 600 and c.elapsed() == 0 and not c.running
    mono.step(50)  # not started: nothing counts
    assert c.remaining() == 600
    c.start()
    mono.step(90.5)
    assert c.elapsed() == 90.5
    assert c.remaining() == 600 - 90.5
    c.add(120)
    assert c.remaining() == 600 + 120 - 90.5
    c.add(-300)
    assert c.remaining() == 600 + 120 - 300 - 90.5
    assert c.adjust == -180


def test_a_countdown_resumed_from_a_saved_session(mono):
    c = Countdown(900, mono, elapsed=300, adjust=60, running=True)
    assert c.running and c.remaining() == 660
    mono.step(10)
    assert c.remaining() == 650 and c.elapsed() == 310


def test_pause_keeps_the_time_and_resume_goes_on(mono):
    c = Countdown(600, mono)
    c.start()
    mono.step(100)
    c.pause()
    assert not c.running and c.remaining() == 500
    mono.step(3600)  # a long coffee break
    assert c.remaining() == 500 and c.elapsed() == 100
    c.pause()  # pausing twice changes nothing
    assert c.remaining() == 500
    c.start()
    c.start()  # starting twice does not restart the interval
    mono.step(25)
    assert c.remaining() == 475
    assert c.toggle() is False
    mono.step(40)
    assert c.remaining() == 475
    assert c.toggle() is True
    mono.step(5)
    assert c.remaining() == 470


def test_overtime_is_a_negative_remaining_shown_counting_up(mono):
    c = Countdown(60, mono, running=True)
    mono.step(60 + 133)
    assert c.remaining() == -133
    assert c.state() is TimerState.OVERTIME
    assert format_clock(c.remaining()) == "+02:13"
    mono.step(0.75)
    assert format_clock(c.remaining()) == "+02:13"  # rounded down in overtime
    mono.step(0.25)
    assert format_clock(c.remaining()) == "+02:14"


def test_states_ready_running_warning_paused_overtime(mono):
    c = Countdown(600, mono)  # warning at 20%: the last 120 s
    assert c.warning == 120
    assert c.state() is TimerState.READY
    c.start()
    assert c.state() is TimerState.RUNNING
    mono.step(479)
    assert c.state() is TimerState.RUNNING
    mono.step(1)  # 120 s left
    assert c.state() is TimerState.WARNING
    c.pause()
    assert c.state() is TimerState.PAUSED
    c.start()
    mono.step(120)
    assert c.remaining() == 0 and c.state() is TimerState.WARNING
    mono.step(0.001)
    assert c.state() is TimerState.OVERTIME
    c.pause()
    assert c.state() is TimerState.PAUSED
    c.add(300)  # five more minutes: back to running, out of the warning zone
    c.start()
    assert c.state() is TimerState.RUNNING
    assert {s.value for s in TimerState} == {"ready", "running", "warning", "paused", "overtime"}


def test_explicit_warning_threshold(mono):
    c = Countdown(600, mono, warning=30, running=True)
    mono.step(569)
    assert c.state() is TimerState.RUNNING
    mono.step(1)
    assert c.state() is TimerState.WARNING


def test_a_resumed_paused_countdown_is_paused_not_ready(mono):
    assert Countdown(600, mono, elapsed=10).state() is TimerState.PAUSED


def test_a_frozen_clock_keeps_the_value(mono):
    """Laptop suspended: the monotonic clock does not move, neither does the countdown."""
    c = Countdown(600, mono, running=True)
    mono.step(42)
    values = {c.remaining() for _ in range(10_000)}
    assert values == {558}
    assert c.state() is TimerState.RUNNING


def test_a_clock_going_back_never_adds_time(mono):
    c = Countdown(600, mono, running=True)
    mono.step(-5)
    assert c.remaining() == 600


def _simulate(steps: int, seed: int, dyadic: bool):
    """A three-hour session: irregular clock steps, reads, pauses, resumes and adjustments."""
    rng = random.Random(seed)
    mono = type("Mono", (), {})()
    mono.t = 12_345.0 if dyadic else 12_345.678
    clock = lambda: mono.t  # noqa: E731
    planned = 45 * 60
    c = Countdown(planned, clock)
    c.start()
    running, running_since = True, mono.t
    banked = Fraction(0)
    adjust = Fraction(0)
    for _ in range(steps):
        if dyadic:  # multiples of 1/1024 s: every sum is exact in binary floating point
            mono.t += rng.randrange(1, 4 * 1024) / 1024
        else:
            mono.t += rng.uniform(0.0001, 4.0)
        action = rng.random()
        if action < 0.03:
            if running:
                banked += Fraction(mono.t) - Fraction(running_since)
            else:
                running_since = mono.t
            running = not running
            assert c.toggle() is running
        elif action < 0.05:
            seconds = rng.choice([60, -60, 300, -120, 30.5])
            adjust += Fraction(seconds)
            c.add(seconds)
        else:
            c.remaining()  # the screen reads the clock many times: that must not matter
        expected = planned + adjust - banked
        if running:
            expected -= Fraction(mono.t) - Fraction(running_since)
        yield c, expected, mono.t


def test_three_hours_of_irregular_steps_have_zero_drift():
    last_t = None
    for c, expected, t in _simulate(6000, seed=7, dyadic=True):
        assert Fraction(c.remaining()) == expected
        last_t = t
    assert last_t - 12_345.0 > 3 * 3600  # the simulation did cover three hours


def test_three_hours_of_arbitrary_float_steps_stay_within_a_microsecond():
    for seed in range(3):
        for c, expected, _ in _simulate(6000, seed=seed, dyadic=False):
            assert math.isclose(c.remaining(), float(expected), abs_tol=1e-6)


def test_the_default_clock_is_monotonic():
    a = monotonic()
    assert monotonic() >= a
