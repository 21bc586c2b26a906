"""The notes input: one line that keeps a multi-line paste whole, and keys in the order typed."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input

from codev_tui.core.notes import PASTED_NEWLINE
from codev_tui.ui.text import visible


class NoteInput(Input):
    """The input where notes are typed; Enter hands the text to `submit` at once.

    Its keys act in the order they were typed. Textual runs a widget's key binding only once
    the key has bubbled back up to the app, while the letters typed after it are already
    being inserted: keys that pile up while the app is busy came out of order (the next
    note's first letters before Enter). Here Enter, Backspace, the arrows… run as soon as this
    input reads them, and Enter hands the note over synchronously.

    A paste keeps every line (line breaks show as ␤ and are saved as such); pasted control
    characters become their visible pictures (ESC as ␛), in the input and in the note.

    `keys(key, printable)` sees every key first and says whether it took it: the screen uses
    it to choose a note to correct (Up in the empty input, then Up/Down/Enter/Delete) while the
    focus stays here, so that nothing typed meanwhile goes anywhere else or out of order.

    Its cursor does not blink: a blinking cursor wakes the app twice a second for hours.
    """

    def __init__(
        self,
        submit: Callable[[str], object],
        keys: Callable[[str, bool], bool] | None = None,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        # A note put back in the input to be corrected is edited, not replaced by a keystroke.
        super().__init__(id=id, select_on_focus=False)
        self._submit = submit
        self._keys = keys

    _typing = False
    """True while Input reacts to a change of the text."""

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(self, *regions, repaint=True, layout=False, recompose=False):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN201
        """A keystroke repaints the input without re-arranging the whole screen.

        Input sets its virtual size (the width of its text) on every change of the text, and
        that asks the screen for a new layout. This input's own size never depends on its text
        (full width, fixed height), so while the text changes a repaint is enough; every other
        layout request (shown, hidden, resized) goes through.
        """
        if self._typing and not self.styles.auto_dimensions:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def on_mount(self) -> None:
        """No blinking cursor."""
        self.cursor_blink = False

    async def _on_key(self, event: events.Key) -> None:
        if self._keys is not None and self._keys(event.key, event.is_printable):
            event.stop()
            event.prevent_default()
            return
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority:
                    event.stop()
                    event.prevent_default()
                    await self.run_action(binding.action)
                    return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        """Enter: the note is handed over and the input is ready for the next one."""
        value = self.value
        self.value = ""
        self._submit(value)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own paste would insert the first line again
        event.stop()
        if self._keys is not None:
            self._keys("paste", True)  # a paste is typing: no longer choosing a note
        self.paste(event.text)

    def paste(self, pasted: str) -> None:
        """Insert pasted text: line breaks as ␤, control characters as their pictures."""
        if not pasted:
            return
        text = pasted.replace("\r\n", "\n").replace("\r", "\n").replace("\n", PASTED_NEWLINE)
        text = visible(text)  # a pasted escape sequence must never reach the terminal
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
