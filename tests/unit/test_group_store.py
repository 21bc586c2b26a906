"""The group on disk and its model: who is in it, ids that last, the charter, damaged files."""

from __future__ import annotations

import stat
from datetime import UTC
from pathlib import Path

import pytest

from codev_tui.core.group import (
    Group,
    GroupError,
    change_group,
    create_group,
    groups_folder,
    list_groups,
    load_group,
)
from tests.conftest import FakeWallClock

FIVE = ["Ana Roy", "Ben Sow", "Cleo Lam", "Dan Ito", "Eve Moe"]


def _said(exc: pytest.ExceptionInfo[GroupError], lang: str = "en") -> str:
    lines = exc.value.lines(lang)
    assert len(lines) == 1
    return lines[0]


def _make(data: Path, wall: FakeWallClock, name: str = "Jeudi", members=FIVE) -> Group:
    return create_group(data, name, list(members), facilitator="Fay Dia", now=wall)


def _file(data: Path) -> Path:
    (path,) = (data / "groups").glob("*.toml")
    return path


# -- making and reading a group ----------------------------------------------------------------


def test_a_new_group_is_a_private_file_read_back_as_written(
    data_dir: Path, wall: FakeWallClock
) -> None:
    made = create_group(
        data_dir,
        "  Groupe   du jeudi ",
        FIVE,
        facilitator="Fay Dia",
        sessions=6,
        every="4 weeks",
        now=wall,
    )
    path = data_dir / "groups" / "groupe-du-jeudi.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "groups").stat().st_mode) == 0o700
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# codev-tui group file")
    assert "\nschema = 1\n" in text
    loaded = load_group(data_dir, "GROUPE DU JEUDI")
    assert loaded == made
    assert loaded.name == "Groupe du jeudi"
    assert [(m.id, m.name) for m in loaded.members] == [(f"p{n}", x) for n, x in enumerate(FIVE, 1)]
    assert loaded.created == wall.now and loaded.created.tzinfo is not None
    assert loaded.created.utcoffset().total_seconds() == 0
    assert (loaded.facilitator, loaded.sessions, loaded.every) == ("Fay Dia", 6, "4 weeks")
    assert load_group(data_dir, made.id) == made


def test_groups_are_listed_by_name_whatever_their_file(data_dir: Path, wall: FakeWallClock) -> None:
    for name in ("mardi", "Jeudi", "Lundi"):
        _make(data_dir, wall, name)
    assert [g.name for g in list_groups(data_dir)] == ["Jeudi", "Lundi", "mardi"]
    assert list_groups(data_dir / "nowhere") == []


def test_a_group_name_is_taken_once_whatever_its_case(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall, "Élise et Cie")
    with pytest.raises(GroupError) as exc:
        _make(data_dir, wall, "ÉLISE ET CIE")
    assert _said(exc) == "a group named 'Élise et Cie' already exists (case does not matter)"
    assert len(list_groups(data_dir)) == 1


def test_two_names_of_one_slug_get_two_files(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall, "Groupe A!")
    _make(data_dir, wall, "groupe-a")
    _make(data_dir, wall, "日本")
    names = sorted(p.name for p in (data_dir / "groups").glob("*.toml"))
    assert names == ["group.toml", "groupe-a-2.toml", "groupe-a.toml"]
    assert load_group(data_dir, "groupe-a").name == "groupe-a"
    assert load_group(data_dir, "日本").name == "日本"


def test_an_unknown_group_is_named(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall)
    with pytest.raises(GroupError) as exc:
        load_group(data_dir, "Vendredi")
    assert _said(exc) == "no group named 'Vendredi' (see `codev group list`)"


def test_an_empty_group_name_and_negative_sessions_are_refused(data_dir: Path) -> None:
    with pytest.raises(GroupError, match="empty"):
        create_group(data_dir, "   ", FIVE)
    with pytest.raises(GroupError, match="0 or more"):
        create_group(data_dir, "Jeudi", FIVE, sessions=-1)
    assert not (data_dir / "groups").exists() or list_groups(data_dir) == []


