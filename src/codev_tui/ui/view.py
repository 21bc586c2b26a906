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

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from codev_tui.core.clock import Clock, TimerState, monotonic
from codev_tui.core.follow import Follower, Trouble
from codev_tui.core.room import room_clock, room_contract, room_end, room_header, room_rules
from codev_tui.core.session import Session
from codev_tui.core.session_times import SessionTimes
from codev_tui.core.store import WallClock, utc_now
from codev_tui.ui.common import PROJECTOR_THEME, collect_garbage_again
from codev_tui.ui.widgets.bigclock import BigClock
from codev_tui.ui.widgets.contract_strip import ContractStrip
from codev_tui.ui.widgets.floor_banner import order_line
from codev_tui.ui.widgets.projector_head import ProjectorHead
from codev_tui.ui.widgets.round_strip import round_state
from codev_tui.ui.widgets.rules_strip import RulesStrip
from codev_tui.words import Texts, Words

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
    #stage { height: 1fr; }
    #head { color: $primary; }
    #clock { height: 1fr; min-height: 6; }
    #floor { height: 1; padding: 0 1; }
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
        follower: Follower,
        session: Session,
        *,
        lang: str | None = None,
        clock: Clock = monotonic,
        wall: WallClock = utc_now,
        poll_every: float = POLL_EVERY,
    ) -> None:
        super().__init__()
        self.follower = follower
        """What read `session`: it reads the file again once it changed since."""
        self.lang = lang
        self.clock = clock
        self.wall = wall
        self.poll_every = poll_every
        self.w = Words("view", lang or session.lang)
        self.t = Texts(lang or session.lang)
        self.times = SessionTimes(session, clock, wall)

    def compose(self) -> ComposeResult:
        self.header = Static(id="header", markup=False)
        self.head = ProjectorHead(self.t, self.times, id="head")
        self.clock_widget = BigClock("", TimerState.READY, "", id="clock")
        self.floor = Static(id="floor", classes="-hidden", markup=False)
        session = self.times.session
        self.contract = ContractStrip(self.t, room_contract(session), id="contract")
        self.rules = RulesStrip(self.t, room_rules(session), id="rules")
        yield self.header
        with Vertical(id="stage"):  # the head takes what the clock leaves of it
            yield from (self.head, self.clock_widget)
        yield from (self.floor, self.contract, self.rules)

    def on_mount(self) -> None:
        """The projector's light theme; read the file, then look at it twice a second; end
        quietly on SIGTERM or SIGHUP (`codev serve` stopping, the terminal closed)."""
        self.register_theme(PROJECTOR_THEME)
        self.theme = PROJECTOR_THEME.name
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
                loop.add_signal_handler(sig, self.exit)
        self.refresh_room()
        self.poll()  # anything written since the file was read, before the app started
        self.set_interval(self.poll_every, self.poll)
        self.call_after_refresh(collect_garbage_again)

    def action_help_quit(self) -> None:
        """Ctrl+C: says how to quit, in the view's language (Textual's own notice is English)."""
        self.notify(self.w("view.keys"))

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
        self.times = SessionTimes(session, self.clock, self.wall)
        self.header.remove_class("-trouble")
        self._header_line = ""
        self.head.control = self.times
        self.head.follow()
        self.refresh_room()

    def _trouble(self) -> None:
        """The file is gone or damaged: say so, keep the last state (its clock stopped)."""
        self.header.add_class("-trouble")
        gone = self.follower.trouble is Trouble.GONE
        line = self.w("view.gone" if gone else "view.damaged")
        if line != self._header_line:
            self._header_line = line
            self.header.update(line)
        if self.times.countdown.running:
            self.times.countdown.pause()

    def on_resize(self) -> None:
        """The turn order and the header fit the new width (once the screen has it)."""
        if self.follower.trouble is None:
            self.call_after_refresh(self.refresh_room)

    def refresh_room(self) -> None:
        """Everything but the countdown, from the session just read."""
        times = self.times
        s = times.session
        width = self.size.width - 2
        self.refresh_header()
        floor = round_state(times, width) if s.ended is None else None
        self.floor.set_class(floor is None, "-hidden")
        if floor is not None:
            self.floor.update(order_line(floor, self.t, width))
        self.contract.state = room_contract(s)
        self.rules.rules = room_rules(s)
        if s.ended is not None:  # the real length, once: nothing moves any more
            planned, real = room_end(s)
            caption = self.w("view.ended_times", planned=planned, real=real)
            self.clock_widget.show(real, TimerState.PAUSED, caption)

    def refresh_header(self) -> None:
        """The phase and the projected end in plain text (the end moves on in a pause or in
        overtime), and in a terminal how to quit (a browser's tab closes as usual)."""
        header = room_header(self.times, self.w)
        keys = "" if self.is_web else self.w("view.keys")
        room = self.size.width - 2 - cell_len(header) - cell_len(keys)
        line = f"{header}{' ' * room}{keys}" if keys and room >= 3 else header
        if line != self._header_line:
            self._header_line = line
            self.header.update(line)

    _header_line = ""

    def refresh_clock(self) -> None:
        """The time left and the header (once the session ended, `refresh_room` showed its
        real length)."""
        self.refresh_header()
        if self.times.session.ended is None:
            self.clock_widget.show(*room_clock(self.times, self.w))
