"""Projector mode (F2) for the room: the phase's title and who has the floor in block letters,
the countdown still the largest thing on screen."""

from __future__ import annotations

import pytest

from codev_tui.ui.widgets.bigclock import BigClock
from codev_tui.ui.widgets.bigtext import block_lines
from codev_tui.ui.widgets.projector_head import ProjectorHead
from tests.functional.conftest import go_to_phase, screen_of, screen_text, shown

CONSULTATION = 2
"""The phase of tests/fixtures/short.toml with a round of the table."""


def clock_rows(app) -> int:  # type: ignore[no-untyped-def]
    """The rows of the clock's region that show digits."""
    region = screen_of(app).query_one(BigClock).content_region
    lines = screen_text(app).split("\n")[region.y : region.bottom]
    return sum("█" in line[region.x : region.right] for line in lines)


def head_text(app) -> str:  # type: ignore[no-untyped-def]
    region = screen_of(app).query_one(ProjectorHead).region
    return "\n".join(screen_text(app).split("\n")[region.y : region.bottom])


def drawn_in(app, name: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the head shows `name` in block letters (of some size)."""
    head, width = head_text(app), screen_of(app).query_one(ProjectorHead).content_size.width
    sizes = (block_lines(name, width, rows) for rows in range(3, 30))
    return any(all(row.strip() in head for row in lines) for lines in sizes)


async def follow(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the head follow the session now rather than at its next half-second."""
    screen_of(app).query_one(ProjectorHead).follow()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_the_title_in_block_letters_above_a_large_countdown(make_app, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        assert not shown(app, "#projector-head")  # the console's own view is unchanged
        await pilot.press("f5", "f2")
        await follow(app, pilot)
        assert shown(app, "#projector-head") and not shown(app, "#phase")
        head = head_text(app)
        widget = screen_of(app).query_one(ProjectorHead)
        drawn = block_lines("Exposé", widget.content_size.width, widget.size.height)
        assert drawn and all(row.strip() in head for row in drawn)
        assert clock_rows(app) >= (10 if size == (80, 24) else 20)
        assert clock_rows(app) > len(drawn)  # the countdown stays the largest thing
        await pilot.press("escape")
        assert not shown(app, "#projector-head")


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_who_has_the_floor_in_block_letters_in_the_round(make_app, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        await go_to_phase(app, pilot, CONSULTATION)
        await pilot.press("f2")
        await follow(app, pilot)
        assert "CONSULTATION" in head_text(app) or "▀" in head_text(app)
        await pilot.press("f6")
        await follow(app, pilot)
        head = head_text(app)
        assert drawn_in(app, "Bruno")
        assert "BRUNO" not in head  # the name is drawn in block letters, not in plain text
        assert shown(app, "#round")  # the order and the talk times, under the clock
        await pilot.press("f4")
        await follow(app, pilot)
        assert drawn_in(app, "Chloé")
        assert clock_rows(app) >= (10 if size == (80, 24) else 20)


async def test_the_floor_follows_at_once(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_phase(app, pilot, CONSULTATION)
        await pilot.press("f2", "f6")
        await pilot.pause()
        assert drawn_in(app, "Bruno")