# -- names: compared with Unicode case folding ---------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [("Élise", "élise"), ("Élise", "E\u0301LISE"), ("STRASSE", "straße"), ("Ana  Roy", "ana roy")],
)
def test_one_name_twice_in_a_new_group_is_refused(
    data_dir: Path, wall: FakeWallClock, first: str, second: str
) -> None:
    with pytest.raises(GroupError) as exc:
        create_group(data_dir, "Jeudi", [first, "Ben", second], now=wall)
    assert "is twice in the list of members" in _said(exc)
    assert list_groups(data_dir) == []


@pytest.mark.parametrize(("there", "again"), [("Élise", "ÉLISE"), ("straße", "STRASSE")])
def test_adding_a_name_already_there_is_refused(
    data_dir: Path, wall: FakeWallClock, there: str, again: str
) -> None:
    _make(data_dir, wall, members=[there, "Ben"])
    before = _file(data_dir).read_bytes()
    with pytest.raises(GroupError) as exc:
        change_group(data_dir, "Jeudi", lambda g: g.add(again, wall()), now=wall)
    assert _said(exc) == f"{there!r} is already in the group Jeudi"
    assert _file(data_dir).read_bytes() == before


def test_a_name_with_a_comma_or_nothing_is_refused(data_dir: Path, wall: FakeWallClock) -> None:
    with pytest.raises(GroupError, match="cannot hold a comma"):
        create_group(data_dir, "Jeudi", ["Roy, Ana"], now=wall)
    with pytest.raises(GroupError, match="name is empty"):
        create_group(data_dir, "Jeudi", ["Ana", " "], now=wall)


# -- members over the cycle: ids that last --------------------------------------------------------


def test_a_member_who_leaves_stays_and_their_id_is_never_given_again(
    data_dir: Path, wall: FakeWallClock
) -> None:
    _make(data_dir, wall)
    left_at = wall.advance(3600)
    change_group(data_dir, "Jeudi", lambda g: g.remove("eve moe", left_at), now=wall)
    group = change_group(data_dir, "Jeudi", lambda g: g.add("Fanny", wall()), now=wall)
    eve = group.find("Eve Moe")
    assert eve is not None and not eve.active and eve.left == left_at
    assert [m.name for m in group.active()] == [*FIVE[:4], "Fanny"]
    assert group.find("Fanny").id == "p6"  # type: ignore[union-attr]
    assert load_group(data_dir, "Jeudi") == group


def test_removing_someone_unknown_or_gone_is_refused(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall)
    change_group(data_dir, "Jeudi", lambda g: g.remove("Ben Sow", wall()), now=wall)
    before = _file(data_dir).read_bytes()
    with pytest.raises(GroupError) as exc:
        change_group(data_dir, "Jeudi", lambda g: g.remove("ben sow", wall()), now=wall)
    assert _said(exc) == "'Ben Sow' already left the group Jeudi"
    with pytest.raises(GroupError) as exc:
        change_group(data_dir, "Jeudi", lambda g: g.remove("Zoé", wall()), now=wall)
    assert _said(exc) == "Jeudi: no member named 'Zoé'"
    assert _file(data_dir).read_bytes() == before


def test_someone_who_left_comes_back_with_their_id(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall)
    change_group(data_dir, "Jeudi", lambda g: g.remove("Ben Sow", wall()), now=wall)
    group = change_group(data_dir, "Jeudi", lambda g: g.add("BEN SOW", wall()), now=wall)
    ben = group.find("ben sow")
    assert ben is not None and ben.active and (ben.id, ben.name) == ("p2", "Ben Sow")
    assert len(group.members) == 5


