"""Textual's own words in the interface's language: the labels of the keys in the footer, and
the commands Textual adds to the palette."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from codev_tui.words import PARTS, Texts

_SYSTEM_TITLES = {
    "Theme": "sys_theme",
    "Keys": "sys_keys",
    "Maximize": "sys_maximize",
    "Minimize": "sys_minimize",
    "Screenshot": "sys_screenshot",
}
"""Textual's palette commands (`App.get_system_commands`, Textual 8) by their English title;
one Textual adds later shows as Textual words it."""

_SYSTEM_HELP = {
    "Change the current theme": "sys_theme_help",
    "Show help for the focused widget and a summary of available keys": "sys_keys_help",
    "Hide the keys and widget help panel": "sys_keys_hide_help",
    "Maximize the focused widget": "sys_maximize_help",
    "Minimize the widget and restore to normal size": "sys_minimize_help",
    "Save an SVG 'screenshot' of the current screen": "sys_screenshot_help",
}


_TEXTUAL_KEYS = {"palette": "k_palette", "Copy selected text": "k_copy"}
"""The descriptions of the keys Textual binds itself (`App`, `Screen`), palette commands too."""

_UNDESCRIBED = frozenset({"Focus Next", "Focus Previous"})
"""Textual's Tab and Shift+Tab lose their description, so the palette does not list them: run
from the palette they move no focus a person sees, and in French ("Champ suivant") they would
come before "Suiv." (PageDown) when one types "suiv"."""


def localize_bindings(bindings_map: Any, texts: Texts) -> None:
    """Translate the labels of a node's bindings: descriptions starting `k_` are keys of the
    interface's words, and Textual's own are known by their English."""
    for key, bindings in bindings_map.key_to_bindings.items():
        bindings_map.key_to_bindings[key] = [_localized(b, texts) for b in bindings]


def _localized(binding: Binding, texts: Texts) -> Binding:
    described = binding.description
    if described in _UNDESCRIBED:
        return replace(binding, description="")
    # `k_…` is a key of the interface's words, `choosing.k_…` one of another part's.
    own = described.startswith("k_") or described.partition(".")[0] in PARTS
    key = described if own else _TEXTUAL_KEYS.get(described)
    return replace(binding, description=texts(key)) if key else binding


def system_commands(
    commands: Iterable[SystemCommand], texts: Texts, screen: Screen[Any]
) -> Iterator[SystemCommand]:
    """Textual's palette commands in the interface's language, without those the app's keys
    already are: Quit (Ctrl+Q), and Keys where the screen has its own help (F1)."""
    helped = any(b.binding.action == "help" for b in screen.active_bindings.values())
    for command in commands:
        if command.title == "Quit" or (command.title == "Keys" and helped):
            continue
        title = _SYSTEM_TITLES.get(command.title)
        help_key = _SYSTEM_HELP.get(command.help)
        yield command._replace(
            title=texts(title) if title else command.title,
            help=texts(help_key) if help_key else command.help,
        )
