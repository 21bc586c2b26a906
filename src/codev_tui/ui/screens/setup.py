"""The setup screen: who is in the room and which script, before the session file is created."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from codev_tui.core.cycle import cycle_sessions
from codev_tui.core.group import Group, GroupError
from codev_tui.core.group.model import name_key
from codev_tui.core.session import Roster, Session, parse_names
from codev_tui.ui.localize import localize_bindings
from codev_tui.ui.screens.dialogs import ConfirmScreen
from codev_tui.ui.screens.setup_group import GroupPanel
from codev_tui.ui.text import literal
from codev_tui.ui.widgets.keys_bar import KeysBar
from codev_tui.words import Texts


@dataclass(frozen=True)
class SetupResult:
    """What the facilitator filled in."""

    roster: Roster
    script: str
    group: Group | None = None
    """The group whose session it is (None: a session on its own)."""
    absent: tuple[str, ...] = ()
    """The group's members not ticked present."""


class SetupScreen(Screen[SetupResult]):
    """Topic, client, consultants, facilitator, group and script; pre-filled from the group.

    When the data folder has groups, one may be chosen first: its members are then ticked
    present (the roster comes from the group), and the client is picked among them.
    """

    DEFAULT_CSS = """
    SetupScreen { align: center top; }
    #setup { width: 80; max-width: 100%; height: 1fr; padding: 0 1; }
    #setup-title { text-style: bold; background: $primary; padding: 0 1; margin-bottom: 1; }
    #setup Label { margin-top: 1; }
    #setup-error { color: $error; text-style: bold; height: auto; display: none; }
    #setup-buttons { height: auto; margin-top: 1; }
    #group-part { height: auto; }
    .group-unreadable { color: $warning; }
    SetupScreen.-group .solo { display: none; }
    """

    BINDINGS = [
        # Not a priority: F5 then waits behind the letters typed before it, which are all in.
        Binding("f5,ctrl+s", "start", "k_start", id="start"),
        # A priority: Enter moves the focus before the next letter is read (see app's Tab).
        Binding("enter", "next_field", show=False, priority=True),
    ]

    def __init__(
        self,
        texts: Texts,
        roster: Roster,
        scripts: list[tuple[str, str]],
        script: str,
        previous: dict[str, Roster],
        error: str = "",
        *,
        groups: Sequence[Group | GroupError] = (),
        folder: Path | None = None,
        absent: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.error = error
        self.t = texts
        self.roster = roster
        self.scripts = scripts
        self.script = script
        self.previous = previous
        self.groups = [g for g in groups if isinstance(g, Group)]
        self.unreadable = [g for g in groups if isinstance(g, GroupError)]
        self.folder = folder
        self.absent = absent
        self._sessions: dict[str, list[Session]] = {}
        """Each chosen group's sessions, read once."""
        key = name_key(roster.group)
        self.group = next((g for g in self.groups if name_key(g.name) == key), None)
        """The group chosen (None: a session on its own)."""

    def compose(self) -> ComposeResult:
        """One labelled input per field."""
        t, r = self.t, self.roster
        with VerticalScroll(id="setup"):
            yield Static(Text(t("setup")), id="setup-title")
            yield Static(id="setup-error")  # at the top: seen even when the form scrolls
            for error in self.unreadable:  # a damaged group file: said, not hidden
                yield Static(literal(error.lines(t.lang)[0]), classes="group-unreadable")
            if self.groups:
                yield Label(t("group_cycle"))
                choices = [(literal(g.name), g.id) for g in self.groups]  # text, never markup
                chosen = self.group.id if self.group else Select.NULL
                yield Select(choices, prompt=t("group_none"), value=chosen, id="group-choice")
                with Vertical(id="group-part"):
                    if self.group is not None:
                        yield self._panel_for(self.group, client=r.client)
            yield Label(t("topic"))
            yield Input(r.topic, id="topic")
            yield Label(t("client"), classes="solo")
            yield Input(r.client, id="client", classes="solo")
            yield Label(t("consultants_hint"), classes="solo")
            yield Input(", ".join(r.consultants), id="consultants", classes="solo")
            yield Label(t("facilitator"))
            facilitator = r.facilitator or (self.group.facilitator if self.group else "")
            yield Input(facilitator, id="facilitator")
            yield Label(t("group"), classes="solo")
            yield Input(r.group, id="group", classes="solo")
            yield Label(t("script"))
            scripts = [(literal(name), key) for name, key in self.scripts]
            yield Select(scripts, value=self.script, allow_blank=False, id="script")
            with Horizontal(id="setup-buttons"):
                yield Button(t("start"), variant="primary", id="start")
        yield KeysBar()

    def on_mount(self) -> None:
        """Focus the first field (the group, when there are groups); name the start key."""
        localize_bindings(self._bindings, self.t)
        self.set_class(self.group is not None, "-group")
        self.query_one("#group-choice" if self.groups else "#topic").focus()
        if self.error:  # the session could not be created: say why, the form stays filled in
            self._show_error(f"{self.t('not_created')} {self.error}")

    def _show_error(self, message: str) -> None:
        error = self.query_one("#setup-error", Static)
        error.update(literal(message))
        error.display = True
        self.query_one("#setup", VerticalScroll).scroll_home(animate=False)

    def _panel_for(self, group: Group, client: str = "") -> GroupPanel:
        """The group's part of the form, its sessions read once."""
        if group.id not in self._sessions:
            found = cycle_sessions(self.folder, group) if self.folder is not None else []
            self._sessions[group.id] = found
        sessions = self._sessions[group.id]
        return GroupPanel(self.t, group, sessions, absent=self.absent, client=client)

    @on(Select.Changed, "#group-choice")
    async def group_chosen(self, event: Select.Changed) -> None:
        """A group chosen brings its members and facilitator; none: the form as without groups."""
        group = next((g for g in self.groups if g.id == event.value), None)
        if group is self.group:
            return
        self.group, self.absent = group, ()
        part = self.query_one("#group-part", Vertical)
        await part.remove_children()
        self.set_class(group is not None, "-group")
        if group is None:
            return
        await part.mount(self._panel_for(group))
        if group.facilitator:
            self.query_one("#facilitator", Input).value = group.facilitator

    @on(Input.Changed, "#group")
    def prefill_from_group(self, event: Input.Changed) -> None:
        """A known group brings back its consultants and facilitator."""
        known = self.previous.get(event.value.strip())
        if known is None:
            return
        consultants = self.query_one("#consultants", Input)
        facilitator = self.query_one("#facilitator", Input)
        if not consultants.value.strip():
            consultants.value = ", ".join(known.consultants)
        if not facilitator.value.strip():
            facilitator.value = known.facilitator

    def _last_field(self) -> Input:
        """The last field shown (the group's, or the facilitator's in a group's session)."""
        return [field for field in self.query(Input) if field.display][-1]

    def action_next_field(self) -> None:
        """Enter in a field moves to the next one (the last field's Enter starts)."""
        if not isinstance(self.focused, Input) or self.focused is self._last_field():
            raise SkipAction()
        self.focus_next()

    @on(Input.Submitted)
    def start_from_last_field(self, event: Input.Submitted) -> None:
        """Enter in the last field starts, once what was typed before it is in."""
        event.stop()
        if event.input is self._last_field():
            self.action_start()

    @on(Button.Pressed, "#start")
    def start_pressed(self) -> None:
        """The start button."""
        self.action_start()

    def action_start(self) -> None:
        """Create the session when topic, client and a consultant are there."""
        value = {w.id: w.value.strip() for w in self.query(Input) if w.id}
        script = str(self.query_one("#script", Select).value)
        panel = next(iter(self.query(GroupPanel)), None)
        if panel is not None:
            self._start_group(panel, value, script)
            return
        consultants = parse_names(value["consultants"])
        if not (value["topic"] and value["client"] and consultants):
            self._show_error(self.t("setup_missing"))
            missing = [k for k in ("topic", "client", "consultants") if not value[k]]
            self.query_one(f"#{missing[0] if missing else 'consultants'}", Input).focus()
            return
        roster = Roster(
            topic=value["topic"],
            client=value["client"],
            consultants=consultants,
            facilitator=value["facilitator"],
            group=value["group"],
        )
        self.dismiss(SetupResult(roster, script))

    def _start_group(self, panel: GroupPanel, value: dict[str, str], script: str) -> None:
        """A group's session: a topic, a client and one more present are needed; below the
        quorum the facilitator confirms first (it is the group's rule, not codev's)."""
        client = panel.client
        if not (value["topic"] and client is not None and len(panel.present) > 1):
            self._show_error(self.t("setup_missing"))
            self.query_one("#present" if value["topic"] else "#topic").focus()
            return
        group = panel.group
        roster = Roster(
            topic=value["topic"],
            client=client.name,
            facilitator=value["facilitator"],
            group=group.name,
        )
        result = SetupResult(roster, script, group, tuple(panel.absent))
        if not panel.below_quorum:
            self.dismiss(result)
            return
        t, present = self.t, len(panel.present)
        body = Text(t("quorum_body", present=present, quorum=group.quorum))
        confirm = ConfirmScreen(t("quorum_title"), body, t("quorum_keys"))

        def confirmed(start: bool | None) -> None:
            if start:
                self.dismiss(result)

        self.app.push_screen(confirm, confirmed)
