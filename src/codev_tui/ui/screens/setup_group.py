"""The group part of the setup screen: who is present, whose turn it is to be client, the quorum.

The setup screen mounts one `GroupPanel` when the facilitator chooses a group; the rules (who is
suggested, in what order, what the quorum is) are the core's (`core.cycle`, `core.group`).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from codev_tui.core.cycle import ClientTurns, suggest_clients, times_client
from codev_tui.core.group import Group, Member
from codev_tui.core.session import Session
from codev_tui.core.times import format_date
from codev_tui.ui.text import literal
from codev_tui.words import Texts


class ClientList(OptionList):
    """The present members in the order suggested for client; Enter or Space picks one."""

    BINDINGS = [Binding("space", "select", show=False)]


class GroupPanel(Vertical):
    """Ticks for who is present (all by default), the client picked among them (the first
    suggested by default, anyone present may be picked), and the count against the quorum."""

    DEFAULT_CSS = """
    GroupPanel { height: auto; }
    GroupPanel #group-lists { height: auto; }
    GroupPanel #present-column { width: 30; height: auto; }
    GroupPanel #client-column { width: 1fr; height: auto; }
    GroupPanel SelectionList, GroupPanel ClientList { height: auto; max-height: 10; }
    GroupPanel #quorum { height: auto; }
    GroupPanel #quorum.-below { color: $warning; text-style: bold; }
    """

    def __init__(
        self,
        texts: Texts,
        group: Group,
        sessions: list[Session],
        *,
        absent: Iterable[str] = (),
        client: str = "",
    ) -> None:
        super().__init__()
        self.t = texts
        self.group = group
        self.sessions = sessions
        self.turns: dict[str, ClientTurns] = times_client(group, sessions)
        self._away = {m.id for name in absent if (m := group.lookup(name)) is not None}
        chosen = group.lookup(client) if client else None
        if chosen is not None and chosen.id in self._away:
            chosen = None
        self.client: Member | None = chosen
        """Who will be client (None: the first suggested, once the list is drawn)."""

    def compose(self) -> ComposeResult:
        """Who is present beside whose turn it is, then the count against the quorum."""
        members = self.group.active()
        with Horizontal(id="group-lists"):
            with Vertical(id="present-column"):
                yield Label(self.t("group_present"))
                present = SelectionList[str](
                    *[(literal(m.name), m.id, m.id not in self._away) for m in members],
                    id="present",
                )
                present.border_subtitle = self.t("group_present_keys")
                yield present
            with Vertical(id="client-column"):
                yield Label(self.t("group_client"))
                clients = ClientList(id="clients")
                clients.border_subtitle = self.t("group_client_keys")
                yield clients
        yield Static(id="quorum")

    def on_mount(self) -> None:
        """The client list and the quorum line, as the ticks are at first."""
        self._refresh()

    @property
    def present(self) -> list[Member]:
        """The members ticked present, in the order they joined."""
        ticked = set(self.query_one("#present", SelectionList).selected)
        return [m for m in self.group.active() if m.id in ticked]

    @property
    def absent(self) -> list[str]:
        """The names of the members not ticked."""
        here = {m.id for m in self.present}
        return [m.name for m in self.group.active() if m.id not in here]

    @property
    def below_quorum(self) -> bool:
        """Whether fewer members are present than the group's quorum."""
        return len(self.present) < self.group.quorum

    @on(SelectionList.SelectedChanged, "#present")
    def presence_changed(self) -> None:
        """A tick changed: the suggestions and the count follow."""
        self._refresh()

    @on(OptionList.OptionSelected, "#clients")
    def client_picked(self, event: OptionList.OptionSelected) -> None:
        """Enter or Space on a member: they are the client."""
        event.stop()
        self.client = next(m for m in self.group.active() if m.id == event.option_id)
        self._refresh()

    def _refresh(self) -> None:
        present = self.present
        order = suggest_clients(self.group, self.sessions, [m.name for m in present])
        if self.client not in order:
            self.client = order[0] if order else None
        clients = self.query_one("#clients", ClientList)
        clients.set_options(Option(self._choice(m), id=m.id) for m in order)
        if self.client is not None:
            clients.highlighted = order.index(self.client)
        quorum, count, members = self.group.quorum, len(present), len(self.group.active())
        key = "quorum_below" if count < quorum else "quorum_met"
        said = self.t(key, present=count, members=members, quorum=quorum)
        away = [m.name for m in self.group.active() if m not in present]
        if away:  # in words: an unticked box differs from a ticked one only by its colour
            said += self.t("group_away", names=", ".join(away))
        line = self.query_one("#quorum", Static)
        line.update(literal(said))
        line.set_class(count < quorum, "-below")

    def _choice(self, member: Member) -> Text:
        """A line of the client list: picked or not, the name, how often client and when last."""
        times, last = self.turns[member.id]
        if last is None:
            said = self.t("never_client")
        else:
            months = self.t("short_months").split()
            date = format_date(last, months, self.t("short_date"))
            said = self.t.count("times_client", times, date=date)
        mark = "●" if member is self.client else "○"
        return Text.assemble(f"{mark} ", literal(member.name, "bold"), " · ", (said, "dim"))
