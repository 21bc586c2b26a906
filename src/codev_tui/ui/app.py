"""The Textual application: wires a session file, its writer and the screens together."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from codev_tui.core.clock import Clock, monotonic
from codev_tui.core.control import SessionControl
from codev_tui.core.events import Event
from codev_tui.core.script import ScriptError
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.sessions import create_session, script_choices, script_for
from codev_tui.core.store import SaveError, SessionFile, WallClock, utc_now
from codev_tui.core.writer import BackgroundWriter
from codev_tui.ui.common import PROJECTOR_THEME, collect_garbage_again
from codev_tui.ui.localize import localize_bindings, system_commands
from codev_tui.ui.messages import EventSaved, SaveFailed, SessionMoved
from codev_tui.ui.screens.base import SessionScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from codev_tui.words import Texts

if TYPE_CHECKING:
    from textual.driver import Driver

    from codev_tui.core.group import Group, GroupError
    from codev_tui.ui.screens.setup import SetupResult


@dataclass
class SetupRequest:
    """What the setup screen needs when the command line did not say who is in the room."""

    folder: Path
    scripts: dict[str, Path]
    script: str
    roster: Roster = field(default_factory=Roster)
    previous: dict[str, Roster] = field(default_factory=dict)
    groups: list[Group | GroupError] = field(default_factory=list)
    """The data folder's groups (a damaged file as its error), to choose from."""
    absent: tuple[str, ...] = ()
    """The members of the roster's group said absent on the command line (`--absent`)."""
    choose: bool = False
    """The session opens by choosing its subject (`--choose`)."""


