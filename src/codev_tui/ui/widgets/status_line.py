"""The status line: saved or NOT SAVED, how many notes, and what the keys do now."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from codev_tui.ui.text import literal
from codev_tui.words import Texts


class SaveState(NamedTuple):
    """How the session is being kept."""

    unsaved: int
    """Events on their way to the disk."""
    error: str = ""
    """Why the last write failed (it is retried); empty once everything is saved."""
    moved_to: str | None = None
    """The name of the file the session goes on in, once another program replaced its file."""


def saved_mark(save: SaveState, t: Texts) -> str:
    """✓ saved, or … saving while events are on their way to the disk."""
    return f"✓ {t('saved')}" if not save.unsaved else f"… {t('saving')}"


def alarm(save: SaveState, t: Texts) -> Text | None:
    """What a status line says before anything else when the session is not kept as usual:
    NOT SAVED, or its file replaced and where it goes on; None otherwise."""
    if save.error:
        return Text(f"⚠ {t('not_saved')} ({save.unsaved})", style="bold")
    if save.moved_to is not None:
        return literal(f"⚠ {t('replaced', name=save.moved_to)} · {saved_mark(save, t)}")
    return None


class StatusState(NamedTuple):
    """What the facilitation screen's status line says."""

    save: SaveState
    notes: int
    notice: str = ""
    """Said until the session moves on ("resumed…")."""
    flash: str = ""
    """What the last correction did, until the next action."""
    editing: bool = False
    """A note is being corrected in the input."""
    choosing: bool = False
    """A note of the list is being chosen."""


def status_line(state: StatusState, t: Texts) -> Text:
    """The alarm, or the saved mark with the notes' count, the notice, what the keys do."""
    if (line := alarm(state.save, t)) is not None:
        return line
    saved = saved_mark(state.save, t)
    text = f"{saved} · {t.count('notes', state.notes)}"
    if state.notice:
        text = f"{text} · {state.notice}"
    if state.editing:  # a correction refused says why (the flash is cleared as it starts)
        text = f"✎ {state.flash or t('editing_keys')}"
    elif state.flash:
        text = f"{saved} · {state.flash}"
    elif state.choosing:  # the keys first: they must fit 80 columns
        text = f"{saved[0]} {t('browsing_keys')}"
    return literal(text)


class StatusLine(Static):
    """The last line above the keys."""

    state: reactive[StatusState | None] = reactive(None, repaint=False)

    def __init__(self, texts: Texts, state: StatusState, *, id: str | None = None) -> None:  # noqa: A002
        self.t = texts
        super().__init__(status_line(state, texts), id=id)
        self.set_reactive(StatusLine.state, state)

    def watch_state(self, state: StatusState | None) -> None:
        """The line again."""
        if state is not None:
            self.update(status_line(state, self.t))
