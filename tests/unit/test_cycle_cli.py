"""`codev journal` and `codev review` on the command line: standard output, a private file
with `-o`, never over a file without `--force` nor over a session's or a group's file, and bad
inputs said in one line with exit status 2."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from codev_tui.cli.main import main
from codev_tui.core.group import groups_folder
from codev_tui.core.script import PhaseScript
from codev_tui.core.store import list_sessions
from tests.conftest import FakeWallClock
from tests.unit.cycle_kit import FACILITATOR, GROUP, MEMBERS, run_cycle


@pytest.fixture
def group(data_dir: Path, short_script: PhaseScript, wall: FakeWallClock) -> str:
    run_cycle(data_dir, short_script, wall)
    return GROUP


def one_error_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run `codev` expecting a user error: exit 2, one line on stderr, nothing on stdout."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


def test_journal_and_review_print_to_standard_output(
    group: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal", group, "--person", "ana roy"]) == 0
    journal = capsys.readouterr().out
    assert journal.startswith("# Learning log — Ana Roy")
    assert "Appeler la DRH" in journal
    assert main(["review", group, "--lang", "fr"]) == 0
    review = capsys.readouterr().out
    assert review.startswith(f"# Bilan de cycle — {GROUP}")
    assert "Ana Roy" in review and "Appeler la DRH" not in review


def test_review_anonymized_leaks_no_name(group: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", group, "--anonymize", "--with-topics"]) == 0
    text = capsys.readouterr().out
    names = {w for name in [*MEMBERS, FACILITATOR] for w in name.split()}
    assert [w for w in names if re.search(rf"\b{w}\b", text, re.IGNORECASE)] == []


@pytest.mark.parametrize(
    "argv",
    [["journal", GROUP, "--person", "Ben Sow"], ["review", GROUP]],
    ids=["journal", "review"],
)
def test_o_writes_a_private_file_and_never_overwrites_without_force(
    group: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    dest = tmp_path / "out.md"
    assert main([*argv, "-o", str(dest)]) == 0
    assert capsys.readouterr().out.strip() == str(dest)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    first = dest.read_text(encoding="utf-8")
    assert first.startswith("# ")
    dest.write_text("mine", encoding="utf-8")
    err = one_error_line(capsys, [*argv, "-o", str(dest)])
    assert "already exists" in err and "--force" in err
    assert dest.read_text(encoding="utf-8") == "mine"
    assert main([*argv, "-o", str(dest), "--force"]) == 0
    assert dest.read_text(encoding="utf-8") == first
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


def test_o_never_replaces_a_session_or_the_group_file(
    group: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = list_sessions(data_dir)[0]
    before = session.read_bytes()
    one_error_line(capsys, ["review", GROUP, "-o", str(session), "--force"])
    assert session.read_bytes() == before
    group_file = next(groups_folder(data_dir).glob("*.toml"))
    kept = group_file.read_bytes()
    err = one_error_line(capsys, ["review", GROUP, "-o", str(group_file), "--force"])
    assert "folder of groups" in err
    assert group_file.read_bytes() == kept
    beside = group_file.with_name("autre.toml")  # `group list` would read it as a group
    one_error_line(capsys, ["review", GROUP, "-o", str(beside)])
    assert not beside.exists()


def test_o_dash_is_standard_output(group: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", GROUP, "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Cycle review")


@pytest.mark.parametrize("command", [["review"], ["journal", "--person", "Ana Roy"]])
def test_an_unknown_group_is_one_line(
    group: str, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    err = one_error_line(capsys, [command[0], "Pas Ce Groupe", *command[1:]])
    assert "Pas Ce Groupe" in err


def test_an_unknown_person_is_one_line(group: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = one_error_line(capsys, ["journal", GROUP, "--person", "Zoé"])
    assert err == f"codev: Zoé: nobody of that name in group {GROUP}"


def test_a_first_name_only_one_member_has_is_enough(
    group: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal", GROUP, "--person", "ana"]) == 0
    assert capsys.readouterr().out.startswith("# Learning log — Ana Roy")


def test_a_person_removed_from_the_group_still_has_a_journal(
    group: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal", GROUP, "--person", "Dan Ito"]) == 0
    assert "prendre du recul" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [(b"[group]", b"[group", "not readable"), (b"schema = 1", b"schema = 99", "newer")],
    ids=["damaged", "newer"],
)
@pytest.mark.parametrize("command", [["review"], ["journal", "--person", "Ana Roy"]])
def test_a_damaged_or_newer_group_file_is_one_line_and_left_as_it_is(
    group: str,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    before: bytes,
    after: bytes,
    said: str,
) -> None:
    group_file = next(groups_folder(data_dir).glob("*.toml"))
    raw = group_file.read_bytes()
    assert before in raw
    group_file.write_bytes(raw.replace(before, after, 1))
    changed = group_file.read_bytes()
    err = one_error_line(capsys, [command[0], GROUP, *command[1:]])
    assert said in err
    assert group_file.read_bytes() == changed


def test_o_onto_a_folder_is_one_line(
    group: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = one_error_line(capsys, ["review", GROUP, "-o", f"{tmp_path}/"])
    assert "a folder" in err
