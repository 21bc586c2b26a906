"""What the facilitator does in a group's session besides taking notes: carry an action of the
previous plan over to the next retour, choose whose subject the session works on."""

from __future__ import annotations

from collections.abc import Callable

from codev_tui.core.choosing import decide, tally
from codev_tui.core.events import Event
from codev_tui.core.session import Session
from codev_tui.core.session_parts import split_status


class CycleActions:
    """Part of `SessionControl`: its session, and its `_emit` (fold, then hand to the writer)."""

    session: Session
    _emit: Callable[..., Event]

    def is_status(self, text: str) -> bool:
        """Whether a line typed in the retour says what became of one of the actions it
        reviews (`2 en partie …`; `5 fait` when there are four is a plain note)."""
        said = split_status(text)
        return said is not None and any(item.n == said[0] for item in self.session.review_items)

    def carry(self, n: int | None = None) -> tuple[str, dict[str, int]]:
        """Carry reviewed action `n` over to the next session's retour, or no longer (the key:
        the action of the latest status typed). What to say: a key of the retour's words and
        its values."""
        s = self.session
        if n is None:
            latest = list(s.statuses.values())
            if not latest:
                return "retour.no_status_yet", {}
            n = max(latest, key=lambda st: st.note).n
        if not any(item.n == n for item in s.review_items):
            return "retour.no_such_item", {"n": n, "last": len(s.review_items)}
        status = s.statuses.get(n)
        if status is not None and status.status == "done":
            return "retour.done_not_carried", {"n": n}
        on = n not in s.carried
        self._emit("carry", item=n, on=on)
        return ("retour.carried_flash" if on else "retour.uncarried_flash"), {"n": n}

    def choose_subject(self, name: str | None) -> Event:
        """Choose whose subject the session works on (None: the leader of the vote); the
        roster changes with it. ChoosingError (a tie, no vote, nobody known): nothing saved."""
        s = self.session
        client, topic, overridden = decide(tally(s.notes), s.roster, name)
        return self._emit("chosen", client=client, topic=topic, overridden=overridden)
