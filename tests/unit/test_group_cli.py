"""`codev group` as a facilitator types it: each action, its words in both languages, and its
mistakes said in one line with exit status 2, the group file left as it was."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from codev_tui.cli.main import main
from codev_tui.core.group import load_group

G = "Essai Groupe"
FIVE = "Ana Roy,Ben Sow,Cleo Lam,Dan Ito,Eve Moe"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def _new(capsys: pytest.CaptureFixture[str], *more: str) -> None:
    status, _, err = _run(capsys, "group", "new", G, "--members", FIVE, *more)
    assert status == 0, err


def _file(data_dir: Path) -> Path:
    (path,) = (data_dir / "groups").glob("*.toml")
    return path


def _refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line a refused command says (exit status 2, no traceback)."""
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == []
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(("codev: ", "codev : ")), err
    assert "Traceback" not in err
    return lines[0]


# -- the actions --------------------------------------------------------------------------------


def test_new_then_show_lists_the_members_the_plan_and_the_quorum(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, _ = _run(
        capsys,
        "group",
        "new",
        G,
        "--members",
        FIVE,
        "--facilitator",
        "Fay Dia",
        "--sessions",
        "6",
        "--every",
        "4 weeks",
    )
    assert status == 0
    assert out == [f"group {G} made: 5 members (p1, p2, p3, p4, p5)"]
    status, out, _ = _run(capsys, "group", "show", "essai GROUPE")
    assert status == 0
    assert out == [
        f"Group: {G}",
        "Facilitator: Fay Dia",
        "Members (5):",
        "  p1  Ana Roy",
        "  p2  Ben Sow",
        "  p3  Cleo Lam",
        "  p4  Dan Ito",
        "  p5  Eve Moe",
        "Sessions planned: 6",
        "Rhythm: 4 weeks",
        "Quorum: 3 (half the members, rounded up)",
        f'Charter: none yet (codev group charter "{G}")',
        "Sessions: 0 held of 6 planned",
        "Next clients suggested: Ana Roy, Ben Sow, Cleo Lam",
        "Open actions (reviewed at the next session): 0",
    ]
    assert stat.S_IMODE(_file(data_dir).stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "groups").stat().st_mode) == 0o700


def test_list_gives_one_line_per_group(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "group", "list")
    assert status == 0 and len(out) == 1 and out[0].startswith("no group yet in ")
    _new(capsys, "--sessions", "1")
    _run(capsys, "group", "new", "Atelier", "--members", "Zoé", "--every", "monthly")
    status, out, _ = _run(capsys, "group", "list")
    assert out == ["Atelier · 1 member · monthly", f"{G} · 5 members · 1 session planned"]


