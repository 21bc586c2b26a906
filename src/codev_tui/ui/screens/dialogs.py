"""Small modal screens: confirm quitting, the help, a deletion, the time away on resuming."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from codev_tui.ui.screens.help import help_text
from codev_tui.ui.text import literal
from codev_tui.words import Texts

DIALOG_CSS = """
QuitScreen, HelpScreen, ConfirmScreen, AwayScreen {
    align: center middle;
}
#dialog {
    width: auto;
    max-width: 90%;
    height: auto;
    max-height: 90%;
    padding: 1 2;
    border: thick $accent;
    background: $surface;
}
HelpScreen #dialog { width: 84; }
ConfirmScreen #dialog, AwayScreen #dialog { width: 64; }
#dialog-title { text-style: bold; margin-bottom: 1; }
#buttons { height: auto; margin-top: 1; align-horizontal: center; }
#buttons Button { margin: 0 1; }
"""


class QuitScreen(ModalScreen[bool]):
    """Ctrl+Q asks first; everything marked ✓ is already on disk."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("escape,n", "dismiss(False)", show=False),
        Binding("y,o,ctrl+q", "dismiss(True)", show=False),
    ]

    def __init__(self, texts: Texts, pending: int) -> None:
        super().__init__()
        self.t = texts
        self.pending = pending

    def compose(self) -> ComposeResult:
        """Question, what is saved, two buttons."""
        t = self.t
        with Vertical(id="dialog"):
            yield Static(Text(t("quit_title")), id="dialog-title")
            yield Static(Text(t("quit_body")))
            if self.pending:
                yield Static(Text(t("quit_pending", n=self.pending), style="bold"))
            with Horizontal(id="buttons"):
                yield Button(t("quit"), variant="error", id="quit")
                yield Button(t("cancel"), variant="primary", id="cancel")

    def on_mount(self) -> None:
        """Cancel is the safe default."""
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Quit or stay."""
        self.dismiss(event.button.id == "quit")


class HelpScreen(ModalScreen[None]):
    """The keys and the prefix syntax of the notes."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("escape,f1,q,enter", "dismiss", show=False)]

    def __init__(self, texts: Texts, keys: dict[str, str]) -> None:
        super().__init__()
        self.t = texts
        self.keys = keys
        """The key of each binding, by its id (see `help.bound_keys`)."""

    def compose(self) -> ComposeResult:
        """The help text."""
        with VerticalScroll(id="dialog"):  # scrolls (arrows) in a small terminal
            yield Static(Text(self.t("help")), id="dialog-title")
            yield Static(Text(help_text(self.keys, self.t)))


class ConfirmScreen(ModalScreen[bool]):
    """A question answered with Enter (yes) or Escape (no): deleting a note asks first."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("enter", "dismiss(True)", show=False),
        Binding("escape", "dismiss(False)", show=False),
    ]

    def __init__(self, title: str, body: Text, keys: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.keys = keys

    def compose(self) -> ComposeResult:
        """The question, what it is about, the two keys."""
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text), id="dialog-title")
            yield Static(self.body)
            yield Static(Text(self.keys, style="bold"), id="buttons")


class AwayScreen(ModalScreen[bool]):
    """Resuming after a long absence: does the time the app was down count in the phase?
    Not counting it is the default (a laptop closed overnight is no overtime)."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("escape,n", "dismiss(False)", show=False),
        Binding("y,o", "dismiss(True)", show=False),
    ]

    def __init__(self, texts: Texts, seconds: float, phase: str) -> None:
        super().__init__()
        self.t = texts
        self.seconds = seconds
        self.phase = phase

    def compose(self) -> ComposeResult:
        """The question, how long the app was down, two buttons."""
        t = self.t
        minutes = int(self.seconds // 60)
        away = t("away_time", h=minutes // 60, m=minutes % 60)
        with Vertical(id="dialog"):
            yield Static(Text(t("away_title")), id="dialog-title")
            yield Static(literal(t("away_body", away=away, phase=self.phase)))
            with Horizontal(id="buttons"):
                yield Button(t("away_leave_out"), variant="primary", id="leave-out")
                yield Button(t("away_count"), id="count")

    def on_mount(self) -> None:
        """Not counting is the default: Enter leaves the time away out."""
        self.query_one("#leave-out", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Count it or not."""
        self.dismiss(event.button.id == "count")
