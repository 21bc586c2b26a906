"""The closing screen: timing, counts, a last review of the notes, and the minutes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from codev_tui.core.control import SessionControl
from codev_tui.core.export import (
    default_minutes_path,
    format_duration,
    phase_timings,
    write_minutes,
)
from codev_tui.ui.i18n import Texts, localize_bindings
from codev_tui.ui.text import literal


class ClosingScreen(Screen[None]):
    """After the last phase: planned vs actual, what was captured, and the export."""

    DEFAULT_CSS = """
    ClosingScreen { layout: vertical; }
    #closing-title { height: 1; background: $primary; text-style: bold; padding: 0 1; }
    #timing { height: auto; max-height: 50%; }
    #counts { height: auto; padding: 0 1; text-style: bold; }
    #review-title { height: 1; padding: 0 1; color: $text-muted; }
    #review { height: 1fr; min-height: 3; }
    #exported { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        # Not a priority: F3 waits for the Down and Space typed before it (a note marked
        # confidential just before F3 must stay out of the minutes).
        Binding("f3", "export", "k_export", id="export"),
        Binding("space", "toggle_confidential", "k_confidential", id="confidential"),
        Binding("pageup,escape", "back", "k_back", priority=True, id="back"),
    ]

    def __init__(self, control: SessionControl, texts: Texts) -> None:
        super().__init__()
        self.control = control
        self.t = texts

    def compose(self) -> ComposeResult:
        """Title, timing table, counts, the notes to review, where the minutes went."""
        yield Static(Text(self.t("closing")), id="closing-title")
        yield DataTable(id="timing", cursor_type="none", zebra_stripes=True)
        yield Static(id="counts")
        yield Static(Text(self.t("review")), id="review-title")
        yield OptionList(id="review")
        yield Static(id="exported")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table and the list."""
        localize_bindings(self._bindings, self.t)
        s, t = self.control.session, self.t
        table = self.query_one("#timing", DataTable)
        table.add_columns(t("phase"), t("planned"), t("actual"), t("over"))
        # In practice the plan is in real-session time: compare like with like.
        timings = phase_timings(s, now=s.ended, scale=self.control.scale)
        total_planned = sum(p for p, _ in timings)
        total_actual = sum(a for _, a in timings)
        long = max(total_planned, total_actual) >= 3600
        for phase, (planned, actual) in zip(s.script.phases, timings, strict=True):
            table.add_row(
                literal(phase.title),
                format_duration(planned, hours=long),
                format_duration(actual, hours=long),
                _gap(actual - planned, long),
            )
        table.add_row(
            Text(t("total"), style="bold"),
            format_duration(total_planned, hours=long),
            format_duration(total_actual, hours=long),
            _gap(total_actual - total_planned, long),
        )
        self.query_one("#counts", Static).update(
            Text(
                " · ".join(
                    (
                        t.count("notes", len(s.notes)),
                        t.count("actions", len(s.actions)),
                        t.count("learnings", len(s.learnings)),
                    )
                )
            )
        )
        review = self.query_one("#review", OptionList)
        review.add_options([Option(self._prompt(i), id=f"r{i}") for i in range(len(s.notes))])
        if s.notes:
            review.highlighted = 0
        review.focus()

    def _prompt(self, index: int) -> Text:
        note = self.control.session.notes[index]
        line = Text("🔒 " if note.confidential else "   ")
        line.append(self.t.kind(note.kind), style="italic")
        if note.author:
            line.append(" · ")
            line.append_text(literal(note.author, "bold"))
        line.append(" — ")
        line.append_text(literal(note.text.splitlines()[0] if note.text else ""))
        return line

    def action_toggle_confidential(self) -> None:
        """Space: the highlighted note becomes confidential, or not any more."""
        review = self.query_one("#review", OptionList)
        if review.highlighted is None:
            return
        note = self.control.session.notes[review.highlighted]
        self.control.set_confidential(note, not note.confidential)
        review.replace_option_prompt_at_index(review.highlighted, self._prompt(review.highlighted))

    def action_export(self) -> None:
        """F3: write the Markdown minutes next to the session file and show where."""
        path = default_minutes_path(self.control.file.path)
        written = write_minutes(self.control.session, path, force=True, lang=self.t.lang)
        self.query_one("#exported", Static).update(Text(self.t("exported", path=str(written))))

    def action_back(self) -> None:
        """Back to the last phase (the session goes on)."""
        self.control.reopen()
        self.dismiss()


def _gap(seconds: int, long: bool) -> str:
    """How far from the plan: `+02:13` over, `−01:00` under, `00:00` on time."""
    sign = "+" if seconds > 0 else "−" if seconds < 0 else ""
    return sign + format_duration(abs(seconds), hours=long)