class CodevApp(App[int]):
    """codev: the setup screen when needed, then the facilitation screen."""

    TITLE = "codev"
    close_timeout = 5.0
    """Seconds quitting waits for what is still being saved (then it is rescued)."""
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "k_quit", priority=True, id="quit"),
        Binding("ctrl+t", "toggle_theme", "k_theme", show=False, id="theme"),  # in help, palette
        # Tab moves the focus before the next key is read: Textual's own (non-priority) Tab
        # acts only once the key has bubbled back up, so "Ana<Tab>Bo" typed fast would land
        # whole in the first field. No widget here uses Tab for itself.
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        file: SessionFile | None = None,
        *,
        setup: SetupRequest | None = None,
        lang: str | None = None,
        clock: Clock = monotonic,
        wall: WallClock = utc_now,
        notice: str = "",
        retry_every: float = 2.0,
    ) -> None:
        super().__init__()
        self.file = file
        self.setup = setup
        self.lang = lang
        self.clock = clock
        self.wall = wall
        self.notice = notice
        self.retry_every = retry_every
        self.control: SessionControl | None = None
        self.writer: BackgroundWriter | None = None
        self.unsaved: list[Event] = []
        """What the writer could not put on disk before the app closed (to be rescued)."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self.texts = Texts(lang or (file.session.lang if file else "fr"))
        localize_bindings(self._bindings, self.texts)

    def get_driver_class(self) -> type[Driver]:
        """On Linux and macOS, Textual's driver made to survive what a terminal sends or does."""
        driver = super().get_driver_class()
        if driver.__name__ != "LinuxDriver":
            return driver
        from codev_tui.ui.terminal import TerminalDriver

        return TerminalDriver

    def on_mount(self) -> None:
        """Register the projector theme, catch SIGTERM/SIGHUP/SIGINT, show the first screen."""
        self.register_theme(PROJECTOR_THEME)
        self._loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
                self._loop.add_signal_handler(sig, self.exit)
        if self.file is not None:
            self.start_session(self.file)
        elif self.setup is not None:
            self._show_setup(self.setup.roster, self.setup.script, absent=self.setup.absent)
        self.call_after_refresh(collect_garbage_again)

    def _show_setup(
        self, roster: Roster, script: str, error: str = "", absent: tuple[str, ...] = ()
    ) -> None:
        # Imported here: a session opened from the command line never shows it.
        from codev_tui.ui.screens.setup import SetupScreen

        s = self.setup
        assert s is not None
        choices = script_choices(s.scripts)
        screen = SetupScreen(
            self.texts,
            roster,
            choices,
            script,
            s.previous,
            error=error,
            groups=s.groups,
            folder=s.folder,
            absent=absent,
        )
        self.push_screen(screen, self._setup_done)

    def _setup_done(self, result: SetupResult | None) -> None:
        if result is None or self.setup is None:
            self.exit(0)
            return
        try:
            file = self._create(result)
        except (ScriptError, SaveError, SessionError) as exc:
            # A full disk, a read-only folder, a broken script: said on the form, kept filled in.
            error = str(exc).splitlines()[0]
            self._show_setup(result.roster, result.script, error, result.absent)
            return
        self.file = file
        if self.lang is None:
            self.texts = Texts(file.session.lang)
        self.start_session(file)

    def _create(self, result: SetupResult) -> SessionFile:
        """The session file of what the setup screen said: on its own, or the group's next."""
        assert self.setup is not None
        folder, roster = self.setup.folder, result.roster
        script = script_for(self.setup.scripts[result.script], choose=self.setup.choose)
        if result.group is None:
            return create_session(folder, script, roster, lang=self.lang, now=self.wall)
        from codev_tui.core.cycle import create_group_session

        return create_group_session(
            folder,
            result.group,
            script,
            client=roster.client,
            topic=roster.topic,
            absent=list(result.absent),
            facilitator=roster.facilitator,
            lang=self.lang,
            now=self.wall,
        )

    def start_session(self, file: SessionFile) -> None:
        """Start the writer and show the facilitation screen."""
        self.writer = BackgroundWriter(
            file,
            on_saved=lambda event: self.post_message(EventSaved(event)),
            on_failed=lambda event, reason: self.post_message(SaveFailed(reason)),
            retry_every=self.retry_every,
            on_moved=lambda old, new: self.post_message(SessionMoved(old, new)),
        )
        self.control = SessionControl(file, self.writer.submit, self.clock, self.wall)
        if self.notice:
            self.control.reopened()
        self.push_screen(FacilitationScreen(self.control, self.texts, self.notice))

    # -- the writer's reports (messages posted from its thread) -------------------------------

    def on_event_saved(self, message: EventSaved) -> None:
        """An event is on disk: the control knows, and every screen of the session shows it."""
        if self.control is None:
            return
        self.control.saved(message.event)
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.event_saved(message.event)

    def on_save_failed(self, message: SaveFailed) -> None:
        """A write failed (it is retried): every screen of the session says NOT SAVED."""
        if self.control is None:
            return
        self.control.failed(message.reason)
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.refresh_status()

    def on_session_moved(self, message: SessionMoved) -> None:
        """The session file was replaced: every screen of the session says so, in red."""
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.refresh_status()

    # -- app-wide actions ---------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Ctrl+Q: confirm, then quit; what is marked ✓ is already on disk."""
        from codev_tui.ui.screens.dialogs import QuitScreen

        if isinstance(self.screen, QuitScreen):
            self.screen.dismiss(True)  # Ctrl+Q twice: quit
            return
        pending = self.writer.pending if self.writer else 0

        def done(quit_now: bool | None) -> None:
            if quit_now:
                self.exit(0)

        self.push_screen(QuitScreen(self.texts, pending), done)

    def action_toggle_theme(self) -> None:
        """Ctrl+T: the light projector theme, or back to the dark one."""
        self.theme = "textual-dark" if self.theme == PROJECTOR_THEME.name else PROJECTOR_THEME.name

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, its search field in the interface's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = self.texts("palette_placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command of the palette, with Textual's
        own commands in the interface's language (none twice)."""
        yield from system_commands(super().get_system_commands(screen), self.texts, screen)
        seen: set[str] = set()
        for bindings in [
            *screen._bindings.key_to_bindings.values(),
            *self._bindings.key_to_bindings.values(),
        ]:  # noqa: SLF001
            for b in bindings:
                if not b.description or b.action in seen:
                    continue
                seen.add(b.action)
                target = self if b in self._bindings.key_to_bindings.get(b.key, []) else screen
                yield SystemCommand(
                    f"{b.description} ({b.key})",
                    b.description,
                    partial(target.run_action, b.action),
                )

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit (Ctrl+Q, SIGTERM, SIGHUP): a note (or a correction) being typed is saved first."""
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.save_draft()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        """Flush what is still queued and release the session file."""
        self.close_session()

    def close_session(self) -> bool:
        """Wait for the writer, close the file; False when something could not be saved."""
        saved = True
        if self.writer is not None:
            saved = self.writer.close(timeout=self.close_timeout)
            if not saved:
                self.unsaved = self.writer.unsaved()
            self.writer = None
        if self.file is not None:
            self.file.close()
        return saved
