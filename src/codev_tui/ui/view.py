"""`codev view`: the room's screen, following a session file read-only.

It takes no lock and writes nothing: a second process (or thirty, one per browser of `codev
serve`) follows the console's file as it grows. What it shows comes from `core.room`: the
phase, the countdown and its state in words, who has the floor, the contract, the rules;
never a note.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from codev_tui.core.clock import Clock, TimerState, monotonic
from codev_tui.core.follow import Follower
from codev_tui.core.room import room_clock, room_contract, room_end, room_header, room_rules
from codev_tui.core.session import Session
from codev_tui.core.session_times import SessionTimes
from codev_tui.core.store import WallClock, utc_now
from codev_tui.ui.common import PROJECTOR_THEME, collect_garbage_again
from codev_tui.ui.session_view import round_state
from codev_tui.ui.text import literal
from codev_tui.ui.widgets.bigclock import BigClock
from codev_tui.words import Words

POLL_EVERY = 0.5
"""Seconds between two looks at the session file (and two repaints of the countdown): a
change shows within a second of its ✓ on the console."""


class ViewApp(App[int]):
    """The room's screen: large phase title, large countdown, the floor, contract and rules."""

    TITLE = "codev"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    Screen { layout: vertical; }
    #header { height: 1; background: $primary; color: $background; text-style: bold;
              padding: 0 1; }
    #header.-trouble { background: $error; }
    #title { height: auto; padding: 0 1; text-style: bold; color: $primary; }
    #clock { height: 1fr; min-height: 6; }
    #floor { height: auto; padding: 0 1; }
    #contract { height: auto; max-height: 3; padding: 0 1; border-top: solid $accent; }
    #rules { height: auto; max-height: 2; padding: 0 1; background: $panel; }
    .-hidden { display: none; }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", show=False, priority=True),
        Binding("ctrl+t", "toggle_theme", show=False),
    ]

    def __init__(
        self,
        path: Path,
        *,
        lang: str | None = None,
        clock: Clock = monotonic,
        wall: WallClock = utc_now,
        poll_every: float = POLL_EVERY,
    ) -> None:
        super().__init__()
        self.follower = Follower(path)
        self.lang = lang
        self.clock = clock
        self.wall = wall
        self.poll_every = poll_every
        self.times: SessionTimes | None = None
        self.w = Words("view", lang)

    def compose(self) -> ComposeResult:
        yield Static(id="header", markup=False)
        yield Static(id="title", markup=False)
        yield BigClock("", TimerState.READY, "", id="clock")
        yield Static(id="floor", classes="-hidden", markup=False)
        yield Static(id="contract", classes="-hidden", markup=False)
        yield Static(id="rules", markup=False)

    def on_mount(self) -> None:
        """The projector's light theme; read the file, then look at it twice a second; end
        quietly on SIGTERM or SIGHUP (`codev serve` stopping, the terminal closed)."""
        self.register_theme(PROJECTOR_THEME)
        self.theme = PROJECTOR_THEME.name
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
                loop.add_signal_handler(sig, self.exit)
        self.poll()
        self.set_interval(self.poll_every, self.poll)
        self.call_after_refresh(collect_garbage_again)

    def action_toggle_theme(self) -> None:
        """Ctrl+T: the light projector theme, or the dark one."""
        self.theme = "textual-dark" if self.theme == PROJECTOR_THEME.name else PROJECTOR_THEME.name

    def poll(self) -> None:
        """Read the file again if it changed; repaint the countdown."""
        session = self.follower.poll()
        if session is not None:
            self._follow(session)
        elif self.follower.trouble is not None:
            self._trouble()
            return
        self.refresh_clock()

    def _follow(self, session: Session) -> None:
        if self.lang is None:
            self.w = Words("view", session.lang)
        self.times = SessionTimes(session, self.clock, self.wall)
        self.query_one("#header").remove_class("-trouble")
        self.refresh_room()

    def _trouble(self) -> None:
        """The file is gone or damaged: say so, keep the last state (its clock stopped)."""
        header = self.query_one("#header", Static)
        header.add_class("-trouble")
        header.update(self.w(f"view.{self.follower.trouble}"))
        if self.times is not None and self.times.countdown.running:
            self.times.countdown.pause()

    def refresh_room(self) -> None:
        """Everything but the countdown, from the session just read."""
        times = self.times
        if times is None:
            return
        s, w = times.session, self.w
        self.query_one("#header", Static).update(room_header(times, w))
        title = w("view.ended") if s.ended is not None else s.phase.title
        self.query_one("#title", Static).update(title.upper())
        floor = round_state(times, self.size.width) if s.ended is None else None
        floor_widget = self.query_one("#floor", Static)
        floor_widget.set_class(floor is None, "-hidden")
        if floor is not None:
            floor_widget.update(s.speaker or "")
        contract = room_contract(s)
        contract_widget = self.query_one("#contract", Static)
        contract_widget.set_class(contract is None, "-hidden")
        if contract is not None:
            contract_widget.update(literal(w("view.contract") + contract))
        rules = " · ".join(room_rules(s))
        self.query_one("#rules", Static).update(f"{w('view.rules')}{rules}   {w('view.keys')}")

    def refresh_clock(self) -> None:
        """The time left (or, once the session ended, its real length)."""
        times = self.times
        if times is None:
            return
        clock = self.query_one(BigClock)
        s = times.session
        if s.ended is not None:
            planned, real = room_end(s)
            clock.show(
                real, TimerState.PAUSED, self.w("view.ended_times", planned=planned, real=real)
            )
            return
        value, state, caption = room_clock(times, self.w)
        clock.show(value, state, caption)