def test_a_renamed_member_keeps_their_id(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall)
    group = change_group(data_dir, "Jeudi", lambda g: g.rename("ana roy", "Ana Martin"), now=wall)
    assert group.find("Ana Martin").id == "p1"  # type: ignore[union-attr]
    assert group.find("Ana Roy") is None
    assert group.person_ids(["Ana Martin", "Ben Sow", "Zoé"]) == {
        "Ana Martin": "p1",
        "Ben Sow": "p2",
    }
    group = change_group(
        data_dir, "Jeudi", lambda g: g.rename("Ana Martin", "ANA MARTIN"), now=wall
    )
    assert group.find("ana martin").name == "ANA MARTIN"  # type: ignore[union-attr]


def test_a_rename_to_a_name_taken_even_by_someone_gone_is_refused(
    data_dir: Path, wall: FakeWallClock
) -> None:
    _make(data_dir, wall)
    change_group(data_dir, "Jeudi", lambda g: g.remove("Eve Moe", wall()), now=wall)
    before = _file(data_dir).read_bytes()
    for taken in ("ben sow", "EVE MOE"):
        with pytest.raises(GroupError, match="is already a member's, present or past"):
            change_group(data_dir, "Jeudi", lambda g, t=taken: g.rename("Ana Roy", t), now=wall)
    with pytest.raises(GroupError, match="no member named 'Zoé'"):
        change_group(data_dir, "Jeudi", lambda g: g.rename("Zoé", "Zora"), now=wall)
    assert _file(data_dir).read_bytes() == before


def test_a_change_that_fails_writes_nothing(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall)
    before = _file(data_dir).read_bytes()

    def half_done(group: Group) -> None:
        group.add("Fanny", wall())
        group.remove("Zoé", wall())

    with pytest.raises(GroupError):
        change_group(data_dir, "Jeudi", half_done, now=wall)
    assert _file(data_dir).read_bytes() == before
    assert [p.name for p in (data_dir / "groups").iterdir()] == [_file(data_dir).name]


def test_a_change_is_dated(data_dir: Path, wall: FakeWallClock) -> None:
    made = _make(data_dir, wall)
    assert made.changed is None
    later = wall.advance(60)
    group = change_group(data_dir, "Jeudi", lambda g: g.add("Fanny", wall()), now=wall)
    assert group.changed == later and group.changed.tzinfo is not None
    assert load_group(data_dir, "Jeudi").changed == later


def test_text_toml_cannot_hold_is_kept_exactly(data_dir: Path, wall: FakeWallClock) -> None:
    odd = "Ana \ud800 Roy"
    create_group(data_dir, "Jeudi", [odd], facilitator=odd, now=wall)
    group = load_group(data_dir, "Jeudi")
    assert group.members[0].name == odd and group.facilitator == odd


# -- the charter and the quorum ---------------------------------------------------------------


def test_the_quorum_is_half_the_present_members_rounded_up(
    data_dir: Path, wall: FakeWallClock
) -> None:
    group = _make(data_dir, wall)
    assert group.quorum == 3
    group.remove("Ana Roy", wall())
    assert group.quorum == 2


@pytest.mark.parametrize(
    "line", ["quorum: 4", "- Quorum : 4", "* QUORUM = 4 personnes", "Quorum\u00a0: 4"]
)
def test_the_charter_may_set_the_quorum(data_dir: Path, wall: FakeWallClock, line: str) -> None:
    group = _make(data_dir, wall)
    group.charter = f"Confidentialité\n{line}\nquorum: 2"
    assert group.quorum == 4
    assert group.quorum_from_charter


def test_the_charter_rules_are_its_lines_without_bullets_or_comments(
    data_dir: Path, wall: FakeWallClock
) -> None:
    group = _make(data_dir, wall)
    group.charter = (
        "# agreed at session 1\n\n- Confidentiality\n* On time  \n  Notice of absence\n-"
    )
    assert group.charter_rules() == ["Confidentiality", "On time", "Notice of absence", "-"]
    change_group(data_dir, "Jeudi", lambda g: setattr(g, "charter", group.charter), now=wall)
    assert load_group(data_dir, "Jeudi").charter == group.charter


# -- damaged files, and files of a newer codev ------------------------------------------------


