"""The notes input: one line that keeps a multi-line paste whole."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from codev_tui.core.notes import PASTED_NEWLINE


class NoteInput(Input):
    """An Input whose paste keeps every line (line breaks show as ␤ and are saved as such).

    Its cursor does not blink: a blinking cursor wakes the app twice a second for hours.
    """

    def on_mount(self) -> None:
        """No blinking cursor."""
        self.cursor_blink = False

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            text = event.text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", PASTED_NEWLINE)
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.stop()
