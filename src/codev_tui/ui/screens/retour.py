"""A typing screen where the previous plan is reviewed: `/report 3` typed, or one key for the
action of the latest status, carries an action over to the next session's retour; what was
done is said on the status line (the statuses are the core's: `Session.statuses`)."""

from __future__ import annotations

from codev_tui.core.events import Event
from codev_tui.core.notes import carry_number
from codev_tui.ui.screens.choosing import ChoosingScreen
from codev_tui.ui.screens.typing import after_typing
from codev_tui.words import say


class RetourScreen(ChoosingScreen):
    """Reads `/report N` before the line is saved as a note, and binds the carry-over
    (`action_carry`)."""

    def capture(self, value: str) -> Event | None:
        """`/report N` in a session with a previous plan carries action N over (no note;
        `/report` alone, the action of the latest status); anything else is saved as the phase
        captures it."""
        if (n := carry_number(value)) is not None and self.control.session.review_items:
            self._carry(n or None)
            return None
        return super().capture(value)

    @after_typing
    def action_carry(self) -> None:
        """F4 in the retour: the action of the latest status goes to the next session."""
        self._carry(None)

    def _carry(self, n: int | None) -> None:
        """Carry a reviewed action over (or no longer), and say so."""
        key, values = self.control.carry(n)
        self.flash = say(self.t.lang, key, **values)
        self.refresh_all()
