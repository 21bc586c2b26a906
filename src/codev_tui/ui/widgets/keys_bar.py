"""The keys of the screen, on one line: what Textual's Footer shows, drawn by a single widget."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class KeysBar(Widget):
    """The active keys of the screen and their labels (`pgdn Suiv. f5 Chrono …`), one line.

    Textual's Footer lays out a widget per key (a dozen here), and composes them again whenever
    the bindings change: on a screen that must paint its first frame fast and fit 80 columns,
    one line of text does the same. The app's own keys (Ctrl+Q) come first when the line is too
    long for all: a key left out is in the help (F1) and the palette (Ctrl+P). A click on a key
    runs it, as on the Footer.
    """

    DEFAULT_CSS = """
    KeysBar {
        height: 1;
        width: 1fr;
        dock: bottom;
        background: $footer-background;
    }
    KeysBar > .keys-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeysBar > .keys-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeysBar > .keys-bar--disabled { text-style: dim; }
    """

    COMPONENT_CLASSES = {"keys-bar--key", "keys-bar--description", "keys-bar--disabled"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Binding]] = []
        self._keys: list[tuple[Binding, bool]] | None = None
        """The keys shown, until the screen's bindings change."""

    def on_mount(self) -> None:
        """Drawn again whenever the screen's keys change (focus, a phase with a round…)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """No more updates."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._keys = None
        self.refresh()

    def _shown(self) -> list[tuple[Binding, bool]]:
        """The keys to show, once per action, the app's last (in the binding chain order)."""
        if self._keys is not None:
            return self._keys
        seen: set[str] = set()
        shown = []
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        self._keys = shown
        return shown

    def render(self) -> Text:
        """`key label` pairs; the last one (the app's Quit) is kept when the line is full."""
        key_style = self.get_component_rich_style("keys-bar--key")
        label_style = self.get_component_rich_style("keys-bar--description")
        dim = self.get_component_rich_style("keys-bar--disabled")
        items = [
            (f" {self.app.get_key_display(b)} ", f"{b.description} ", b, on)
            for b, on in self._shown()
        ]
        width = self.size.width
        while len(items) > 1 and sum(len(k) + len(d) for k, d, _, _ in items) > width:
            items.pop(-2)  # the app's keys stay last: drop the screen's last one
        line = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for key, description, binding, enabled in items:
            start = len(line)
            line.append(key, style=key_style if enabled else key_style + dim)
            line.append(description, style=label_style if enabled else label_style + dim)
            self._spans.append((start, len(line), binding))
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a key is that key pressed."""
        for start, end, binding in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(binding.key.split(",")[0])
                return
