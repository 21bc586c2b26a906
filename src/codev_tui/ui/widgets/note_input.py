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

    Its own keys (Enter, Backspace, arrows…) act in the order they were typed. Textual runs a
    widget's key bindings only once the key has bubbled up to the app, so a fast typist's Enter
    could land after the next note's first letters; here Enter takes the value and empties the
    input before the next key is read.
    """

    def on_mount(self) -> None:
        """No blinking cursor."""
        self.cursor_blink = False

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority:
                    event.stop()
                    event.prevent_default()
                    await self.run_action(binding.action)
                    return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        """Enter: hand the note over and start the next one at once."""
        value = self.value
        self.value = ""
        self.post_message(self.Submitted(self, value))

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
