"""The setup screen with a group: its members ticked present, whose turn it is to be client, the
quorum warned about (never refused), and the session created as the group's next one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, SelectionList, Static

from codev_tui import locations
from codev_tui.core.cycle import RETOUR_ID, create_group_session
from codev_tui.core.group import Group, change_group, create_group, list_groups
from codev_tui.core.script import load_script
from codev_tui.core.session import Roster
from codev_tui.core.store import read_session
from codev_tui.ui.app import CodevApp, SetupRequest
from codev_tui.ui.screens.dialogs import ConfirmScreen
from codev_tui.ui.screens.facilitation import FacilitationScreen
from codev_tui.ui.screens.setup import SetupScreen
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.functional.conftest import FakeTime, settle, text_of
from tests.unit.desk import SYNTHESIS, Desk

MEMBERS = ["Ana Roy", "Ben Sow", "Cleo Lam", "Dan Ito", "Eve Moe"]


def _group(folder: Path, charter: str = "") -> Group:
    """A group of five facilitated by Fanny, with that charter."""
    create_group(folder, "Codev Lyon", MEMBERS, facilitator="Fanny")
    return change_group(folder, "Codev Lyon", lambda g: setattr(g, "charter", charter))


def _app(
    folder: Path,
    fake_time: FakeTime,
    roster: Roster | None = None,
    absent: tuple[str, ...] = (),
    choose: bool = False,
) -> CodevApp:
    """The app on its setup screen, the data folder's groups to choose from (`absent` and
    `choose` as `codev run --group G --absent … --choose` without a client gives them)."""
    groups = list_groups(folder)
    scripts = locations.bundled_scripts()
    roster = roster or Roster()
    setup = SetupRequest(folder, scripts, "classic", roster, {}, groups, absent, choose)
    return CodevApp(setup=setup, clock=fake_time.monotonic, wall=fake_time.wall, retry_every=0.05)


def _clients(screen: SetupScreen) -> list[str]:
    """The client list as shown, one line per present member."""
    clients = screen.query_one("#clients", OptionList)
    return [str(clients.get_option_at_index(i).prompt) for i in range(clients.option_count)]


def _previous(folder: Path, group: Group, client: str, *actions: str, day: int = 0) -> None:
    """A past session of the group (on the test script, `day` days after 29 November) with
    that client and planned actions."""
    script = load_script(Path(__file__).parents[1] / "fixtures" / "short.toml")
    wall = FakeWallClock()
    wall.advance(day * 86400)
    file = create_group_session(folder, group, script, client=client, topic="Avant", now=wall)
    desk = Desk(file, wall, FakeMonotonic())
    desk.control.go_to(SYNTHESIS)
    for action in actions:
        desk.control.capture(action)
    desk.control.end()
    desk.control.file.close()


async def test_choose_a_group_tick_who_is_present_and_start_below_the_quorum(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    group = _group(tmp_path, "- Confidentialité\n- quorum: 4")
    app = _app(tmp_path, fake_time)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert screen.query_one("#group-choice").has_focus  # the first thing to choose
        await pilot.press("enter", "down", "enter")  # the list of groups: none, Codev Lyon
        await pilot.pause()
        assert screen.query_one("#facilitator", Input).value == "Fanny"
        assert not screen.query_one("#client", Input).display  # the roster is the group's
        assert _clients(screen)[0] == "● Ana Roy · jamais client"
        await pilot.press("tab")
        assert screen.query_one("#present", SelectionList).has_focus
        await pilot.press("down", "space", "down", "enter")  # Ben and Cleo are away
        await pilot.pause()
        assert [c.split(" · ")[0] for c in _clients(screen)] == [
            "● Ana Roy",
            "○ Dan Ito",
            "○ Eve Moe",
        ]
        quorum = text_of(screen.query_one("#quorum", Static))
        assert (
            quorum
            == "⚠ Présents : 3 sur 5, en dessous du quorum (4) · absences : Ben Sow, Cleo Lam"
        )
        await pilot.press("tab", "down", "down", "space")  # Eve is the client
        assert _clients(screen)[2].startswith("● Eve Moe")
        screen.query_one("#topic", Input).value = "Dire non"
        await pilot.press("f5")
        assert isinstance(app.screen, ConfirmScreen)  # a warning, not a refusal
        said = " ".join(text_of(w) for w in app.screen.query(Static))
        assert "En dessous du quorum Présents : 3 ; le quorum du groupe est de 4." in said
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("shift+tab")  # back from the client list to who is present
        assert screen.query_one("#present", SelectionList).has_focus
        await pilot.press("enter")  # Cleo comes after all
        await pilot.pause()
        assert "Présents : 4 sur 5 · quorum 4" in text_of(screen.query_one("#quorum", Static))
        await pilot.press("f5")  # at the quorum: no question
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    s = read_session(app.file.path)
    assert s.group_id == group.id
    assert (s.roster.client, s.roster.topic, s.roster.group) == (
        "Eve Moe",
        "Dire non",
        "Codev Lyon",
    )
    assert s.roster.consultants == ["Ana Roy", "Cleo Lam", "Dan Ito"]  # without Ben, away
    assert s.roster.facilitator == "Fanny"
    assert s.people == {"Eve Moe": "p5", "Ana Roy": "p1", "Cleo Lam": "p3", "Dan Ito": "p4"}


async def test_below_the_quorum_enter_starts_anyway(tmp_path: Path, fake_time: FakeTime) -> None:
    _group(tmp_path)  # 5 members: the quorum is 3
    app = _app(tmp_path, fake_time, Roster(group="codev lyon", topic="Dire non"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert screen.query_one("#present", SelectionList).display  # named: chosen already
        present = screen.query_one("#present", SelectionList)
        for member in ("p1", "p2", "p3"):
            present.deselect(member)
        await pilot.pause()
        screen.query_one("#topic", Input).focus()
        await pilot.press("enter")  # to the facilitator: the last field shown
        assert screen.query_one("#facilitator", Input).has_focus
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    s = read_session(app.file.path)
    assert (s.roster.client, s.roster.consultants) == ("Dan Ito", ["Eve Moe"])


async def test_the_suggestions_put_who_was_never_client_first(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    group = _group(tmp_path)
    _previous(tmp_path, group, "Ben Sow")
    _previous(tmp_path, group, "Ana Roy", day=7)
    app = _app(tmp_path, fake_time, Roster(group="Codev Lyon"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert _clients(app.screen) == [
            "● Cleo Lam · jamais client",
            "○ Dan Ito · jamais client",
            "○ Eve Moe · jamais client",
            "○ Ben Sow · client 1 fois · 29 nov.",  # the longest ago first
            "○ Ana Roy · client 1 fois · 6 déc.",
        ]


async def test_a_previous_plan_opens_the_session_with_the_retour(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    group = _group(tmp_path)
    _previous(tmp_path, group, "Ana Roy", "Appeler la DRH / Ana Roy / 15/12")
    app = _app(tmp_path, fake_time, Roster(group="Codev Lyon", topic="Suite"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    s = read_session(app.file.path)
    assert s.phase.id == RETOUR_ID
    assert [(i.n, i.what, i.who) for i in s.review_items] == [(1, "Appeler la DRH", "Ana Roy")]
    assert s.roster.client == "Ben Sow"  # the first suggested: Ana was client last time


async def test_a_session_not_created_keeps_the_form_as_it_was(
    tmp_path: Path, fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codev_tui.core import cycle
    from codev_tui.core.store.errors import save_error

    def full(*args: object, **kwargs: object) -> None:
        raise save_error("store.cannot_read", path="x.toml", reason="disque plein")

    monkeypatch.setattr(cycle, "create_session", full)
    _group(tmp_path)
    app = _app(tmp_path, fake_time, Roster(group="Codev Lyon", topic="Dire non"))
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.query_one("#present", SelectionList).deselect("p2")
        await pilot.pause()
        await pilot.press("tab", "tab", "down", "space", "f5")  # Ben away, Cleo the client
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert "disque plein" in text_of(screen.query_one("#setup-error", Static))
        assert screen.query_one("#present", SelectionList).selected == ["p1", "p3", "p4", "p5"]
        assert _clients(screen)[1].startswith("● Cleo Lam")
        assert screen.query_one("#topic", Input).value == "Dire non"


async def test_no_group_chosen_is_the_form_as_before(tmp_path: Path, fake_time: FakeTime) -> None:
    _group(tmp_path)
    app = _app(tmp_path, fake_time)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        await pilot.press("tab")  # "none" stays chosen: the topic comes next
        assert screen.query_one("#topic", Input).has_focus
        await pilot.press(*"Dire non", "enter", *"Ana", "enter", *"Bo, Cy", "f5")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
    s = read_session(app.file.path)
    assert (s.group_id, s.roster.client, s.roster.consultants) == ("", "Ana", ["Bo", "Cy"])


async def test_a_damaged_group_file_is_said_on_the_form(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    _group(tmp_path)
    (tmp_path / "groups" / "autre.toml").write_text("schema = [", encoding="utf-8")
    app = _app(tmp_path, fake_time)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        said = [text_of(w) for w in app.screen.query(".group-unreadable")]
        assert len(said) == 1 and "autre.toml" in said[0]


SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("terminal_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_snapshot_setup_with_a_group(snap_compare, tmp_path, fake_time, terminal_size) -> None:  # type: ignore[no-untyped-def]
    group = _group(tmp_path, "quorum: 4")
    _previous(tmp_path, group, "Ana Roy")
    app = _app(tmp_path, fake_time, Roster(group="Codev Lyon"))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press("tab", "down", "down", "space")  # Cleo is away
        await pilot.pause()

    assert snap_compare(app, terminal_size=terminal_size, run_before=run_before)


async def test_the_command_lines_absent_and_choose_are_kept_by_the_setup_screen(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    _group(tmp_path)
    roster = Roster(group="Codev Lyon", topic="x")
    app = _app(tmp_path, fake_time, roster, absent=("Ben Sow",), choose=True)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert screen.query_one("#present", SelectionList).selected == ["p1", "p3", "p4", "p5"]
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, FacilitationScreen)
        session = read_session(app.file.path)
    assert session.script.phases[0].kind == "subject"  # --choose: the subject chosen first
    assert "Ben Sow" not in session.roster.names()


async def test_names_with_brackets_show_as_typed(tmp_path: Path, fake_time: FakeTime) -> None:
    create_group(tmp_path, "[b]Codev[/b]", ["[red]Ana", "Ben [Paris]", "Cleo"])
    app = _app(tmp_path, fake_time, Roster(group="[b]Codev[/b]"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        present = screen.query_one("#present", SelectionList)
        shown = [str(present.get_option_at_index(i).prompt) for i in range(3)]
        assert shown == ["[red]Ana", "Ben [Paris]", "Cleo"]
        assert _clients(screen)[0] == "● [red]Ana · jamais client"
        label = screen.query_one("#group-choice").query_one("SelectCurrent #label", Static)
        assert text_of(label) == "[b]Codev[/b]"
