"""A typing screen where the subject is chosen: `/choix @Ana` typed, or one key for the
subject leading the vote; what the choice did, or why none was made, is said on the status
line (the counting is the core's: `core/choosing.py`)."""

from __future__ import annotations

import contextlib

from codev_tui.core.choosing import ChoosingError, chosen_lines, tally
from codev_tui.core.events import Event, SubjectChosen
from codev_tui.ui.screens.typing import TypingScreen, after_typing
from codev_tui.ui.widgets.note_input import NoteInput


class ChoosingScreen(TypingScreen):
    """Saves what is typed through `capture`, which also makes the choices, and binds the
    choice of the leader (`action_choose_leader`)."""

    def refresh_all(self) -> None:
        """Repaint everything from the session."""

    def capture(self, value: str) -> Event | None:
        """The line typed, saved as the phase captures it; None when nothing was. A choice
        refused leaves the line in the input, to be corrected."""
        try:
            return self._said(self.control.capture(value))
        except ChoosingError as refused:
            self._refused(refused)
            note_input = self.query_one(NoteInput)
            note_input.value, note_input.cursor_position = value, len(value)
            return None

    def save_draft(self) -> None:
        """Quitting: what is typed is saved as Enter would; a choice refused is dropped."""
        with contextlib.suppress(ChoosingError):
            super().save_draft()

    @after_typing
    def action_choose_leader(self) -> None:
        """F4 in the phase choosing the subject: the subject leading the vote is chosen."""
        try:
            self._said(self.control.choose_subject(None))
        except ChoosingError as refused:
            self._refused(refused)
        self.refresh_all()

    def _said(self, event: Event | None) -> Event | None:
        """A choice made is said on the status line: who and what, and an override calmly."""
        if isinstance(event, SubjectChosen):
            said = chosen_lines(event, tally(self.control.session.notes))
            self.flash = " · ".join(problem.words(self.t.lang) for problem in said)
        return event

    def _refused(self, refused: ChoosingError) -> None:
        """Why no choice was made (a tie, no vote, nobody known), on the status line."""
        self.flash = " · ".join(refused.lines(self.t.lang))
        self.refresh_status()
