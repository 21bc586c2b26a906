"""The facilitation screen's widgets draw their lines from plain data (no session, no app)."""

from __future__ import annotations

from codev_tui.ui.widgets.round_strip import RoundState, Seat, round_line
from codev_tui.ui.widgets.status_line import SaveState, StatusState, status_line
from codev_tui.ui.widgets.top_bar import TopBarState, top_bar_line
from codev_tui.words import Texts

EN = Texts("en")


def bar(width: int, drift: int = 0, speed: float | None = None) -> str:
    state = TopBarState("Classic", 2, 6, "09:30", "11:05", "11:08", drift, speed, width)
    return top_bar_line(state, EN)


def test_the_top_bar_says_as_much_as_fits() -> None:
    widest = bar(200, drift=3)
    assert widest.startswith("Classic · Phase 2/6 · 09:30") and widest.endswith("(+3 min behind)")
    assert bar(60, drift=-2) == "Phase 2/6 · 09:30 · → 11:08 (2 min ahead)"
    assert bar(10) == "2/6 09:30"  # the shortest, even when too long
    assert bar(200, speed=10).startswith("Rehearsal ×10 · Classic")


def test_the_round_keeps_who_has_the_floor_on_a_narrow_line() -> None:
    seats = tuple(Seat(f"Name{i}", i == 7, False, 0.0) for i in range(10))
    line = round_line(RoundState(2, seats, 64), EN).plain
    # Those before the speaker are left out, said by "…"; "+N" would count those after.
    assert line == f"{EN('round')} ({EN('round_n', n=2)}): … ▶ Name7 00:00 · Name8 · Name9"
    assert len(line) <= 64


def test_the_status_line_says_not_saved_before_anything_else() -> None:
    failing = SaveState(unsaved=2, error="disk full")
    state = StatusState(failing, notes=3, flash="note deleted", choosing=True)
    assert status_line(state, EN).plain == f"⚠ {EN('not_saved')} (2)"
    saved = StatusState(SaveState(0), notes=3, notice="resumed")
    assert status_line(saved, EN).plain == f"✓ {EN('saved')} · 3 notes · resumed"
    choosing = StatusState(SaveState(1), notes=3, choosing=True)
    assert status_line(choosing, EN).plain == f"… {EN('browsing_keys')}"


def test_on_a_phone_wide_line_the_head_gives_way_to_who_has_the_floor() -> None:
    seats = tuple(Seat(f"Name{i}", i == 7, False, 0.0) for i in range(10))
    line = round_line(RoundState(2, seats, 24), EN).plain
    assert line.startswith("… ▶ Name7") and len(line) <= 24
