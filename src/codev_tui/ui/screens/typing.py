"""A session screen where notes are typed: no key is lost or out of order, and a note of the
list is chosen (to correct or delete it) while the focus stays in the notes input."""

from __future__ import annotations

import functools
from collections.abc import Callable

from textual.events import Key, Paste

from codev_tui.core.control import SessionControl
from codev_tui.core.session import Note
from codev_tui.ui.screens.base import SessionScreen
from codev_tui.ui.widgets.note_input import NoteInput
from codev_tui.ui.widgets.notes_list import NotesList
from codev_tui.words import Texts


def after_typing(action: Callable[..., None]) -> Callable[..., None]:
    """Make a key's action wait for the keys typed before it.

    The facilitation keys are priority bindings, run as soon as the app reads them (the clicker
    must work wherever the focus is), while the letters and the Enter typed before them may
    still wait in the notes input's queue. Queued behind them, the action sees the session as
    the typist left it: a note typed just before PageDown stays in its phase, one typed just
    before F6 belongs to the speaker who had the floor, and F5 after PageDown pauses the phase
    PageDown opened.
    """

    @functools.wraps(action)
    def queued(self: TypingScreen, *args: object) -> None:
        def run() -> None:
            try:
                action(self, *args)
            finally:
                self._queued -= 1

        self._queued += 1
        self.query_one(NoteInput).call_later(run)

    return queued


class TypingScreen(SessionScreen):
    """The notes input takes every key typed, in order: key actions wait for the keys typed
    before them (`after_typing`), a key or a paste typed elsewhere goes to the input, and Up
    in the empty input chooses a note of the list (`note_keys`)."""

    def __init__(self, control: SessionControl, texts: Texts) -> None:
        super().__init__(control, texts)
        self.choosing = False
        """Whether a note of the list is being chosen, to correct or delete it."""
        self._queued = 0
        """Key actions waiting behind the keys typed before them (see `after_typing`)."""

    def save_draft(self) -> None:
        """Quitting: the note (or the correction) being typed is saved."""
        if self.editing is not None:
            super().save_draft()
            return
        note_input = next(iter(self.query(NoteInput)), None)  # None before it is composed
        if note_input is not None and note_input.value.strip():
            text, note_input.value = note_input.value, ""
            self.control.capture(text)

    def _choose(self, on: bool) -> None:
        self.choosing = on
        self.refresh_status()

    def note_keys(self, key: str, printable: bool) -> bool:
        """The notes input's keys while a note is chosen, read before the input's own.

        Up in the empty input selects the latest note; then Up/Down move (no wrapping; Down
        past the latest is back to typing), Enter corrects it, Delete deletes it (asked
        first), Escape leaves. A letter typed or a paste is typing again. The focus never
        leaves the input: what is typed right after is neither lost nor out of order.
        """
        notes = self.query_one(NotesList)
        if not self.choosing:
            if key != "up" or self.query_one(NoteInput).value or self.editing is not None:
                return False
            # Projector mode, a too small terminal: the notes are not shown, nothing to choose.
            if notes.display and notes.select_latest():
                self.flash = ""
                self._choose(True)
            return True
        if printable:
            self._choose(False)
            return False
        if key == "up":
            notes.action_cursor_up()
        elif key == "down":
            if notes.on_latest:
                self._choose(False)
            else:
                notes.action_cursor_down()
        elif key == "enter":
            note_id = notes.note_id()
            if note_id is None:  # the older notes' line: shown, still choosing
                notes.show_more()
            elif (note := self.control.session.note(note_id)) is not None:
                # At once, not through the list's message: what is typed next goes after it.
                self.start_correction(note)
        elif key == "delete":
            if (note_id := notes.note_id()) is not None:
                # Not choosing while the question is asked: an Enter typed meanwhile answers it.
                self._choose(False)
                self.ask_delete(note_id)
        elif key == "escape":
            self._choose(False)
        else:
            self._choose(False)  # Ctrl+V, Ctrl+Z…: typing again, and theirs
            return False
        return True

    def start_correction(self, note: Note, here: str | None = None) -> None:
        """Typed in the current phase: a note of another phase says `/pN`."""
        self._choose(False)
        super().start_correction(note, here=self.control.session.phase.id)

    @after_typing
    def action_undo(self) -> None:
        """Ctrl+Z: the last correction or deletion is undone."""
        self.undo()

    def after_delete(self) -> None:
        """The next note is chosen, to delete several in a row (Esc: back to typing)."""
        notes = self.query_one(NotesList)
        self._choose(self.editing is None and notes.note_id() is not None)
        self.set_focus(self.query_one(NoteInput))

    def on_descendant_focus(self) -> None:
        """The status line says what the keys do where the focus now is."""
        self.refresh_status()

    def on_key(self, event: Key) -> None:
        """Typing never goes nowhere: a printable key typed while another widget has the focus
        (the phase panel after Shift+Tab, a click) goes to the notes input.

        The input takes every printable key it gets: one that reaches the screen was typed
        elsewhere, even when the input has the focus again by the time it is read."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            note_input = self.query_one(NoteInput)
            self.set_focus(note_input)
            note_input.insert_text_at_cursor(event.character)
            self._choose(False)

    def on_paste(self, event: Paste) -> None:
        """A paste while another widget has the focus goes to the notes input too."""
        event.stop()
        note_input = self.query_one(NoteInput)
        self.set_focus(note_input)
        note_input.paste(event.text)
        self._choose(False)
