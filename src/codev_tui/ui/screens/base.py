"""What every screen of a running session does: show what is on disk, keep what is typed, and
correct a note the same way (its line back in the input, Delete asks, Ctrl+Z undoes)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.screen import Screen
from textual.widgets import OptionList

from codev_tui.core.control import SessionControl
from codev_tui.core.events import Event
from codev_tui.core.problems import CoreError
from codev_tui.core.session import Note
from codev_tui.core.store import default_minutes_path
from codev_tui.ui.widgets.note_input import NoteInput
from codev_tui.ui.widgets.notes_list import MORE, SHOWN_LINES, NotesList, note_text
from codev_tui.ui.widgets.status_line import SaveState
from codev_tui.words import Texts


class SessionScreen(Screen[None]):
    """A screen showing a session, with a notes list and a note input to correct notes in.

    The app tells it when an event reaches the disk (`event_saved`) and when it quits
    (`save_draft`); subclasses say what else a change of a note shows (`note_changed`).
    """

    def __init__(self, control: SessionControl, texts: Texts) -> None:
        super().__init__()
        self.control = control
        self.t = texts
        self.editing: int | None = None
        """The note whose line is in the input, being corrected."""
        self.flash = ""
        """What the last correction did ("note deleted — Ctrl+Z…"), until the next action."""

    # -- what the app tells every screen of the session ---------------------------------------

    def event_saved(self, event: Event) -> None:
        """An event is on disk: the note it was about gets its ✓."""
        note_id = event.note_id
        note = self.control.session.note(note_id) if note_id is not None else None
        for notes in self.query(NotesList):  # none while the screen is being composed
            if note is not None:
                notes.redraw(note)
            self.refresh_status()

    def refresh_status(self) -> None:
        """Saved, NOT SAVED, and what the keys do now."""

    def save_draft(self) -> None:
        """Quitting: a correction being typed is saved."""
        note_input = next(iter(self.query(NoteInput)), None)  # None before it is composed
        if self.editing is not None and note_input is not None and note_input.value.strip():
            text, note_input.value = note_input.value, ""
            self.control.correct(self.editing, text)
            self.editing = None

    # -- correcting a note --------------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def _note_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a note, or a click: corrected (the first line shows older notes)."""
        if not isinstance(event.option_list, NotesList):
            return
        event.stop()
        if event.option.id == MORE:
            event.option_list.show_more()
            return
        note_id = event.option_list.note_id()
        note = self.control.session.note(note_id) if note_id is not None else None
        if note is None:
            return
        if self.query_one(NoteInput).value.strip():  # never wipe what is being typed
            self.flash = self.t("finish_typing")
            self.refresh_status()
            return
        self.start_correction(note)

    def start_correction(self, note: Note, here: str | None = None) -> None:
        """The note's line, prefixes and all, goes into the input to be corrected; `here` is
        the phase it is typed in (a note of another phase then says `/pN`)."""
        self.editing, self.flash = note.id, ""
        note_input = self.query_one(NoteInput)
        note_input.value = self.control.correction_line(note, here)
        note_input.cursor_position = len(note_input.value)
        self.set_focus(note_input)
        self.refresh_status()

    def save_correction(self, value: str) -> None:
        """Enter in the input while correcting: saved; a line with no text left asks to delete.

        A note deleted meanwhile (on the other screen, say) keeps the line in the input: Enter
        then saves it as a new note, nothing typed is lost."""
        note_id, self.editing = self.editing, None
        if note_id is None:
            return
        if self.control.session.note(note_id) is None:
            self.query_one(NoteInput).value = value
            self.flash = self.t("note_gone")
            self.refresh_status()
            return
        if not self.control.has_text(value):
            self.ask_delete(note_id)
            return
        try:
            self.control.correct(note_id, value)
        except CoreError as refused:  # a vote for nobody in the room: the line stays
            self.editing = note_id
            note_input = self.query_one(NoteInput)
            note_input.value, note_input.cursor_position = value, len(value)
            self.flash = " · ".join(refused.lines(self.t.lang))
            self.refresh_status()
            return
        self.note_changed(note_id)

    def ask_delete(self, note_id: int) -> None:
        """Delete: asks first (Enter deletes, Escape keeps the note)."""
        from codev_tui.ui.screens.dialogs import ConfirmScreen

        note = self.control.session.note(note_id)
        if note is None:
            return
        body = Text(self.t("delete_body"))
        body.append("\n\n")
        body.append_text(self.note_text(note.text, "italic", lines=1))

        def done(yes: bool | None) -> None:
            if yes:
                minutes = default_minutes_path(self.control.file.path).exists()
                self.control.delete(note_id)
                self.flash = self.t("minutes_removed" if minutes else "deleted")
                self.note_changed(note_id)
                if self.editing == note_id:  # its correction goes with it
                    self.editing = None
                    self.query_one(NoteInput).value = ""
            self.after_delete()
            self.refresh_status()

        self.app.push_screen(
            ConfirmScreen(self.t("delete_title"), body, self.t("delete_keys")), done
        )

    def after_delete(self) -> None:
        """The question is answered: where the focus goes."""
        self.set_focus(self.query_one(NotesList))

    def undo(self) -> None:
        """Ctrl+Z: the last correction or deletion is undone."""
        note = self.control.undo()
        if note is None:
            self.flash = self.t("nothing_to_undo")
            self.refresh_status()
            return
        index = self.control.session.phase_index(note.phase)
        shown = self.lists(note) or index is None
        self.flash = self.t("undone") if shown else self.t("undone_in", n=index + 1)
        self.note_changed(note.id)

    def note_changed(self, note_id: int) -> None:
        """A note was corrected, deleted or restored: its line in the list, then the rest."""
        notes = self.query_one(NotesList)
        note = self.control.session.note(note_id)
        if note is None or not self.lists(note):
            notes.remove(note_id)
        elif not notes.redraw(note):  # a deleted note back at its place
            notes.refill()
            notes.highlight(note_id)
        self.refresh_status()

    def _mark_alarm(self, save: SaveState) -> None:
        """The classes that turn the status line red (see `status_line.alarm`)."""
        self.set_class(bool(save.error), "-unsaved")
        self.set_class(save.moved_to is not None, "-replaced")

    def note_text(self, text: str, style: str = "", lines: int = SHOWN_LINES) -> Text:
        """A note's text as the lists show it, cut (see `notes_list.note_text`)."""
        return note_text(text, self.t, style, lines)

    def _more_label(self, hidden: int) -> str:
        """The first line of a list that does not show its oldest notes."""
        return self.t("more_notes", n=hidden)

    def lists(self, note: Note) -> bool:
        """Whether this screen's list shows the note."""
        return True
