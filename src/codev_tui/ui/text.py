"""User text made safe to show: literal, never markup, never a terminal control sequence."""

from __future__ import annotations

from rich.text import Text

from codev_tui.core.visible import visible as core_visible


def visible(text: str) -> str:
    """Control characters as their visible pictures (␛), lone surrogates and invisible format
    characters as U+FFFD; line feeds and tabs kept (see `core.visible`)."""
    return core_visible(text, lines=True)


def literal(text: str, style: str = "") -> Text:
    """A Rich Text showing `text` exactly as typed (no markup is interpreted)."""
    return Text(visible(text), style=style)
