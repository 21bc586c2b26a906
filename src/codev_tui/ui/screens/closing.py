"""The closing screen: timing, counts, a last review (and correction) of the notes, the minutes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from codev_tui.core.control import SessionControl
from codev_tui.core.minutes.write import write_minutes
from codev_tui.core.session import Note
from codev_tui.core.store import SaveError, default_minutes_path
from codev_tui.core.timing import TimingRow, TimingTable, session_timing
from codev_tui.ui.localize import localize_bindings
from codev_tui.ui.screens.base import SessionScreen
from codev_tui.ui.session_view import save_state
from codev_tui.ui.text import literal
from codev_tui.ui.widgets.keys_bar import KeysBar
from codev_tui.ui.widgets.note_input import NoteInput
from codev_tui.ui.widgets.notes_list import NotesList
from codev_tui.ui.widgets.status_line import alarm, saved_mark
from codev_tui.words import Texts


class ClosingScreen(SessionScreen):
    """After the last phase: planned vs actual, what was captured, corrections, the export.

    The notes are corrected as on the facilitation screen: Enter puts a note's line in the
    input, Enter saves it, Delete asks then deletes, Ctrl+Z undoes, Space marks it confidential.
    """

    DEFAULT_CSS = """
    ClosingScreen { layout: vertical; }
    #closing-title { height: 1; background: $primary; text-style: bold; padding: 0 1; }
    #timing { height: auto; max-height: 50%; }
    #counts { height: auto; padding: 0 1; text-style: bold; }
    #review-title { height: 1; padding: 0 1; color: $text-muted; }
    #review { height: 1fr; min-height: 3; }
    #note-input { display: none; height: 3; }
    ClosingScreen.-editing #note-input { display: block; }
    #status { height: auto; padding: 0 1; color: $text-muted; }
    ClosingScreen.-unsaved #status, ClosingScreen.-export-failed #status,
    ClosingScreen.-replaced #status {
        background: $error; color: $background; text-style: bold;
    }
    """

    BINDINGS = [
        # Not a priority: F3 waits for the Down and Space typed before it (a note marked
        # confidential just before F3 must stay out of the minutes).
        Binding("f3", "export", "k_export", id="export"),
        Binding("space", "toggle_confidential", "k_confidential", id="confidential"),
        # In the status line, not the footer: the footer must fit 80 columns.
        Binding("delete", "delete_note", "k_delete", show=False, id="delete"),
        Binding("ctrl+z", "undo", "k_undo", show=False, id="undo"),
        Binding("pageup", "back", "k_back", priority=True, id="back"),
        Binding("escape", "escape", show=False),
    ]

    def __init__(self, control: SessionControl, texts: Texts) -> None:
        super().__init__(control, texts)
        self.message = Text()

    def compose(self) -> ComposeResult:
        """Title, timing table, counts, the notes to review, the input, the status."""
        yield Static(Text(self.t("closing")), id="closing-title")
        yield DataTable(id="timing", cursor_type="none", zebra_stripes=True)
        yield Static(id="counts")
        yield Static(Text(self.t("review")), id="review-title")
        yield NotesList(id="review", window=100)  # read from the top: more of it at once
        yield NoteInput(self.correction_typed, self.note_keys, id="note-input")
        yield Static(id="status")
        yield KeysBar()  # Ctrl+P (the palette) is in the help (F1)

    def on_mount(self) -> None:
        """Fill the table and the list."""
        localize_bindings(self._bindings, self.t)
        self.fill_timing()
        self.refresh_counts()
        review = self.query_one(NotesList)
        review.show(self._in_phase_order, self._prompt, self._more_label)
        review.select_first()  # the client reads from the top
        self.set_focus(review)
        self.refresh_status()

    def fill_timing(self) -> None:
        """Planned, as adjusted (when F7/F8 changed it), actual and the gap, per phase."""
        t = self.t
        # The minutes' table: in practice, scaled to real-session time to compare like with like.
        table = session_timing(self.control.session)
        widget = self.query_one("#timing", DataTable)
        adjusted = [t("adjusted")] if table.adjusted else []
        widget.add_columns(t("phase"), t("planned"), *adjusted, t("actual"), t("over"))

        def cells(title: Text, row: TimingRow) -> list[Text | str]:
            plan = [table.duration(row.planned)]
            if table.adjusted:
                plan.append(table.duration(row.adjusted))
            return [title, *plan, table.duration(row.actual), _gap(row.over, table)]

        # The durations keep their width; a long phase title is cut to fit the terminal.
        widest = len(_gap(-max(r.over for r in (*table.rows, table.total)), table)) + 3
        room = max(12, self.app.size.width - (len(adjusted) + 3) * widest - 4)
        for n, row in enumerate(table.rows, 1):
            title = f"{n}. {row.title}"
            title = title if len(title) <= room else title[: room - 1] + "…"
            widget.add_row(*cells(literal(title), row))
        widget.add_row(*cells(Text(t("total"), style="bold"), table.total))

    def refresh_counts(self) -> None:
        """How many notes, actions, learnings and evaluations (corrections change them)."""
        s, t = self.control.session, self.t
        counts = [
            t.count("notes", s.note_count),
            t.count("actions", len(s.actions)),
            t.count("learnings", len(s.learnings)),
            t.count("evaluations", len(s.evaluations)),
        ]
        self.query_one("#counts", Static).update(Text(" · ".join(counts)))

    def _in_phase_order(self) -> list[Note]:
        """Every note, phase by phase (a note moved to another phase is read with it)."""
        s = self.control.session
        order = {p.id: i for i, p in enumerate(s.script.phases)}
        return sorted(s.notes, key=lambda n: (order.get(n.phase, len(order)), n.id))

    def _prompt(self, note: Note) -> Text:
        s = self.control.session
        index = s.phase_index(note.phase)
        line = Text("🔒 " if note.confidential else "   ")
        line.append("✓ " if self.control.is_saved(note.id) else "… ", style="dim")
        line.append(f"{index + 1 if index is not None else '?'}. ", style="dim")
        line.append(self.t.kind(note.kind), style="italic")
        if note.author:
            line.append(" · ")
            line.append_text(literal(note.author, "bold"))
        line.append(" — ")
        line.append_text(self.note_text(note.text, lines=1))
        if note.edited:
            line.append(" ✎", style="dim")
        return line

    def refresh_status(self) -> None:
        """Saved or NOT SAVED, then what the keys do, or where the minutes went."""
        t = self.t
        save = save_state(self.control)
        self._mark_alarm(save)
        line = alarm(save, t)
        if line is None and self.editing is not None:
            line = Text(f"✎ {t('editing_keys')}")
        elif line is None:
            line = Text(f"{saved_mark(save, t)} · {self.flash or t('closing_keys')}")
        if self.message:
            line.append(" · ")
            line.append_text(self.message)
        for widget in self.query("#status"):  # none while the screen is being composed
            widget.update(line)

    # -- the review ---------------------------------------------------------------------------

    def _highlighted(self) -> Note | None:
        note_id = self.query_one(NotesList).note_id()
        return self.control.session.note(note_id) if note_id is not None else None

    def action_toggle_confidential(self) -> None:
        """Space: the highlighted note becomes confidential, or not any more."""
        note = self._highlighted()
        if note is None or self.editing is not None:
            return
        self.flash = ""
        self.control.set_confidential(note, not note.confidential)
        self.query_one(NotesList).redraw(note)  # at its place: no need to sort every note again
        self._session_changed()

    def start_correction(self, note: Note, here: str | None = None) -> None:
        """The input shows up with the note's line in it."""
        self.add_class("-editing")
        super().start_correction(note, here)

    def correction_typed(self, value: str) -> None:
        """Enter in the input: the correction is saved, and back to the notes."""
        self.remove_class("-editing")
        self.set_focus(self.query_one(NotesList))
        self.save_correction(value)

    def note_keys(self, key: str, printable: bool) -> bool:
        """Up in the emptied input: back to the notes, the note as it was."""
        if key == "up" and not self.query_one(NoteInput).value:
            self.action_escape()
            return True
        return False

    def action_delete_note(self) -> None:
        """Delete: asks first (Enter deletes, Escape keeps it)."""
        note = self._highlighted()
        if note is not None and self.editing is None:
            self.flash = ""
            self.ask_delete(note.id)

    def action_undo(self) -> None:
        """Ctrl+Z: the last correction or deletion is undone."""
        self.undo()

    def note_changed(self, note_id: int) -> None:
        """A note was corrected, deleted or restored: the list again in phase order (a
        correction may move a note to another phase)."""
        review = self.query_one(NotesList)
        review.refill()
        review.highlight(note_id)
        self._session_changed()

    def _session_changed(self) -> None:
        """The counts; minutes written before are now out of date (or, deleting, gone: the
        status line says so once)."""
        self.refresh_counts()
        if self.message and not self.has_class("-export-failed"):
            self.message = Text() if self.control.deleting else literal(self.t("export_stale"))
        self.refresh_status()

    def action_escape(self) -> None:
        """Escape: leave a correction, else back to the last phase."""
        if self.editing is not None:
            self.editing = None
            self.remove_class("-editing")
            self.query_one(NoteInput).value = ""
            self.set_focus(self.query_one(NotesList))
            self.refresh_status()
            return
        self.action_back()

    def action_export(self) -> None:
        """F3: write the Markdown minutes next to the session file and show where."""
        path = default_minutes_path(self.control.file.path)
        self.flash = ""
        if self.control.deleting:  # a deletion on its way would remove these minutes
            self.message = literal(self.t("export_wait"))
            self.refresh_status()
            return
        try:
            written = write_minutes(self.control.session, path, force=True, lang=self.t.lang)
        except SaveError as exc:  # a full disk, a read-only folder: said, never a traceback
            self.message = literal(f"⚠ {exc}", "bold")
        else:
            self.message = literal(self.t("exported", path=str(written)))
        self.set_class(self.message.plain.startswith("⚠"), "-export-failed")
        self.refresh_status()

    def action_back(self) -> None:
        """Back to the last phase (the session goes on); a correction being typed is saved."""
        self.save_draft()
        self.control.reopen()
        self.dismiss()


def _gap(seconds: int, table: TimingTable) -> str:
    """How far from the plan as adjusted: `+02:13` over, `−01:00` under, `00:00` on time."""
    sign = "+" if seconds > 0 else "−" if seconds < 0 else ""
    return sign + table.duration(abs(seconds))
