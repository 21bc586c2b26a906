"""Above the countdown in projector mode (F2): the phase's title in block letters and, in the
round of the table, who has the floor in block letters (the round's line under the clock says
the order and the talk times)."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widget import Widget

from codev_tui.core.session_times import SessionTimes
from codev_tui.ui.widgets.bigtext import block_lines, centre
from codev_tui.ui.widgets.floor_banner import banner, banner_height, speaker
from codev_tui.ui.widgets.round_strip import RoundState, round_state
from codev_tui.words import Texts

CLOCK_ROWS, CLOCK_SHARE = 11, 0.6
"""The countdown keeps at least this many rows (10 rows of digits and its state in words) and
this share of the rows the head and the clock have: it stays the largest thing on screen."""


def head_rows(rows: int) -> int:
    """The rows the head may take when it and the clock have `rows`."""
    return max(0, rows - max(CLOCK_ROWS, round(rows * CLOCK_SHARE)))


def split_rows(title: str, state: RoundState | None, width: int, rows: int) -> tuple[int, int]:
    """The rows for the title and for who has the floor in `width` x `rows`: the name takes up
    to half (3 rows in a small terminal), the title the rest."""
    if state is None or not speaker(state) or rows < 2:
        return rows, 0
    name_rows = rows // 2 if rows >= 7 else min(3, rows - 1)
    floor = banner_height(state, width, name_rows)
    return rows - floor, floor


class ProjectorHead(Widget):
    """The title and the floor for the room: in the console's projector mode (the screen's CSS
    shows it) and on the room's view. Whoever shows it calls `follow` when the phase or the
    floor may have changed; it also looks again as soon as it is shown."""

    DEFAULT_CSS = """
    ProjectorHead {
        width: 100%;
        height: auto;
        text-style: bold;
    }
    """

    def __init__(
        self,
        texts: Texts,
        control: SessionTimes,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self.t = texts
        self.control = control
        self._seen: tuple[object, ...] = ()
        self._rows = 0
        """The rows the clock leaves (from the last layout): the title and the floor share them."""
        self._drawn: tuple[tuple[object, ...], Text] | None = None

    def on_show(self) -> None:
        """Shown (projector mode on): what the session says now."""
        self.follow()

    def _now(self, width: int) -> tuple[str, RoundState | None]:
        """The phase's title and the round (once the session ended: its end, no round)."""
        session = self.control.session
        if session.ended is not None:
            return self.t("view.ended"), None
        return session.phase.title, round_state(self.control, width)

    def follow(self) -> None:
        """Laid out and painted again when the title or the floor changed (not for talk time,
        which the head does not show)."""
        if not self.display:
            return
        title, state = self._now(self.size.width)
        seen = (title, _floor_key(state))
        if seen != self._seen:
            self._seen = seen
            self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The title's rows and the banner's, in what the clock leaves (for `height: auto`)."""
        title, state = self._now(width)
        self._rows = head_rows(container.height)
        title_rows, floor_rows = split_rows(title, state, width, self._rows)
        return len(block_lines(title, width, title_rows)) + floor_rows

    def render(self) -> RenderResult:
        """The title centred, then the banner; drawn again only when it changes."""
        width, height = self.content_size
        title, state = self._now(width)
        key = (title, _floor_key(state), width, height, self._rows)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, self._draw(title, state, width, height))
        return self._drawn[1]

    def _draw(self, title: str, state: RoundState | None, width: int, height: int) -> Text:
        title_rows, floor_rows = split_rows(title, state, width, min(self._rows, height) or height)
        lines = block_lines(title, width, title_rows)
        text = Text("\n".join(centre(line, width) for line in lines), end="")
        text.no_wrap, text.overflow = True, "crop"
        if state is not None and floor_rows:
            if lines:
                text.append("\n")
            text.append_text(banner(state, width, floor_rows))
        return text


def _floor_key(state: RoundState | None) -> object:
    """What of the round the head shows: who has the floor, who passed (not the talk time)."""
    if state is None:
        return None
    return state.number, tuple((s.name, s.has_floor, s.passed) for s in state.seats)
