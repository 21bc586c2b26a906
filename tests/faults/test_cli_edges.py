"""The command line at the edges of the system: a name the file system refuses, a closed
standard output, a terminal that is not UTF-8, a script path that is not a file. One line and
exit 2, never a traceback; nothing a terminal could take for a control sequence."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from codev_tui.cli import main
from tests.faults.test_terminal_output import session

LONG = "a" * 300
"""A file name longer than any file system takes (255 bytes)."""

Capsys = pytest.CaptureFixture[str]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(lambda tmp: ["agenda", "--script", str(tmp / f"{LONG}.toml")], id="agenda"),
        pytest.param(lambda tmp: ["check", str(tmp / f"{LONG}.toml")], id="check"),
        pytest.param(lambda tmp: ["export", LONG], id="export-name"),
        pytest.param(lambda tmp: ["export", str(tmp / f"{LONG}.toml")], id="export-path"),
        pytest.param(lambda tmp: ["export", "-o", str(tmp / f"{LONG}.md")], id="export-o"),
    ],
)
def test_a_name_the_file_system_refuses_is_one_line(tmp_path: Path, capsys: Capsys, args) -> None:  # type: ignore[no-untyped-def]
    session()
    capsys.readouterr()
    assert main(args(tmp_path)) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert "too long" in err


def test_minutes_to_a_closed_standard_output_are_one_line(tmp_path: Path) -> None:
    path = session()
    done = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m codev_tui export "{path}" -o - >&-'],
        capture_output=True,
        text=True,
        timeout=20,
        env=os.environ,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == ["codev: cannot write the output: standard output is closed"]


def test_minutes_on_a_latin1_terminal_hold_no_c1_control(tmp_path: Path) -> None:
    """The pictures of control characters are three bytes in UTF-8, one of which (0x9B: CSI,
    0x9D: OSC) a Latin-1 terminal obeys: a terminal gets the minutes in its own encoding."""
    path = session(note="un ESC \x1b[31m, un GS \x1d, un DLE \x10")
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "codev_tui", "export", str(path), "-o", "-"],
        stdout=child_fd,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(child_fd)
    received = b""
    while True:
        ready, _, _ = select.select([main_fd], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        received += chunk
    assert proc.wait(timeout=20) == 0
    os.close(main_fd)
    assert b"un ESC" in received
    assert not any(0x80 <= b <= 0x9F for b in received), received
    assert b"\x1b" not in received


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_script_path_that_is_no_file_is_named_as_such(
    tmp_path: Path, capsys: Capsys, kind: str
) -> None:
    target = tmp_path / "script.toml"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    assert main(["agenda", "--script", str(target)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "script.toml" in err
    assert "no script named" not in err


def test_minutes_never_go_over_a_lock_file_nor_to_a_folder_name(
    tmp_path: Path, capsys: Capsys
) -> None:
    """A lock file replaced would no longer be the one another codev holds; `out/new/` names
    a folder, not a file called `new`."""
    path = session()
    lock = path.with_name(f".{path.name}.lock")
    lock.write_text("12345")
    capsys.readouterr()
    assert main(["export", str(path), "-o", str(lock), "--force"]) == 2
    assert "lock file" in capsys.readouterr().err
    assert lock.read_text() == "12345"
    assert main(["export", str(path), "-o", f"{tmp_path}/new/"]) == 2
    assert "folder" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_help_to_a_full_disk_is_an_error(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "codev_tui", "--help"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=20,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "cannot write the output" in done.stderr
