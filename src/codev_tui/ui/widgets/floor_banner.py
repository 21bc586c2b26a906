"""Who has the floor in the round of the table, in block letters, and the turn order under it."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from codev_tui.ui.text import literal
from codev_tui.ui.widgets.bigtext import block_lines, centre
from codev_tui.ui.widgets.round_strip import RoundState, one_line
from codev_tui.words import Texts


def order_line(state: RoundState, t: Texts, width: int) -> Text:
    """`Tour de table : ✓ Ana · ✓ Bo (passe) · ▶ Cy a la parole · à venir : Dan · Eve` on one
    line of `width` cells (cut with "… +N", who has the floor always shown): marks and words,
    readable without colour."""
    label = t("round")
    if state.number > 1:
        label += f" ({t('round_n', n=state.number)})"
    head = Text(f"{label}{t('colon')}", style="bold")
    floor = next((i for i, seat in enumerate(state.seats) if seat.has_floor), -1)
    entries = []
    for i, seat in enumerate(state.seats):
        entry = Text()
        if i < floor:
            entry.append_text(literal(f"✓ {seat.name}"))
            if seat.passed:
                entry.append(f" ({t('passed')})")
        elif i == floor:
            entry.append_text(literal(f"▶ {seat.name}", "bold reverse"))
            entry.append(f" {t('floor.has_floor')}")
        else:
            if i == floor + 1:
                entry.append(f"{t('floor.to_come')}{t('colon')}")
            entry.append_text(literal(seat.name))
        entries.append(entry)
    return one_line(head, entries, max(floor, 0), width)


def speaker(state: RoundState | None) -> str:
    """The name of who has the floor ("" when nobody has it)."""
    if state is None:
        return ""
    return next((seat.name for seat in state.seats if seat.has_floor), "")


def banner_height(state: RoundState | None, width: int, rows: int, order: bool = True) -> int:
    """The rows the banner takes in `width` x at most `rows`: the name, then the order line
    (unless not `order`)."""
    if state is None or rows < 1:
        return 0
    return len(block_lines(speaker(state), width, rows - order)) + order


def banner(state: RoundState, t: Texts, width: int, rows: int, order: bool = True) -> Text:
    """The name of who has the floor in block letters, centred, as large as `width` x
    `rows - 1` allows; the turn order on the last line (unless not `order`: the console's
    projector mode keeps its own round line, with the talk times)."""
    name = block_lines(speaker(state), width, rows - order)
    text = Text("\n".join(centre(line, width) for line in name), style="bold", end="")
    text.no_wrap, text.overflow = True, "crop"
    if not order:
        return text
    if name:
        text.append("\n")
    order_text = order_line(state, t, width)
    text.append(" " * max(0, (width - order_text.cell_len) // 2))
    text.append_text(order_text)
    return text


class FloorBanner(Widget):
    """The round of the table for the room: who has the floor in large letters, the order under
    it; hidden (class `-hidden`) when there is no round (`show(None)`). With `height: auto` it
    takes what it draws, at most `max_rows` (else what its container gives)."""

    DEFAULT_CSS = """
    FloorBanner {
        width: 1fr;
        height: auto;
    }
    FloorBanner.-hidden { display: none; }
    """

    state: reactive[RoundState | None] = reactive(None, layout=True)

    def __init__(
        self,
        texts: Texts,
        state: RoundState | None = None,
        *,
        max_rows: int | None = None,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.t = texts
        self.max_rows = max_rows
        self.set_reactive(FloorBanner.state, state)
        self.set_class(state is None, "-hidden")

    def show(self, state: RoundState | None) -> None:
        """The round now (None: no round, the banner hides)."""
        self.set_class(state is None, "-hidden")
        self.state = state

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The name's rows and the order line (for `height: auto`)."""
        return banner_height(self.state, width, self.max_rows or container.height)

    _drawn: tuple[tuple[object, ...], Text] | None = None

    def render(self) -> RenderResult:
        """The banner; a repaint of the same round at the same size makes no new text."""
        width, height = self.content_size
        key = (self.state, width, height)
        if self.state is None or height < 1:
            return ""
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, banner(self.state, self.t, width, height))
        return self._drawn[1]