def test_add_remove_and_rename_keep_each_person_s_id(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _new(capsys)
    assert _run(capsys, "group", "add", G, "Fanny Ko")[1] == [
        f"{G}: Fanny Ko is now in the group (p6)"
    ]
    assert _run(capsys, "group", "remove", G, "ben sow")[1] == [
        f"{G}: Ben Sow leaves the group; their history is kept (p2)"
    ]
    assert _run(capsys, "group", "rename", G, "ana roy", "Ana Martin")[1] == [
        f"{G}: Ana Roy is now Ana Martin (p1); their history follows"
    ]
    status, out, _ = _run(capsys, "group", "show", G)
    assert "  p1  Ana Martin" in out
    assert any(line.startswith("  p2  Ben Sow (left the group on ") for line in out)
    assert "Members (5):" in out and "Quorum: 3 (half the members, rounded up)" in out
    group = load_group(data_dir, G)
    assert group.person_ids(["Ana Martin", "Ben Sow", "Fanny Ko"]) == {
        "Ana Martin": "p1",
        "Ben Sow": "p2",
        "Fanny Ko": "p6",
    }


def test_a_person_who_left_and_is_added_again_is_back_with_their_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _new(capsys)
    _run(capsys, "group", "remove", G, "Ben Sow")
    assert _run(capsys, "group", "add", G, "BEN SOW")[1] == [
        f"{G}: Ben Sow is back in the group, with their id p2 and their history"
    ]
    assert "  p2  Ben Sow" in _run(capsys, "group", "show", G)[1]


def test_french_speaks_french_typography(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys, "--lang", "fr", "group", "new", G, "--members", "Élise,Bruno", "--sessions", "1"
    )
    assert out == [f"groupe {G} créé : 2 membres (p1, p2)"]
    status, out, _ = _run(capsys, "group", "show", G, "--lang", "fr")
    assert out[:4] == [f"Groupe : {G}", "Membres (2) :", "  p1  Élise", "  p2  Bruno"]
    assert "Séances prévues : 1" in out
    assert "Quorum : 1 (la moitié des membres, arrondie au-dessus)" in out
    line = _refused(capsys, "--lang", "fr", "group", "add", G, "ÉLISE")
    assert line == f"codev : 'Élise' fait déjà partie du groupe {G}"


# -- the charter --------------------------------------------------------------------------------


def test_charter_from_a_file_sets_the_rules_and_the_quorum(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _new(capsys)
    source = tmp_path / "charte.txt"
    source.write_text(
        "# agreed at session 1\r\n- Confidentiality\r\n* On time\r\n\r\nQuorum : 4\r\n",
        encoding="utf-8",
    )
    status, out, _ = _run(capsys, "group", "charter", G, "--from", str(source))
    assert (status, out) == (0, [f"{G}: charter saved, 2 rules; quorum: 4"])
    out = _run(capsys, "group", "show", G)[1][:-3]  # the cycle's lines follow
    assert out[-4:] == [  # the quorum's line is no rule shown with the others
        "Quorum: 4 (set by the charter)",
        "Charter:",
        "  - Confidentiality",
        "  - On time",
    ]
    status, out, _ = _run(capsys, "group", "charter", G.upper(), "--from", str(source))
    assert (status, out) == (0, [f"{G}: the charter is the same, nothing changed"])


def _editor(tmp_path: Path, body: str) -> str:
    """A small editor script: `body` runs with the file to edit as $1; it also records the
    file's mode and what it held."""
    script = tmp_path / "editor.sh"
    seen = tmp_path / "seen"
    script.write_text(
        f'#!/bin/sh\nstat -c %a "$1" > {seen}.mode\ncp "$1" {seen}.text\n{body}\n',
        encoding="utf-8",
    )
    script.chmod(0o700)
    return str(script)


def test_charter_opens_the_editor_on_a_private_file_removed_after(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _new(capsys)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv(
        "EDITOR", _editor(tmp_path, 'printf "Confidentiality\\nquorum = 2\\n" >> "$1"')
    )
    status, out, err = _run(capsys, "group", "charter", G)
    assert (status, out) == (0, [f"{G}: charter saved, 1 rule; quorum: 2"]), err
    assert (tmp_path / "seen.mode").read_text().strip() == "600"
    assert "one rule per line" in (tmp_path / "seen.text").read_text()  # the help, when empty
    assert load_group(data_dir, G).charter == "Confidentiality\nquorum = 2"  # the help left out
    assert sorted(p.name for p in (data_dir / "groups").iterdir()) == [_file(data_dir).name]
    # The second time, the editor gets the charter as it is; $VISUAL comes before $EDITOR.
    monkeypatch.setenv("VISUAL", _editor(tmp_path, 'echo "On time" >> "$1"'))
    monkeypatch.setenv("EDITOR", "false")
    assert _run(capsys, "group", "charter", G)[0] == 0
    assert (tmp_path / "seen.text").read_text() == "Confidentiality\nquorum = 2\n"
    assert load_group(data_dir, G).charter == "Confidentiality\nquorum = 2\nOn time"


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("exit 3", "the editor {editor!r} failed (exit status 3); the charter was not changed"),
        (': > "$1"', "the text is empty: the charter was not changed"),
    ],
)
def test_an_editor_that_fails_or_leaves_nothing_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    said: str,
) -> None:
    _new(capsys)
    before = _file(data_dir).read_bytes()
    editor = _editor(tmp_path, body)
    monkeypatch.setenv("VISUAL", editor)
    assert _refused(capsys, "group", "charter", G) == "codev: " + said.format(editor=editor)
    assert _file(data_dir).read_bytes() == before
    assert [p.name for p in (data_dir / "groups").iterdir()] == [_file(data_dir).name]


def test_an_editor_that_cannot_start_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new(capsys)
    before = _file(data_dir).read_bytes()
    monkeypatch.setenv("VISUAL", "/nowhere/editor --wait")
    line = _refused(capsys, "group", "charter", G)
    assert line.startswith("codev: cannot start the editor '/nowhere/editor --wait' (")
    assert _file(data_dir).read_bytes() == before


def test_a_charter_file_that_is_not_text_or_not_there_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    _new(capsys)
    before = _file(data_dir).read_bytes()
    binary = tmp_path / "charter.bin"
    binary.write_bytes(b"\xff\xfe rules")
    assert "not UTF-8 text" in _refused(capsys, "group", "charter", G, "--from", str(binary))
    missing = tmp_path / "nothing.txt"
    assert str(missing) in _refused(capsys, "group", "charter", G, "--from", str(missing))
    assert _file(data_dir).read_bytes() == before


# -- mistakes: one line, exit status 2, nothing lost ----------------------------------------------


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["show", "Nope"], "no group named 'Nope' (see `codev group list`)"),
        (["add", "Nope", "Zoé"], "no group named 'Nope' (see `codev group list`)"),
        (["add", G, "cleo lam"], f"'Cleo Lam' is already in the group {G}"),
        (["add", G, "Roy, Ana"], "'Roy, Ana': a name cannot hold a comma (it separates"),
        (["remove", G, "Zoé"], f"{G}: no member named 'Zoé'"),
        (["rename", G, "Ana Roy", "BEN SOW"], f"{G}: the name 'Ben Sow' is already a member's"),
        (["new", "ESSAI groupe", "--members", "Zoé"], f"a group named '{G}' already exists"),
        (["new", "Autre", "--members", "Élise,ÉLISE"], "'ÉLISE' is twice in the list of members"),
        (["new", "Autre", "--members", "STRASSE,straße"], "'straße' is twice in the list"),
        (["new", "Autre", "--members", "A", "--sessions", "-2"], "-2 sessions planned: expected"),
    ],
)
def test_each_mistake_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: list[str], said: str
) -> None:
    _new(capsys)
    before = _file(data_dir).read_bytes()
    assert _refused(capsys, "group", *argv).startswith("codev: " + said)
    assert _file(data_dir).read_bytes() == before