def _written(data: Path, wall: FakeWallClock, change) -> tuple[Path, bytes]:
    """A group's file changed by `change(text) -> text`, and its bytes."""
    _make(data, wall)
    path = _file(data)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path, path.read_bytes()


DAMAGE = [
    (lambda t: t.replace("sessions = 0", 'sessions = "six"'), ":9: group.sessions: not a whole"),
    (lambda t: t.replace('name = "Ben Sow"', "name = 3"), ":20: members[2].name: missing, empty"),
    (lambda t: t.replace('id = "p3"', 'id = "x3"'), ":24: members[3].id: not a member's id"),
    (lambda t: t.replace('id = "p3"', 'id = "p2"'), ":24: members[3].id: twice in the group"),
    (lambda t: t.replace("created = ", "made = "), ": group.created: missing or not a date"),
    (lambda t: t.replace("[group]", "[grope]"), ": group: missing or not a table"),
    (lambda t: t.replace('charter = ""', 'charter = "'), ":11: not readable TOML (Illegal"),
    (lambda t: t.replace("schema = 1", "schema = 0"), ":2: schema: expected 1, this is not"),
]


@pytest.mark.parametrize(("damage", "said"), DAMAGE)
def test_a_damaged_file_is_named_with_its_line_and_field_and_never_written(
    data_dir: Path, wall: FakeWallClock, damage, said: str
) -> None:
    path, before = _written(data_dir, wall, damage)
    with pytest.raises(GroupError) as exc:
        load_group(data_dir, "Jeudi")
    line = _said(exc)
    assert line.startswith(str(path)) and said in line, line
    assert line.endswith("the file was left untouched")
    with pytest.raises(GroupError):
        change_group(data_dir, "Jeudi", lambda g: g.add("Fanny", wall()), now=wall)
    with pytest.raises(GroupError):
        _make(data_dir, wall)  # its file would be beside the damaged one: it may be that group
    assert path.read_bytes() == before
    assert list((data_dir / "groups").glob("*.toml")) == [path]
    (error,) = list_groups(data_dir)
    assert isinstance(error, GroupError) and error.lines("en") == [line]


def test_a_damaged_file_does_not_hide_the_other_groups(data_dir: Path, wall: FakeWallClock) -> None:
    _written(data_dir, wall, lambda t: t.replace("[group]", "[grope]"))
    _make(data_dir, wall, "Lundi")
    assert load_group(data_dir, "Lundi").name == "Lundi"
    listed = list_groups(data_dir)
    assert [type(x) for x in listed] == [GroupError, Group]  # by file name: jeudi, then lundi


def test_a_file_of_a_newer_codev_is_refused_and_never_written(
    data_dir: Path, wall: FakeWallClock
) -> None:
    path, before = _written(
        data_dir, wall, lambda t: t.replace("schema = 1", "schema = 2") + "\n[future]\nx = 1\n"
    )
    with pytest.raises(GroupError) as exc:
        change_group(data_dir, "Jeudi", lambda g: g.add("Fanny", wall()), now=wall)
    assert _said(exc) == (
        f"{path}: made by a newer codev: schema 2, please upgrade; the file was left untouched"
    )
    assert "codev plus récent" in _said(exc, "fr")
    assert path.read_bytes() == before


def test_a_file_that_is_not_text_is_named(data_dir: Path, wall: FakeWallClock) -> None:
    _make(data_dir, wall)
    path = _file(data_dir)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(GroupError, match="not valid UTF-8 text"):
        load_group(data_dir, "Jeudi")


def test_the_groups_folder_is_made_private(data_dir: Path) -> None:
    folder = groups_folder(data_dir)
    assert folder == data_dir / "groups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.chmod(0o755)
    groups_folder(data_dir)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_times_are_aware_utc(data_dir: Path, wall: FakeWallClock) -> None:
    group = _make(data_dir, wall)
    assert all(m.joined.tzinfo is not None for m in group.members)
    assert load_group(data_dir, "Jeudi").members[0].joined.tzinfo == UTC
