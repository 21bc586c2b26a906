"""The setup screen: who is in the room and which script, before the session file is created."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from codev_tui.core.session import Roster, parse_names
from codev_tui.ui.localize import localize_bindings
from codev_tui.ui.text import literal
from codev_tui.ui.widgets.keys_bar import KeysBar
from codev_tui.words import Texts


@dataclass(frozen=True)
class SetupResult:
    """What the facilitator filled in."""

    roster: Roster
    script: str


class SetupScreen(Screen[SetupResult]):
    """Topic, client, consultants, facilitator, group and script; pre-filled from the group."""

    DEFAULT_CSS = """
    SetupScreen { align: center top; }
    #setup { width: 80; max-width: 100%; height: 1fr; padding: 0 1; }
    #setup-title { text-style: bold; background: $primary; padding: 0 1; margin-bottom: 1; }
    #setup Label { margin-top: 1; }
    #setup-error { color: $error; text-style: bold; height: auto; display: none; }
    #setup-buttons { height: auto; margin-top: 1; }
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
    ) -> None:
        super().__init__()
        self.error = error
        self.t = texts
        self.roster = roster
        self.scripts = scripts
        self.script = script
        self.previous = previous

    def compose(self) -> ComposeResult:
        """One labelled input per field."""
        t, r = self.t, self.roster
        with VerticalScroll(id="setup"):
            yield Static(Text(t("setup")), id="setup-title")
            yield Static(id="setup-error")  # at the top: seen even when the form scrolls
            yield Label(t("topic"))
            yield Input(r.topic, id="topic")
            yield Label(t("client"))
            yield Input(r.client, id="client")
            yield Label(t("consultants_hint"))
            yield Input(", ".join(r.consultants), id="consultants")
            yield Label(t("facilitator"))
            yield Input(r.facilitator, id="facilitator")
            yield Label(t("group"))
            yield Input(r.group, id="group")
            yield Label(t("script"))
            yield Select(self.scripts, value=self.script, allow_blank=False, id="script")
            with Horizontal(id="setup-buttons"):
                yield Button(t("start"), variant="primary", id="start")
        yield KeysBar()

    def on_mount(self) -> None:
        """Focus the topic; name the start key in the footer."""
        localize_bindings(self._bindings, self.t)
        self.query_one("#topic", Input).focus()
        if self.error:  # the session could not be created: say why, the form stays filled in
            self._show_error(f"{self.t('not_created')} {self.error}")

    def _show_error(self, message: str) -> None:
        error = self.query_one("#setup-error", Static)
        error.update(literal(message))
        error.display = True
        self.query_one("#setup", VerticalScroll).scroll_home(animate=False)

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

    def action_next_field(self) -> None:
        """Enter in a field moves to the next one (the last field's Enter starts)."""
        if not isinstance(self.focused, Input) or self.focused.id == "group":
            raise SkipAction()
        self.focus_next()

    @on(Input.Submitted, "#group")
    def start_from_last_field(self, event: Input.Submitted) -> None:
        """Enter in the last field starts, once what was typed before it is in."""
        event.stop()
        self.action_start()

    @on(Button.Pressed, "#start")
    def start_pressed(self) -> None:
        """The start button."""
        self.action_start()

    def action_start(self) -> None:
        """Create the session when topic, client and a consultant are there."""
        value = {w.id: w.value.strip() for w in self.query(Input) if w.id}
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
        script = self.query_one("#script", Select).value
        self.dismiss(SetupResult(roster, str(script)))