def test_a_member_removed_twice_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _new(capsys)
    _run(capsys, "group", "remove", G, "Eve Moe")
    before = _file(data_dir).read_bytes()
    line = _refused(capsys, "group", "remove", G, "eve moe")
    assert line == f"codev: 'Eve Moe' already left the group {G}"
    assert _file(data_dir).read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda t: t.replace("sessions = 0", "sessions = -1"), ":9: group.sessions: not a whole"),
        (lambda t: t.replace("schema = 1", "schema = 7"), ": made by a newer codev: schema 7"),
        (lambda t: t.replace("[group]", "[group"), ":4: not readable TOML"),
    ],
)
@pytest.mark.parametrize(
    "argv",
    [
        ["show", G],
        ["add", G, "Zoé"],
        ["remove", G, "Ana Roy"],
        ["rename", G, "Ana Roy", "Ana Martin"],
        ["charter", G, "--from", "/dev/null"],
        ["new", G, "--members", "Zoé"],
    ],
)
def test_a_damaged_or_newer_group_file_is_named_and_left_as_it_is(
    capsys: pytest.CaptureFixture[str], data_dir: Path, damage, said: str, argv: list[str]
) -> None:
    _new(capsys)
    path = _file(data_dir)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = path.read_bytes()
    line = _refused(capsys, "group", *argv)
    assert line.startswith(f"codev: {path}") and said in line, line
    assert line.endswith("the file was left untouched")
    assert path.read_bytes() == before
    assert list((data_dir / "groups").glob("*.toml")) == [path]
    status, out, _ = _run(capsys, "group", "list")
    assert status == 0 and out == [f"(unreadable: {line.removeprefix('codev: ')})"]


def test_a_group_being_changed_elsewhere_is_said_and_left_alone(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from codev_tui.core.store.lock import acquire_lock, release_lock

    _new(capsys)
    path = _file(data_dir)
    before = path.read_bytes()
    held = acquire_lock(path)
    try:
        line = _refused(capsys, "group", "add", G, "Zoé")
    finally:
        release_lock(held, path)
    assert line.startswith(f"codev: {path.name} is already open in another codev")
    assert path.read_bytes() == before
    assert _run(capsys, "group", "add", G, "Zoé")[0] == 0


def test_group_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["group"])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_no_temporary_or_lock_file_is_left(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _new(capsys)
    _run(capsys, "group", "add", G, "Zoé")
    assert sorted(os.listdir(data_dir / "groups")) == ["essai-groupe.toml"]
    assert sorted(os.listdir(data_dir)) == ["groups"]


def test_group_commands_never_load_textual(capsys: pytest.CaptureFixture[str]) -> None:
    _new(capsys)
    code = (
        "import sys\n"
        "from codev_tui.cli.main import main\n"
        f"status = main(['group', 'show', {G!r}])\n"
        "sys.exit(status or ('textual' in sys.modules) * 3)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def test_the_help_of_codev_names_group_and_that_of_group_its_actions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "--help"])
    assert "les groupes et leur cycle" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["group", "--help"])
    out = capsys.readouterr().out
    for action in ("new", "list", "show", "add", "remove", "rename", "charter"):
        assert f"\n    {action} " in out, action


def test_a_group_without_members_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    line = _refused(capsys, "group", "new", "Vide", "--members", " , ")
    assert line == 'codev: the group Vide has no members: --members "A,B,C"'
    assert not (data_dir / "groups").exists() or not list((data_dir / "groups").glob("*.toml"))


@pytest.mark.parametrize(
    ("charter", "said"),
    [
        ("Confidentiality\nquorum: deux\n", "charter: “quorum: deux” says no quorum; write"),
        ("quorum: 3\nQuorum = 4\n", "charter: two quorums (“quorum: 3”, “Quorum = 4”)"),
        ("quorum: 9\n", "charter: a quorum of 9 for 5 members"),
    ],
)
def test_a_charter_whose_quorum_says_nothing_usable_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, charter: str, said: str
) -> None:
    _new(capsys)
    before = _file(data_dir).read_bytes()
    source = tmp_path / "charte.txt"
    source.write_text(charter, encoding="utf-8")
    assert _refused(capsys, "group", "charter", G, "--from", str(source)).startswith(
        f"codev: {said}"
    )
    assert _file(data_dir).read_bytes() == before
