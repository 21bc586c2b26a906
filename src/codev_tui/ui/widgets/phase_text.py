"""The current phase: its title, then what happens in it; one widget that scrolls when long."""

from __future__ import annotations

from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from codev_tui.core.script import Phase, PhaseScript
from codev_tui.ui.text import literal
from codev_tui.words import Texts


def phase_body(script: PhaseScript, phase: Phase, t: Texts) -> Text:
    """What happens in a phase: its summary, who does what, its rules and prompts."""
    body = Text()
    if phase.summary:
        body.append_text(literal(phase.summary, "italic"))
        body.append("\n")
    for role_id in ("client", "consultants", "facilitator"):
        what = getattr(phase, role_id)
        if what:
            body.append(f"{script.role_name(role_id, t(role_id))}{t('colon')}", style="bold")
            body.append_text(literal(what))
            body.append("\n")
    if phase.rules:
        body.append(f"{t('phase_rules')}{t('colon')}", style="bold")
        body.append_text(literal(" · ".join(phase.rules)))
        body.append("\n")
    prompts = phase.prompts.for_role(None)
    if prompts:
        body.append(f"{t('prompts')}{t('colon').rstrip()}\n", style="bold")
        for role, prompt in prompts:
            body.append(f"  › {script.role_name(role, t(role))}{t('colon')}")
            body.append_text(literal(prompt))
            body.append("\n")
    return body


class PhaseText(ScrollView):
    """The phase's title (in the theme's accent colour) above its text (summary, roles,
    rules, prompts), wrapped to the width and scrolled when longer than the room it has.

    One widget drawing its own lines rather than a scroll container holding two text widgets:
    the facilitation screen is laid out and painted in a fraction of the time.
    """

    DEFAULT_CSS = """
    PhaseText { overflow-x: hidden; overflow-y: auto; }
    PhaseText > .phase-text--title { text-style: bold; color: $accent; }
    """

    COMPONENT_CLASSES = {"phase-text--title"}

    def __init__(self, title: str, body: Text, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._title, self._body = title, body
        self._lines: list[Strip] = []
        self._wrapped: tuple[object, ...] = ()
        """What `_lines` were wrapped for: wrapping again only when it changes."""

    @property
    def text(self) -> Text:
        """Everything shown: the title, a blank line, the phase's text."""
        text = literal(self._title.upper())
        if self.is_mounted:
            text.stylize(self._title_style())
        text.append("\n\n")
        text.append_text(self._body)
        return text

    def _title_style(self) -> object:
        return self.get_component_rich_style("phase-text--title") if self.is_mounted else None

    def show(self, title: str, body: Text) -> None:
        """Another phase: its text, from the top."""
        self._title, self._body = title, body
        self._wrap()
        self.scroll_home(animate=False)

    def on_resize(self, event: Resize) -> None:
        """Wrapped again to the new width."""
        self._wrap()

    def notify_style_update(self) -> None:
        """The theme changed (Ctrl+T): the title's colour too."""
        super().notify_style_update()
        if self.is_mounted:
            self._wrap()

    def _wrap(self) -> None:
        width, height = self.content_size
        key = (width, height, self._title, self._body, self.rich_style, self._title_style())
        if key == self._wrapped:
            return
        self._wrapped = key
        lines = self._render(width)
        if len(lines) > height and width > self.styles.scrollbar_size_vertical:
            lines = self._render(width - self.styles.scrollbar_size_vertical)  # room for the bar
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _render(self, width: int) -> list[Strip]:
        if width <= 0:
            return []
        console = self.app.console
        options = console.options.update(width=width, highlight=False)
        rendered = console.render_lines(self.text, options, style=self.rich_style, pad=True)
        return [Strip(line, width) for line in rendered]

    def render_line(self, y: int) -> Strip:
        """One line of the wrapped text, as scrolled."""
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if 0 <= index < len(self._lines):
            return self._lines[index].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)
