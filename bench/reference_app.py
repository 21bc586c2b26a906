"""The benchmark's reference: a minimal Textual app with the facilitation screen's widgets.

A `Digits` countdown updated once a second, a `Static` with a phase title and text, an `Input`
(focused, for the keystroke test) and a `Footer`. It starts counting down as soon as it is
mounted and shows the marker `EXPOSÉ` in its first frame, like codev's first phase.

    python bench/reference_app.py [--minutes N] [--no-blink]

Its input's cursor blinks, as Textual's does by default (codev's does not); `--no-blink` stops
it, for a like-for-like look at the CPU used while idle.
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Digits, Footer, Input, Static

MARKER = "EXPOSÉ"


class ReferenceApp(App[None]):
    """A 1 Hz countdown, a text, an input and a footer; nothing else."""

    CSS = """
    #title { text-style: bold; margin-bottom: 1; }
    #clock { width: auto; margin: 1 2; }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f5", "toggle", "Timer", priority=True),
    ]

    def __init__(self, minutes: float = 10.0, blink: bool = True) -> None:
        super().__init__()
        self.blink = blink
        self.seconds = minutes * 60
        self.end = 0.0
        self.running = True

    def compose(self) -> ComposeResult:
        yield Static(MARKER, id="title")
        yield Static(
            "Le client expose sa situation ; les consultants écoutent sans interrompre.",
            id="body",
        )
        yield Digits(self._text(self.seconds), id="clock")
        yield Input(placeholder="Une note…", id="note")
        yield Footer()

    def on_mount(self) -> None:
        self.end = time.monotonic() + self.seconds
        self.set_interval(1.0, self.tick)
        note = self.query_one(Input)
        note.cursor_blink = self.blink
        note.focus()

    @staticmethod
    def _text(seconds: float) -> str:
        whole = max(0, int(seconds + 0.999))
        return f"{whole // 60:02d}:{whole % 60:02d}"

    def tick(self) -> None:
        if self.running:
            self.query_one(Digits).update(self._text(self.end - time.monotonic()))

    def action_toggle(self) -> None:
        now = time.monotonic()
        if self.running:
            self.seconds = self.end - now
        else:
            self.end = now + self.seconds
        self.running = not self.running


if __name__ == "__main__":
    args = sys.argv[1:]
    blink = "--no-blink" not in args
    args = [a for a in args if a != "--no-blink"]
    minutes = float(args[1]) if len(args) == 2 and args[0] == "--minutes" else 10.0
    ReferenceApp(minutes, blink).run()
