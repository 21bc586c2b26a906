"""The help (F1): what each key does, its key read from the screens' bindings (so that a key is
written in one place, besides the README), then how notes are typed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from codev_tui.words import Texts


@dataclass(frozen=True)
class HelpEntry:
    """Keys that do one thing, said once: `F7 / F8: one minute less / more`."""

    ids: tuple[str, ...]
    """The bindings' ids; their keys are joined with " / "."""
    words: str
    """The key of what they do in the interface's words."""


@dataclass(frozen=True)
class HelpRow:
    """One line of the help: entries joined with " · ", under a heading when given (then each
    entry reads `key what`, without a colon)."""

    entries: tuple[HelpEntry, ...]
    heading: str = ""


def _row(*entries: tuple[str, str], heading: str = "") -> HelpRow:
    """A row from (binding ids separated by spaces, words) pairs."""
    return HelpRow(tuple(HelpEntry(tuple(ids.split()), words) for ids, words in entries), heading)


HELP_ROWS = (
    _row(("next prev", "h_phases")),
    _row(("timer", "h_timer")),
    _row(("less more", "h_adjust")),
    _row(("dismiss", "cues.h_dismiss"), ("take", "cues.h_take")),
    _row(("speaker", "h_speaker"), ("pass", "h_pass")),
    _row(("carry", "h_carry")),
    _row(("choose", "choosing.h_choose")),
    _row(("projector", "h_projector"), ("theme", "h_theme")),
    _row(("bell", "h_bell"), ("end", "h_end"), ("palette", "h_palette"), ("quit", "h_quit")),
    _row(
        ("confidential", "h_confidential"),
        ("export", "h_export"),
        ("back", "h_back"),
        heading="h_closing",
    ),
)
"""The keys of the facilitation screen, the app and the closing screen, by binding id."""

_NAMED_KEYS = {"pagedown": "key_pagedown", "pageup": "key_pageup", "space": "key_space"}
"""Keys whose name is a word of the interface's language."""


def bound_keys(*bindings: Iterable[BindingType]) -> dict[str, str]:
    """The key of each binding that has an id (its first key when it has several)."""
    return {
        b.id: b.key.split(",")[0]
        for group in bindings
        for b in group
        if isinstance(b, Binding) and b.id is not None
    }


def key_name(key: str, t: Texts) -> str:
    """A key as the help writes it: `F5`, `Ctrl+T`, `PageDown` (`PageSuiv` in French)."""
    if key in _NAMED_KEYS:
        return t(_NAMED_KEYS[key])
    return "+".join(part.capitalize() for part in key.split("+"))


def help_text(keys: dict[str, str], t: Texts) -> str:
    """The keys, one `HELP_ROWS` line each (a key not bound is left out), then the notes'
    syntax."""
    lines = []
    for row in HELP_ROWS:
        between = " " if row.heading else t("colon")
        entries = [
            f"{' / '.join(key_name(keys[i], t) for i in entry.ids)}{between}{t(entry.words)}"
            for entry in row.entries
            if all(i in keys for i in entry.ids)
        ]
        line = " · ".join(entries)
        lines.append(f"{t(row.heading)}{t('colon')}{line}" if row.heading else line)
    return "\n".join(lines) + "\n\n" + t("help_notes")
