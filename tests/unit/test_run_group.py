"""`codev run --group` on bad input: one line on standard error, exit 2, nothing created and the
group file left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.cli.main import main
from codev_tui.core.group import change_group, create_group

G = "Codev Lyon"


@pytest.fixture
def group_file(data_dir: Path) -> Path:
    create_group(data_dir, G, ["Ana Roy", "Ben Sow", "Cleo Lam", "Dan Ito", "Eve Moe"])
    change_group(data_dir, G, lambda g: g.remove("Eve Moe", g.created))
    return next((data_dir / "groups").glob("*.toml"))


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--group", "Codev Paris"], "codev: no group named 'Codev Paris'"),
        (["--group", G, "--client", "Zoé"], "codev: 'Zoé' is not a member of the group"),
        (["--group", G, "--client", "Eve Moe"], "codev: 'Eve Moe' has left the group"),
        (["--group", G, "--absent", "Ana Roy,Zoé"], "codev: 'Zoé' is not a member"),
        (
            ["--group", G, "--client", "ana roy", "--absent", "Ana Roy"],
            "codev: the client 'Ana Roy' is said to be absent",
        ),
        (["--group", G, "--consultants", "A,B"], "codev: --consultants does not go with --group"),
        (["--absent", "Ana Roy"], "codev: --absent goes with --group"),
    ],
)
def test_a_bad_group_session_is_one_line_and_nothing_is_made(
    capsys: pytest.CaptureFixture[str], data_dir: Path, group_file: Path, argv: list[str], said: str
) -> None:
    before = group_file.read_bytes()
    assert main(["run", *argv]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(said), err
    assert group_file.read_bytes() == before
    assert not list(data_dir.glob("*.toml"))  # no session was made


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda t: t.replace("schema = 1", "schema = 7"), "made by a newer codev"),
        (lambda t: t.replace("[group]", "[group"), "not readable TOML"),
    ],
)
def test_a_damaged_or_newer_group_file_stops_the_run_in_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, group_file: Path, damage, said: str
) -> None:
    group_file.write_text(damage(group_file.read_text(encoding="utf-8")), encoding="utf-8")
    before = group_file.read_bytes()
    assert main(["run", "--group", G, "--client", "Ana Roy", "--topic", "x"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and said in err[0] and str(group_file) in err[0], err
    assert group_file.read_bytes() == before


def test_a_first_name_only_one_member_has_is_enough(data_dir: Path, group_file: Path) -> None:
    from codev_tui.core.cycle import group_session
    from codev_tui.core.group import load_group
    from codev_tui.core.script import load_bundled_script

    group = load_group(data_dir, G)
    made = group_session(group, [], load_bundled_script("classic"), client="ana", absent=["Dan"])
    assert made.roster.client == "Ana Roy"
    assert made.roster.consultants == ["Ben Sow", "Cleo Lam"]  # Dan away, Eve left


def test_a_first_name_two_members_have_asks_which(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    create_group(data_dir, "K", ["Ana Roy", "Ana Lopez", "Ben Sow"])
    assert main(["run", "--group", "K", "--client", "ana", "--topic", "x"]) == 2
    assert capsys.readouterr().err == "codev: 'ana': Ana Roy or Ana Lopez? give the whole name\n"
