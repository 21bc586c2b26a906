"""Messages the writer thread posts to the app: the UI learns from them what is on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from codev_tui.core.events import Event


@dataclass
class EventSaved(Message):
    """An event is on disk (written and fsync'd)."""

    event: Event


@dataclass
class SaveFailed(Message):
    """A write failed; the writer retries it, nothing after it is written before it."""

    reason: str

    def can_replace(self, message: Message) -> bool:
        """A failure still queued is superseded by the next one: retried every few seconds
        while the UI is busy, they must not pile up (only the latest reason is shown)."""
        return isinstance(message, SaveFailed)


@dataclass
class SessionMoved(Message):
    """The session file was replaced by another program: the session goes on in `new`."""

    old: Path
    new: Path
