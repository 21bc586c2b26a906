"""The text bar chart of the review: bars a reader compares at a glance, values written beside
them, an ASCII axis for a terminal or a printer without `█`."""

from __future__ import annotations

from codev_tui.core.cycle_out.chart import WIDTH, Bar, bar_chart


def _rows(lines: list[str]) -> dict[str, str]:
    """Each bar's line by its label."""
    return {line.split("  ")[0].strip(): line for line in lines if line.startswith("Session")}


def test_bars_are_as_long_as_their_value_against_the_top() -> None:
    lines = bar_chart(
        "Mean",
        [Bar("Session 1", 5, "5.0"), Bar("Session 2", 2.5, "2.5"), Bar("Session 3", 0.1, "0.1")],
        5,
        [str(n) for n in range(6)],
    )
    rows = _rows(lines)
    assert rows["Session 1"].count("█") == WIDTH
    assert rows["Session 2"].count("█") == WIDTH // 2
    assert "▌" in rows["Session 3"]  # above zero always shows
    assert rows["Session 1"].endswith("5.0") and rows["Session 2"].endswith("2.5")


def test_a_row_without_a_value_has_words_and_no_bar() -> None:
    lines = bar_chart("Done", [Bar("Session 1", None, "not reviewed yet")], 1, ["0", "100"])
    row = _rows(lines)["Session 1"]
    assert "█" not in row and "▌" not in row
    assert row.endswith("not reviewed yet")


def test_the_chart_is_a_fenced_block_with_an_ascii_axis_under_the_bars() -> None:
    lines = bar_chart("Mean", [Bar("Session 1", 5, "5")], 5, [str(n) for n in range(6)])
    assert lines[0] == "```text" and lines[-1] == "```"
    assert lines[1] == "Mean"
    axis, numbers = lines[-3], lines[-2]
    assert axis.strip() == "+---+---+---+---+---+" and axis.isascii()
    bar = _rows(lines)["Session 1"]
    # The full bar ends under the last tick, the numbers start under theirs.
    assert bar.rindex("█") == axis.rindex("+")
    assert numbers.index("0") == axis.index("+") and numbers.rindex("5") == axis.rindex("+")


def test_long_scale_numbers_never_run_into_each_other() -> None:
    lines = bar_chart("Done", [Bar("S", 1, "100")], 1, [str(n) for n in range(0, 101, 20)])
    assert lines[-2].split() == ["0", "20", "40", "60", "80", "100"]
