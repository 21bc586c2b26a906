"""The notes input: one line that keeps a multi-line paste whole."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from codev_tui.core.notes import PASTED_NEWLINE
from codev_tui.ui.text import visible


class NoteInput(Input):
    """An Input whose paste keeps every line (line breaks show as ␤ and are saved as such).

    Pasted control characters become their visible pictures (ESC as ␛), in the input and in
    the note.

    Its cursor does not blink: a blinking cursor wakes the app twice a second for hours.
    """

    def on_mount(self) -> None:
        """No blinking cursor."""
        self.cursor_blink = False

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own paste would insert the first line again
        if event.text:
            text = event.text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", PASTED_NEWLINE)
            text = visible(text)  # a pasted escape sequence must never reach the terminal
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.stop()
