"""What every screen of a running session does: show what is on disk, keep what is typed."""

from __future__ import annotations

from textual.screen import Screen

from codev_tui.core.events import Event


class SessionScreen(Screen[None]):
    """A screen showing a session: the app tells it when an event reaches the disk."""

    def event_saved(self, event: Event) -> None:
        """An event is on disk: show its ✓."""
        self.refresh_status()

    def refresh_status(self) -> None:
        """Saved, NOT SAVED, and what the keys do now."""

    def save_draft(self) -> None:
        """The app is quitting: save what is being typed."""
