"""`codev export -o DEST` never writes the minutes over a session or into a device.

Refused even with `--force`, in one line, exit 2, nothing touched: the session file itself (by
its path, another path, a symlink or a hard link), any other codev session file (whatever its
name), and what is not a regular file (a device, a FIFO, a socket, a symlink to one, a folder).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.cli import main
from codev_tui.core.script import validate_script
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile

SCRIPT = {
    "script": {"name": "Test", "lang": "fr"},
    "phases": [{"id": "a", "title": "A", "minutes": 5}],
}


def make_session(folder: Path, topic: str) -> Path:
    script = validate_script(SCRIPT, "test")
    with SessionFile.create(
        folder, script, Roster(topic=topic), now=lambda: datetime(2026, 11, 29, tzinfo=UTC)
    ) as file:
        file.record("note", phase="a", kind="note", text="Une note", author="", confidential=False)
        return file.path


Dest = Callable[[Path, Path], Path]


def _other_session(session: Path, tmp: Path) -> Path:
    return make_session(session.parent, "Une autre")


def _session_renamed(session: Path, tmp: Path) -> Path:
    other = make_session(tmp / "ailleurs", "Renommée")
    return other.rename(tmp / "compte-rendu.md")


def _symlink_to(target: Callable[[Path, Path], Path]) -> Dest:
    def dest(session: Path, tmp: Path) -> Path:
        link = tmp / "lien.md"
        link.symlink_to(target(session, tmp))
        return link

    return dest


def _fifo(session: Path, tmp: Path) -> Path:
    fifo = tmp / "tube.md"
    os.mkfifo(fifo)
    return fifo


def _socket(session: Path, tmp: Path) -> Path:
    path = tmp / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    _OPEN.append(server)
    return path


def _terminal(session: Path, tmp: Path) -> Path:
    """A character device of our own: a pty's slave side (never /dev/null, which a broken
    export run as root would replace)."""
    main_fd, slave_fd = os.openpty()
    _FDS.extend([main_fd, slave_fd])
    return Path(os.ttyname(slave_fd))


def _hard_link(session: Path, tmp: Path) -> Path:
    link = tmp / "dur.md"
    os.link(session, link)
    return link


def _folder(session: Path, tmp: Path) -> Path:
    (tmp / "dossier").mkdir()
    return tmp / "dossier"


_OPEN: list[socket.socket] = []
_FDS: list[int] = []

DESTINATIONS: dict[str, Dest] = {
    "the-session-itself": lambda s, t: s,
    "the-session-by-another-path": lambda s, t: s.parent / ".." / s.parent.name / s.name,
    "a-symlink-to-the-session": _symlink_to(lambda s, t: s),
    "a-hard-link-to-the-session": _hard_link,
    "another-session": _other_session,
    "a-session-under-another-name": _session_renamed,
    "a-symlink-to-another-session": _symlink_to(_other_session),
    "a-terminal-device": _terminal,
    "a-symlink-to-a-terminal-device": _symlink_to(_terminal),
    "a-fifo": _fifo,
    "a-symlink-to-a-fifo": _symlink_to(_fifo),
    "a-socket": _socket,
    "a-folder": _folder,
}


@pytest.fixture(autouse=True)
def _close_sockets() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()
    while _FDS:
        os.close(_FDS.pop())


@pytest.mark.parametrize("force", [False, True], ids=["", "--force"])
@pytest.mark.parametrize("dest", DESTINATIONS.values(), ids=DESTINATIONS.keys())
def test_export_refuses_a_destination_that_is_not_for_minutes(
    tmp_path: Path, dest: Dest, force: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = locations.data_dir()
    session = make_session(folder, "La séance")
    target = dest(session, tmp_path)
    files = [*folder.glob("*.toml"), *tmp_path.glob("*.md")]
    sessions = {p: p.read_bytes() for p in files if p.is_file()}  # never open the FIFO
    status = main(["export", str(session), "-o", str(target), *(["--force"] if force else [])])
    out, err = capsys.readouterr()
    assert status == 2
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "cannot write to" in lines[0] and "--force" not in lines[0], lines[0]
    assert out == ""
    for path, before in sessions.items():
        assert path.read_bytes() == before  # no session touched
    assert not list(tmp_path.glob(".*.tmp")) and not list(folder.glob(".*.tmp"))


@pytest.mark.parametrize(
    "dest",
    [
        pytest.param(lambda t: t / "cr.md", id="a-new-file"),
        pytest.param(lambda t: _existing(t / "ancien.md"), id="older-minutes"),
        pytest.param(lambda t: _existing(t / "notes.toml"), id="a-toml-that-is-no-session"),
    ],
)
def test_export_with_force_still_replaces_a_regular_file(
    tmp_path: Path, dest: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    session = make_session(locations.data_dir(), "La séance")
    target = dest(tmp_path)
    assert main(["export", str(session), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# La séance")


def _existing(path: Path) -> Path:
    path.write_text('# Ancien compte rendu\n\nschema = "pas une séance"\n')
    return path
