"""The list of notes: the latest ones shown, the older ones on demand, each found by its id."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from codev_tui.core.session import Note
from codev_tui.core.times import local_clock
from codev_tui.ui.text import literal
from codev_tui.words import Texts

MORE = "more"
"""The id of the line that shows older notes."""

SHOWN_CHARACTERS = 500
"""A longer note is shown cut in the lists (kept whole in the session and the minutes): a
note of a megabyte laid out again at every ✓ took seconds."""

SHOWN_LINES = 10
"""At most this many lines of a note are shown in the facilitation screen's list."""


def note_text(text: str, t: Texts, style: str = "", lines: int = SHOWN_LINES) -> Text:
    """A note's text as a list shows it: literal, cut after `SHOWN_CHARACTERS` characters
    or `lines` lines, then "… (N characters)"."""
    shown = "\n".join(text[:SHOWN_CHARACTERS].split("\n", lines)[:lines])
    line = literal(shown, style)
    if len(shown) < len(text):
        line.append(f" … ({t.count('characters', len(text))})", style="dim")
    return line


def note_line(note: Note, saved: bool, t: Texts) -> Text:
    """A note of the phase: ✓ once on disk, its time, kind, author, prompt and text."""
    line = Text("✓ " if saved else "… ", style="bold" if saved else "dim")
    line.append(f"{local_clock(note.at)} ")
    line.append(t.kind(note.kind), style="italic")
    if note.confidential:
        line.append(f" [{t('confidential')}]", style="bold")
    if note.author:
        line.append(" · ")
        line.append_text(literal(note.author, "bold"))
    if note.prompt:
        line.append(" ")
        line.append_text(literal(f"« {note.prompt} »", "dim"))
    line.append(" — ")
    line.append_text(note_text(note.text, t))
    if note.edited:
        line.append(" ✎", style="dim")
    return line


class NotesList(OptionList):
    """Notes, newest last. Only the latest `window` (20 unless said) are laid out: a phase of
    10,000 notes opens almost as fast as one of 20; a first line offers the older ones,
    `window` more at a time.

    The screen gives the notes and how to draw one (`show`), then tells it what changed
    (`add`, `redraw`, `remove`); a note's line is found by its id, never by scanning.
    """

    DEFAULT_CSS = """
    NotesList > .option-list--option-highlighted { text-style: none; background: $surface; }
    NotesList:focus > .option-list--option-highlighted,
    NotesList.-choosing > .option-list--option-highlighted { text-style: bold reverse; }
    """

    WINDOW = 20

    def __init__(self, *, id: str | None = None, window: int = 0) -> None:  # noqa: A002
        super().__init__(id=id)
        self.window = window or self.WINDOW
        self._source: Callable[[], Sequence[Note]] = tuple
        self._draw: Callable[[Note], Text] = lambda note: Text(note.text)
        self._more_label: Callable[[int], str] = lambda n: f"↑ {n}"
        self._limit = self.window
        """How many of the latest notes are laid out (grows with `show_more` and `add`)."""

    def show(
        self,
        source: Callable[[], Sequence[Note]],
        draw: Callable[[Note], Text],
        more_label: Callable[[int], str],
    ) -> None:
        """Show the notes `source` gives (the latest `window`), the newest highlighted."""
        self._source, self._draw, self._more_label = source, draw, more_label
        self._limit = self.window
        self._fill()
        self.highlighted = self.option_count - 1 if self.option_count else None

    def _fill(self) -> None:
        notes = self._source()
        hidden = max(0, len(notes) - self._limit)
        options = [Option(Text(self._more_label(hidden), style="dim italic"), id=MORE)]
        options = options if hidden > 0 else []
        options += [Option(self._draw(n), id=f"n{n.id}") for n in notes[hidden:]]
        self.set_options(options)

    def show_more(self) -> None:
        """Lay out `window` older notes; the highlight goes to the newest of them (on the
        'older notes' line) or stays on its note."""
        keep = self.note_id()
        first = self.get_option_at_index(1).id if self.option_count > 1 else None
        self._limit += self.window
        self._fill()
        if keep is not None:
            self.highlight(keep)
        elif first is not None:  # just above the note that was the oldest shown
            self.highlighted = max(0, self.get_option_index(first) - 1)

    def refill(self) -> None:
        """Draw the list again from its source (a note came back at its place, or moved); the
        highlight stays on its note, or at its place when the note is gone."""
        keep, place = self.note_id(), self.highlighted
        self._fill()
        self.highlight(keep)
        if self.highlighted is None and place is not None and self.option_count:
            self.highlighted = min(place, self.option_count - 1)

    def note_id(self) -> int | None:
        """The id of the highlighted note, None when it is the 'older notes' line or nothing."""
        option = self.highlighted_option
        if option is None or option.id is None or option.id == MORE:
            return None
        return int(option.id[1:])

    def highlight(self, note_id: int | None) -> None:
        """Highlight a note by its id (nothing happens when it is not shown)."""
        if note_id is None:
            return
        try:
            self.highlighted = self.get_option_index(f"n{note_id}")
        except OptionDoesNotExist:  # not in this list
            pass

    def action_cursor_up(self) -> None:
        """Up: the note before; on the first one, nothing (no wrapping to the last)."""
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        """Down: the note after; on the last one, nothing (no wrapping to the first)."""
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    @property
    def on_latest(self) -> bool:
        """Whether the newest note is highlighted."""
        return self.highlighted is not None and self.highlighted == self.option_count - 1

    def select_first(self) -> None:
        """Highlight the oldest note shown."""
        if self.option_count:
            first = self.get_option_at_index(0).id == MORE
            self.highlighted = 1 if first and self.option_count > 1 else 0

    def select_latest(self) -> bool:
        """Highlight the newest note; False when there is none."""
        if not self.option_count or self.get_option_at_index(-1).id == MORE:
            return False
        self.highlighted = self.option_count - 1
        return True

    def add(self, note: Note) -> None:
        """A new note at the end, highlighted."""
        self._limit += 1
        self.add_option(Option(self._draw(note), id=f"n{note.id}"))
        self.highlighted = self.option_count - 1

    def redraw(self, note: Note) -> bool:
        """Draw one note again (its ✓, a correction); False when it is not shown."""
        try:
            self.replace_option_prompt(f"n{note.id}", self._draw(note))
        except OptionDoesNotExist:  # not in this list
            return False
        return True

    def remove(self, note_id: int) -> None:
        """Take a note's line away; the highlight goes to its neighbour."""
        try:
            index = self.get_option_index(f"n{note_id}")
        except OptionDoesNotExist:  # not in this list
            return
        self.remove_option_at_index(index)
        if self.option_count:
            self.highlighted = min(index, self.option_count - 1)
