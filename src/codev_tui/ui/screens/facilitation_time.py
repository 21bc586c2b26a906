"""Part of the facilitation screen: the timer's keys (F5, F7/F8) and the facilitator's private
cues (`core.cues`) on the console, with the key that dismisses one and F7 taking the minutes the
lateness cue proposes.

The cues are the console's own: never on the room's view, and hidden in projector mode (the
console itself is then on the wall). They are worked out on the screen's twice-a-second tick
and after each note; the notes are scanned again only when the session's log moved on.
"""

from __future__ import annotations

import math

from codev_tui.core.control import SessionControl
from codev_tui.core.cues import Cue, cues, disguised_notes
from codev_tui.core.times import local_clock
from codev_tui.ui.screens.help import key_name
from codev_tui.ui.screens.retour import RetourScreen
from codev_tui.ui.screens.typing import after_typing
from codev_tui.ui.widgets.cue_line import CueLine, CueState
from codev_tui.ui.widgets.line_strip import LineStrip
from codev_tui.words import Texts

TAKE_KEY = "f7"
"""The key that takes the minutes the lateness cue proposes (F7, a minute less, otherwise)."""


class TimeScreen(RetourScreen):
    """F5, F7/F8, and the cues: `refresh_cues` shows the most pressing one."""

    def __init__(self, control: SessionControl, texts: Texts) -> None:
        super().__init__(control, texts)
        self.cues: list[Cue] = []
        """The cues not dismissed, most pressing first (the first one is shown)."""
        self.dismissed: set[tuple[str | int, ...]] = set()
        """The keys of the cues dismissed in this run of the app."""
        self._disguised: tuple[int, list[int]] = (-1, [])
        """The log's last seq and the disguised suggestions found then."""
        self._cue_keys: tuple[object, ...] = ()
        """What the keys bar last showed of the cues (the dismiss key, F7 taking minutes)."""

    # The facilitation screen's own (see FacilitationScreen).
    notice: str

    def refresh_clock(self, force: bool = False) -> None:
        """The countdown."""

    def refresh_topbar(self) -> None:
        """The header line."""

    def _mount_at_place(self, widget: LineStrip) -> None:
        """Add a strip at its place."""

    # -- the timer ----------------------------------------------------------------------------

    def _ask_time_away(self) -> None:
        """Resuming after a long absence: does the time away count in the phase? (Not by
        default: a laptop closed overnight is no 14 hours of overtime.)"""
        from codev_tui.ui.screens.dialogs import AwayScreen

        c = self.control
        since = c.away_since
        if since is None:
            return
        away = (c.opened - since).total_seconds()

        def done(count: bool | None) -> None:
            if count:
                c.count_time_away()
            else:
                c.leave_out_time_away()
                self.notice = self.t("away_left_out")
            self.refresh_all()

        self.app.push_screen(AwayScreen(self.t, away, c.session.phase.title), done)

    @after_typing
    def action_toggle_timer(self) -> None:
        """F5: start, pause, resume."""
        self.control.toggle_timer()
        self.refresh_clock(force=True)
        self.refresh_round()

    def refresh_round(self) -> None:
        """The round of the table."""

    @after_typing
    def action_adjust(self, minutes: int) -> None:
        """F7/F8: a minute less or more for this phase."""
        self.control.adjust(minutes)
        self.refresh_clock(force=True)
        self.refresh_cues()

    @after_typing
    def action_take_minutes(self) -> None:
        """F7 while the lateness cue shows: take the minutes it proposes, one adjustment per
        phase (each one saved), and say what was taken."""
        self.refresh_cues()  # what the cue proposes now (keys may have waited)
        cue = self._taking()
        if cue is None:
            return
        for index, minutes in cue.takes:
            self.control.adjust(-minutes, index)
        self.flash = self.t("cues.taken", gives=self._gives(cue))
        self.refresh_clock(force=True)
        self.refresh_topbar()
        self.refresh_status()
        self.refresh_cues()

    # -- the cues -----------------------------------------------------------------------------

    def refresh_cues(self) -> None:
        """Work the cues out again and show the first one (none in projector mode)."""
        c = self.control
        s = c.session
        if self._disguised[0] != s.last_seq:
            self._disguised = (s.last_seq, disguised_notes(s))
        late = c.drift_minutes() * 60 * c.scale
        found = cues(s, c.countdown.remaining(), c.countdown.warning, late, self._disguised[1])
        # None while resuming asks whether the time away counts: how late is not known yet.
        waiting = c.away_since is not None
        self.cues = [cue for cue in found if cue.key not in self.dismissed and not waiting]
        shown = self._shown()
        state = None
        if shown is not None:
            state = CueState(self.cue_text(shown), len(self.cues) - 1, self.size.width)
        found_line = self.query("#cue")
        if found_line:
            found_line.first(CueLine).state = state
        elif state is not None:
            self._mount_at_place(CueLine(self.t, state, id="cue"))
        keys = (shown.key if shown else None, self._taking() is not None)
        if keys != self._cue_keys:
            self._cue_keys = keys
            self.refresh_bindings()

    def _shown(self) -> Cue | None:
        """The cue on screen: the first one, none in projector mode (nor when too small)."""
        if not self.cues or self.has_class("-projector") or self.has_class("-too-small"):
            return None
        return self.cues[0]

    def _taking(self) -> Cue | None:
        """The lateness cue on screen when it proposes minutes to take (F7 takes them)."""
        shown = self._shown()
        return shown if shown is not None and shown.kind == "late" and shown.takes else None

    def action_dismiss_cue(self) -> None:
        """Dismiss the cue shown (for this run of the app); the next one shows."""
        shown = self._shown()
        if shown is not None:
            self.dismissed.add(shown.key)
            self.refresh_cues()

    def cue_check(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether a cue's key is on (the dismiss key while a cue shows; F7 takes the lateness
        cue's minutes instead of one); None for the other keys."""
        if action == "dismiss_cue":
            return self._shown() is not None
        if action == "take_minutes":
            return self._taking() is not None
        if action == "adjust" and parameters == (-1,):
            return self._taking() is None
        return None

    def cue_text(self, cue: Cue) -> str:
        """What a cue says, in the interface's language."""
        t = self.t
        if cue.kind == "disguised":
            note = self.control.session.note(cue.note)
            at = local_clock(note.at) if note is not None else ""
            return t("cues.disguised", n=cue.note, time=at)
        if cue.kind == "contract":
            if cue.seconds <= 0:
                return t("cues.contract_over")
            return t("cues.contract", n=math.ceil(cue.seconds / 60))
        if cue.kind == "round":
            return t.count("cues.round", len(cue.names), names=", ".join(cue.names))
        late = round(cue.seconds / 60)
        if not cue.takes:
            return t("cues.late_stuck", n=late)
        return t("cues.late", n=late, take=key_name(TAKE_KEY, t), gives=self._gives(cue))

    def _gives(self, cue: Cue) -> str:
        """`3 min à Synthèse, 2 min à Apprentissages`: each phase by its title's first word."""
        phases = self.control.session.script.phases
        return ", ".join(
            self.t("cues.gives", n=minutes, phase=short_title(phases[index].title))
            for index, minutes in cue.takes
        )


def short_title(title: str) -> str:
    """A phase's title by its first word (`Synthèse et plan d'action` → `Synthèse`)."""
    first = title.split(maxsplit=1)[0] if title.strip() else title
    return first.rstrip(",;:.·—-") or title
