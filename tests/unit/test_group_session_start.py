"""Starting a group's next session from the data folder: its roster, its link to the group, the
retour of the previous plan, another facilitator for once."""

from __future__ import annotations

from pathlib import Path

from codev_tui.core.cycle import RETOUR_ID, create_group_session
from codev_tui.core.group import create_group
from codev_tui.core.script import PhaseScript
from codev_tui.core.store import read_session
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.unit.desk import SYNTHESIS, Desk


def test_the_next_session_is_made_from_the_group_and_its_previous_one(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    group = create_group(tmp_path, "Codev Lyon", ["Ana", "Bruno", "Chloé"], facilitator="Fanny")
    first = create_group_session(
        tmp_path, group, short_script, client="ana", topic="Dire non", absent=["Chloé"], now=wall
    )
    assert (first.session.roster.client, first.session.roster.consultants) == ("Ana", ["Bruno"])
    assert first.session.people == {"Ana": "p1", "Bruno": "p2"}
    desk = Desk(first, wall, FakeMonotonic())
    desk.control.go_to(SYNTHESIS)
    desk.control.capture("Appeler la DRH / Ana")
    desk.control.end()
    first.close()
    wall.advance(86400 * 28)
    second = create_group_session(
        tmp_path, group, short_script, client="Bruno", facilitator="Chloé", now=wall
    )
    s = read_session(second.path)
    assert s.script.phases[0].id == RETOUR_ID
    assert [(i.n, i.what) for i in s.review_items] == [(1, "Appeler la DRH")]
    assert s.roster.facilitator == "Chloé"  # facilitating for once: named, with her id
    assert s.people["Chloé"] == "p3"
    second.close()
