"""Starting a session: creating its file, and remembering the rosters of past sessions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import tomli_w

from codev_tui.core.script import PhaseScript, ScriptError
from codev_tui.core.session import Roster
from codev_tui.core.sessions import (
    PastRosters,
    create_session,
    past_rosters,
    script_choices,
    script_for,
)
from codev_tui.core.store import read_session
from tests.conftest import SMALL_SCRIPT, FakeWallClock


def made(folder: Path, script: PhaseScript, roster: Roster, wall: FakeWallClock) -> Path:
    """A session file, its time an hour after the previous one's (newest listed first)."""
    wall.advance(3600)
    with create_session(folder, script, roster, now=wall) as file:
        path = file.path
    stamp = wall.now.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_a_real_session_is_no_rehearsal(data_dir, script, roster, wall) -> None:
    with create_session(data_dir, script, roster, now=wall) as file:
        path = file.path
    session = read_session(path)
    assert path.parent == data_dir.resolve()
    assert session.roster == roster
    assert not session.practice and session.speed == 1.0
    assert session.lang == "fr"  # the script's


def test_a_rehearsal_keeps_its_speed_and_role(data_dir, script, roster, wall) -> None:
    with create_session(
        data_dir, script, roster, lang="en", practice=10, practice_role="client", now=wall
    ) as file:
        path = file.path
    session = read_session(path)
    assert session.practice and session.speed == 10.0
    assert session.practice_role == "client"
    assert session.lang == "en"


def test_created_from_a_script_file(tmp_path, data_dir, roster, wall) -> None:
    script_path = tmp_path / "mine.toml"
    script_path.write_text(tomli_w.dumps(SMALL_SCRIPT), encoding="utf-8")
    with create_session(data_dir, script_for(script_path), roster, now=wall) as file:
        path = file.path
    assert [p.id for p in read_session(path).script.phases] == ["expose", "questions", "plan"]
    chosen = script_for(script_path, choose=True)
    assert [p.id for p in chosen.phases][:2] == ["choix", "expose"]


def test_a_broken_script_file_creates_nothing(tmp_path, data_dir, roster, wall) -> None:
    script_path = tmp_path / "broken.toml"
    script_path.write_text("[script\n", encoding="utf-8")
    with pytest.raises(ScriptError):
        create_session(data_dir, script_for(script_path), roster, now=wall)
    assert not data_dir.exists() or not list(data_dir.iterdir())


def test_script_choices_name_each_script_or_its_broken_key(tmp_path) -> None:
    good, broken = tmp_path / "good.toml", tmp_path / "broken.toml"
    good.write_text(tomli_w.dumps(SMALL_SCRIPT), encoding="utf-8")
    broken.write_text("not toml [", encoding="utf-8")
    choices = script_choices({"good": good, "broken": broken})
    assert choices == [("Test — trois phases (good)", "good"), ("broken", "broken")]


def test_no_past_session_remembers_nobody(data_dir) -> None:
    assert past_rosters(data_dir) == PastRosters(None, {})


def test_the_latest_roster_and_each_groups_latest(data_dir, script, wall) -> None:
    old_lyon = Roster(topic="a", group="Lyon", facilitator="Fanny", consultants=["Ana"])
    paris = Roster(topic="b", group="Paris", consultants=["Bo"])
    lyon = Roster(topic="c", group="Lyon", facilitator="Gus", consultants=["Ana", "Cy"])
    no_group = Roster(topic="d", consultants=["Dee"])
    for roster in (old_lyon, paris, lyon, no_group):
        made(data_dir, script, roster, wall)
    latest, by_group = past_rosters(data_dir)
    assert latest == no_group
    assert by_group == {"Lyon": lyon, "Paris": paris}


def test_only_the_recent_sessions_are_read(data_dir, script, wall) -> None:
    made(data_dir, script, Roster(topic="old", group="Old"), wall)
    made(data_dir, script, Roster(topic="new", group="New"), wall)
    assert list(past_rosters(data_dir, recent=1).by_group) == ["New"]


def test_an_unreadable_session_is_skipped(data_dir, script, roster, wall) -> None:
    made(data_dir, script, roster, wall)
    made(data_dir, script, Roster(topic="broken", group="Other"), wall).write_bytes(b"junk")
    assert past_rosters(data_dir) == PastRosters(roster, {roster.group: roster})


def test_prefill_brings_back_the_latest_group(roster) -> None:
    past = PastRosters(roster, {roster.group: roster})
    typed = Roster(topic="Dire non", client="Ana")
    assert past.prefill(typed) == Roster(
        topic="Dire non",
        client="Ana",
        group=roster.group,
        facilitator=roster.facilitator,
        consultants=roster.consultants,
    )
    # A facilitator given on the command line is kept.
    assert past.prefill(Roster(facilitator="Gus")).facilitator == "Gus"


def test_prefill_keeps_a_roster_that_names_a_group_or_consultants(roster) -> None:
    past = PastRosters(roster, {})
    for given in (Roster(group="Lyon"), Roster(consultants=["Bo"])):
        assert past.prefill(given) == given
    assert PastRosters(None, {}).prefill(Roster(topic="x")) == Roster(topic="x")
